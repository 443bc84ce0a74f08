"""Where the handout's pages come from: the nav of mkdocs.yml and the built site.

The handout is made from the rendered pages (not from the Markdown), so it
shows exactly what the website shows: section numbers, glossary links,
quizzes and the TKP items as the hooks rendered them.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

# Nav pages left out of the handout, with the reason (shown by --list).
# Kemajuan Belajar only exists in the browser (progress in localStorage);
# Tautan Kelas is the QR sheet for classrooms, printed from its own page.
SKIPPED_PAGES = {
    "kemajuan-belajar.md": "kemajuan belajar hanya ada di peramban",
    "tautan-kelas.md": "lembar kode QR untuk kelas, dicetak dari halamannya sendiri",
}
# Nav sections left out (the facilitators' guide is not for trainees).
SKIPPED_PREFIXES = ("fasilitator/",)


class HandoutError(Exception):
    """A problem an author or maintainer must fix; the message is Indonesian."""


@dataclass(frozen=True)
class NavPage:
    src: str  # Markdown path below docs/, e.g. "prinsip.md"
    url: str  # site-relative URL, e.g. "prinsip/"
    html_path: Path  # the built file

    @property
    def slug(self):
        """The page's id prefix in the handout ("index.md" -> "beranda")."""
        stem = self.src[: -len(".md")]
        if stem == "index":
            return "beranda"
        if stem.endswith("/index"):
            stem = stem[: -len("/index")]
        return stem.replace("/", "-")


@dataclass(frozen=True)
class SiteInfo:
    name: str
    author: str
    description: str
    copyright: str
    version: str
    source_title: str
    site_url: str
    build_date: datetime.date
    pages: tuple  # NavPage, nav order, skipped pages removed


def load_config(config_file):
    with open(config_file, encoding="utf-8") as handle:
        return yaml_load(handle)


def nav_sources(nav):
    """Every Markdown path in the nav, in nav order."""
    sources = []
    for entry in nav or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            sources += nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            sources.append(value)
    return sources


def page_url(src, use_directory_urls=True):
    """Site-relative URL of a built page, as MkDocs writes it."""
    stem = src[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def built_file(site_dir, url):
    path = PurePosixPath(url)
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return Path(site_dir) / path


def is_skipped(src):
    return src in SKIPPED_PAGES or src.startswith(SKIPPED_PREFIXES)


def handout_pages(config, site_dir):
    """The handout's pages in nav order; fails when a built page is missing."""
    use_directory_urls = config.get("use_directory_urls", True)
    pages, missing = [], []
    for src in nav_sources(config.get("nav")):
        if is_skipped(src):
            continue
        url = page_url(src, use_directory_urls)
        page = NavPage(src=src, url=url, html_path=built_file(site_dir, url))
        if not page.html_path.is_file():
            missing.append(page)
        pages.append(page)
    if not pages:
        raise HandoutError("mkdocs.yml: nav tidak berisi halaman apa pun untuk modul PDF.")
    if missing:
        lines = "\n".join(f"  - docs/{page.src} -> {page.html_path}" for page in missing)
        raise HandoutError(
            "Halaman nav tidak ada di situs hasil build, modul PDF tidak lengkap:\n"
            f"{lines}\nJalankan `make build` (atau perbaiki nav di mkdocs.yml), lalu ulangi."
        )
    return pages


def _first_page_soup(pages):
    return BeautifulSoup(pages[0].html_path.read_text(encoding="utf-8"), "html.parser")


def built_site_url(soup, page):
    """site_url as the site was built (from the canonical link), or None."""
    link = soup.find("link", rel="canonical")
    if not link or not link.get("href"):
        return None
    href = link["href"]
    return href[: len(href) - len(page.url)] if page.url and href.endswith(page.url) else href


def built_date(soup):
    """The build date shown in the footer (hooks/build_info.py), else today."""
    time = soup.select_one(".md-copyright time[datetime]")
    if time:
        try:
            return datetime.date.fromisoformat(time["datetime"])
        except ValueError:
            pass
    return datetime.date.today()


def site_info(config_file, site_dir):
    config = load_config(config_file)
    pages = handout_pages(config, site_dir)
    soup = _first_page_soup(pages)
    extra = config.get("extra") or {}
    site_url = built_site_url(soup, pages[0]) or config.get("site_url") or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return SiteInfo(
        name=config.get("site_name", ""),
        author=config.get("site_author", ""),
        description=" ".join((config.get("site_description") or "").split()),
        copyright=" ".join((config.get("copyright") or "").split()),
        version=str(extra.get("version", "")),
        source_title=extra.get("source_title", ""),
        site_url=site_url,
        build_date=built_date(soup),
        pages=tuple(pages),
    )
