"""The shared glossary: rendered on the Glosarium page, definitions on every
link to an entry (hover, keyboard focus), Indonesian errors for bad data."""

import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import axe_violations, set_color_scheme
from site_server import ROOT, build_site, copy_project, nav_pages, page_url

sys.path.insert(0, str(ROOT / "hooks"))
from glossary import load_glossary, plain_text  # noqa: E402

ENTRIES, _OUTLINE = load_glossary(ROOT)
BY_ID = {entry.id: entry for entry in ENTRIES}
REQUIRED_IDS = (
    "jejaring-kerja kemitraan networking koordinasi kolaborasi sinergi nota-kesepahaman "
    "kesepakatan pemangku-kepentingan dudi visi misi kepercayaan efisiensi efektivitas "
    "komunikasi-timbal-balik komitmen proaktif transparansi kesetaraan berorientasi-hasil "
    "tkp diklatpim"
).split()
GLOSSARY_HREF = re.compile(r"(?:^|/)glosarium/#(?P<id>[^/]+)$")


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def glossary_links(site_dir):
    """(page, <a>) for every term link (relative, as written in Markdown) into the
    glossary, outside the glossary page itself. Absolute URLs (the instructors'
    link sheet lists every published address) are addresses, not term links."""
    links = []
    for html in sorted(site_dir.rglob("*.html")):
        if html.parent.name == "glosarium":
            continue
        for link in soup(html).select("article a[href]"):
            if "://" not in link["href"] and GLOSSARY_HREF.search(link["href"]):
                links.append((html.relative_to(site_dir).as_posix(), link))
    return links


def test_required_terms_are_in_the_glossary():
    assert not [i for i in REQUIRED_IDS if i not in BY_ID], "entri glosarium wajib hilang"


def test_glossary_page_lists_every_entry_alphabetically(site_dir):
    article = soup(site_dir / "glosarium" / "index.html").select_one("article")
    headings = article.select("h2[id]")
    assert [h["id"] for h in headings] == [entry.id for entry in ENTRIES]
    titles = [h.get_text(" ", strip=True).rstrip("¶").strip().casefold() for h in headings]
    assert titles == sorted(titles), "entri glosarium tidak urut abjad"
    for heading in headings:
        entry = BY_ID[heading["id"]]
        assert plain_text(entry.term).casefold() in heading.get_text().casefold()
        definition = heading.find_next_sibling("p")
        assert " ".join(plain_text(entry.definition).split()) == " ".join(definition.get_text(" ", strip=True).split())
        if entry.source:
            sources = definition.find_next_sibling("p")
            assert sources.get_text().startswith("Dibahas di:")
            assert [a["href"].split("#")[1] for a in sources.find_all("a")] == list(entry.source)


def test_links_to_entries_carry_the_definition(site_dir):
    links = glossary_links(site_dir)
    assert links, "tidak ada halaman yang menautkan entri glosarium"
    for page, link in links:
        entry_id = GLOSSARY_HREF.search(link["href"]).group("id")
        assert link.get("title") == BY_ID[entry_id].tooltip, f"{page}: tautan ke #{entry_id}"


def test_other_links_get_no_definition(site_dir):
    home = soup(site_dir / "index.html")
    link = home.select_one('article a[href="daftar-pustaka/"]')
    assert link is not None and link.get("title") is None


def _broken_build(tmp_path, edit):
    config = copy_project(tmp_path / "proj")
    data = config.parent / "data" / "glosarium.yml"
    data.write_text(edit(data.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_site(tmp_path / "site", config_file=config, check=False)
    assert result.returncode != 0, "build seharusnya gagal"
    return result.stderr


def _line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


def test_duplicate_id_fails_with_file_and_line(tmp_path):
    original = (ROOT / "data" / "glosarium.yml").read_text(encoding="utf-8")
    duplicate = "  - id: kemitraan\n    term: Persekutuan\n    definition: Teks.\n    source: [definisi-kemitraan]\n"
    stderr = _broken_build(tmp_path, lambda text: text + "\n" + duplicate)
    line = _line_of(original + "\n" + duplicate, duplicate)
    first = _line_of(original, "  - id: kemitraan\n")
    assert f"data/glosarium.yml:{line}: id \"kemitraan\" sudah dipakai entri di baris {first}" in stderr


def test_empty_definition_fails_with_file_and_line(tmp_path):
    def empty_definition(text):
        start = text.index("  - id: koordinasi\n")
        end = text.index("\n\n", start)
        return text[:start] + "  - id: koordinasi\n    term: Koordinasi\n    definition: ''\n    source: [hakikat-jejaring-kerja]" + text[end:]

    stderr = _broken_build(tmp_path, empty_definition)
    line = _line_of((ROOT / "data" / "glosarium.yml").read_text(encoding="utf-8"), "  - id: koordinasi\n")
    assert f"data/glosarium.yml:{line}: entri tanpa 'definition' atau 'definition' kosong" in stderr


def test_unknown_source_item_fails(tmp_path):
    stderr = _broken_build(tmp_path, lambda text: text.replace("source: [dasar-kesetaraan]", "source: [dasar-kesamaan]"))
    assert '"dasar-kesamaan" bukan id butir di source/outline.yml' in stderr


def test_link_to_unknown_entry_fails_the_strict_build(tmp_path):
    config = copy_project(tmp_path / "proj")
    page = config.parent / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Istilah](glosarium.md#tidak-ada)\n", encoding="utf-8")
    result = build_site(tmp_path / "site", config_file=config, check=False)
    assert result.returncode != 0
    assert "tidak-ada" in result.stderr


def test_data_file_is_valid_yaml_with_entries():
    data = yaml.safe_load((ROOT / "data" / "glosarium.yml").read_text(encoding="utf-8"))
    assert len(data["entries"]) == len(ENTRIES)


@pytest.mark.browser
def test_keyboard_focus_shows_definition_tooltip(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url)
    link = page.locator('article a[href="glosarium/#kemitraan"]').first
    expected = BY_ID["kemitraan"].tooltip
    # Tab through the page until the glossary link has focus (keyboard only).
    for _ in range(80):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("tautan glosarium tidak dapat dicapai dengan tombol Tab")
    page.wait_for_function(
        "el => el.getAttribute('aria-describedby')", arg=link.element_handle(), timeout=3000
    )
    tooltip_id = link.get_attribute("aria-describedby")
    tooltip = page.locator(f"[id='{tooltip_id}']")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.inner_text().strip() == expected
    # Shown next to the link, readable, and no browser tooltip on top of it.
    link_box, tip_box = link.bounding_box(), tooltip.bounding_box()
    assert 0 <= tip_box["y"] - (link_box["y"] + link_box["height"]) < 20
    assert link.get_attribute("title") is None
    # Focus moves on: the link gets its title back, and the tooltip is gone
    # (or now describes the next link, if that is a glossary link too).
    page.keyboard.press("Tab")
    assert link.get_attribute("aria-describedby") is None
    assert link.get_attribute("title") == expected
    assert page.evaluate(
        "() => document.getElementById('glossary-tooltip').hidden"
        " || document.activeElement.getAttribute('aria-describedby') === 'glossary-tooltip'"
    )
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    assert not page.console_errors


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_hover_shows_definition_and_escape_dismisses_it(guarded_page, site_url, scheme):
    page = guarded_page
    page.goto(site_url)
    set_color_scheme(page, scheme)
    link = page.locator('article a[href="glosarium/#kemitraan"]').first
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = page.get_by_role("tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == BY_ID["kemitraan"].tooltip
    assert link.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    # The pointer can move onto the tooltip, across the gap, without losing
    # it (WCAG 1.4.13); moving away elsewhere hides it.
    page.mouse.move(*centre(tooltip.bounding_box()), steps=8)
    page.wait_for_timeout(500)
    assert tooltip.is_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    assert link.get_attribute("title") == BY_ID["kemitraan"].tooltip
    link.hover()
    tooltip.wait_for(state="visible", timeout=3000)
    page.mouse.move(1, 1, steps=4)
    tooltip.wait_for(state="hidden", timeout=3000)
    assert not page.console_errors


def centre(box):
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_tooltip_script_loads_only_where_glossary_links_are(site_dir):
    for md_path in nav_pages():
        html = (site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8")
        has_links = 'class="glossary-link"' in html
        assert ("glossary-tooltip.js" in html) == has_links, md_path
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'class="glossary-link"' in home


@pytest.mark.browser
def test_tap_on_phone_opens_the_entry(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_url)
        page.locator('article a[href="glosarium/#kemitraan"]').first.tap()
        page.wait_for_url("**/glosarium/#kemitraan")
        assert page.locator("#kemitraan").is_visible()
    finally:
        context.close()
