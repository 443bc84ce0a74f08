"""Tautan Kelas: every section, question and TKP item with its full URL on
the site and a QR code that really encodes that URL; light to load; a
compact printed sheet."""

import math
import re
from urllib.parse import urljoin, urlparse

import pytest
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from site_server import ROOT, nav_pages, page_url

import sys

sys.path.insert(0, str(ROOT / "hooks"))
from course_outline import load_outline  # noqa: E402
from quiz_ids import read_question_ids  # noqa: E402

PAGE = "tautan-kelas/"
SCALE = 4
PATH_STEP = re.compile(r"([MmHhVvZz])\s*([-0-9.\s]*)")


def links_page(site_dir):
    return BeautifulSoup((site_dir / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")


def cards(site_dir):
    return links_page(site_dir).select("li.class-link")


def rasterize_qr_svg(svg_text):
    """Draw segno's SVG (one path of horizontal runs, stroke 1) as a PIL image."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg_text).group(1))
    image = Image.new("L", (size * SCALE, size * SCALE), 255)
    draw = ImageDraw.Draw(image)
    path = re.search(r'<path class="qrline"[^>]*\sd="([^"]+)"', svg_text).group(1)
    x = y = 0.0
    for command, args in PATH_STEP.findall(path):
        numbers = [float(n) for n in args.split()] if args.strip() else []
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command == "h":
            row = math.floor(y)
            draw.rectangle([x * SCALE, row * SCALE, (x + numbers[0]) * SCALE - 1, (row + 1) * SCALE - 1], fill=0)
            x += numbers[0]
        else:
            raise AssertionError(f"perintah path SVG tak terduga: {command}")
    return image


def decode_qr(svg_file):
    results = zxingcpp.read_barcodes(rasterize_qr_svg(svg_file.read_text(encoding="ascii")))
    assert len(results) == 1, f"{svg_file}: kode QR tidak terbaca"
    return results[0].text


def test_qr_decoder_reads_what_segno_wrote(tmp_path):
    import segno

    path = tmp_path / "qr.svg"
    segno.make("http://127.0.0.1:8000/prinsip/#prinsip-kepercayaan", error="m").save(
        str(path), kind="svg", xmldecl=False, omitsize=True, border=4
    )
    assert decode_qr(path) == "http://127.0.0.1:8000/prinsip/#prinsip-kepercayaan"
    segno.make("http://127.0.0.1:8000/lain/").save(str(path), kind="svg", xmldecl=False, omitsize=True, border=4)
    assert decode_qr(path) != "http://127.0.0.1:8000/prinsip/#prinsip-kepercayaan"


def test_every_qr_code_encodes_its_full_url(site_dir, site_port):
    base = f"http://127.0.0.1:{site_port}/"
    found = cards(site_dir)
    assert len(found) > 50
    for card in found:
        link = card.select_one("a.class-link__url")
        url = link["href"]
        assert link.get_text() == url
        assert url.startswith(base), url
        image = card.select_one("img.class-link__qr")
        svg_file = site_dir / urlparse(urljoin(base + PAGE, image["src"])).path.lstrip("/")
        assert decode_qr(svg_file) == url, svg_file


def test_every_url_reaches_an_existing_place(site_dir, site_port):
    base = f"http://127.0.0.1:{site_port}/"
    for card in cards(site_dir):
        url = card.select_one("a.class-link__url")["href"]
        path, _, anchor = url[len(base):].partition("#")
        html_file = site_dir / path / "index.html"
        assert html_file.exists(), url
        if anchor:
            assert f'id="{anchor}"' in html_file.read_text(encoding="utf-8"), url


def test_lists_every_section_question_and_tkp_item(site_dir):
    listed = {card.select_one("a.class-link__url")["href"].split("/", 3)[3] for card in cards(site_dir)}
    for item in load_outline(ROOT).items:
        assert f"{page_url(item.page)}#{item.id}" in listed, item.id
    for md_path in nav_pages():
        if md_path.startswith("fasilitator/") or md_path == "tautan-kelas.md":
            continue
        assert page_url(md_path) in listed, md_path
        text = (ROOT / "docs" / md_path).read_text(encoding="utf-8")
        for question_id in read_question_ids(text, md_path):
            assert f"{page_url(md_path)}#{question_id}" in listed, question_id
    tkp = yaml.safe_load((ROOT / "data" / "tkp.yml").read_text(encoding="utf-8"))
    for item in tkp["items"]:
        assert f"latihan-tkp/#{item['id']}" in listed, item["id"]


def test_cards_carry_the_section_numbers_of_the_pages(site_dir, site_port):
    base = f"http://127.0.0.1:{site_port}/"
    checked = 0
    for card in cards(site_dir):
        number = card.select_one(".class-link__label .section-number")
        if number is None:
            continue
        path, _, anchor = card.select_one("a.class-link__url")["href"][len(base):].partition("#")
        target = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        heading = target.find(id=anchor) if anchor else target.select_one("article h1")
        assert heading.find("span", class_="section-number").get_text() == number.get_text()
        checked += 1
    assert checked >= 32


def test_page_stays_light(site_dir):
    import gzip

    html = (site_dir / PAGE / "index.html").read_bytes()
    assert len(gzip.compress(html)) < 40_000, "Tautan Kelas terlalu berat"
    soup = links_page(site_dir)
    assert soup.select_one("article.md-content__inner svg") is None, "kode QR harus berkas terpisah, bukan SVG sebaris"
    images = soup.select("img.class-link__qr")
    assert images and all(image.get("loading") == "lazy" for image in images)


@pytest.mark.browser
def test_prints_as_a_compact_sheet(guarded_page, site_url, site_dir, tmp_path):
    guarded_page.goto(site_url + PAGE)
    guarded_page.emulate_media(media="print")
    guarded_page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    guarded_page.wait_for_function(
        "[...document.querySelectorAll('img.class-link__qr')].every(i => i.complete && i.naturalWidth > 0)"
    )
    columns = guarded_page.evaluate(
        "getComputedStyle(document.querySelector('.class-links__list')).gridTemplateColumns.split(' ').length"
    )
    assert columns == 4
    pdf = tmp_path / "tautan-kelas.pdf"
    guarded_page.pdf(path=str(pdf), format="A4")
    from pypdf import PdfReader

    pages = len(PdfReader(str(pdf)).pages)
    count = len(cards(site_dir))
    assert pages <= math.ceil(count / 16) + 2, f"{count} tautan butuh {pages} halaman A4"
    assert guarded_page.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_accessibility_violations(guarded_page, site_url, scheme):
    from conftest import axe_violations, set_color_scheme

    guarded_page.goto(site_url + PAGE)
    set_color_scheme(guarded_page, scheme)
    assert axe_violations(guarded_page) == []
