"""Panduan Fasilitator: the required parts, session timings that add up,
links only to places that exist (and the strict build refusing a broken one),
and a setting that takes it out of the trainees' navigation without moving
any section number."""

import json
import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from site_server import ROOT, build_site, copy_project, load_mkdocs_config, nav_pages, page_url

GUIDE = [p for p in nav_pages() if p.startswith("fasilitator/")]
REQUIRED_PARTS = {
    "fasilitator/index.md": ["capaian-pembelajaran", "sebelum-kelas"],
    "fasilitator/rencana-sesi.md": ["rencana-dua-sesi", "sesi-pertama", "sesi-kedua", "rencana-satu-hari"],
    "fasilitator/kegiatan-kelas.md": [
        "kegiatan-mendengarkan",
        "kegiatan-72-jam",
        "kegiatan-nota-kesepahaman",
        "kegiatan-kasus-prinsip",
        "pertanyaan-diskusi",
    ],
    "fasilitator/alat-dan-kunci.md": [
        "alat-uji-pemahaman",
        "alat-latihan-tkp",
        "alat-peta-materi",
        "alat-tautan-kelas",
        "letak-kunci-jawaban",
    ],
}


def soup_at(site_dir, url_path):
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site_dir, md_path):
    return soup_at(site_dir, page_url(md_path)).select_one("article.md-content__inner")


def test_guide_is_in_the_nav():
    assert sorted(GUIDE) == sorted(REQUIRED_PARTS)


@pytest.mark.parametrize("md_path", sorted(REQUIRED_PARTS))
def test_guide_has_its_parts(site_dir, md_path):
    content = article(site_dir, md_path)
    for part in REQUIRED_PARTS[md_path]:
        assert content.find(id=part) is not None, f"{md_path}: bagian #{part} tidak ada"


def minute_ranges(table):
    ranges = []
    for row in table.select("tbody tr"):
        start, end = re.fullmatch(r"(\d+)–(\d+)", row.find("td").get_text(strip=True)).groups()
        ranges.append((int(start), int(end)))
    return ranges


@pytest.mark.parametrize("session", ["sesi-pertama", "sesi-kedua"])
def test_each_45_minute_session_adds_up(site_dir, session):
    content = article(site_dir, "fasilitator/rencana-sesi.md")
    ranges = minute_ranges(content.find(id=session).find_next("table"))
    assert ranges[0][0] == 0 and ranges[-1][1] == 45
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        assert end == start, f"{session}: waktu tidak bersambung"


def test_one_day_plan_has_eight_sessions(site_dir):
    content = article(site_dir, "fasilitator/rencana-sesi.md")
    rows = content.find(id="rencana-satu-hari").find_next("table").select("tbody tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == [str(n) for n in range(1, 9)]


def internal_links(site_dir, md_path):
    base = "http://site/" + page_url(md_path)
    for link in article(site_dir, md_path).select("a[href]"):
        href = link["href"]
        if href.startswith(("http:", "https:", "mailto:")) or link.find_parent("nav"):
            continue  # the downloads bar under each page is not the guide's text
        target = urlparse(urljoin(base, href))
        yield link, target.path.lstrip("/"), target.fragment


@pytest.mark.parametrize("md_path", GUIDE)
def test_guide_links_only_to_places_that_exist(site_dir, md_path):
    count = 0
    for link, path, fragment in internal_links(site_dir, md_path):
        html_file = site_dir / path / "index.html"
        assert html_file.exists(), f"{md_path}: {link['href']}"
        if fragment and "headerlink" not in (link.get("class") or []):
            assert soup_at(site_dir, path).find(id=fragment) is not None, f"{md_path}: {link['href']}"
        count += 1
    assert count > 3


@pytest.mark.parametrize("md_path", GUIDE)
def test_numbers_in_link_texts_match_the_site(site_dir, md_path):
    for link, path, fragment in internal_links(site_dir, md_path):
        written = re.match(r"(\d+(?:\.\d+)*) ", link.get_text())
        if not written:
            continue
        target = soup_at(site_dir, path)
        heading = target.find(id=fragment) if fragment else target.select_one("article h1")
        number = heading.find("span", class_="section-number")
        assert number is not None and number.get_text() == written.group(1), f"{md_path}: {link.get_text()}"


def test_strict_build_refuses_a_broken_guide_link(tmp_path):
    config = copy_project(tmp_path / "project")
    page = config.parent / "docs" / "fasilitator" / "kegiatan-kelas.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nLihat [bagian ini](../prinsip.md#prinsip-yang-tidak-ada).\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "site", config_file=config, check=False)
    assert result.returncode != 0
    assert "fasilitator/kegiatan-kelas.md" in result.stderr
    assert "prinsip-yang-tidak-ada" in result.stderr


@pytest.fixture(scope="module")
def hidden_guide_site(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("hidden-guide")
    build_site(site_dir, extra_env={"FASILITATOR_DI_NAV": "false"})
    return site_dir


def nav_texts(soup):
    return [" ".join(a.get_text().split()) for a in soup.select("nav.md-nav--primary .md-nav__link")]


def section_numbers(soup):
    return [span.get_text() for span in soup.select("article .section-number")]


def test_guide_is_in_the_default_navigation(site_dir):
    assert "Panduan Fasilitator" in nav_texts(soup_at(site_dir, ""))


def test_setting_hides_the_guide_without_moving_numbers(site_dir, hidden_guide_site):
    assert load_mkdocs_config()["extra"]["panduan_fasilitator_di_nav"] is True
    for url_path in ("", "prinsip/", "tautan-kelas/"):
        soup = soup_at(hidden_guide_site, url_path)
        assert "Panduan Fasilitator" not in nav_texts(soup), url_path
        assert not soup.select("a[href*='fasilitator/']"), url_path
    for md_path in nav_pages():
        if md_path not in GUIDE:
            url_path = page_url(md_path)
            assert section_numbers(soup_at(hidden_guide_site, url_path)) == section_numbers(soup_at(site_dir, url_path))
    for md_path in GUIDE:
        assert (hidden_guide_site / page_url(md_path) / "index.html").exists()
    index = json.loads((hidden_guide_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("fasilitator/")]
    assert (ROOT / "docs" / "fasilitator").is_dir()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("md_path", GUIDE)
def test_guide_has_no_accessibility_violations(guarded_page, site_url, md_path, scheme):
    from conftest import axe_violations, set_color_scheme

    guarded_page.goto(site_url + page_url(md_path))
    set_color_scheme(guarded_page, scheme)
    assert axe_violations(guarded_page) == []
    assert guarded_page.console_errors == []
