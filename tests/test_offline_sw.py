"""The service worker (scripts/build_service_worker.mjs): a phone that opened
the site once reads other pages, searches and answers quizzes offline; a new
build replaces what changed; plain builds never register a missing sw.js."""

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, nav_pages, page_url
from site_server import StaticServer

PRECACHE_ENTRY = re.compile(r'\{url:"(?P<url>[^"]+)",revision:"(?P<revision>[^"]+)"\}')


def generate(site):
    result = subprocess.run(["node", str(ROOT / "scripts" / "build_service_worker.mjs"), str(site)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {m["url"]: m["revision"] for m in PRECACHE_ENTRY.finditer((site / "sw.js").read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def sw_site(site_dir, tmp_path_factory):
    site = tmp_path_factory.mktemp("sw") / "site"
    shutil.copytree(site_dir, site)
    return site, generate(site)


def test_plain_build_registers_no_service_worker(site_dir):
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "sw-register.js" not in text and 'rel="manifest"' not in text, html
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "id" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        assert (site_dir / icon["src"]).is_file(), icon["src"]


def test_precache_holds_every_page_and_the_search_index_but_no_downloads(sw_site):
    site, precache = sw_site
    for md_path in nav_pages():
        assert page_url(md_path) + "index.html" in precache, md_path
        html = (site / page_url(md_path) / "index.html").read_text(encoding="utf-8")
        assert "assets/offline/sw-register.js" in html and "manifest.webmanifest" in html, md_path
    assert "search/search_index.json" in precache
    assert not [url for url in precache if url.startswith("unduh/")]
    assert "skipWaiting" in (site / "sw.js").read_text(encoding="utf-8")


def test_a_new_build_revises_only_what_changed(sw_site, tmp_path):
    site, precache = sw_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "prinsip" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " (revisi)</h1>", 1), encoding="utf-8")
    revised = generate(copy)
    assert revised["prinsip/index.html"] != precache["prinsip/index.html"]
    assert revised["index.html"] == precache["index.html"]


@pytest.mark.browser
def test_site_opened_once_works_offline(sw_site, browser):
    site, _ = sw_site
    with StaticServer(site) as server:
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server.url)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")

        context.set_offline(True)
        response = page.goto(server.url + "strategi/")
        assert response.ok and response.from_service_worker
        assert page.locator("h1").first.is_visible()

        page.locator("input.md-search__input").fill("kepercayaan")
        result = page.locator(".md-search-result__item a").first
        result.wait_for(state="attached", timeout=15000)
        result.click()
        page.wait_for_load_state()
        assert "?h=" in page.url and page.locator("h1").first.is_visible()

        page.goto(server.url + "prinsip/")
        quiz = page.locator("div.quiz").first
        quiz.locator("fieldset input[data-correct='true']").first.locator("xpath=..").locator("label").click()
        quiz.locator("button.quiz-button[type=submit]").click()
        assert "hidden" not in (quiz.locator("section.content").get_attribute("class") or "")
        assert errors == []
        context.close()
