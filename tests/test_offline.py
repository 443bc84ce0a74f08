"""The offline bundle (scripts/build_offline.py): unzipped and opened from
file:// in Chromium with every non-file request blocked, navigation, search,
a quiz and a TKP item work."""

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT

FOLDER = "jejaring-kerja"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    archive = work / "bundle.zip"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--build-dir", str(work / "build"),
         "--output", str(archive), "--pdf", str(work / "tidak-ada.pdf")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        opened.extractall(work / "unzipped")
    return {"zip": archive, "names": names, "root": work / "unzipped" / FOLDER}


def test_bundle_holds_the_site_the_local_shim_and_no_remote_script(bundle):
    root = bundle["root"]
    assert all(name.startswith(f"{FOLDER}/") for name in bundle["names"])
    for required in ("index.html", "prinsip.html", "latihan-tkp.html", "search/search_index.js", "BACA-SAYA.txt"):
        assert (root / required).is_file(), required
    shim = root / "assets" / "javascripts" / "iframe-worker-shim.js"
    assert shim.read_bytes() == (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_bytes()
    for page in root.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html, page.name
        assert 'src="http' not in html and "href=\"https://fonts" not in html, page.name
        assert "jejaring-kerja-offline.zip" not in html, f"{page.name}: tautan zip di dalam zip"
    assert '<script src="assets/javascripts/iframe-worker-shim.js"' in (root / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def file_page(browser):
    """A page that may load file:// URLs only; anything else is blocked and recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.blocked, page.errors = [], []

    def route(route_obj):
        if route_obj.request.url.startswith("file://"):
            route_obj.continue_()
        else:
            page.blocked.append(route_obj.request.url)
            route_obj.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.browser
def test_bundle_works_from_file_without_network(bundle, file_page):
    page, root = file_page, bundle["root"]
    page.goto((root / "index.html").as_uri())
    page.locator("a[href='prinsip.html']").first.click()
    page.wait_for_url("**/prinsip.html")
    assert page.locator("h1").first.is_visible()

    page.locator("input.md-search__input").fill("kepercayaan")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="attached", timeout=15000)
    assert results.count() > 0

    page.keyboard.press("Escape")
    quiz = page.locator("div.quiz").first
    quiz.locator("fieldset input[data-correct='true']").first.locator("xpath=..").locator("label").click()
    quiz.locator("button.quiz-button[type=submit]").click()
    assert "hidden" not in (quiz.locator("section.content").get_attribute("class") or "")

    page.goto((root / "latihan-tkp.html").as_uri())
    item = page.locator(".tkp-item").first
    item.locator("label").first.click()
    page.wait_for_function("() => document.querySelector('.tkp-item .tkp-result').textContent.trim() !== ''")

    assert page.blocked == []
    assert page.errors == []
