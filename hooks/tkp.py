"""Latihan TKP: items scored 1 to 5 per option (data/tkp.yml).

- on_config: load and validate the bank against source/outline.yml; any
  problem stops the build with Indonesian messages naming file, line, item.
- on_files: check that a page holds the marker; ship overrides/assets/tkp/
  minified (rjsmin, rcssmin).
- on_page_markdown: replace the marker ``<!-- tkp:soal -->`` with the items.
- on_post_page: load the script and style on those pages only.
"""

import posixpath

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from course_outline import load_outline, project_root_of
from tkp_bank import BankError, load_bank
from tkp_render import render_bank

MARKER = "<!-- tkp:soal -->"
SCRIPT = "assets/tkp/tkp.js"
STYLE = "assets/tkp/tkp.css"
MINIFIERS = {SCRIPT: rjsmin.jsmin, STYLE: rcssmin.cssmin}

_state = {"items": (), "outline": None, "pages": set()}


def on_config(config):
    outline = load_outline(project_root_of(config))
    try:
        items = load_bank(project_root_of(config), outline)
    except BankError as error:
        raise PluginError("Bank soal TKP tidak valid:\n" + str(error)) from None
    _state.update(items=items, outline=outline, pages=set())
    return config


def on_files(files, config):
    if not any(MARKER in page.content_string for page in files.documentation_pages()):
        raise PluginError(f"docs/: penanda {MARKER} (tempat soal Latihan TKP) tidak ada di halaman mana pun.")
    for uri, minify in MINIFIERS.items():
        source = files.get_file_from_path(uri)
        if source is None:
            raise PluginError(f"overrides/{uri}: berkas aset Latihan TKP tidak ditemukan.")
        with open(source.abs_src_path, encoding="utf-8") as handle:
            content = minify(handle.read())
        files.remove(source)
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown, page, **kwargs):
    if MARKER not in markdown:
        return markdown
    src_path = page.file.src_path
    _state["pages"].add(src_path)
    rendered = render_bank(_state["items"], _state["outline"], posixpath.normpath(src_path))
    return markdown.replace(MARKER, rendered, 1)


def on_post_page(output, page, config):
    if page.file.src_path not in _state["pages"]:
        return output
    style = get_relative_url(STYLE, page.url)
    script = get_relative_url(SCRIPT, page.url)
    output = output.replace("</head>", f'<link rel="stylesheet" href="{style}">\n</head>', 1)
    return output.replace("</body>", f'<script src="{script}" defer></script>\n</body>', 1)
