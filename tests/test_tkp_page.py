"""The built Latihan TKP page: every item of data/tkp.yml with its anchor,
real radio inputs, the scoring key and links; the dated note; the page's own
small script and style, loaded there only."""

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from site_server import ROOT

LETTERS = "ABCDE"
BUDGET = 10 * 1024  # bytes: the page's own script and style together, minified


def bank_items():
    return yaml.safe_load((ROOT / "data" / "tkp.yml").read_text(encoding="utf-8"))["items"]


def outline_pages():
    outline = yaml.safe_load((ROOT / "source" / "outline.yml").read_text(encoding="utf-8"))
    return {item["id"]: item["page"] for item in outline["items"]}


def words(tag):
    return " ".join(tag.get_text(" ").split())


def plain(text):
    """Data text as shown (emphasis markers dropped, spaces collapsed)."""
    return " ".join(re.sub(r"[*_]", "", text).split())


@pytest.fixture(scope="module")
def soup(site_dir):
    return BeautifulSoup((site_dir / "latihan-tkp" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_item_has_its_anchor_situation_and_five_radio_inputs(soup):
    blocks = soup.select(".tkp-item")
    items = bank_items()
    assert [block["data-tkp"] for block in blocks] == [item["id"] for item in items]
    for number, (item, block) in enumerate(zip(items, blocks), start=1):
        heading = soup.find(id=item["id"])
        assert heading.name == "h3"
        assert words(heading).startswith(f"Soal {number}: {plain(item['title'])}")
        assert words(block.select_one(".tkp-situation")) == plain(item["situation"])
        fieldset = block.select_one("fieldset")
        question = item.get("question", "Apa yang Anda lakukan?")
        assert words(fieldset.legend) == f"Soal {number}: {question}"
        radios = fieldset.select("label > input[type=radio]")
        assert [int(radio["data-score"]) for radio in radios] == [o["score"] for o in item["options"]]
        assert {radio["name"] for radio in radios} == {item["id"]}
        labels = [words(radio.parent) for radio in radios]
        assert labels == [f"{letter}. {plain(o['text'])}" for letter, o in zip(LETTERS, item["options"])]
        live = block.select_one(".tkp-result")
        assert live["role"] == "status" and live["aria-live"] == "polite"


def test_every_item_has_a_scoring_key_with_reasons_and_links(soup):
    pages = outline_pages()
    for item in bank_items():
        key = soup.select_one(f'.tkp-item[data-tkp="{item["id"]}"] details.tkp-key')
        assert key is not None and key.summary is not None
        rows = [[words(cell) for cell in row.find_all("td")] for row in key.select("tbody tr")]
        expected = [[letter, str(o["score"]), plain(o["reason"])] for letter, o in zip(LETTERS, item["options"])]
        assert rows == expected, item["id"]
        hrefs = [a["href"] for a in key.select(".tkp-refs a")]
        assert hrefs == [f"../{pages[ref][:-3]}/#{ref}" for ref in item["exercises"]], item["id"]


def test_links_from_the_keys_reach_existing_anchors(soup, site_dir):
    for link in soup.select(".tkp-refs a"):
        page, anchor = link["href"].split("#")
        target = BeautifulSoup((site_dir / page[3:] / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert target.find(id=anchor) is not None, link["href"]


def test_dated_note_explains_tkp_scoring(soup):
    note = soup.find("time", attrs={"datetime": "2026-11-29"}).find_parent(class_="admonition")
    text = words(note)
    assert "setiap pilihan jawaban bernilai 1 sampai 5" in text
    assert "tidak ada satu jawaban yang benar" in text
    assert "bukan kunci resmi" in text


def test_without_script_the_results_section_says_how_to_count(soup):
    assert soup.find(id="hasil").name == "h2"
    assert "Hitung jumlah skor pilihan Anda dari kunci setiap soal" in words(soup.select_one("#tkp-summary"))


def test_script_and_style_are_small_minified_local_and_only_on_this_page(site_dir, soup):
    script = site_dir / "assets" / "tkp" / "tkp.js"
    style = site_dir / "assets" / "tkp" / "tkp.css"
    size = script.stat().st_size + style.stat().st_size
    assert size <= BUDGET, f"{size} bytes"
    for path, source in ((script, "tkp.js"), (style, "tkp.css")):
        original = (ROOT / "overrides" / "assets" / "tkp" / source).read_text(encoding="utf-8")
        built = path.read_text(encoding="utf-8")
        assert len(built) < len(original), f"{source} tidak diperkecil"
        assert "http" not in built and "/*" not in built
    assert soup.find("script", src="../assets/tkp/tkp.js") is not None
    assert soup.find("link", href="../assets/tkp/tkp.css") is not None
    for html_file in site_dir.rglob("*.html"):
        if html_file.parent.name != "latihan-tkp":
            assert "assets/tkp/" not in html_file.read_text(encoding="utf-8"), html_file
