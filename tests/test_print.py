"""Printing one page from the browser (overrides/assets/print/print.css):
content only, quizzes readable with answers hidden unless answered,
external links followed by their URL; and the download links on every page."""

import pytest
from bs4 import BeautifulSoup

from conftest import nav_pages, page_url

HIDDEN_IN_PRINT = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".jk-downloads", ".quiz-button")


def display(page, selector):
    return page.eval_on_selector(selector, "el => getComputedStyle(el).display")


@pytest.mark.parametrize("md_path", nav_pages())
def test_every_page_links_the_pdf_and_the_offline_bundle(site_dir, md_path):
    html = (site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8")
    downloads = BeautifulSoup(html, "html.parser").select_one("nav.jk-downloads")
    assert downloads is not None, md_path
    links = {a.get_text(strip=True): a["href"] for a in downloads.find_all("a")}
    assert links["Unduh PDF"].endswith("unduh/jejaring-kerja.pdf")
    assert links["Unduh paket luring (zip)"].endswith("unduh/jejaring-kerja-offline.zip")


@pytest.mark.browser
def test_printed_quiz_page_is_clean_and_hides_unanswered_answers(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url + "prinsip/")
    quizzes = page.locator("div.quiz")
    assert quizzes.count() >= 2, "halaman prinsip belum berisi dua soal"
    first = quizzes.nth(0)
    first.locator("fieldset input[data-correct='true']").first.locator("xpath=..").locator("label").click()
    first.locator("button.quiz-button[type=submit]").click()
    page.eval_on_selector(
        "article p",
        "p => { const a = document.createElement('a'); a.id = 'uji-luar'; a.href = 'https://example.org/sumber'; a.textContent = 'sumber'; p.append(a); }",
    )

    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        if page.locator(selector).count():
            assert display(page, selector) == "none", selector
    answered_id, unanswered_id = quizzes.nth(0).get_attribute("id"), quizzes.nth(1).get_attribute("id")
    assert display(page, f"[id='{answered_id}'] section.content") != "none", "pembahasan soal yang dijawab harus tercetak"
    assert display(page, f"[id='{unanswered_id}'] section.content") == "none", "jawaban soal yang belum dijawab bocor"
    assert page.locator(f"[id='{unanswered_id}'] .correct").count() == 0
    assert display(page, f"[id='{unanswered_id}'] fieldset") != "none", "pilihan jawaban harus tercetak"
    marker = page.eval_on_selector(f"[id='{answered_id}'] .correct", "el => getComputedStyle(el, '::after').content")
    assert "benar" in marker
    after = page.eval_on_selector("#uji-luar", "el => getComputedStyle(el, '::after').content")
    assert "https://example.org/sumber" in after
    internal = page.eval_on_selector("article a[href^='../'], article a[href^='#']:not(.headerlink)", "el => getComputedStyle(el, '::after').content")
    assert "http" not in internal
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert page.console_errors == []
