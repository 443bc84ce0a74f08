"""Quizzes as a learner meets them, in Debian's Chromium: mouse and keyboard,
feedback and explanation, saved progress, reset, Kemajuan Belajar, axe."""

import json
import re

import pytest

from conftest import axe_violations, page_url, set_color_scheme
from quiz_sample import SAMPLE_IDS, build_sample_site
from site_server import StaticServer, free_port
from test_quiz_build import QUIZ_PAGES, question_ids_in_docs

pytestmark = pytest.mark.browser


def open_page(page, url):
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(url)
    page.wait_for_load_state("networkidle")


def saved(page):
    """This page's mkdocs-quiz entry in localStorage."""
    return page.evaluate("JSON.parse(localStorage.getItem('quiz_progress_' + location.pathname) || '{}')")


def single_choice(page):
    """The first single-choice (radio) quiz of the open page."""
    return page.locator(".quiz:has(input[type=radio])").first


def feedback_of(quiz):
    return quiz.locator(".quiz-feedback")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample quiz page (one quiz of each kind) and the same page with a
    question inserted above the others, built to be served on one port."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    return {
        "port": port,
        "plain": build_sample_site(tmp_path_factory.mktemp("quiz-plain"), site_url=url),
        "inserted": build_sample_site(tmp_path_factory.mktemp("quiz-inserted"), inserted=True, site_url=url),
    }


@pytest.fixture
def sample_url(sample):
    with StaticServer(sample["plain"], port=sample["port"]) as server:
        yield server.url + "uji-kuis/"


def test_arrow_key_in_a_radio_group_does_not_submit(guarded_page, site_url):
    open_page(guarded_page, site_url + page_url(QUIZ_PAGES[0]))
    quiz = single_choice(guarded_page)
    radios = quiz.locator("input[type=radio]")
    radios.first.focus()
    guarded_page.keyboard.press("ArrowDown")
    guarded_page.keyboard.press("ArrowDown")
    assert radios.nth(2).is_checked()  # the arrow keys did move the choice
    assert feedback_of(quiz).inner_text() == ""
    assert quiz.locator("section.content").is_hidden()
    assert not radios.nth(0).is_disabled()
    assert saved(guarded_page) == {}
    assert guarded_page.console_errors == []


def test_right_answer_by_mouse_shows_feedback_and_explanation(guarded_page, site_url):
    open_page(guarded_page, site_url + page_url(QUIZ_PAGES[0]))
    quiz = single_choice(guarded_page)
    quiz.locator("input[data-correct] + label").click()
    quiz.locator("button[type=submit]").click()
    feedback = feedback_of(quiz)
    assert feedback.locator(".quiz-feedback-item.correct").is_visible()
    assert feedback.get_attribute("role") == "status" and feedback.get_attribute("aria-live") == "polite"
    explanation = quiz.locator("section.content")
    assert explanation.is_visible() and explanation.locator("a[href*='#']").count() >= 1
    assert saved(guarded_page)[quiz.get_attribute("id")]["correct"] is True
    assert guarded_page.locator("canvas").count() == 0  # no confetti
    assert guarded_page.console_errors == []


def test_wrong_answer_by_keyboard_explains_why_and_links_to_the_item(guarded_page, site_url):
    open_page(guarded_page, site_url + page_url(QUIZ_PAGES[0]))
    quiz = single_choice(guarded_page)
    quiz_id = quiz.get_attribute("id")
    wrong = quiz.locator("input[type=radio]:not([data-correct])").first
    wrong_label = quiz.locator(f"label[for='{wrong.get_attribute('id')}']").inner_text()
    # Reach the radio group with Tab, pick the wrong option with Space, Tab to "Kirim", Enter.
    quiz.locator(".quiz-header-link").focus()
    guarded_page.keyboard.press("Tab")
    while guarded_page.evaluate("document.activeElement.id") != wrong.get_attribute("id"):
        guarded_page.keyboard.press("ArrowDown")
    guarded_page.keyboard.press("Space")
    assert wrong.is_checked() and feedback_of(quiz).inner_text() == ""
    guarded_page.keyboard.press("Tab")
    assert guarded_page.evaluate("document.activeElement.type") == "submit"
    guarded_page.keyboard.press("Enter")

    feedback = feedback_of(quiz)
    assert feedback.locator(".quiz-feedback-item.incorrect").is_visible()
    assert wrong_label[:20] in feedback.inner_text()  # the per-option "why it is wrong"
    assert quiz.locator(".answer-feedback").count() >= 1
    assert saved(guarded_page)[quiz_id] == {"answered": True, "correct": False,
                                           "selectedValues": [wrong.get_attribute("value")]}

    link = quiz.locator("section.content a[href*='#']").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    guarded_page.wait_for_function("h => location.hash === '#' + h", arg=anchor)
    target = guarded_page.locator(f"[id='{anchor}']")
    assert target.count() == 1
    guarded_page.wait_for_timeout(300)
    assert target.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }")
    assert guarded_page.console_errors == []


def test_fill_in_answer_by_keyboard(guarded_page, sample_url):
    open_page(guarded_page, sample_url)
    quiz = guarded_page.locator("#soal-prinsip-kepercayaan-92")
    quiz.locator(".quiz-blank-input").focus()
    guarded_page.keyboard.type("  Kepercayaan ")  # spaces and case do not matter
    guarded_page.keyboard.press("Tab")
    assert guarded_page.evaluate("document.activeElement.type") == "submit"
    guarded_page.keyboard.press("Enter")
    assert quiz.locator(".quiz-feedback-item.correct").is_visible()
    assert quiz.locator("section.content a").get_attribute("href") == "../prinsip/#prinsip-kepercayaan"
    assert saved(guarded_page)["soal-prinsip-kepercayaan-92"]["correct"] is True


def test_empty_fill_in_answer_is_shown_in_indonesian(guarded_page, sample_url):
    open_page(guarded_page, sample_url)
    quiz = guarded_page.locator("#soal-prinsip-kepercayaan-92")
    quiz.locator("button[type=submit]").click()
    assert "(kosong) → kepercayaan" in feedback_of(quiz).inner_text()


def test_progress_survives_a_reload_and_controls_are_not_duplicated(guarded_page, sample_url):
    open_page(guarded_page, sample_url)
    assert guarded_page.locator(".quiz-reset-button").count() == len(SAMPLE_IDS)
    quiz = guarded_page.locator("#soal-prinsip-kepercayaan-91")
    quiz.locator("input[data-correct]").check()
    quiz.locator("button[type=submit]").click()
    guarded_page.reload()
    guarded_page.wait_for_load_state("networkidle")
    quiz = guarded_page.locator("#soal-prinsip-kepercayaan-91")
    assert quiz.locator("input[data-correct]").is_checked()
    assert quiz.locator(".quiz-feedback-item.correct").is_visible()
    assert guarded_page.locator(".quiz-reset-button").count() == len(SAMPLE_IDS)
    assert guarded_page.locator("button[type=submit]").count() == len(SAMPLE_IDS)
    assert guarded_page.locator(".quiz-progress-answered").first.inner_text() == "1"


def test_a_question_inserted_above_does_not_shift_saved_progress(page, sample):
    page.on("dialog", lambda dialog: dialog.accept())
    # Same origin for both builds (localStorage is per origin); routing every
    # request switches Chromium's HTTP cache off, so the second build is read.
    page.route("**/*", lambda route: route.continue_())
    with StaticServer(sample["plain"], port=sample["port"]) as server:
        page.goto(server.url + "uji-kuis/")
        first = page.locator("#soal-prinsip-kepercayaan-91")
        first.locator("input:not([data-correct])").first.check()
        first.locator("button[type=submit]").click()
        fill = page.locator("#soal-prinsip-kepercayaan-92")
        fill.locator(".quiz-blank-input").fill("kepercayaan")
        fill.locator("button[type=submit]").click()
        before = saved(page)
    with StaticServer(sample["inserted"], port=sample["port"]) as server:
        page.goto(server.url + "uji-kuis/")
        page.wait_for_load_state("networkidle")
        ids = page.eval_on_selector_all(".quiz", "els => els.map(e => e.id)")
        assert ids == ["soal-prinsip-kepercayaan-93", *SAMPLE_IDS]  # the new one is first
        assert saved(page) == before
        inserted = page.locator("#soal-prinsip-kepercayaan-93")
        assert inserted.locator(".quiz-feedback").inner_text() == ""
        assert not inserted.locator("input").first.is_disabled()
        assert page.locator("#soal-prinsip-kepercayaan-91 .quiz-feedback-item.incorrect").is_visible()
        assert page.locator("#soal-prinsip-kepercayaan-92 .quiz-blank-input").input_value() == "kepercayaan"
        assert page.locator("#soal-prinsip-kepercayaan-92 .quiz-feedback-item.correct").is_visible()


def answer_every_quiz(page):
    """Answer each quiz of the open page (first option, or 'x' in each blank)."""
    for quiz in page.locator(".quiz").all():
        blanks = quiz.locator(".quiz-blank-input")
        if blanks.count():
            for blank in blanks.all():
                blank.fill("x")
        else:
            quiz.locator("input[name=answer]").first.check()
        quiz.locator("button[type=submit]").click()


@pytest.mark.parametrize("md_path", QUIZ_PAGES)
def test_reset_all_clears_every_quiz_of_every_page(guarded_page, site_url, md_path):
    open_page(guarded_page, site_url + page_url(md_path))
    answer_every_quiz(guarded_page)
    ids = question_ids_in_docs()[md_path]
    assert sorted(saved(guarded_page)) == sorted(ids)
    guarded_page.locator(".quiz-reset-all-link:visible").first.click()
    assert saved(guarded_page) == {}
    for quiz in guarded_page.locator(".quiz").all():
        assert quiz.locator(".quiz-feedback").inner_text() == "", quiz.get_attribute("id")
        assert quiz.locator("section.content").is_hidden()
        assert not quiz.locator("input").first.is_disabled()
    for blank in guarded_page.locator(".quiz-blank-input").all():
        assert blank.input_value() == ""
    assert guarded_page.console_errors == []


def test_reset_all_with_a_fill_in_quiz_on_the_sample_page(guarded_page, sample_url):
    open_page(guarded_page, sample_url)
    answer_every_quiz(guarded_page)
    guarded_page.locator(".quiz-reset-all-link:visible").first.click()
    assert saved(guarded_page) == {}
    assert guarded_page.locator("#soal-prinsip-kepercayaan-92 .quiz-blank-input").input_value() == ""
    assert guarded_page.console_errors == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_before_and_after_answering(guarded_page, sample_url, scheme):
    open_page(guarded_page, sample_url)
    set_color_scheme(guarded_page, scheme)
    assert axe_violations(guarded_page) == []
    one = guarded_page.locator("#soal-prinsip-kepercayaan-91")
    one.locator("input:not([data-correct])").first.check()  # wrong: red and green shown
    one.locator("button[type=submit]").click()
    two = guarded_page.locator("#soal-prinsip-kesamaan-visi-misi-91")
    for box in two.locator("input[data-correct]").all():
        box.check()
    two.locator("button[type=submit]").click()
    fill = guarded_page.locator("#soal-prinsip-kepercayaan-92")
    fill.locator(".quiz-blank-input").fill("salah")
    fill.locator("button[type=submit]").click()
    assert guarded_page.locator(".quiz-feedback-item.incorrect").count() == 2
    assert guarded_page.locator(".quiz-results-score-fail").is_visible()  # 1 of 3: the red score
    assert axe_violations(guarded_page) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_on_a_real_quiz_page_after_answering(guarded_page, site_url, scheme):
    open_page(guarded_page, site_url + page_url(QUIZ_PAGES[0]))
    set_color_scheme(guarded_page, scheme)
    assert axe_violations(guarded_page) == []
    answer_every_quiz(guarded_page)
    assert axe_violations(guarded_page) == []


def test_kemajuan_belajar_counts_answers_and_links_back(guarded_page, site_url):
    md_path = QUIZ_PAGES[0]
    open_page(guarded_page, site_url + page_url(md_path))
    quizzes = guarded_page.locator(".quiz:has(input[type=radio])")
    right, wrong = quizzes.nth(0), quizzes.nth(1)
    right.locator("input[data-correct]").check()
    right.locator("button[type=submit]").click()
    wrong.locator("input:not([data-correct])").first.check()
    wrong.locator("button[type=submit]").click()
    wrong_id = wrong.get_attribute("id")

    guarded_page.goto(site_url + "kemajuan-belajar/")
    guarded_page.wait_for_load_state("networkidle")
    row = guarded_page.locator("#kemajuan-tabel tbody tr").first
    assert [c.inner_text() for c in row.locator("td").all()][1:] == [
        str(len(question_ids_in_docs()[md_path])), "2", "1"]
    assert "2 dari" in guarded_page.locator("#kemajuan-status").inner_text()
    review = guarded_page.locator("#kemajuan-ulang")
    assert review.is_visible()
    item_id = re.match(r"soal-(.+)-\d+$", wrong_id).group(1)
    assert review.locator(f"a[href$='#{item_id}']").count() == 1
    assert review.locator(f"a[href$='#{wrong_id}']").count() == 1
    review.locator(f"a[href$='#{item_id}']").click()
    guarded_page.wait_for_function("h => location.hash === '#' + h", arg=item_id)
    assert guarded_page.locator(f"[id='{item_id}']").count() == 1

    guarded_page.go_back()
    guarded_page.wait_for_load_state("networkidle")
    for scheme in ("default", "slate"):
        set_color_scheme(guarded_page, scheme)
        assert axe_violations(guarded_page) == [], scheme
    guarded_page.locator("#kemajuan-hapus").click()
    assert guarded_page.locator("#kemajuan-tabel tfoot .kb-dijawab").inner_text() == "0"
    assert guarded_page.locator("#kemajuan-hapus").is_hidden()
    assert guarded_page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('quiz_progress_'))") == []
    assert guarded_page.console_errors == []
    assert axe_violations(guarded_page) == []


def test_kemajuan_belajar_without_storage_says_so(guarded_page, site_url):
    guarded_page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});"
    )
    open_page(guarded_page, site_url + "kemajuan-belajar/")
    status = guarded_page.locator("#kemajuan-status").inner_text()
    assert "Penyimpanan peramban tidak tersedia" in status
    assert guarded_page.locator("#kemajuan-hapus").is_hidden()
    assert guarded_page.locator("#kemajuan-tabel tbody tr").count() == len(QUIZ_PAGES)


def test_kemajuan_data_matches_the_quiz_pages(guarded_page, site_url):
    open_page(guarded_page, site_url + "kemajuan-belajar/")
    data = json.loads(guarded_page.locator("#kemajuan-data").text_content())
    assert sum(len(s["questions"]) for s in data) == sum(len(v) for v in question_ids_in_docs().values())
