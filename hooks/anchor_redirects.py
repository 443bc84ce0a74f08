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
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from anchor_registry import (
    MOVED_ATTR,
    MOVED_CLASS_OTHER_PAGE,
    MOVED_CLASS_SAME_PAGE,
    REGISTRY_PATH,
    load_registry,
    published_url,
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
        if "/" + published_url(file) == url:
            return file.src_uri
    return None


def _register_page_moves(files, config):
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


def _href(files, page, new_location):
    """Relative link from ``page`` to a registry location, in this build's URL style."""
    new_url, anchor = split_location(new_location)
    src_uri = _src_uri_for_url(files, new_url)
    target = files.get_file_from_path(src_uri).url if src_uri else new_url.lstrip("/")
    return get_relative_url(target, page.url) + (f"#{anchor}" if anchor else "")


def _same_page_alias(html, old_anchor, new_anchor, new_location, where):
    target = re.search(rf'<[a-z][a-z0-9]*\b[^>]*\sid="{re.escape(new_anchor)}"', html)
    if target is None:
        raise PluginError(f"{where}: tujuan pindahan {new_location} tidak ada di halamannya.")
    alias = f'<span id="{old_anchor}" class="{MOVED_CLASS_SAME_PAGE}" {MOVED_ATTR}="{new_location}"></span>'
    return html[: target.start()] + alias + html[target.start():]


def _other_page_pointer(href, old_anchor, new_location):
    href = html_lib.escape(href, quote=True)
    return (
        f'<p id="{old_anchor}" class="{MOVED_CLASS_OTHER_PAGE}" {MOVED_ATTR}="{new_location}">'
        f'Bagian ini sudah pindah: <a href="{href}">buka tempat barunya</a>.</p>'
        f"<script>if(location.hash===\"#{old_anchor}\")location.replace({json.dumps(href)})</script>"
    )


ARTICLE_OPEN = re.compile(r'<article class="md-content__inner[^"]*">')


@event_priority(50)  # before mkdocs-redirects reads its redirect_maps (on_files)
def on_files(files, config):
    _state["files"] = files
    return _register_page_moves(files, config)


def on_post_page(output, page, config):
    """Place the old ids in the final HTML, where every hook (and the Tautan
    Kelas list, filled in on_env) has already put its own ids."""
    page_url = "/" + published_url(page)
    aliases = _state["registry"].aliases_by_page().get(page_url, [])
    if not aliases:
        return output
    where = f"{REGISTRY_PATH.as_posix()} ({page.file.src_uri})"
    pointers = []
    for old_anchor, new_location in aliases:
        new_url, new_anchor = split_location(new_location)
        if new_url == page_url and new_anchor:
            output = _same_page_alias(output, old_anchor, new_anchor, new_location, where)
        else:
            href = _href(_state["files"], page, new_location)
            pointers.append(_other_page_pointer(href, old_anchor, new_location))
    if pointers:
        article = ARTICLE_OPEN.search(output)
        if article is None:
            raise PluginError(f"{where}: halaman tanpa isi artikel; penunjuk pindahan tidak bisa dipasang.")
        output = output[: article.end()] + "".join(pointers) + output[article.end():]
    return output
