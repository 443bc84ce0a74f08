"""Section numbers follow the nav: the same number on the heading, in the
page's table of contents, in the navigation and in the search index; the
anchors stay the explicit ids."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from site_server import build_site, copy_project, load_mkdocs_config, nav_pages, page_url

NUMBERED_SECTION = "Materi"


def chapter_pages(nav):
    for entry in nav:
        if isinstance(entry, dict) and NUMBERED_SECTION in entry:
            return nav_pages(entry[NUMBERED_SECTION])
    raise AssertionError("mkdocs.yml: nav tidak punya bagian Materi")


def soup_of(site_dir, md_path):
    return BeautifulSoup((site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8"), "html.parser")


def heading_numbers(soup):
    """{heading id: number} of the article's numbered headings, in order."""
    article = soup.select_one("article.md-content__inner")
    numbers = {}
    for heading in article.find_all(re.compile(r"^h[1-6]$")):
        span = heading.find("span", class_="section-number", recursive=False)
        if span is not None:
            numbers[heading["id"]] = span.get_text()
    return numbers


def expected_numbers(soup, chapter):
    """Numbers computed independently from the heading levels of the article."""
    article = soup.select_one("article.md-content__inner")
    expected, h2, h3 = {}, 0, 0
    for heading in article.find_all(["h1", "h2", "h3"]):
        if not heading.get("id") or heading.find_parent(class_="quiz"):
            continue
        if heading.name == "h1":
            expected[heading["id"]] = str(chapter)
        elif heading.name == "h2":
            h2, h3 = h2 + 1, 0
            expected[heading["id"]] = f"{chapter}.{h2}"
        else:
            h3 += 1
            expected[heading["id"]] = f"{chapter}.{h2}.{h3}"
    return expected


def toc_numbers(soup):
    toc = soup.select_one("nav.md-nav--secondary")
    numbers = {}
    for link in toc.select("a.md-nav__link"):
        span = link.find("span", class_="section-number")
        if span is not None:
            numbers[link["href"].lstrip("#")] = span.get_text()
    return numbers


def search_titles(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {entry["location"]: entry["title"] for entry in index["docs"]}


def nav_labels(soup):
    """Text of every page link in the primary navigation."""
    return [" ".join(link.get_text().split()) for link in soup.select("nav.md-nav--primary a.md-nav__link")]


CHAPTERS = chapter_pages(load_mkdocs_config()["nav"])


@pytest.mark.parametrize("position,md_path", list(enumerate(CHAPTERS, start=1)))
def test_chapter_headings_are_numbered_in_nav_order(site_dir, position, md_path):
    soup = soup_of(site_dir, md_path)
    numbers = heading_numbers(soup)
    assert numbers == expected_numbers(soup, position), md_path
    assert list(numbers.values())[0] == str(position)
    assert len(numbers) > 1, f"{md_path}: tidak ada judul h2 bernomor"


@pytest.mark.parametrize("position,md_path", list(enumerate(CHAPTERS, start=1)))
def test_same_numbers_in_toc_and_search_index(site_dir, position, md_path):
    soup = soup_of(site_dir, md_path)
    numbers = heading_numbers(soup)
    h1_id = next(iter(numbers))
    sub_numbers = {ident: number for ident, number in numbers.items() if ident != h1_id}
    assert toc_numbers(soup) == sub_numbers
    titles = search_titles(site_dir)
    url = page_url(md_path)
    assert titles[url].startswith(f"{position} ")
    for ident, number in sub_numbers.items():
        assert titles[f"{url}#{ident}"].startswith(f"{number} "), ident


def test_navigation_shows_chapter_numbers(site_dir):
    # navigation.prune renders a section's pages only on the pages inside it
    labels = nav_labels(soup_of(site_dir, CHAPTERS[0]))
    nav = load_mkdocs_config()["nav"]
    materi = next(entry[NUMBERED_SECTION] for entry in nav if isinstance(entry, dict) and NUMBERED_SECTION in entry)
    for position, entry in enumerate(materi, start=1):
        title = next(iter(entry))
        assert f"{position} {title}" in labels


@pytest.mark.parametrize("md_path", [p for p in nav_pages() if p not in CHAPTERS])
def test_other_pages_stay_unnumbered(site_dir, md_path):
    soup = soup_of(site_dir, md_path)
    headings = soup.select_one("article.md-content__inner").find_all(re.compile(r"^h[1-6]$"))
    assert not any(heading.find(class_="section-number") for heading in headings), md_path
    assert soup.select_one("nav.md-nav--secondary .section-number") is None, md_path


def test_numbers_are_not_part_of_anchors(site_dir):
    soup = soup_of(site_dir, "prinsip.md")
    heading = soup.find(id="prinsip-kepercayaan")
    assert heading.name == "h2"
    assert heading.find("span", class_="section-number") is not None
    assert soup.find(id=re.compile(r"^\d")) is None


def test_numbering_follows_a_reordered_nav(tmp_path):
    config = copy_project(tmp_path / "project")
    text = config.read_text(encoding="utf-8")
    tujuan, prinsip = "      - Tujuan: tujuan.md\n", "      - Prinsip: prinsip.md\n"
    assert tujuan in text and prinsip in text
    swapped = text.replace(tujuan, "@@T@@").replace(prinsip, tujuan).replace("@@T@@", prinsip)
    config.write_text(swapped, encoding="utf-8")
    site_dir = tmp_path / "site"
    build_site(site_dir, config_file=config)

    prinsip_page, tujuan_page = soup_of(site_dir, "prinsip.md"), soup_of(site_dir, "tujuan.md")
    assert list(heading_numbers(prinsip_page).values())[:2] == ["4", "4.1"]
    assert list(heading_numbers(tujuan_page).values())[:2] == ["5", "5.1"]
    assert heading_numbers(prinsip_page) == expected_numbers(prinsip_page, 4)
    labels = nav_labels(prinsip_page)
    assert "4 Prinsip" in labels and "5 Tujuan" in labels
    assert search_titles(site_dir)["prinsip/#prinsip-kepercayaan"].startswith("4.2 ")
