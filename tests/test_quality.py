"""Quality gates the test command runs on every page (issue 9): axe-core in
both palettes, and the metadata search engines and chat previews read."""

import pytest
import yaml

from conftest import ROOT, axe_violations, nav_pages, page_url, set_color_scheme


@pytest.mark.browser
@pytest.mark.parametrize("md_path", nav_pages())
def test_no_axe_violations_light_and_dark(guarded_page, site_url, md_path):
    guarded_page.goto(site_url + page_url(md_path))
    guarded_page.wait_for_load_state("networkidle")
    found = {}
    for scheme in ("default", "slate"):
        set_color_scheme(guarded_page, scheme)
        violations = axe_violations(guarded_page)
        if violations:
            found[scheme] = violations
    assert found == {}


@pytest.mark.parametrize("md_path", nav_pages())
def test_page_metadata_for_search_engines_and_chats(site_dir, md_path):
    html = (site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in html
    assert '<meta name="description" content="' in html
    assert '<meta property="og:title" content="' in html
    assert '<meta property="og:description" content="' in html
    assert '<meta property="og:url" content="http://127.0.0.1:' in html
    assert 'property="og:image"' not in html  # no image from another host


def test_every_nav_page_has_its_own_description():
    missing = []
    for md_path in nav_pages():
        text = (ROOT / "docs" / md_path).read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---")[1]) if text.startswith("---") else {}
        if not (front or {}).get("description"):
            missing.append(md_path)
    assert missing == [], f"halaman tanpa description di front matter: {missing}"


def test_robots_txt_points_to_the_sitemap(site_dir, site_url):
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_url}sitemap.xml" in robots
    assert (site_dir / "sitemap.xml").exists()


@pytest.mark.browser
def test_search_loads_only_when_the_reader_reaches_for_it(guarded_page, site_url):
    guarded_page.goto(site_url + page_url("prinsip.md"))
    guarded_page.wait_for_load_state("networkidle")
    loaded = [
        url for url in guarded_page.requests_seen
        if "search_index.json" in url or "/workers/search." in url
    ]
    assert loaded == [], "indeks/worker pencarian dimuat sebelum pembaca mencari"

    guarded_page.locator(".md-search__input").click()
    guarded_page.keyboard.type("kepercayaan")
    results = guarded_page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
    assert any("search_index.json" in url for url in guarded_page.requests_seen)
    assert guarded_page.console_errors == []
