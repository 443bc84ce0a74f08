#!/usr/bin/env python3
"""Periksa cakupan kursus: setiap butir sumber ada di kerangka, diajarkan, dan diuji.

Pemeriksaan (sama dengan yang dijalankan `mkdocs build` lewat hooks/coverage.py):
  a. kerangka (source/outline.yml) lawan sumber (source/bahan-ajar.txt): setiap
     butir daftar syarat, tujuan, prinsip, strategi, dan dasar di sumber ada di
     kerangka, dan setiap rujukan baris berisi kutipannya;
  b. kerangka lawan isi: setiap butir punya judul ber-id di halamannya, dan
     bagian itu menyebut semua istilah kuncinya;
  c. kerangka lawan soal: setiap butir punya soal soal-<id butir>-<n> yang
     pembahasannya menautkan jangkar butir; setiap soal TKP (data/tkp.yml)
     menyebut butir yang ada;
  d. tidak ada id soal atau rujukan TKP ke butir yang tidak ada, dan tidak ada
     id soal ganda.

Keluar dengan kode 0 bila semuanya terpenuhi, 1 bila ada yang kurang, 2 bila
berkas kerangka, sumber, atau data tidak dapat dibaca.
"""

import argparse
import json
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT / "hooks"))

import yaml  # noqa: E402
from coverage_model import check_coverage  # noqa: E402


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT,
                        help="folder proyek yang diperiksa (berisi source/, docs/, data/); bawaan: proyek ini")
    parser.add_argument("--docs-dir", type=Path, default=None,
                        help="folder halaman kursus; bawaan: ROOT/docs")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="bentuk keluaran: text (untuk manusia) atau json (untuk alat)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        report = check_coverage(args.root, args.docs_dir)
    except (OSError, KeyError, yaml.YAMLError) as error:
        print(f"Pemeriksaan cakupan tidak dapat berjalan: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            print(finding)
        tested = sum(1 for item in report.items if item.questions)
        taught = sum(1 for item in report.items if item.section)
        summary = f"{len(report.items)} butir kerangka: {taught} diajarkan, {tested} diuji."
        if report.ok:
            print(f"Cakupan lengkap. {summary}")
        else:
            print(f"Cakupan belum lengkap: {len(report.findings)} masalah. {summary}", file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
