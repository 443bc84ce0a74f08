#!/usr/bin/env python3
"""Build the PDF handout of the whole course from the built site.

Usage: scripts/build_pdf.py [--site-dir site] [--config mkdocs.yml]
                            [--output site/unduh/jejaring-kerja.pdf] [--html FILE]

Reads the pages of the nav (mkdocs.yml) from the built site in nav order, so
section numbers, quizzes and the TKP items are the ones the website shows;
strips the website chrome, turns quizzes into numbered questions with an
answer key at the end, and renders A4 pages with WeasyPrint and
overrides/assets/print/handout.css. Exits non-zero with an Indonesian message
when a nav page is missing from the built site.
"""

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from handout.assemble import build_document  # noqa: E402
from handout.source import HandoutError, site_info  # noqa: E402

STYLESHEET = ROOT / "overrides" / "assets" / "print" / "handout.css"
OUTPUT_NAME = Path("unduh") / "jejaring-kerja.pdf"


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Bangun modul PDF kursus dari situs hasil build.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="situs hasil `make build` (bawaan: site/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="berkas konfigurasi (bawaan: mkdocs.yml)")
    parser.add_argument("--output", type=Path, help="berkas PDF (bawaan: <site-dir>/unduh/jejaring-kerja.pdf)")
    parser.add_argument("--html", type=Path, help="simpan juga HTML modul (untuk memeriksa tata letak)")
    return parser.parse_args(argv)


def render_pdf(document, site_dir, output):
    # Imported here: WeasyPrint is slow to import and --help should be quick.
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    output.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=document, base_url=str(site_dir.resolve()) + "/").write_pdf(
        output, stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant=None
    )


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    output = args.output or args.site_dir / OUTPUT_NAME
    try:
        info = site_info(args.config, args.site_dir)
    except (HandoutError, OSError) as error:
        print(f"build_pdf: GAGAL: {error}", file=sys.stderr)
        return 2
    document, questions = build_document(info)
    if args.html:
        args.html.parent.mkdir(parents=True, exist_ok=True)
        args.html.write_text(document, encoding="utf-8")
    render_pdf(document, args.site_dir, output)
    seconds = time.monotonic() - started
    size = output.stat().st_size / 1024
    print(
        f"Modul PDF: {output} ({size:.0f} KiB, {len(info.pages)} halaman situs, "
        f"{questions} soal, {seconds:.1f} detik)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
