"""Latihan TKP: items scored 1 to 5 per option (data/tkp.yml).

- on_config: load and validate the bank against source/outline.yml; any
  problem stops the build with Indonesian messages naming file, line, item.
- on_files: check that a page holds the marker and that the script and style
  of overrides/assets/tkp/ are there (hooks/minify_assets.py minifies them).
- on_page_markdown: replace the marker ``<!-- tkp:soal -->`` with the items.
- on_post_page: load the script and style on those pages only.
"""

import posixpath

from mkdocs.exceptions import PluginError

from course_outline import load_outline, project_root_of
from page_assets import add_deferred_script, add_stylesheet
from tkp_bank import BankError, load_bank
from tkp_render import render_bank

MARKER = "<!-- tkp:soal -->"
SCRIPT = "assets/tkp/tkp.js"
STYLE = "assets/tkp/tkp.css"

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
    for uri in (SCRIPT, STYLE):  # minified by hooks/minify_assets.py
        if files.get_file_from_path(uri) is None:
            raise PluginError(f"overrides/{uri}: berkas aset Latihan TKP tidak ditemukan.")
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
    return add_deferred_script(add_stylesheet(output, page, STYLE), page, SCRIPT)
