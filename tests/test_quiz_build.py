"""Quiz machinery in the built HTML: weight, shared assets, patched quiz.js,
live-region markup, the Kemajuan Belajar data, and the QTI export."""

import hashlib
import json
import re
import subprocess
import sys
import zipfile

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, nav_pages, page_url

sys.path.insert(0, str(ROOT / "hooks"))
from quiz_patches import PATCHES, patch_quiz_js  # noqa: E402

QUESTION_TAG = re.compile(r'<quiz id="(soal-[^"]+)">')
QUIZ_TRACES = ("mkdocsQuiz", "quiz-progress", "assets/quiz/", "quiz-feedback", ".quiz {", "JSConfetti")


def question_ids_in_docs():
    """{page: [question ids]} from the Markdown sources, nav order."""
    found = {}
    for md_path in nav_pages():
        ids = QUESTION_TAG.findall((ROOT / "docs" / md_path).read_text(encoding="utf-8"))
        if ids:
            found[md_path] = ids
    return found


QUIZ_PAGES = list(question_ids_in_docs())
PLAIN_PAGES = [p for p in nav_pages() if p not in QUIZ_PAGES and p != "kemajuan-belajar.md"]


def html_of(site_dir, md_path):
    return (site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8")


def test_the_course_has_quiz_pages_and_plain_pages():
    assert QUIZ_PAGES, "tidak ada halaman dengan soal <quiz id=...>"
    assert "glosarium.md" in PLAIN_PAGES and "daftar-pustaka.md" in PLAIN_PAGES


@pytest.mark.parametrize("md_path", PLAIN_PAGES)
def test_pages_without_quizzes_carry_no_quiz_bytes(site_dir, md_path):
    html = html_of(site_dir, md_path)
    for trace in QUIZ_TRACES:
        assert trace not in html, f"{md_path}: {trace!r} pada halaman tanpa soal"


def shared_assets(html):
    soup = BeautifulSoup(html, "html.parser")
    css = [link["href"] for link in soup.select('head link[rel="stylesheet"]') if "assets/quiz/" in link["href"]]
    js = [script["src"] for script in soup.select("head script[src]") if "assets/quiz/" in script["src"]]
    return soup, css, js


@pytest.mark.parametrize("md_path", QUIZ_PAGES)
def test_quiz_pages_use_shared_minified_hashed_files(site_dir, md_path):
    html = html_of(site_dir, md_path)
    soup, css, js = shared_assets(html)
    assert [re.sub(r"[0-9a-f]{10}", "H", u) for u in css + js] == [
        "../assets/quiz/quiz.H.min.css",
        "../assets/quiz/quiz.H.min.js",
    ]
    assert soup.select_one('head script[src*="assets/quiz/"]').has_attr("defer")
    for url in css + js:
        data = (site_dir / page_url(md_path) / url).resolve().read_bytes()
        digest = re.search(r"\.([0-9a-f]{10})\.min\.", url).group(1)
        assert hashlib.sha256(data).hexdigest()[:10] == digest, f"{url}: nama tidak mengikuti isinya"
        assert len(data) / (data.count(b"\n") + 1) > 200, f"{url}: belum diminifikasi"
    quiz_inline = sum(
        len(tag.get_text()) for tag in soup.select("script:not([src]), style") if "quiz" in tag.get_text().lower()
    )
    assert quiz_inline < 300, f"{md_path}: {quiz_inline} byte skrip/gaya kuis inline"
    assert "mkdocsQuizTranslations" not in html and "JSConfetti" not in html


def test_one_quiz_bundle_for_all_pages(site_dir):
    assert sorted(p.name.split(".")[0] + "." + p.suffix for p in (site_dir / "assets" / "quiz").iterdir()) == [
        "kemajuan..js", "quiz..css", "quiz..js",
    ]


def bundle(site_dir, kind):
    (path,) = (site_dir / "assets" / "quiz").glob(f"quiz.*.min.{kind}")
    return path.read_text(encoding="utf-8")


def test_bundled_quiz_js_is_patched_and_indonesian(site_dir):
    js = bundle(site_dir, "js")
    assert "mkdocsQuizTranslations=" in js and '"Kirim"' in js
    for english in ('"(empty)")', "Quiz progress is too large", "Unable to save quiz progress", "typeof document$"):
        assert english not in js.replace('t("(empty)")', ""), english
    assert "Kemajuan kuis tidak dapat disimpan" in js
    assert ".quiz-reset-button" in js and "confettiRadius" not in js  # no confetti library


def test_bundled_css_has_our_contrast_colours_after_upstream(site_dir):
    css = bundle(site_dir, "css")
    assert css.index("#dc3545") < css.index("#b02a37"), "warna kita harus sesudah quiz.css agar menang"
    assert '[data-md-color-scheme="slate"] .quiz-feedback-item.incorrect' in css.replace("'", '"')


def test_patches_fail_loudly_when_quiz_js_changes():
    from mkdocs.exceptions import PluginError

    upstream = "\n".join(old for _name, old, _new in PATCHES)
    assert patch_quiz_js(upstream) == "\n".join(new for _name, _old, new in PATCHES)
    name, old, _new = PATCHES[0]
    with pytest.raises(PluginError, match=name):
        patch_quiz_js(upstream.replace(old, "// changed upstream"))
    with pytest.raises(PluginError, match=name):
        patch_quiz_js(upstream + "\n" + old)


@pytest.mark.parametrize("md_path", QUIZ_PAGES)
def test_every_feedback_box_is_a_polite_live_region(site_dir, md_path):
    soup = BeautifulSoup(html_of(site_dir, md_path), "html.parser")
    quizzes = soup.select("div.quiz")
    assert [q["id"] for q in quizzes] == question_ids_in_docs()[md_path]
    for quiz in quizzes:
        feedback = quiz.select_one(".quiz-feedback")
        assert feedback["role"] == "status" and feedback["aria-live"] == "polite", quiz["id"]
    assert soup.select_one("#quiz-progress-sidebar") is not None


def test_kemajuan_page_lists_every_quiz_page_and_question(site_dir):
    soup = BeautifulSoup(html_of(site_dir, "kemajuan-belajar.md"), "html.parser")
    data = json.loads(soup.select_one("#kemajuan-data").get_text())
    expected = question_ids_in_docs()
    assert [s["url"] for s in data] == ["../" + page_url(p) for p in expected]
    assert [[q["id"] for q in s["questions"]] for s in data] == list(expected.values())
    for section in data:
        for question in section["questions"]:
            assert question["url"] == f'{section["url"]}#{question["id"]}'
            assert question["itemUrl"], f'{question["id"]}: butir kerangka tidak ditemukan'
    rows = soup.select("#kemajuan-tabel tbody tr")
    assert [row.a["href"] for row in rows] == [s["url"] for s in data]
    assert soup.select_one("#kemajuan-hapus").get_text() == "Hapus semua kemajuan"
    script = soup.select_one('#kemajuan-ringkasan script[src*="assets/quiz/kemajuan."]')
    assert (site_dir / "kemajuan-belajar" / script["src"]).resolve().is_file()
    assert "mkdocsQuiz" not in str(soup)


def test_qti_export_holds_every_question(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_qti.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    expected = [qid for ids in question_ids_in_docs().values() for qid in ids]
    for name in ("bank-soal-qti21.zip", "bank-soal-qti12.zip"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            items = [n[len("items/"):-len(".xml")] for n in archive.namelist() if n.startswith("items/")]
            assert items == expected, name
            manifest = archive.read("imsmanifest.xml").decode()
            assert all(f'identifier="{qid}"' in manifest for qid in expected)
            assert "](http" in archive.read(f"items/{expected[0]}.xml").decode()
            assert ".md#" not in "".join(archive.read(f"items/{q}.xml").decode() for q in expected)


def test_instant_navigation_stays_off():
    """quiz.js is set up once per page load (hooks/quiz_patches.py): with
    navigation.instant the quizzes of the next page would never be set up."""
    from conftest import load_mkdocs_config

    assert "navigation.instant" not in load_mkdocs_config()["theme"]["features"]
