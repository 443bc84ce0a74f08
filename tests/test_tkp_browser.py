"""Latihan TKP in Chromium: practice shows the data file's score and the key,
the simulation adds up, answers survive a reload, the timer ends the attempt,
no JavaScript still gives the key, storage may be missing, axe finds nothing."""

import random
import re

import pytest
import yaml

from conftest import axe_violations, foreign_requests, set_color_scheme
from site_server import ROOT

pytestmark = pytest.mark.browser

ITEMS = yaml.safe_load((ROOT / "data" / "tkp.yml").read_text(encoding="utf-8"))["items"]
STORAGE_KEY = "jejaring-kerja:tkp:v1"


def open_tkp(page, site_url):
    page.goto(site_url + "latihan-tkp/")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(".tkp-bar")


def item(page, item_id):
    return page.locator(f'.tkp-item[data-tkp="{item_id}"]')


def choose(page, item_id, index):
    item(page, item_id).locator("label").nth(index).click()


def result(page, item_id):
    """The score line the script wrote for an item. Its text, not innerText:
    items off screen skip rendering (content-visibility in tkp.css), and
    innerText of a skipped item is empty until the reader scrolls to it."""
    return (item(page, item_id).locator(".tkp-result").text_content() or "").strip()


def score_of(item_id, index):
    return next(i for i in ITEMS if i["id"] == item_id)["options"][index]["score"]


def start_simulation(page, minutes=0):
    page.get_by_label("Simulasi").check()
    page.get_by_label("Batas waktu").select_option(str(minutes))
    page.get_by_role("button", name="Mulai simulasi").click()


def summary_numbers(page):
    """(total, max, percent, [(row score, row max)...], footer cells) of the Hasil section."""
    summary = page.locator("#tkp-summary")
    total, maximum, percent = map(int, re.search(r"Skor (\d+) dari (\d+) \((\d+)%\)", summary.inner_text()).groups())
    rows = [
        (int(row.locator("td").nth(2).inner_text()), int(row.locator("td").nth(3).inner_text()))
        for row in summary.locator("tbody tr").all()
    ]
    footer = [cell.inner_text() for cell in summary.locator("tfoot td").all()]
    return total, maximum, percent, rows, footer


def test_practice_shows_the_score_from_the_data_file_and_all_reasons(guarded_page, site_url):
    open_tkp(guarded_page, site_url)
    for number, (item_id, index) in enumerate((("tkp-01", 0), ("tkp-02", 3), ("tkp-07", 4))):
        key = item(guarded_page, item_id).locator("details.tkp-key")
        assert key.is_hidden(), "kunci tampil sebelum menjawab"
        choose(guarded_page, item_id, index)
        assert result(guarded_page, item_id).startswith(f"Skor pilihan Anda: {score_of(item_id, index)} dari 5.")
        assert key.is_visible() and key.get_attribute("open") is not None
        reasons = key.locator("tbody tr td:nth-child(3)")
        assert reasons.count() == 5 and all(reasons.nth(i).is_visible() for i in range(5))
        chosen = key.locator("tr.tkp-chosen")
        assert chosen.count() == 1 and chosen.get_attribute("data-i") == str(index)
        assert key.locator(".tkp-refs a").first.is_visible()
    choose(guarded_page, "tkp-01", 2)
    assert result(guarded_page, "tkp-01").startswith(f"Skor pilihan Anda: {score_of('tkp-01', 2)} dari 5.")
    summary = guarded_page.locator("#tkp-summary").inner_text()
    expected = score_of("tkp-01", 2) + score_of("tkp-02", 3) + score_of("tkp-07", 4)
    assert f"Skor {expected} dari 15" in summary
    assert guarded_page.console_errors == []


def test_keyboard_arrow_keys_choose_and_score(guarded_page, site_url):
    open_tkp(guarded_page, site_url)
    first = item(guarded_page, "tkp-03").locator("input[type=radio]").first
    first.focus()
    guarded_page.keyboard.press("Space")
    assert result(guarded_page, "tkp-03").startswith(f"Skor pilihan Anda: {score_of('tkp-03', 0)} dari 5.")
    guarded_page.keyboard.press("ArrowDown")
    assert item(guarded_page, "tkp-03").locator("input[type=radio]").nth(1).is_checked()
    assert result(guarded_page, "tkp-03").startswith(f"Skor pilihan Anda: {score_of('tkp-03', 1)} dari 5.")


def test_a_reload_keeps_the_answers_and_reset_clears_them(guarded_page, site_url):
    open_tkp(guarded_page, site_url)
    choose(guarded_page, "tkp-04", 1)
    choose(guarded_page, "tkp-10", 3)
    guarded_page.reload()
    guarded_page.wait_for_selector(".tkp-bar")
    assert item(guarded_page, "tkp-04").locator("input").nth(1).is_checked()
    assert item(guarded_page, "tkp-10").locator("input").nth(3).is_checked()
    assert result(guarded_page, "tkp-10").startswith(f"Skor pilihan Anda: {score_of('tkp-10', 3)} dari 5.")
    guarded_page.get_by_role("button", name="Hapus semua jawaban").click()
    assert guarded_page.locator(".tkp-item input:checked").count() == 0
    assert "Semua jawaban dihapus" in guarded_page.locator(".tkp-note").inner_text()
    guarded_page.reload()
    guarded_page.wait_for_selector(".tkp-bar")
    assert guarded_page.locator(".tkp-item input:checked").count() == 0
    assert guarded_page.console_errors == []


def test_simulation_total_percentage_and_breakdown_add_up(guarded_page, site_url):
    open_tkp(guarded_page, site_url)
    start_simulation(guarded_page)
    rng = random.Random(7)
    picks = {i["id"]: rng.randrange(5) for i in ITEMS[:-2]}  # the last two stay unanswered
    for item_id, index in picks.items():
        choose(guarded_page, item_id, index)
        assert result(guarded_page, item_id) == ""  # no score before the end
        assert item(guarded_page, item_id).locator("details.tkp-key").is_hidden()
    assert guarded_page.locator("#tkp-summary table").count() == 0
    guarded_page.get_by_role("button", name="Selesai dan hitung skor").click()
    expected = sum(score_of(item_id, index) for item_id, index in picks.items())
    total, maximum, percent, rows, footer = summary_numbers(guarded_page)
    assert (total, maximum) == (expected, 5 * len(ITEMS))
    assert percent == round(100 * expected / maximum)
    assert sum(score for score, _ in rows) == total
    assert sum(row_max for _, row_max in rows) == maximum
    assert footer[:3] == [str(len(ITEMS)), str(total), str(maximum)]
    summary = guarded_page.locator("#tkp-summary")
    weak = [a.get_attribute("href") for a in summary.locator("ul a").all()]
    low = [
        row.locator("a").get_attribute("href")
        for row in summary.locator("tbody tr").all()
        if int(row.locator("td").nth(4).inner_text().rstrip("%")) < 80
    ]
    assert weak == low and weak, "bagian yang perlu dipelajari lagi tidak sesuai rincian"
    assert summary.evaluate("el => el === document.activeElement")
    assert result(guarded_page, ITEMS[-1]["id"]) == "Tidak dijawab (skor 0)."
    assert item(guarded_page, ITEMS[0]["id"]).locator("details.tkp-key").is_visible()
    assert item(guarded_page, ITEMS[0]["id"]).locator("input").first.is_disabled()
    assert guarded_page.console_errors == []


def test_the_timer_ends_the_simulation(guarded_page, site_url):
    guarded_page.clock.install()
    open_tkp(guarded_page, site_url)
    start_simulation(guarded_page, minutes=10)
    choose(guarded_page, "tkp-01", 0)
    choose(guarded_page, "tkp-02", 1)
    timer = guarded_page.locator(".tkp-timer")
    guarded_page.clock.run_for("00:02")
    assert timer.is_visible() and re.fullmatch(r"Sisa waktu 9:5\d", timer.inner_text())
    guarded_page.clock.run_for("10:00")
    assert timer.is_hidden()
    assert "Waktu habis" in guarded_page.locator(".tkp-note").inner_text()
    total, maximum, *_ = summary_numbers(guarded_page)
    assert (total, maximum) == (score_of("tkp-01", 0) + score_of("tkp-02", 1), 5 * len(ITEMS))
    assert item(guarded_page, "tkp-03").locator("input").first.is_disabled()
    assert result(guarded_page, "tkp-01").startswith(f"Skor pilihan Anda: {score_of('tkp-01', 0)} dari 5.")


def test_without_javascript_every_key_is_there_and_prints_open(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "latihan-tkp/")
    assert page.locator(".tkp-bar").count() == 0
    keys = page.locator("details.tkp-key")
    assert keys.count() == len(ITEMS)
    first = keys.first
    assert first.locator("summary").is_visible()
    first.locator("summary").click()
    assert first.locator("tbody tr").nth(0).is_visible()
    assert "Hitung jumlah skor pilihan" in page.locator("#tkp-summary").inner_text()
    page.emulate_media(media="print")
    last = keys.last.locator("tbody td").nth(2)
    assert last.is_visible(), "kunci tertutup tidak tercetak"
    context.close()


def test_print_shows_keys_hidden_by_the_script(guarded_page, site_url):
    open_tkp(guarded_page, site_url)
    key = item(guarded_page, "tkp-05").locator("details.tkp-key")
    assert key.is_hidden()
    guarded_page.emulate_media(media="print")
    assert key.locator("tbody td").nth(2).is_visible()
    assert guarded_page.locator(".tkp-bar").is_hidden()


BLOCKED_STORAGE = {
    # Storage present but every call refused (quota, privacy settings).
    "refused": "for (const name of ['getItem', 'setItem', 'removeItem']) {"
    " Storage.prototype[name] = () => { throw new DOMException('penuh', 'QuotaExceededError'); }; }",
    # No storage at all: reading window.localStorage throws.
    "absent": "Object.defineProperty(window, 'localStorage', {get() {"
    " throw new DOMException('no', 'SecurityError'); }});",
}


@pytest.mark.parametrize("how", list(BLOCKED_STORAGE))
def test_works_without_storage(guarded_page, site_url, how):
    guarded_page.add_init_script(BLOCKED_STORAGE[how])
    # Material's own palette script throws without storage on every page;
    # the TKP script must add no error of its own to those.
    guarded_page.goto(site_url + "glosarium/")
    guarded_page.wait_for_load_state("networkidle")
    errors_elsewhere = len(guarded_page.console_errors)
    guarded_page.console_errors.clear()
    open_tkp(guarded_page, site_url)
    assert "Penyimpanan peramban tidak tersedia" in guarded_page.locator(".tkp-warn").inner_text()
    choose(guarded_page, "tkp-06", 2)
    assert result(guarded_page, "tkp-06").startswith(f"Skor pilihan Anda: {score_of('tkp-06', 2)} dari 5.")
    start_simulation(guarded_page)
    choose(guarded_page, "tkp-07", 0)
    guarded_page.get_by_role("button", name="Selesai dan hitung skor").click()
    assert summary_numbers(guarded_page)[0] == score_of("tkp-07", 0)
    assert len(guarded_page.console_errors) == errors_elsewhere


def test_answers_are_stored_only_in_this_browser_and_nothing_is_requested(guarded_page, site_url):
    open_tkp(guarded_page, site_url)
    sent = []
    guarded_page.on("request", lambda request: request.resource_type in (
        "fetch", "xhr", "eventsource", "websocket", "ping") and sent.append(request.url))
    choose(guarded_page, "tkp-08", 0)
    start_simulation(guarded_page)
    choose(guarded_page, "tkp-09", 1)
    guarded_page.get_by_role("button", name="Selesai dan hitung skor").click()
    guarded_page.wait_for_timeout(500)
    assert sent == []
    assert foreign_requests(guarded_page.requests_seen) == []
    saved = guarded_page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")
    assert saved["a"] == {"tkp-09": 1} and saved["mode"] == "simulasi" and saved["done"] is True


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_before_and_after_answering(guarded_page, site_url, scheme):
    open_tkp(guarded_page, site_url)
    set_color_scheme(guarded_page, scheme)
    assert axe_violations(guarded_page) == []
    choose(guarded_page, "tkp-01", 0)
    choose(guarded_page, "tkp-02", 4)
    assert axe_violations(guarded_page) == []
    start_simulation(guarded_page, minutes=10)
    choose(guarded_page, "tkp-03", 2)
    assert axe_violations(guarded_page) == []
    guarded_page.get_by_role("button", name="Selesai dan hitung skor").click()
    assert axe_violations(guarded_page) == []
    assert guarded_page.console_errors == []
