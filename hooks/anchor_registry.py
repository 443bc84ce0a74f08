"""The anchor registry (source/anchors.yml): every page URL and anchor ever
published, and where moved ones went. Shared by hooks/anchor_redirects.py (the
build sends old links to the new place) and scripts/anchors.py (add, check).

Not a hook itself (see hooks/course_outline.py for the same pattern).

Locations are site URLs with a leading slash: "/prinsip/" for a page,
"/prinsip/#prinsip-kepercayaan" for an anchor on it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REGISTRY_PATH = Path("source") / "anchors.yml"
PAGES_KEY = "pages:"
MOVED_CLASS_SAME_PAGE = "anchor-alias"
MOVED_CLASS_OTHER_PAGE = "anchor-moved"
MOVED_ATTR = "data-moved-to"

# Anchors worth a promise: headings (h2-h6: a link to the h1 is the page URL
# itself, and its id is often a slug of an editable title), glossary terms,
# quiz questions, TKP items.
QUESTION_CLASS = "quiz"
TKP_ID = re.compile(r"^tkp-[0-9]+$")


def published_url(page_or_file):
    """A page's URL on the published site without the leading slash ("prinsip/"),
    also in a build with .html URLs (the offline bundle). Takes a Page or a File."""
    src_uri = getattr(page_or_file, "src_uri", None) or page_or_file.file.src_uri
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def split_location(location):
    """"/a/#b" -> ("/a/", "b"); "/a/" -> ("/a/", None)."""
    url, _, anchor = location.partition("#")
    return url, (anchor or None)


def join_location(url, anchor=None):
    return f"{url}#{anchor}" if anchor else url


@dataclass
class Registry:
    path: Path
    pages: dict = field(default_factory=dict)  # url -> [anchor, ...]
    moved: dict = field(default_factory=dict)  # old location -> new location

    def page_moves(self):
        return {old: new for old, new in self.moved.items() if "#" not in old}

    def anchor_moves(self):
        return {old: new for old, new in self.moved.items() if "#" in old}

    def landing_page(self, url):
        """Where a browser ends up for an old page URL (after page redirects)."""
        return self.page_moves().get(url, url)

    def aliases_by_page(self):
        """{page url: [(old anchor, new location)]}: the moved anchors each
        built page must answer for (old id placed at or pointing to the new place)."""
        aliases = {}
        for old, new in self.anchor_moves().items():
            old_url, old_anchor = split_location(old)
            aliases.setdefault(self.landing_page(old_url), []).append((old_anchor, new))
        return aliases


def registry_path(project_root):
    return Path(project_root) / REGISTRY_PATH


def load_registry(project_root):
    path = registry_path(project_root)
    if not path.exists():
        return Registry(path=path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: faster
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    moved = data.get("moved") or {}
    pages = data.get("pages") or {}
    for old, new in moved.items():
        if not (str(old).startswith("/") and str(new).startswith("/")):
            raise ValueError(
                f'{path}: pindahan "{old}: {new}" harus berupa URL situs yang diawali "/", '
                'misalnya "/prinsip/#id-lama": "/prinsip/#id-baru".'
            )
    return Registry(
        path=path,
        pages={url: list(anchors or []) for url, anchors in pages.items()},
        moved={str(old): str(new) for old, new in moved.items()},
    )


def save_pages(registry):
    """Rewrite the `pages:` block; everything above it (comments, `moved`) stays."""
    text = registry.path.read_text(encoding="utf-8") if registry.path.exists() else ""
    lines = text.split("\n")
    head = lines[: lines.index(PAGES_KEY)] if PAGES_KEY in lines else lines
    body = yaml.safe_dump({"pages": registry.pages}, allow_unicode=True, sort_keys=False, width=100)
    registry.path.write_text("\n".join(head).rstrip("\n") + "\n\n" + body, encoding="utf-8")


def page_url_of(html_file, site_dir):
    relative = html_file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def anchors_of_page(html):
    """The promised anchors of one built page, in document order."""
    from bs4 import BeautifulSoup  # test/script dependency only

    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return None
    anchors = []
    for element in article.find_all(id=True):
        classes = element.get("class") or []
        if MOVED_CLASS_SAME_PAGE in classes or MOVED_CLASS_OTHER_PAGE in classes:
            continue
        ident = element["id"]
        if (
            re.fullmatch(r"h[2-6]", element.name)
            or element.name == "dt"
            or (element.name == "div" and QUESTION_CLASS in classes and ident.startswith("soal-"))
            or TKP_ID.match(ident)
        ) and ident not in anchors:
            anchors.append(ident)
    return anchors


def collect_site(site_dir):
    """{page url: [anchor, ...]} for every content page of a built site."""
    site_dir = Path(site_dir)
    pages = {}
    for html_file in sorted(site_dir.rglob("*.html")):
        if html_file.name == "404.html":
            continue
        anchors = anchors_of_page(html_file.read_text(encoding="utf-8"))
        if anchors is not None:
            pages[page_url_of(html_file, site_dir)] = anchors
    return pages


def add_new(registry, site_pages):
    """Add pages and anchors of the built site that the registry lacks.
    Never removes anything. Returns the added locations."""
    added = []
    for url, anchors in site_pages.items():
        if url not in registry.pages:
            added.append(url)
        known = registry.pages.setdefault(url, [])
        for anchor in anchors:
            if anchor not in known:
                known.append(anchor)
                added.append(join_location(url, anchor))
    return added


def _redirect_target(html_file, old_url):
    """The page URL a mkdocs-redirects stub sends the browser to, or None."""
    from urllib.parse import urljoin, urlparse

    match = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html_file.read_text(encoding="utf-8"))
    if not match:
        return None
    return urlparse(urljoin("http://site" + old_url, match.group(1))).path


def _alias_target(site_dir, page_url, anchor):
    """The data-moved-to of the element with id ``anchor`` on a built page."""
    from bs4 import BeautifulSoup

    html_file = Path(site_dir) / (page_url.lstrip("/") + "index.html")
    if not html_file.exists():
        return None
    element = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").find(id=anchor)
    return element.get(MOVED_ATTR) if element is not None else None


def check(registry, site_dir):
    """Problems (Indonesian messages) with the registered anchors of a built site."""
    site_pages = collect_site(site_dir)
    where = REGISTRY_PATH.as_posix()
    problems = []
    page_moves = registry.page_moves()

    def exists(location):
        url, anchor = split_location(location)
        return url in site_pages and (anchor is None or anchor in site_pages[url])

    for url, anchors in registry.pages.items():
        if url not in site_pages:
            if url not in page_moves:
                problems.append(
                    f'{where}: halaman {url} terdaftar tetapi hilang dari situs. Kembalikan halamannya, '
                    f'atau catat alamat barunya di bagian moved, misalnya "{url}": "/alamat-baru/".'
                )
                continue
            new_url = page_moves[url]
            if not exists(new_url):
                problems.append(f"{where}: halaman {url} dipindahkan ke {new_url}, tetapi {new_url} tidak ada di situs.")
                continue
            redirect = Path(site_dir) / (url.lstrip("/") + "index.html")
            if not redirect.exists() or _redirect_target(redirect, url) != new_url:
                problems.append(
                    f"{where}: halaman {url} dipindahkan ke {new_url}, tetapi situs tidak mengalihkan {url} ke sana "
                    "(periksa plugin redirects dan hook anchor_redirects)."
                )
        for anchor in anchors:
            old = join_location(url, anchor)
            if url in site_pages and anchor in site_pages[url]:
                continue
            if old in registry.moved:
                new = registry.moved[old]
            elif url in page_moves:
                new = join_location(page_moves[url], anchor)
            else:
                problems.append(
                    f"{where}: jangkar {old} terdaftar tetapi hilang dari situs. Kembalikan id itu, atau catat "
                    f'tempat barunya di bagian moved, misalnya "{old}": "{url}#id-baru".'
                )
                continue
            if not exists(new):
                problems.append(f"{where}: jangkar {old} dipindahkan ke {new}, tetapi {new} tidak ada di situs.")
            elif old in registry.moved and _alias_target(site_dir, registry.landing_page(url), anchor) != new:
                problems.append(
                    f"{where}: jangkar {old} dipindahkan ke {new}, tetapi halaman {registry.landing_page(url)} "
                    f"tidak mengantar id {anchor} ke sana (hook anchor_redirects tidak aktif?)."
                )
    return problems


def unregistered(registry, site_dir):
    """Locations of the built site that the registry does not list yet."""
    missing = []
    for url, anchors in collect_site(site_dir).items():
        known = registry.pages.get(url)
        if known is None:
            missing.append(url)
            known = []
        missing += [join_location(url, anchor) for anchor in anchors if anchor not in known]
    return missing
