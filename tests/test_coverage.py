"""Coverage check (scripts/check_coverage.py, hooks/coverage.py) and Peta Materi.

Broken copies of the project are checked by the script (subprocess, JSON
output) and by `mkdocs build --strict` with the coverage hook, which must
fail naming the item concerned. A synthetic complete course (generated from
the outline) proves the check passes when everything is there, so no test
passes merely because the real course is still incomplete.
"""

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from site_server import ROOT, build_site, copy_project

sys.path.insert(0, str(ROOT / "hooks"))
from course_outline import load_outline  # noqa: E402

OUTLINE = load_outline(ROOT)
ITEM_IDS = OUTLINE.ids()
SCRIPT = ROOT / "scripts" / "check_coverage.py"
SOURCE = "source/bahan-ajar.txt"
HOOK_LINE = "  - hooks/coverage.py\n"


# --- helpers ---------------------------------------------------------------

def run_script(root, *extra):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), "--format", "json", *extra],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] == (result.returncode == 0)
    return report


def findings(report, code=None, item=None):
    return [
        f for f in report["findings"]
        if (code is None or f["code"] == code) and (item is None or f["item"] == item)
    ]


def enable_hook(config_file):
    """The copy's mkdocs.yml with hooks/coverage.py registered (once)."""
    text = Path(config_file).read_text(encoding="utf-8")
    if "hooks/coverage.py" not in text:
        text = text.replace("hooks:\n", "hooks:\n" + HOOK_LINE, 1)
        Path(config_file).write_text(text, encoding="utf-8")
    return config_file


def build(config_file, tmp_path):
    return build_site(tmp_path / "site", config_file=enable_hook(config_file), check=False)


def remove_section(text, anchor):
    """Drop the heading with ``{ #anchor }`` and its section (to the next heading
    of the same or a higher level)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(rf"^#+ .*\{{[^}}]*#{re.escape(anchor)}\b", line))
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = start + 1
    while end < len(lines) and not re.match(rf"^#{{1,{level}}} ", lines[end]):
        end += 1
    return "\n".join(lines[:start] + lines[end:])


def remove_questions(docs_dir, item_id):
    """Drop every <quiz id="soal-<item_id>-n"> block from all pages; return how many."""
    pattern = re.compile(rf'<quiz id="soal-{re.escape(item_id)}-\d+">.*?</quiz>\n?', re.DOTALL)
    removed = 0
    for path in Path(docs_dir).rglob("*.md"):
        text, count = pattern.subn("", path.read_text(encoding="utf-8"))
        if count:
            path.write_text(text, encoding="utf-8")
            removed += count
    return removed


def edited_copy(tmp_path, rel_path, edit):
    """A copy of the project with ``edit(text) -> text`` applied to one file; its root."""
    root = copy_project(tmp_path / "project").parent
    path = root / rel_path
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def replace_line(number, expected, new):
    """An edit that replaces line ``number`` (1-based), checking what was there."""
    def edit(text):
        lines = text.split("\n")
        assert lines[number - 1] == expected, lines[number - 1]
        lines[number - 1] = new
        return "\n".join(lines)
    return edit


def replace_in(path, old, new):
    """Replace ``old`` (which must be there) by ``new`` in a file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def synthetic_pages():
    """A complete minimal course for every outline page: one section per item
    mentioning its key terms and one question per item linking its anchor,
    plus the real page's other heading anchors and question ids (other pages
    link to them)."""
    pages = {}
    for item in OUTLINE.items:
        pages.setdefault(item.page, []).append(item)
    by_id = OUTLINE.by_id()
    rendered = {}
    for page, items in pages.items():
        real = (ROOT / "docs" / page).read_text(encoding="utf-8")
        others = [a for a in re.findall(r"^#+ .*\{[^}]*#([\w-]+)", real, re.M) if a not in by_id]
        sections = [
            f"## {item.title} {{ #{item.id} }}\n\nBagian ini membahas {', '.join(item.key_terms)}.\n"
            for item in items
        ] + [f"## Bagian lain {{ #{anchor} }}\n\nIsi.\n" for anchor in others]
        quizzes = [
            f'<quiz id="soal-{item.id}-1">\nApa yang dibahas di bagian {item.title}?\n'
            f"- [x] {item.title}\n- [ ] Hal lain\n> Bukan itu.\n\n"
            f"Lihat [{item.title}]({item.page}#{item.id}).\n</quiz>\n"
            for item in items
        ]
        for question_id, number in re.findall(r'<quiz id="soal-([\w-]+)-(\d+)">', real):
            item = by_id.get(question_id)
            if item and number != "1":
                quizzes.append(
                    f'<quiz id="soal-{item.id}-{number}">\nSoal tambahan tentang {item.title}?\n'
                    f"- [x] Ya\n- [ ] Tidak\n> Salah.\n\n"
                    f"Pelajari [{item.title}]({item.page}#{item.id}).\n</quiz>\n"
                )
        rendered[page] = (
            f"---\ntitle: {page[:-3]}\ndescription: Halaman uji.\n---\n\n# {page[:-3]}\n\n"
            + "\n".join(sections) + "\n" + "\n".join(quizzes)
        )
    return rendered


def synthetic_tkp():
    items = [{"id": f"tkp-{n:02d}", "exercises": [item_id]} for n, item_id in enumerate(ITEM_IDS[:3], start=1)]
    return yaml.safe_dump({"items": items}, allow_unicode=True)


@pytest.fixture
def synthetic(tmp_path):
    """A copy of the project whose course pages (those the outline names) are
    the synthetic complete course; other pages stay as they are."""
    config = copy_project(tmp_path / "project")
    root = config.parent
    for page, text in synthetic_pages().items():
        (root / "docs" / page).write_text(text, encoding="utf-8")
    tkp = root / "data" / "tkp.yml"
    if "hooks/tkp.py" not in config.read_text(encoding="utf-8"):
        # without the TKP hook, latihan-tkp.md has no tkp-NN anchors: add a small bank and its anchors
        tkp.write_text(synthetic_tkp(), encoding="utf-8")
        headings = "".join(f"\n## Soal {n} {{ #tkp-{n:02d} }}\n" for n in (1, 2, 3))
        with (root / "docs" / "latihan-tkp.md").open("a", encoding="utf-8") as page:
            page.write(headings)
    return root


# --- the check passes on a complete course, and the real course passes -----

def test_synthetic_complete_course_passes(synthetic):
    report = run_script(synthetic)
    assert report["findings"] == []
    assert all(item["section"] and item["questions"] for item in report["items"])


def test_real_course_passes():
    """Fails until every item of the outline is taught and tested in docs/."""
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cakupan lengkap" in result.stdout


def test_help_is_indonesian():
    result = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "--format" in result.stdout and "Periksa cakupan" in result.stdout


def test_text_output_names_file_and_line(synthetic):
    page = synthetic / "docs" / "prinsip.md"
    page.write_text(remove_section(page.read_text(encoding="utf-8"), "prinsip-kepercayaan"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(synthetic)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert re.search(r'^source/outline\.yml:\d+: butir "prinsip-kepercayaan" belum diajarkan', result.stdout, re.M)
    assert "Cakupan belum lengkap" in result.stderr


# --- every item: removing its section or its questions fails ---------------

@pytest.fixture(scope="module")
def real_baseline(tmp_path_factory):
    """Findings of the unmodified real course, by item (to prove each test's
    failure comes from the change it makes)."""
    return run_script(ROOT)


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_removing_section_fails(item_id, tmp_path, real_baseline):
    assert not findings(real_baseline, "section-missing", item_id), f"kursus asli belum mengajarkan {item_id}"
    config = copy_project(tmp_path / "project")
    page = config.parent / "docs" / OUTLINE.by_id()[item_id].page
    page.write_text(remove_section(page.read_text(encoding="utf-8"), item_id), encoding="utf-8")

    assert findings(run_script(config.parent), "section-missing", item_id)
    result = build(config, tmp_path)
    assert result.returncode != 0
    assert f'butir "{item_id}" belum diajarkan' in result.stderr


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_removing_questions_fails(item_id, tmp_path, real_baseline):
    assert not findings(real_baseline, "question-missing", item_id), f"kursus asli belum menguji {item_id}"
    config = copy_project(tmp_path / "project")
    assert remove_questions(config.parent / "docs", item_id) >= 1

    assert findings(run_script(config.parent), "question-missing", item_id)
    result = build(config, tmp_path)
    assert result.returncode != 0
    assert f'butir "{item_id}" belum diuji' in result.stderr


# --- outline against source -------------------------------------------------

def test_extra_principle_in_source_fails(tmp_path):
    # line 76 is the blank line after principle 6 (line 73, text on 75)
    root = edited_copy(tmp_path, SOURCE, replace_line(76, "", "7. Keterbukaan; Mitra saling terbuka."))
    extra = findings(run_script(root), "source-item-not-in-outline")
    assert [(f["file"], f["line"]) for f in extra] == [(SOURCE, 76)]
    assert "prinsip nomor 7" in extra[0]["message"] and "Keterbukaan" in extra[0]["message"]


def test_extra_foundation_bullet_fails(tmp_path):
    # line 113 is the blank line between "- Tanggung jawab." and "• Saling melengkapi."
    root = edited_copy(tmp_path, SOURCE, replace_line(113, "", "- Keberlanjutan."))
    extra = findings(run_script(root), "source-item-not-in-outline")
    assert [(f["line"], "dasar" in f["message"]) for f in extra] == [(113, True)]


def test_source_lists_are_all_claimed_by_the_real_outline(real_baseline):
    """Control for the two tests above: the unmodified source passes."""
    assert not findings(real_baseline, "source-item-not-in-outline")
    assert not findings(real_baseline, "source-list-unknown-kind")


def test_garbled_principle_heading_must_be_in_outline(tmp_path):
    """Line 65 ("4 EC: 1 1 C 1 ...") is principle 4: an outline without it fails."""
    ref = '      - {line: 65, excerpt: "4 EC: 1 1 C 1 ..."}\n'

    def drop(text):
        assert ref in text
        return text.replace(ref, "")

    root = edited_copy(tmp_path, "source/outline.yml", drop)
    extra = findings(run_script(root), "source-item-not-in-outline")
    assert [(f["line"], "prinsip nomor 4" in f["message"]) for f in extra] == [(65, True)]


def test_wrong_excerpt_and_line_fail(tmp_path):
    def edit(text):
        text = text.replace('{line: 110, excerpt: "- Transfaransi."}', '{line: 110, excerpt: "- Transparansi."}')
        return text.replace('{line: 112, excerpt: "- Tanggung jawab."}', '{line: 912, excerpt: "- Tanggung jawab."}')

    report = run_script(edited_copy(tmp_path, "source/outline.yml", edit))
    wrong = findings(report, "outline-excerpt-missing")
    assert [(f["item"], f["file"]) for f in wrong] == [("dasar-transparansi", "source/outline.yml")]
    assert "source/bahan-ajar.txt:110" in wrong[0]["message"]
    assert [f["item"] for f in findings(report, "outline-line-missing")] == ["dasar-tanggung-jawab"]
    # the foundation on line 112 is no longer claimed by the outline
    assert [f["line"] for f in findings(report, "source-item-not-in-outline")] == [112]


# --- misspelt ids, orphans, duplicates, key terms, links ----------------------

def test_misspelt_heading_id_fails(synthetic):
    replace_in(synthetic / "docs" / "prinsip.md", "{ #prinsip-kepercayaan }", "{ #prinsip-kepercayan }")
    report = run_script(synthetic)
    assert findings(report, "section-missing", "prinsip-kepercayaan")


def test_misspelt_question_id_is_an_orphan(synthetic):
    replace_in(synthetic / "docs" / "strategi.md", 'id="soal-strategi-72-jam-1"', 'id="soal-strategi-27-jam-1"')
    report = run_script(synthetic)
    orphan = findings(report, "question-orphan")
    assert len(orphan) == 1 and '"strategi-27-jam"' in orphan[0]["message"]
    assert orphan[0]["file"] == "docs/strategi.md" and orphan[0]["line"] > 1
    item = next(i for i in report["items"] if i["id"] == "strategi-72-jam")
    assert "soal-strategi-72-jam-1" not in [q["anchor"] for q in item["questions"]]


def test_misspelt_tkp_reference_is_an_orphan(synthetic):
    tkp = synthetic / "data" / "tkp.yml"
    data = yaml.safe_load(tkp.read_text(encoding="utf-8"))
    data["items"][1]["exercises"] = ["prinsip-kepercayan"]
    tkp.write_text(yaml.safe_dump(data), encoding="utf-8")
    orphan = findings(run_script(synthetic), "tkp-orphan")
    assert len(orphan) == 1
    assert orphan[0]["file"] == "data/tkp.yml" and "tkp-02" in orphan[0]["message"]
    assert "prinsip-kepercayan" in orphan[0]["message"]


def test_duplicate_question_id_across_pages_fails(synthetic):
    quiz = '<quiz id="soal-prinsip-komitmen-1">\nSoal?\n- [x] Ya\n- [ ] Tidak\n> Bukan.\n\n[Komitmen](prinsip.md#prinsip-komitmen)\n</quiz>\n'
    page = synthetic / "docs" / "evaluasi-akhir.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + quiz, encoding="utf-8")
    duplicate = findings(run_script(synthetic), "question-duplicate")
    assert len(duplicate) == 1
    places = {duplicate[0]["file"], re.search(r"(docs/[\w-]+\.md):\d+", duplicate[0]["message"])[1]}
    assert places == {"docs/evaluasi-akhir.md", "docs/prinsip.md"}


def test_missing_key_term_fails(synthetic):
    replace_in(synthetic / "docs" / "prinsip.md", "modal dasar", "modal awal")
    terms = findings(run_script(synthetic), "section-key-terms")
    assert [f["item"] for f in terms] == ["prinsip-kepercayaan"]
    assert '"modal dasar"' in terms[0]["message"]


def test_key_terms_are_found_through_markup(synthetic):
    replace_in(synthetic / "docs" / "prinsip.md", "modal dasar", "[modal](glosarium.md#modal) **dasar**")
    assert not findings(run_script(synthetic), "section-key-terms")


def test_explanation_must_link_the_item_anchor(synthetic):
    replace_in(synthetic / "docs" / "landasan.md", "Lihat [Kesetaraan](landasan.md#dasar-kesetaraan)",
               "Lihat [Kesetaraan](landasan.md#dasar-transparansi)")
    report = run_script(synthetic)
    unlinked = findings(report, "question-no-anchor-link")
    assert [f["item"] for f in unlinked] == ["dasar-kesetaraan"]
    transparansi = next(i for i in report["items"] if i["id"] == "dasar-transparansi")
    assert "soal-dasar-kesetaraan-1" in [q["anchor"] for q in transparansi["also_in"]]


def test_feedback_links_do_not_count_as_explanation(synthetic):
    replace_in(synthetic / "docs" / "landasan.md",
               "> Bukan itu.\n\nLihat [Kesetaraan](landasan.md#dasar-kesetaraan).",
               "> Bukan itu, lihat [Kesetaraan](landasan.md#dasar-kesetaraan).\n\nPelajari lagi.")
    assert [f["item"] for f in findings(run_script(synthetic), "question-no-anchor-link")] == ["dasar-kesetaraan"]


# --- the build hook and the Peta Materi page ---------------------------------

def test_build_fails_with_the_scripts_messages(synthetic, tmp_path):
    page = synthetic / "docs" / "tujuan.md"
    page.write_text(remove_section(page.read_text(encoding="utf-8"), "tujuan-mutu-relevansi"), encoding="utf-8")
    script = subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(synthetic)], capture_output=True, text=True, cwd=ROOT
    )
    assert script.returncode == 1 and script.stdout.strip()
    result = build(synthetic / "mkdocs.yml", tmp_path)
    assert result.returncode != 0
    for message in script.stdout.strip().split("\n"):
        assert message in result.stderr


def test_peta_materi_without_its_marker_fails(synthetic, tmp_path):
    replace_in(synthetic / "docs" / "peta-materi.md", "<!-- peta-materi -->", "")
    result = build(synthetic / "mkdocs.yml", tmp_path)
    assert result.returncode != 0
    assert "peta-materi.md: penanda <!-- peta-materi --> untuk tabel Peta Materi tidak ada" in result.stderr


class TableReader(HTMLParser):
    """Rows of the first <table> in an HTML page: each cell's text and hrefs."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_table = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.in_table = True
        elif self.in_table and tag == "tr":
            self.rows.append([])
        elif self.in_table and tag in ("td", "th"):
            self.cell = {"text": "", "hrefs": []}
            self.rows[-1].append(self.cell)
        elif self.cell is not None and tag == "a":
            self.cell["hrefs"].append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = False
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data


def page_href(page, anchor):
    return f"../{page[:-3]}/#{anchor}"


@pytest.fixture
def synthetic_site(synthetic, tmp_path):
    result = build(synthetic / "mkdocs.yml", tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


def assert_table_agrees(site, report):
    """The Peta Materi table of a built site shows exactly what the check found."""
    reader = TableReader()
    reader.feed((site / "peta-materi" / "index.html").read_text(encoding="utf-8"))
    header, *rows = reader.rows
    assert [c["text"] for c in header][-3:] == ["Diajarkan di", "Diuji oleh", "Latihan TKP"]
    assert len(rows) == len(report["items"]) == len(ITEM_IDS)
    for row, item in zip(rows, report["items"]):
        assert row[2]["text"] == item["title"]
        assert row[3]["text"] == ", ".join(str(n) for n in dict.fromkeys(item["source_lines"]))
        assert row[4]["hrefs"] == [page_href(item["page"], item["id"])]
        assert row[5]["hrefs"] == [page_href(q["page"], q["anchor"]) for q in item["questions"] + item["also_in"]]
        assert row[6]["hrefs"] == [page_href("latihan-tkp.md", t["anchor"]) for t in item["tkp"]]
    return rows


def test_peta_materi_agrees_with_the_check(synthetic, synthetic_site):
    rows = assert_table_agrees(synthetic_site, run_script(synthetic))
    assert all(row[4]["hrefs"] and row[5]["hrefs"] for row in rows)
    assert any(row[6]["hrefs"] for row in rows)


def test_real_peta_materi_agrees_with_the_check(site_dir):
    assert_table_agrees(site_dir, run_script(ROOT))


@pytest.mark.browser
def test_peta_materi_table_scrolls_on_a_phone(synthetic_site, browser):
    from site_server import StaticServer

    with StaticServer(synthetic_site) as server:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(server.url + "peta-materi/")
        sizes = page.evaluate(
            """() => {
                const wrap = document.querySelector('.md-typeset__scrollwrap');
                return {page: document.documentElement.scrollWidth, viewport: window.innerWidth,
                        wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth,
                        overflow: getComputedStyle(wrap).overflowX};
            }"""
        )
        page.close()
    assert sizes["page"] <= sizes["viewport"]
    assert sizes["wrapScroll"] > sizes["wrapClient"] and sizes["overflow"] == "auto"
