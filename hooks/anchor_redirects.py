"""Send old links to the new place, as recorded under `moved:` in source/anchors.yml.

- A moved page ("/lama/": "/baru/"): handed to the mkdocs-redirects plugin,
  whose stub page keeps the #anchor while redirecting.
- An anchor moved on the same page ("/p/#lama": "/p/#baru"): an empty element
  with the old id right before the new target, so the browser scrolls there.
- An anchor moved to another page ("/p/#lama": "/q/#baru"): on /p/ an element
  with the old id holding a link to the new place (shown only when targeted)
  and a one-line script that replaces the location.

scripts/anchors.py check verifies all of this on the built site.
"""

import html as html_lib
import json
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from anchor_registry import (
    MOVED_ATTR,
    MOVED_CLASS_OTHER_PAGE,
    MOVED_CLASS_SAME_PAGE,
    REGISTRY_PATH,
    load_registry,
    split_location,
)
from course_outline import project_root_of

_state = {}


def on_config(config):
    try:
        _state["registry"] = load_registry(project_root_of(config))
    except ValueError as error:
        raise PluginError(str(error)) from error
    return config


def _src_uri_for_url(files, url):
    for file in files.documentation_pages():
        if "/" + file.url == url or (url == "/" and file.url in ("", "./")):
            return file.src_uri
    return None


@event_priority(50)  # before mkdocs-redirects reads its redirect_maps (on_files)
def on_files(files, config):
    moves = _state["registry"].page_moves()
    if not moves:
        return files
    where = REGISTRY_PATH.as_posix()
    plugin = config.plugins.get("redirects")
    if plugin is None:
        raise PluginError(f"{where}: ada halaman yang dipindahkan, tetapi plugin redirects tidak aktif di mkdocs.yml.")
    for old_url, new_url in moves.items():
        new_src = _src_uri_for_url(files, new_url)
        if new_src is None:
            raise PluginError(f'{where}: pindahan "{old_url}": "{new_url}": {new_url} bukan halaman situs.')
        if _src_uri_for_url(files, old_url) is not None:
            raise PluginError(f'{where}: pindahan "{old_url}": "{new_url}": {old_url} masih berupa halaman.')
        old_src = old_url.strip("/") + ".md"
        plugin.config["redirect_maps"][old_src] = new_src
    return files


def _relative(from_url, to_location):
    to_url, anchor = split_location(to_location)
    path = posixpath.relpath(to_url, from_url) + ("/" if to_url.endswith("/") else "")
    path = "./" if path in ("./", "./.") else path
    return path + (f"#{anchor}" if anchor else "")


def _same_page_alias(html, old_anchor, new_anchor, new_location, where):
    target = re.search(rf'<[a-z][a-z0-9]*\b[^>]*\sid="{re.escape(new_anchor)}"', html)
    if target is None:
        raise PluginError(f"{where}: tujuan pindahan {new_location} tidak ada di halamannya.")
    alias = f'<span id="{old_anchor}" class="{MOVED_CLASS_SAME_PAGE}" {MOVED_ATTR}="{new_location}"></span>'
    return html[: target.start()] + alias + html[target.start():]


def _other_page_pointer(page_url, old_anchor, new_location):
    href = html_lib.escape(_relative(page_url, new_location), quote=True)
    return (
        f'<p id="{old_anchor}" class="{MOVED_CLASS_OTHER_PAGE}" {MOVED_ATTR}="{new_location}">'
        f'Bagian ini sudah pindah: <a href="{href}">buka tempat barunya</a>.</p>'
        f"<script>if(location.hash===\"#{old_anchor}\")location.replace({json.dumps(href)})</script>"
    )


@event_priority(-300)  # last: every other hook has placed its ids
def on_page_content(html, page, config, files):
    page_url = "/" + page.url
    aliases = _state["registry"].aliases_by_page().get(page_url, [])
    where = f"{REGISTRY_PATH.as_posix()} ({page.file.src_uri})"
    pointers = []
    for old_anchor, new_location in aliases:
        new_url, new_anchor = split_location(new_location)
        if new_url == page_url and new_anchor:
            html = _same_page_alias(html, old_anchor, new_anchor, new_location, where)
        else:
            pointers.append(_other_page_pointer(page_url, old_anchor, new_location))
    return "".join(pointers) + html
