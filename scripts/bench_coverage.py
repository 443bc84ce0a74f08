#!/usr/bin/env python3
"""Ukur lama pemeriksaan cakupan: pada kursus ini dan pada kursus sintetis
N kali lebih besar (salinan kursus di folder sementara).

Kursus sintetis: sumber diulang N kali, kerangka diulang N kali (id diberi
akhiran -k<n>, rujukan baris digeser), setiap halaman docs/ disalin ke
docs/k<n>/ dengan id judul dan id soal diganti, dan soal TKP diulang.
Mencetak angka; bukan tes.
"""

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT / "hooks"))

from course_outline import load_outline  # noqa: E402
from coverage_model import TKP_PATH, check_coverage  # noqa: E402


def timed(root, runs):
    """Median wall and CPU time (seconds) of ``runs`` checks, and the last report.
    CPU time is the steadier figure on a busy machine."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        report = check_coverage(root)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), report


def describe(label, report, pages, wall, cpu, runs):
    return (f"{label}: {len(report.items)} butir, {pages} halaman, {len(report.findings)} masalah: "
            f"{wall * 1000:.0f} ms waktu nyata, {cpu * 1000:.0f} ms CPU (median {runs} kali)")


def renamer(ids, suffix):
    """Rename every heading anchor and question id of the outline in Markdown."""
    alternatives = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    question = re.compile(rf"\bsoal-({alternatives})-(\d+)\b")
    anchor = re.compile(rf"#({alternatives})(?![\w-])")

    def rename(text):
        text = question.sub(lambda m: f"soal-{m[1]}{suffix}-{m[2]}", text)
        return anchor.sub(lambda m: f"#{m[1]}{suffix}", text)

    return rename


def make_large_course(destination, copies):
    """Write a course ``copies`` times larger than this one below ``destination``."""
    outline = load_outline(PROJECT_ROOT)
    raw_outline = yaml.safe_load(outline.path.read_text(encoding="utf-8"))
    source_lines = outline.source_file.read_text(encoding="utf-8").split("\n")
    tkp_path = PROJECT_ROOT / TKP_PATH
    tkp_items = yaml.safe_load(tkp_path.read_text(encoding="utf-8"))["items"] if tkp_path.exists() else []
    docs = PROJECT_ROOT / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}

    items, tkp = [], []
    for copy in range(copies):
        suffix, offset = f"-k{copy}", copy * len(source_lines)
        for raw in raw_outline["items"]:
            item = dict(raw, id=raw["id"] + suffix, page=f"k{copy}/{raw['page']}")
            item["source"] = [dict(ref, line=ref["line"] + offset) for ref in raw["source"]]
            items.append(item)
        for entry in tkp_items:
            tkp.append(dict(entry, id=f"{entry['id']}{suffix}", exercises=[e + suffix for e in entry["exercises"]]))
        rename = renamer(outline.ids(), suffix)
        for rel, text in pages.items():
            target = destination / "docs" / f"k{copy}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rename(text), encoding="utf-8")

    (destination / "source").mkdir(parents=True)
    (destination / "source" / "bahan-ajar.txt").write_text("\n".join(source_lines * copies), encoding="utf-8")
    outline_data = {"source_file": "source/bahan-ajar.txt", "items": items}
    (destination / "source" / "outline.yml").write_text(yaml.safe_dump(outline_data, allow_unicode=True), encoding="utf-8")
    (destination / "data").mkdir()
    (destination / TKP_PATH).write_text(yaml.safe_dump({"items": tkp}, allow_unicode=True), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=50, help="berapa kali lebih besar kursus sintetis (bawaan 50)")
    parser.add_argument("--runs", type=int, default=5, help="berapa kali tiap pemeriksaan diulang (median)")
    args = parser.parse_args(argv)

    wall, cpu, report = timed(PROJECT_ROOT, args.runs)
    pages = len(list((PROJECT_ROOT / "docs").rglob("*.md")))
    print(describe("Kursus ini", report, pages, wall, cpu, args.runs))

    folder = Path(tempfile.mkdtemp(prefix="bench-cakupan-"))
    try:
        make_large_course(folder, args.copies)
        wall, cpu, large = timed(folder, args.runs)
        large_pages = len(list((folder / "docs").rglob("*.md")))
        print(describe(f"Kursus {args.copies}x", large, large_pages, wall, cpu, args.runs))
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
