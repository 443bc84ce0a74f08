"""The "Tautan Kelas" page: every section, quiz question and TKP item with its
full URL on the published site (config.site_url) and a QR code.

The page (docs/tautan-kelas.md) holds a marker comment; once every page is
rendered (on_env) the marker becomes the list, grouped by page in nav order,
with section numbers from hooks/section_numbers.py. Each QR code is an SVG
file written by segno into assets/qr/ of the built site (on_post_build) and
loaded lazily, so the page itself stays small. Generated codes are cached in
~/.cache/jejaring-kerja/qr/ (or $XDG_CACHE_HOME), keyed by URL and options.
"""

import hashlib
import html as html_lib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import segno
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

import section_numbers
from anchor_registry import published_url
from course_outline import project_root_of
from quiz_ids import read_question_ids

PAGE = "tautan-kelas.md"
MARKER = "<!-- tautan-kelas -->"
TKP_PAGE = "latihan-tkp.md"
TKP_DATA = Path("data") / "tkp.yml"
SKIPPED_FOLDERS = ("fasilitator/",)  # instructors' pages: no QR codes for trainees
QR_FOLDER = "assets/qr"
CSS = "assets/class-links/class-links.css"
JS = "assets/class-links/class-links.js"
LABEL_LENGTH = 90
QUESTION_TEXT = re.compile(r'class="quiz-question"[^>]*>(.*?)</div>', re.S)
BLANK = re.compile(r"<input[^>]*>")
SVG_OPTIONS = {"xmldecl": False, "svgns": True, "omitsize": True, "border": 4, "dark": "#000", "light": "#fff", "nl": False}
KIND_NAMES = {"bagian": "Bagian", "soal": "Soal", "tkp": "TKP"}

_state = {}


@dataclass(frozen=True)
class ClassLink:
    kind: str  # bagian | soal | tkp
    number: str | None
    label: str
    url: str
    qr_file: str  # site-relative path of the SVG


@dataclass(frozen=True)
class LinkGroup:
    id: str
    title: str
    links: tuple


def qr_svg(url):
    """The QR code of ``url`` as a standalone, scalable SVG document."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", **SVG_OPTIONS)
    return buffer.getvalue().decode("ascii")


def qr_cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jejaring-kerja" / "qr"


def cached_qr_svg(url):
    """qr_svg(url), kept in the user's cache folder: choosing the best QR mask
    costs about 10 ms a code, and test suites build the site many times."""
    key = hashlib.sha256(f"{segno.__version__}|{sorted(SVG_OPTIONS.items())}|{url}".encode()).hexdigest()
    path = qr_cache_dir() / f"{key}.svg"
    try:
        return path.read_text(encoding="ascii")
    except OSError:
        pass
    svg = qr_svg(url)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="ascii")
    except OSError:
        pass  # no writable cache folder: build without caching
    return svg


def _text(fragment):
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return " ".join(text.split())


def _shorten(text):
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _qr_name(page, anchor=None):
    stem = published_url(page).strip("/").replace("/", "-") or "beranda"
    return f"{QR_FOLDER}/{stem}{'--' + anchor if anchor else ''}.svg"


def _link(kind, number, label, base, page, anchor=None):
    url = base + published_url(page) + (f"#{anchor}" if anchor else "")
    return ClassLink(kind, number, label, url, _qr_name(page, anchor))


def _flatten_toc(items):
    for item in items:
        yield item
        yield from _flatten_toc(item.children)


def _sections(page, base):
    """Numbered h2/h3 of a chapter page, or the h2 of an unnumbered page."""
    numbers = section_numbers.numbered_headings(page)
    for item in _flatten_toc(page.toc.items):
        if item.level == 1:
            continue
        if numbers and item.id in numbers:
            yield _link("bagian", numbers[item.id], _text(item.title.split("</span>", 1)[-1]), base, page, item.id)
        elif not numbers and item.level == 2:
            yield _link("bagian", None, _text(item.title), base, page, item.id)


def _questions(page, base):
    for question_id in read_question_ids(page.file.content_string, page.file.src_uri):
        content = page.content or ""
        start = content.find(f'id="{question_id}"')
        found = QUESTION_TEXT.search(content, start) if start >= 0 else None
        if found is None:
            raise PluginError(f"{page.file.src_uri}: soal {question_id} tidak ada di halaman jadi (Tautan Kelas).")
        text = BLANK.sub(" ___ ", found.group(1))
        yield _link("soal", None, _shorten(_text(text)), base, page, question_id)


def _tkp_items(page, base, project_root):
    path = project_root / TKP_DATA
    if not path.exists():
        return
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the bank is large
    for item in (yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}).get("items", []):
        if f'id="{item["id"]}"' not in (page.content or ""):
            raise PluginError(f"{TKP_DATA.as_posix()}: butir {item['id']} tidak ada di halaman {TKP_PAGE}.")
        yield _link("tkp", None, f"{item['id'].upper()}: {item['title']}", base, page, item["id"])


def collect_groups(nav, config):
    """Every linkable place of the course, grouped by page in nav order."""
    base = config.site_url or ""
    base = base if base.endswith("/") else base + "/"
    project_root = project_root_of(config)
    groups = []
    for page in nav.pages:
        src = page.file.src_uri
        if src == PAGE or src.startswith(SKIPPED_FOLDERS):
            continue
        number = section_numbers.number_for(page)
        heading = _text(page.toc.items[0].title) if page.toc.items else page.title
        links = [_link("bagian", number, heading.removeprefix(f"{number} ") if number else heading, base, page)]
        links += list(_sections(page, base))
        links += list(_questions(page, base))
        if src == TKP_PAGE:
            links += list(_tkp_items(page, base, project_root))
        title = f"{number} {page.title.removeprefix(f'{number} ')}" if number else page.title
        group_id = "kelas-" + (published_url(page).strip("/").replace("/", "-") or "beranda")
        groups.append(LinkGroup(id=group_id, title=title, links=tuple(links)))
    return groups


def render_link(link, page_url):
    number = section_numbers.number_html(link.number) if link.number else ""
    qr = html_lib.escape(get_relative_url(link.qr_file, page_url))
    url = html_lib.escape(link.url)
    return (
        '<li class="class-link">'
        f'<img class="class-link__qr" src="{qr}" alt="" width="96" height="96" loading="lazy" decoding="async">'
        '<span class="class-link__text">'
        f'<span class="class-link__kind">{KIND_NAMES[link.kind]}</span> '
        f'<span class="class-link__label">{number}{html_lib.escape(link.label)}</span>'
        f'<a class="class-link__url" href="{url}">{url}</a>'
        "</span></li>"
    )


def render_groups(groups, page_url):
    parts = [
        f'<link rel="stylesheet" href="{get_relative_url(CSS, page_url)}">',
        f'<script src="{get_relative_url(JS, page_url)}" defer></script>',
    ]
    for group in groups:
        parts.append(f'<section class="class-links" aria-labelledby="{group.id}">')
        parts.append(f'<h2 id="{group.id}">{html_lib.escape(group.title)}</h2>')
        parts.append('<ul class="class-links__list">')
        parts += [render_link(link, page_url) for link in group.links]
        parts.append("</ul></section>")
    return "\n".join(parts)


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    page = files.get_file_from_path(PAGE)
    if page is None or page.page is None:
        return env
    page = page.page
    if MARKER not in (page.content or ""):
        raise PluginError(f"docs/{PAGE}: penanda {MARKER} tidak ada; daftar tautan tidak bisa disisipkan.")
    groups = collect_groups(_state["nav"], config)
    _state["groups"] = groups
    page.content = page.content.replace(MARKER, render_groups(groups, page.url))
    toc_root = page.toc.items[0].children if page.toc.items else page.toc.items
    toc_root += [AnchorLink(html_lib.escape(group.title), group.id, 2) for group in groups]
    return env


def on_post_build(config):
    site_dir = Path(config.site_dir)
    for group in _state.get("groups", []):
        for link in group.links:
            target = site_dir / link.qr_file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(cached_qr_svg(link.url), encoding="ascii")
