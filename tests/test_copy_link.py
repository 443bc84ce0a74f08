"""Every heading permalink is a visible, keyboard-reachable "copy link" control
with an Indonesian accessible name; it copies the full URL and says so; without
JavaScript it is still a link to the section."""

import re

import pytest
from bs4 import BeautifulSoup

from conftest import axe_violations, set_color_scheme
from site_server import nav_pages, page_url

LABEL = "Salin tautan ke bagian: "
PAGE = "prinsip/"
ANCHOR = "prinsip-kepercayaan"


@pytest.mark.parametrize("md_path", nav_pages())
def test_every_permalink_names_its_section_in_indonesian(site_dir, md_path):
    soup = BeautifulSoup((site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8"), "html.parser")
    for link in soup.select("article a.headerlink"):
        heading = link.parent
        assert re.fullmatch(r"h[1-6]", heading.name)
        assert link["href"] == "#" + heading["id"]
        visible = " ".join(heading.get_text(" ").replace(link.get_text(), "").split())
        assert " ".join(link["aria-label"].split()) == LABEL + visible.replace(" ( ", " (").replace(" )", ")")


def relative_luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def parse_color(text):
    parts = [float(p) for p in re.findall(r"[\d.]+", text)]
    return parts[:3], (parts[3] if len(parts) > 3 else 1.0)


def contrast(page, selector):
    """Contrast of an element's colour, blended on the page background."""
    fg_text, bg_text = page.evaluate(
        "sel => [getComputedStyle(document.querySelector(sel)).color,"
        " getComputedStyle(document.body).backgroundColor]",
        selector,
    )
    (fg, alpha), (bg, _) = parse_color(fg_text), parse_color(bg_text)
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg)]
    lighter, darker = sorted((relative_luminance(blended), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_permalink_is_visible_and_readable(guarded_page, site_url, scheme):
    guarded_page.goto(site_url + PAGE)
    set_color_scheme(guarded_page, scheme)
    link = guarded_page.locator(f"#{ANCHOR} a.headerlink")
    assert link.is_visible()
    assert float(link.evaluate("el => getComputedStyle(el).opacity")) == 1
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert contrast(guarded_page, f"#{ANCHOR} a.headerlink") >= 4.5
    assert [v for v in axe_violations(guarded_page) if "headerlink" in str(v)] == []


@pytest.mark.browser
def test_keyboard_copies_the_full_url_and_announces_it(guarded_page, site_url):
    guarded_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    guarded_page.goto(site_url + PAGE)
    # The section number comes from the nav order: read it off the heading.
    number = guarded_page.locator(f"#{ANCHOR} .section-number").inner_text().strip()
    assert re.fullmatch(r"\d+\.\d+", number)
    name = re.compile(rf"^Salin tautan ke bagian: {re.escape(number)} Kepercayaan")
    link = guarded_page.get_by_role("link", name=name)
    link.focus()
    assert link.evaluate("el => el === document.activeElement")
    guarded_page.keyboard.press("Enter")
    status = guarded_page.get_by_role("status").filter(has_text="Tautan disalin")
    status.wait_for()
    expected = f"{site_url}{PAGE}#{ANCHOR}"
    assert status.inner_text() == f"Tautan disalin: {expected}"
    assert guarded_page.evaluate("navigator.clipboard.readText()") == expected
    # The page went to the section, and the address stays on it once
    # Material's anchor tracking has settled.
    guarded_page.wait_for_url(expected)
    guarded_page.wait_for_timeout(600)
    assert guarded_page.url == expected
    top = guarded_page.locator(f"#{ANCHOR}").evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 200
    assert guarded_page.console_errors == []


@pytest.mark.browser
def test_without_javascript_it_is_a_plain_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.locator(f"#{ANCHOR} a.headerlink").click()
    page.wait_for_url(f"**/{PAGE}#{ANCHOR}")
    context.close()
