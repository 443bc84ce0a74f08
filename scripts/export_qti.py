"""Export the whole question bank to QTI packages for Moodle, Canvas and co.

Usage: python scripts/export_qti.py [--config-file mkdocs.yml] [--out site/unduh]

Writes bank-soal-qti21.zip (QTI 2.1) and bank-soal-qti12.zip (QTI 1.2, for
Canvas) with mkdocs-quiz's own QTI exporter (what `mkdocs-quiz export qti`
runs). Two things the plain CLI does not do, and why we call its exporter:
- it only reads plain ``<quiz>`` tags, ours carry ``id="soal-..."``;
- it names items with random ids: here every item is named by its question
  id (soal-prinsip-kepercayaan-1), answers by that id plus a number, so a
  re-import updates the same items and instructors can match them to the site.
Links to course pages (``prinsip.md#anchor``, ``#anchor``) become absolute site URLs.
Pages are read in nav order; the zip's dates come from SOURCE_DATE_EPOCH (or
1980-01-01), so the same questions give the same bytes.
"""

import argparse
import os
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.config import load_config
from mkdocs_quiz.qti import QTIExporter, QTIVersion, QuizCollection, extract_quizzes_from_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from quiz_ids import strip_question_ids  # noqa: E402

# [text](page.md#anchor) and [text](#anchor) (same page)
PAGE_LINK = re.compile(r"\]\((?:(?P<page>[a-z0-9/_-]+)\.md)?(?P<anchor>#[^)\s]*)?\)")
PACKAGES = {"2.1": "bank-soal-qti21.zip", "1.2": "bank-soal-qti12.zip"}
TITLE = "Bank Soal Jejaring Kerja"


def nav_files(nav):
    """Markdown files of the nav, in order."""
    for entry in nav or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            yield from nav_files(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def absolute_links(text, site_url, src_path):
    def replace(match):
        page, anchor = match.group("page"), match.group("anchor") or ""
        if page is None and not anchor:
            return match.group(0)
        page = page or src_path.removesuffix(".md")
        path = "" if page == "index" else page.removesuffix("/index") + "/"
        return f"]({site_url}{path}{anchor})"

    return PAGE_LINK.sub(replace, text)


def question_bank(config):
    """Every question of the course as a QuizCollection, items named by question id."""
    docs = Path(config.docs_dir)
    site_url = config.site_url or ""
    collection = QuizCollection(title=TITLE, description="Soal uji pemahaman kursus Jejaring Kerja")
    collection.identifier = "bank-soal-jejaring-kerja"
    with tempfile.TemporaryDirectory() as scratch:
        for src_path in nav_files(config.nav):
            markdown, ids = strip_question_ids((docs / src_path).read_text(encoding="utf-8"), src_path)
            if not ids:
                continue
            plain = Path(scratch) / Path(src_path).name
            plain.write_text(absolute_links(markdown, site_url, src_path), encoding="utf-8")
            quizzes = extract_quizzes_from_file(plain)
            if len(quizzes) != len(ids):
                raise SystemExit(f"docs/{src_path}: {len(ids)} soal ber-id, tetapi {len(quizzes)} terbaca untuk QTI.")
            for question_id, quiz in zip(ids, quizzes):
                quiz.identifier = question_id
                for number, part in enumerate(quiz.answers or quiz.blanks, start=1):
                    part.identifier = f"{question_id}-{number}"
                collection.add_quiz(quiz)
    return collection


def write_package(collection, version, target):
    exporter = QTIExporter.create(collection, QTIVersion.from_string(version))
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    parts = {"imsmanifest.xml": exporter.generate_manifest(), "assessment.xml": exporter.generate_assessment()}
    parts.update(exporter.generate_items())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), text)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Ekspor bank soal ke paket QTI (Moodle, Canvas).")
    parser.add_argument("--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--out", default=str(ROOT / "site" / "unduh"))
    args = parser.parse_args(argv)
    config = load_config(args.config_file)
    collection = question_bank(config)
    if not collection.quizzes:
        raise SystemExit("Tidak ada soal untuk diekspor.")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for version, name in PACKAGES.items():
        write_package(collection, version, out / name)
        print(f"{out / name}: {collection.total_questions} soal (QTI {version})")


if __name__ == "__main__":
    main()
