"""Issue 3 acceptance on the built site: every outline item has its heading
anchor exactly once, material pages follow the page skeleton, and question
ids follow soal-<outline id>-<n> and are unique site-wide."""

import re
import sys
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conftest import page_url
from site_server import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from anchor_registry import MOVED_ATTR  # noqa: E402
from course_outline import load_outline  # noqa: E402

OUTLINE = load_outline(ROOT)
MATERIAL_PAGES = list(dict.fromkeys(item.page for item in OUTLINE.items)) + ["rangkuman.md"]
QUESTION_ID = re.compile(r"^soal-(?P<item>[a-z0-9-]+)-(?P<n>[1-9][0-9]*)$")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Generated pages that repeat other pages' content (print/PDF), not course pages.
GENERATED = ("print_page", "print-page")


def course_html(site_dir):
    """(site-relative path, parsed page) for every HTML page of the course."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.split("/")[0] in GENERATED:
            continue
        pages.append((relative, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")))
    return pages


@pytest.fixture(scope="module")
def pages(site_dir):
    return course_html(site_dir)


def page_soup(site_dir, md_path):
    html = site_dir / page_url(md_path) / "index.html"
    assert html.exists(), f"halaman {md_path} tidak ada di situs"
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")


def test_every_outline_id_is_one_heading_on_its_page(pages):
    found = {item.id: [] for item in OUTLINE.items}
    # Old places of a moved id (source/anchors.yml `moved:`) keep an alias
    # element; it is no heading, but it must lead to the item's heading.
    aliases = {item.id: [] for item in OUTLINE.items}
    for relative, soup in pages:
        for element in soup.find_all(id=True):
            if element["id"] in found and element.has_attr(MOVED_ATTR):
                aliases[element["id"]].append((relative, element[MOVED_ATTR]))
            elif element["id"] in found:
                found[element["id"]].append((relative, element.name))
    problems = []
    for item in OUTLINE.items:
        places = found[item.id]
        expected = page_url(item.page) + "index.html"
        for relative, target in aliases[item.id]:
            if target != f"/{page_url(item.page)}#{item.id}":
                problems.append(f"{relative}: #{item.id} dipindahkan ke {target}, bukan ke docs/{item.page}")
        if len(places) != 1:
            problems.append(f"docs/{item.page}: id #{item.id} ada {len(places)} kali: {places}")
        elif places[0] != (expected, places[0][1]) or places[0][1] not in HEADINGS:
            problems.append(f"docs/{item.page}: #{item.id} harus berupa judul di halaman ini, bukan {places[0]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("md_path", MATERIAL_PAGES)
def test_material_page_follows_the_skeleton(site_dir, md_path):
    article = page_soup(site_dir, md_path)
    where = f"docs/{md_path}"
    first_h2 = article.find("h2")
    objectives = [
        box for box in article.select(".admonition.abstract, details.abstract")
        if box.select_one(".admonition-title, summary").get_text(strip=True) == "Tujuan Pembelajaran"
    ]
    assert objectives, f"{where}: tidak ada admonisi abstract \"Tujuan Pembelajaran\""
    assert first_h2 is None or objectives[0] in first_h2.find_all_previous(), \
        f"{where}: \"Tujuan Pembelajaran\" harus di awal halaman, sebelum judul bagian pertama"
    assert objectives[0].find("li"), f"{where}: \"Tujuan Pembelajaran\" tanpa daftar tujuan"

    examples = [
        box for box in article.select(".admonition.example, details.example")
        if box.select_one(".admonition-title, summary").get_text(strip=True).startswith("Contoh")
    ]
    assert examples, f"{where}: tidak ada admonisi example berjudul \"Contoh ...\""

    key_points = article.select_one("h2#poin-kunci")
    reflection = article.select_one("h2#refleksi")
    assert key_points is not None, f"{where}: tidak ada judul \"Poin Kunci\" {{ #poin-kunci }}"
    assert key_points.find_next_sibling("ul"), f"{where}: \"Poin Kunci\" tanpa daftar poin"
    assert reflection is not None, f"{where}: tidak ada judul \"Refleksi\" {{ #refleksi }}"
    assert reflection in key_points.find_all_next(), f"{where}: \"Refleksi\" harus sesudah \"Poin Kunci\""
    assert reflection.find_next_sibling(["p", "ul", "ol"]), f"{where}: \"Refleksi\" tanpa pertanyaan"


def test_question_ids_name_outline_items_and_are_unique(pages):
    ids = OUTLINE.by_id()
    seen = Counter()
    problems = []
    for relative, soup in pages:
        for quiz in soup.select("div.quiz"):
            question_id = quiz.get("id", "")
            seen[question_id] += 1
            match = QUESTION_ID.match(question_id)
            if not match or match.group("item") not in ids:
                problems.append(f"{relative}: id soal \"{question_id}\" bukan soal-<id butir kerangka>-<n>")
    problems += [f"id soal \"{qid}\" dipakai {count} kali" for qid, count in seen.items() if count > 1]
    assert seen, "tidak ada soal di situs"
    assert not problems, "\n".join(problems)


def test_rangkuman_links_every_outline_section_instead_of_teaching_it(site_dir):
    article = page_soup(site_dir, "rangkuman.md")
    own_ids = {element["id"] for element in article.find_all(id=True)}
    assert not own_ids & set(ids := OUTLINE.by_id()), "rangkuman.md tidak boleh memakai id butir kerangka"
    linked = {link["href"].split("#", 1)[1] for link in article.select("a[href*='#']")}
    missing = sorted(set(ids) - linked)
    assert not missing, f"docs/rangkuman.md tidak menautkan butir: {missing}"
