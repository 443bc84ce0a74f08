#!/usr/bin/env python3
"""Benchmark the course's build steps and how the build cost grows (issue 9).

Prints figures; asserts nothing. Times the strict build, the coverage check,
the PDF handout and the offline bundle on the real course, then the strict
build on synthetic courses whose material pages are copied 10 and 50 times
(in a temporary folder), with time and site size against page count.

The synthetic builds leave out the coverage hook (copies repeat item
headings); scripts/bench_coverage.py measures the check on a 50x course.

Usage: scripts/bench.py [--scales 1 10 50] [--skip-pdf] [--skip-offline]
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from site_server import build_site, copy_project, nav_pages  # noqa: E402

MATERIAL_GROUP = "Materi"
QUESTION_ID = re.compile(r'<quiz id="soal-(?P<item>[a-z0-9-]+?)-(?P<n>\d+)">')


def timed(label, function):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"  {label:<40} {seconds:7.2f} s", flush=True)
    return seconds, result


def run(command):
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"Perintah gagal: {' '.join(map(str, command))}\n{result.stdout}{result.stderr}")
    return result


def folder_size(folder):
    return sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())


def multiply_material(project, copies):
    """Add ``copies - 1`` copies of every material page to the project's nav.

    Heading ids stay (they are per page); question ids get a copy number
    so they stay unique across the site, as the coverage check requires."""
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_loader())
    group = next(entry for entry in config["nav"] if isinstance(entry, dict) and MATERIAL_GROUP in entry)
    originals = [next(iter(item.items())) for item in group[MATERIAL_GROUP]]
    lines = []
    for copy in range(2, copies + 1):
        for title, md_path in originals:
            source = (project / "docs" / md_path).read_text(encoding="utf-8")
            renamed = QUESTION_ID.sub(
                lambda m: f'<quiz id="soal-{m["item"]}-{int(m["n"]) * 1000 + copy}">', source
            )
            # Same folder as the original, so relative links still resolve.
            target = md_path.replace(".md", f"-salinan-{copy}.md")
            (project / "docs" / target).write_text(renamed, encoding="utf-8")
            lines.append(f"      - {title} {copy}: {target}\n")
    # The copies repeat the items' headings, which the coverage check rightly
    # refuses; its own growth is measured by scripts/bench_coverage.py.
    text = text.replace("  - hooks/coverage.py\n", "")
    last_material = originals[-1][1]
    anchor = f": {last_material}\n"
    index = text.index(anchor) + len(anchor)
    config_path.write_text(text[:index] + "".join(lines) + text[index:], encoding="utf-8")


def _loader():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
    return Loader


def main():
    parser = argparse.ArgumentParser(description="Ukur waktu build kursus dan pertumbuhannya.")
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 50])
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-offline", action="store_true")
    args = parser.parse_args()
    python = sys.executable
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        print("Kursus ini:")
        site = workdir / "site"
        timed("build ketat (mkdocs build --strict)", lambda: build_site(site))
        timed("cek cakupan (scripts/check_coverage.py)", lambda: run([python, "scripts/check_coverage.py"]))
        if not args.skip_pdf:
            pdf = workdir / "modul.pdf"
            timed("modul PDF (scripts/build_pdf.py)",
                  lambda: run([python, "scripts/build_pdf.py", "--site-dir", site, "--output", pdf]))
            print(f"  {'ukuran PDF':<40} {pdf.stat().st_size / 1024:7.0f} KiB")
        if not args.skip_offline:
            bundle = workdir / "luring.zip"
            timed("paket luring (scripts/build_offline.py)",
                  lambda: run([python, "scripts/build_offline.py", "--build-dir", workdir / "offline",
                               "--output", bundle]))
            print(f"  {'ukuran paket luring':<40} {bundle.stat().st_size / 1024:7.0f} KiB")

        print("\nPertumbuhan (build ketat pada salinan sintetis):")
        print(f"  {'skala':>5} {'halaman':>8} {'waktu (s)':>10} {'ukuran situs (MiB)':>19} {'ms/halaman':>11}")
        for scale in args.scales:
            project = workdir / f"x{scale}"
            config = copy_project(project)
            if scale > 1:
                multiply_material(project, scale)
            out = workdir / f"site-x{scale}"
            seconds, _ = timed_quiet(lambda: build_site(out, config_file=config))
            pages = sum(1 for _ in out.rglob("index.html"))
            print(f"  {scale:>5} {pages:>8} {seconds:>10.2f} {folder_size(out) / 2**20:>19.1f} {seconds / pages * 1000:>11.0f}",
                  flush=True)
            shutil.rmtree(out)
            shutil.rmtree(project)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def timed_quiet(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


if __name__ == "__main__":
    main()
