"""The PDF handout (scripts/build_pdf.py), read back with pypdf: every outline
item's heading in nav order, every question with its answer in the key, TOC
page numbers equal to the pages where the headings are, A4, embedded fonts,
no website chrome, links back to the online sections; a missing page fails."""

import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))

from course_outline import load_outline  # noqa: E402
from handout.source import handout_pages, load_config  # noqa: E402

FOOTER = re.compile(r"Halaman \d+ dari \d+")


def squash(text):
    """Whitespace collapsed; a line broken after a hyphen ("individu-\nindividu") joined."""
    return re.sub(r"(?<=\w-) (?=\w)", "", " ".join(text.split()))


def run_build_pdf(site_dir, output, *extra):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--site-dir", str(site_dir), "--output", str(output), *extra],
        cwd=ROOT, capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def handout(site_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    pdf, html = folder / "jejaring-kerja.pdf", folder / "handout.html"
    result = run_build_pdf(site_dir, pdf, "--html", str(html))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(pdf))
    texts = [page.extract_text() or "" for page in reader.pages]
    return {
        "pdf": pdf,
        "reader": reader,
        "texts": texts,
        "soup": BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser"),
        "pages": handout_pages(load_config(ROOT / "mkdocs.yml"), site_dir),
    }


def without_margins(text):
    """A page's text without its running title and "Halaman X dari Y" (the
    last two lines WeasyPrint's margin boxes add)."""
    lines = text.splitlines()
    return "\n".join(lines[:-2] if lines and FOOTER.fullmatch(lines[-1].strip()) else lines)


def first_chapter_page(handout):
    """Index (0-based) of the first chapter's page: the TOC ends before it."""
    reader = handout["reader"]
    return reader.get_destination_page_number(reader.named_destinations[handout["pages"][0].slug])


def body_text(handout):
    """The text after the cover and the TOC, running headers/footers removed."""
    return squash(" ".join(without_margins(text) for text in handout["texts"][first_chapter_page(handout):]))


def toc_text(handout):
    return squash(" ".join(without_margins(text) for text in handout["texts"][1:first_chapter_page(handout)]))


def built_soup(page):
    return BeautifulSoup(page.html_path.read_text(encoding="utf-8"), "html.parser")


def test_a4_pages_and_embedded_fonts(handout):
    reader = handout["reader"]
    assert len(reader.pages) > 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1, (width, height)
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts[str(font.get("/BaseFont"))] = font
    assert fonts
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} tidak disematkan"


def test_cover_has_title_source_date_and_version(handout, site_dir):
    config = load_config(ROOT / "mkdocs.yml")
    cover = squash(handout["texts"][0])
    assert config["site_name"] in cover
    assert config["extra"]["source_title"] in cover
    assert f"Versi {config['extra']['version']}" in cover
    footer_date = built_soup(handout["pages"][0]).select_one(".md-copyright time")["datetime"]
    year, month, day = footer_date.split("-")
    assert re.search(rf"Tanggal {int(day)} \w+ {year}", cover), cover


def test_every_outline_item_heading_in_nav_order(handout):
    """Each item's heading as the website renders it (number included)."""
    order = {page.src: position for position, page in enumerate(handout["pages"])}
    expected = []
    for item in load_outline(ROOT).items:
        page = next(p for p in handout["pages"] if p.src == item.page)
        soup = built_soup(page)
        heading = soup.find(id=item.id)
        assert heading is not None, f"docs/{item.page}: judul dengan id {item.id} tidak ada"
        for link in heading.select(".headerlink"):
            link.decompose()
        position = [h.get("id") for h in soup.find_all(re.compile("^h[1-6]$"))].index(item.id)
        expected.append((order[item.page], position, squash(heading.get_text())))
    text, cursor = body_text(handout), 0
    for _, _, heading in sorted(expected):
        found = text.find(heading, cursor)
        assert found >= 0, f"judul '{heading}' tidak ada (atau tidak urut) di PDF"
        cursor = found + len(heading)


def quizzes(handout):
    for page in handout["pages"]:
        yield from built_soup(page).select("div.quiz")


def test_every_question_numbered_with_its_answer_in_the_key(handout):
    text = body_text(handout)
    key = text[text.find("Kunci Jawaban Uji Pemahaman"):]
    questions = list(quizzes(handout))
    assert questions, "belum ada soal uji pemahaman di situs"
    for number, quiz in enumerate(questions, start=1):
        question = quiz.select_one(".quiz-question")
        for blank in question.select("input"):
            blank.replace_with("__________")
        first_line = squash(question.find(["p", "div"]).get_text() if question.find(["p", "div"]) else question.get_text())
        assert f"Soal {number} {first_line[:60]}" in text, f"soal {quiz['id']} tidak tercetak sebagai Soal {number}"
        options = quiz.select("fieldset input")
        letters = "ABCDEFGHIJ"
        for position, option in enumerate(options):
            label = squash(option.parent.find("label").get_text())
            assert f"{letters[position]}. {label[:40]}" in text, f"{quiz['id']}: pilihan {letters[position]} hilang"
        answers = [
            f"{letters[i]}. {squash(o.parent.find('label').get_text())}" for i, o in enumerate(options) if o.get("data-correct") == "true"
        ] + [blank.get("data-answer") for blank in quiz.select("input.quiz-blank-input")]
        entry = re.search(rf"Soal {number} \(halaman \d+\) — Jawaban: (.*?)(?= Soal {number + 1} \(halaman|$)", key)
        assert entry, f"kunci jawaban Soal {number} ({quiz['id']}) tidak ada"
        assert entry.group(1).startswith("; ".join(answers)[:80]), f"kunci Soal {number}: {entry.group(1)[:120]}"


def test_toc_numbers_are_the_pages_of_the_headings(handout):
    reader, texts = handout["reader"], handout["texts"]
    toc = toc_text(handout)
    destinations = reader.named_destinations
    entries = handout["soup"].select("nav.toc a")
    assert len(entries) >= len(handout["pages"])
    cursor = 0
    for entry in entries:
        title, target = squash(entry.get_text()), entry["href"][1:]
        match = re.compile(re.escape(title) + r"[ .]*?(\d+)(?!\d)").search(toc, cursor)
        assert match, f"'{title}' tidak ada di daftar isi"
        cursor = match.end()
        printed = int(match.group(1))
        actual = reader.get_destination_page_number(destinations[target]) + 1
        assert printed == actual, f"daftar isi: '{title}' di halaman {printed}, padahal di halaman {actual}"
        assert title.split(" ", 1)[-1][:30] in squash(texts[actual - 1]), f"'{title}' tidak tampak di halaman {actual}"


def test_links_back_to_the_online_sections(handout, site_url):
    uris = set()
    for page in handout["reader"].pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.add(str(action["/URI"]))
    for item in load_outline(ROOT).items:
        page = next(p for p in handout["pages"] if p.src == item.page)
        assert any(uri.endswith(f"{page.url}#{item.id}") for uri in uris), f"tidak ada tautan daring ke {item.page}#{item.id}"


def test_no_website_chrome_in_the_handout(handout):
    text = " ".join(handout["texts"])
    for chrome in ("Kirim", "Salin tautan", "Unduh PDF", "Atur ulang", "Progres Kuis", "Lewati ke isi"):
        assert chrome not in text, chrome
    assert "Halaman 2 dari" in text


def test_tkp_items_with_their_scoring_key(handout):
    tkp = next((p for p in handout["pages"] if p.src == "latihan-tkp.md"), None)
    assert tkp is not None
    items = built_soup(tkp).select(".tkp-item")
    assert items, "latihan TKP belum berisi soal"
    text = body_text(handout)
    for number, _ in enumerate(items, start=1):
        assert f"Kunci skor dan alasan soal {number}" in text


def test_missing_nav_page_fails_loudly(site_dir, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(site_dir, broken)
    (broken / "prinsip" / "index.html").unlink()
    result = run_build_pdf(broken, tmp_path / "x.pdf")
    assert result.returncode != 0
    assert "docs/prinsip.md" in result.stderr and "tidak ada" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
