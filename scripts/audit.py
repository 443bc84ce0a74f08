#!/usr/bin/env python3
"""Audit the built course against its quality budgets (issue 9).

Builds the site, serves it on 127.0.0.1 with gzip (as GitHub Pages does) and
measures EVERY nav page: Lighthouse mobile and desktop (median of --runs),
axe-core (light and dark, before and after answering a quiz or TKP item),
vnu HTML validation, the network log (other hosts, transfer sizes) and quiz
bytes. Prints a table per page and a summary; exits 1 when a budget is missed.

Usage: scripts/audit.py [--runs 3] [--no-lighthouse] [--pages a.md b.md]
"""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from gzip_server import GzipServer  # noqa: E402
from site_server import build_site, nav_pages, page_url  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KIB = 1024

# Budgets: (label, check(value) -> bool, shown limit).
LIGHTHOUSE_BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
# Not reading pages but generated lists that grow with the question bank: the
# final test (every question), the TKP practice (every item) and the
# instructors' link sheet (a URL and QR code for every section, question and
# TKP item, on one printable page, as issue #7 asks). HTML budget 30 KiB
# instead of the 12 KiB of a content page.
HEAVY_PAGES = {"evaluasi-akhir.md", "latihan-tkp.md", "tautan-kelas.md"}
FIRST_VIEW_KIB = 85  # heavy pages: plus their larger HTML allowance (30 - 12 KiB)
NEXT_PAGE_KIB = 15
# vnu errors that come from Material's own templates (we cannot change them):
# its hidden toggle checkboxes carry autocomplete="off".
VNU_ALLOWED = ("Attribute “autocomplete” is only allowed when the input type is",)
# mkdocs-quiz's config, sidebar and shared files (Kemajuan Belajar's own
# assets/quiz/kemajuan.*.js reads progress; it is not quiz code).
QUIZ_MARKERS = ("mkdocsQuizConfig", "quiz-progress-sidebar", "assets/quiz/quiz.")


def lighthouse_scores(url, preset, runs):
    """Median score (0-100) per category over ``runs`` Lighthouse runs."""
    per_category = {}
    for _ in range(runs):
        command = [
            "node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        result = subprocess.run(
            command, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM)
        )
        if result.returncode != 0:
            raise RuntimeError(f"Lighthouse gagal untuk {url}:\n{result.stderr[-2000:]}")
        report = json.loads(result.stdout)
        for name, category in report["categories"].items():
            per_category.setdefault(name, []).append(round((category["score"] or 0) * 100))
    return {name: statistics.median(values) for name, values in per_category.items()}


def vnu_errors(site_dir):
    """vnu errors per HTML file (relative path), allow-listed ones removed."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--skip-non-html", str(site_dir)],
        capture_output=True, text=True,
    )
    errors = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        if message["message"].startswith(VNU_ALLOWED):
            continue
        path = Path(message["url"].removeprefix("file:")).resolve().relative_to(site_dir.resolve())
        errors.setdefault(str(path), []).append(f'{message.get("lastLine", "?")}: {message["message"]}')
    return errors


def answer_something(page):
    """Answer the first quiz question or TKP item on the page, if any."""
    option = page.locator(".md-content input[type=radio]:visible, .md-content input[type=checkbox]:visible").first
    if option.count() == 0:
        return False
    option.check()
    submit = page.locator(".md-content .quiz button[type=submit]").first
    if submit.count() and submit.is_visible():
        submit.click()
    page.wait_for_timeout(300)
    return True


def axe_run(page):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    return [v["id"] for v in violations]


# Requests of the service worker: its script, and its precache fetches
# (fetch() from a worker: Sec-Fetch-Dest "empty"). Before the reader searches,
# nothing else on a page is fetched that way (search loads on intent).
SERVICE_WORKER_DESTS = ("serviceworker", "empty")


def split_transfer(sent):
    """(bytes the page itself loaded, bytes of the service worker's background precache)."""
    precache = sum(size for _, size, dest in sent if dest in SERVICE_WORKER_DESTS)
    return sum(size for _, size, _ in sent) - precache, precache


def browser_checks(server, pages):
    """axe, hosts contacted and transfer sizes (counted by the server, so web
    and service workers are included) for each page."""
    from playwright.sync_api import sync_playwright

    base_url = server.url
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for index, md_path in enumerate(pages):
            context = browser.new_context()
            page = context.new_page()
            requested = []
            context.on("request", lambda request: requested.append(request.url))
            server.take_sent()
            response = page.goto(base_url + page_url(md_path))
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)  # let the service worker finish precaching
            first_view, precache = split_transfer(server.take_sent()[1])
            html_gzip = int(response.headers.get("content-length", 0))
            axe = {}
            for scheme in ("default", "slate"):
                page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                page.wait_for_timeout(400)
                axe[f"{scheme}"] = axe_run(page)
            if answer_something(page):
                for scheme in ("default", "slate"):
                    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                    page.wait_for_timeout(400)
                    axe[f"{scheme}+jawab"] = axe_run(page)
            next_path = pages[(index + 1) % len(pages)]
            server.take_sent()
            page.goto(base_url + page_url(next_path))
            page.wait_for_load_state("networkidle")
            next_page, _ = split_transfer(server.take_sent()[1])
            foreign = sorted({u for u in requested if not u.startswith(("http://127.0.0.1", "data:", "blob:"))})
            results[md_path] = {
                "first_view": first_view, "precache": precache, "next_page": next_page, "html_gzip": html_gzip,
                "axe": {k: v for k, v in axe.items() if v}, "foreign": foreign,
            }
            context.close()
        browser.close()
    return results


def quiz_bytes(site_dir, md_path):
    html = (site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8")
    has_quiz = 'class="quiz' in html
    return has_quiz, 0 if has_quiz else sum(html.count(marker) for marker in QUIZ_MARKERS)


def main():
    parser = argparse.ArgumentParser(description="Audit mutu dan anggaran kinerja situs kursus.")
    parser.add_argument("--runs", type=int, default=3, help="jumlah putaran Lighthouse (median); bawaan 3")
    parser.add_argument("--no-lighthouse", action="store_true", help="lewati Lighthouse (lebih cepat)")
    parser.add_argument("--pages", nargs="*", help="hanya halaman ini (mis. prinsip.md)")
    parser.add_argument("--json", type=Path, help="tulis hasil lengkap ke berkas JSON ini")
    args = parser.parse_args()

    pages = args.pages or nav_pages()
    site_dir = Path(tempfile.mkdtemp(prefix="audit-site-"))
    print(f"Membangun situs ke {site_dir} ...", flush=True)
    with GzipServer(site_dir) as server:
        build_site(site_dir, site_url=server.url)
        # Audit what is published: the site plus its service worker.
        subprocess.run(["node", str(ROOT / "scripts" / "build_service_worker.mjs"), str(site_dir)],
                       check=True, capture_output=True)
        print("Memvalidasi HTML (vnu) ...", flush=True)
        vnu = vnu_errors(site_dir)
        print("Memeriksa axe, jaringan, dan ukuran transfer ...", flush=True)
        browser = browser_checks(server, pages)
        lighthouse = {}
        if not args.no_lighthouse:
            for md_path in pages:
                print(f"Lighthouse {md_path} ...", flush=True)
                lighthouse[md_path] = {
                    preset: lighthouse_scores(server.url + page_url(md_path), preset, args.runs)
                    for preset in ("mobile", "desktop")
                }

    failures = []
    rows = []
    for md_path in pages:
        measured = browser[md_path]
        html_budget = 30 if md_path in HEAVY_PAGES else 12
        first_view_budget = FIRST_VIEW_KIB + html_budget - 12
        has_quiz, stray_quiz = quiz_bytes(site_dir, md_path)
        html_file = str(Path(page_url(md_path)) / "index.html")
        checks = [
            ("HTML gzip KiB", measured["html_gzip"] / KIB, f"<= {html_budget}", measured["html_gzip"] / KIB <= html_budget),
            ("tampilan pertama KiB", measured["first_view"] / KIB, f"<= {first_view_budget}", measured["first_view"] / KIB <= first_view_budget),
            ("halaman berikut KiB", measured["next_page"] / KIB, f"<= {NEXT_PAGE_KIB}", measured["next_page"] / KIB <= NEXT_PAGE_KIB),
            ("host lain", len(measured["foreign"]), "= 0", not measured["foreign"]),
            ("pelanggaran axe", sum(len(v) for v in measured["axe"].values()), "= 0", not measured["axe"]),
            ("galat vnu", len(vnu.get(html_file, [])), "= 0", not vnu.get(html_file)),
            ("bita kuis (tanpa kuis)", stray_quiz, "= 0", stray_quiz == 0),
        ]
        checks.append(("prasimpan SW KiB (info)", measured["precache"] / KIB, "sekali per versi", True))
        for preset, scores in lighthouse.get(md_path, {}).items():
            for category, score in scores.items():
                limit = LIGHTHOUSE_BUDGET[category] if preset == "mobile" else 90
                checks.append((f"LH {preset} {category}", score, f">= {limit}", score >= limit))
        rows.append((md_path, checks))
        for label, value, limit, ok in checks:
            if not ok:
                failures.append(f"{md_path}: {label} = {value:.1f} (anggaran {limit})")
        if measured["axe"]:
            failures.append(f"{md_path}: axe {measured['axe']}")
        if measured["foreign"]:
            failures.append(f"{md_path}: permintaan ke host lain {measured['foreign']}")
        for error in vnu.get(html_file, []):
            failures.append(f"{html_file}:{error}")

    for md_path, checks in rows:
        print(f"\n== {md_path}")
        for label, value, limit, ok in checks:
            shown = f"{value:.1f}" if isinstance(value, float) else str(value)
            print(f"  {'OK  ' if ok else 'GAGAL'} {label:<28} {shown:>8}  (anggaran {limit})")
    print("\n== Ringkasan")
    print(f"  halaman: {len(pages)}; pemeriksaan: {sum(len(c) for _, c in rows)}; gagal: {len(failures)}")
    for failure in failures:
        print(f"  GAGAL {failure}")
    if args.json:
        args.json.write_text(json.dumps({"browser": browser, "lighthouse": lighthouse, "vnu": vnu}, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
