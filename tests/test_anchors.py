"""The anchor registry (source/anchors.yml): every published address is
listed, none disappears, and a moved one still brings old links to the new
place (same page, another page, a moved page)."""

import subprocess
import sys

import pytest
import yaml

from site_server import ROOT, StaticServer, build_site, copy_project

sys.path.insert(0, str(ROOT / "hooks"))
from anchor_registry import check, load_registry, unregistered  # noqa: E402

SCRIPT = ROOT / "scripts" / "anchors.py"

# The changes made to a copy of the course: each breaks a published address.
SAME_PAGE = ("docs/prinsip.md", "## Refleksi { #refleksi }", "## Refleksi { #renungan }")
OTHER_PAGE = ("docs/strategi.md", "## Poin Kunci { #poin-kunci }", "## Poin Kunci { #poin-kunci-strategi }")
MOVES = {
    "/prinsip/#refleksi": "/prinsip/#renungan",
    "/strategi/#poin-kunci": "/prinsip/#poin-kunci",
    "/landasan/": "/dasar-kemitraan/",
    # Tautan Kelas names its groups after the pages: the moved page moves its group too.
    "/tautan-kelas/#kelas-landasan": "/tautan-kelas/#kelas-dasar-kemitraan",
}


def run_script(root, command, site_dir):
    return subprocess.run(
        [sys.executable, str(SCRIPT), command, "--root", str(root), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
    )


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} tidak ditemukan"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rename_page(root, old_md, new_md):
    (root / "docs" / old_md).rename(root / "docs" / new_md)
    for folder in ("docs", "source", "data"):
        for path in (root / folder).rglob("*"):
            if path.suffix in (".md", ".yml") and old_md in path.read_text(encoding="utf-8"):
                replace_in(path, old_md, new_md)
    replace_in(root / "mkdocs.yml", f": {old_md}", f": {new_md}")


def write_moves(root, moves):
    """Add ``moves`` to the registry's `moved:` section, keeping the recorded ones."""
    path = root / "source" / "anchors.yml"
    text = path.read_text(encoding="utf-8")
    recorded = yaml.safe_load(text).get("moved") or {}
    moved = yaml.safe_dump({"moved": {**recorded, **moves}}, sort_keys=False, allow_unicode=True)
    lines = text.split("\n")
    moved_at = next(i for i, line in enumerate(lines) if line.startswith("moved:"))
    pages_at = lines.index("pages:")
    path.write_text("\n".join(lines[:moved_at] + [moved] + lines[pages_at:]), encoding="utf-8")


@pytest.fixture(scope="module")
def moved_course(tmp_path_factory):
    """A copy of the course whose registry is complete, then broken three ways,
    then repaired with `moved:` entries. Returns the outputs along the way."""
    work = tmp_path_factory.mktemp("anchors")
    config = copy_project(work / "project")
    root = config.parent
    build_site(work / "baseline", config_file=config)
    baseline_add = run_script(root, "add", work / "baseline")

    replace_in(root / SAME_PAGE[0], SAME_PAGE[1], SAME_PAGE[2])
    replace_in(root / OTHER_PAGE[0], OTHER_PAGE[1], OTHER_PAGE[2])
    rename_page(root, "landasan.md", "dasar-kemitraan.md")
    build_site(work / "broken", config_file=config)
    broken = run_script(root, "check", work / "broken")

    write_moves(root, MOVES)
    build_site(work / "fixed", config_file=config)
    fixed = run_script(root, "check", work / "fixed")
    return {"root": root, "baseline_add": baseline_add, "broken": broken, "fixed": fixed, "site": work / "fixed"}


def test_every_published_address_is_registered(site_dir):
    missing = unregistered(load_registry(ROOT), site_dir)
    assert missing == [], (
        "source/anchors.yml belum mencatat alamat baru; jalankan `make anchors` dan ikutkan berkasnya:\n"
        + "\n".join(missing)
    )


def test_no_registered_address_disappeared(site_dir):
    problems = check(load_registry(ROOT), site_dir)
    assert problems == [], "\n".join(problems)


def test_add_records_new_addresses_only_once(moved_course):
    assert moved_course["baseline_add"].returncode == 0, moved_course["baseline_add"].stdout
    again = run_script(moved_course["root"], "add", moved_course["site"].parent / "baseline")
    assert "tidak ada alamat baru" in again.stdout


def test_check_fails_naming_each_removed_address(moved_course):
    broken = moved_course["broken"]
    assert broken.returncode == 1
    lines = broken.stdout.splitlines()
    assert any("jangkar /prinsip/#refleksi terdaftar tetapi hilang" in line for line in lines), broken.stdout
    assert any("jangkar /strategi/#poin-kunci terdaftar tetapi hilang" in line for line in lines), broken.stdout
    assert any("halaman /landasan/ terdaftar tetapi hilang" in line for line in lines), broken.stdout
    assert all(line.startswith("source/anchors.yml: ") for line in lines[:-1])


def test_check_passes_once_the_moves_are_recorded(moved_course):
    fixed = moved_course["fixed"]
    assert fixed.returncode == 0, fixed.stdout
    assert "masih sampai ke tempatnya" in fixed.stdout


def test_check_fails_when_a_move_points_nowhere(moved_course):
    registry = load_registry(moved_course["root"])
    registry.moved["/prinsip/#refleksi"] = "/prinsip/#tidak-ada"
    problems = check(registry, moved_course["site"])
    assert any("dipindahkan ke /prinsip/#tidak-ada" in problem for problem in problems), problems


@pytest.fixture(scope="module")
def moved_site_url(moved_course):
    with StaticServer(moved_course["site"]) as server:
        yield server.url


@pytest.mark.browser
@pytest.mark.parametrize(
    "old,new",
    [
        ("prinsip/#refleksi", "prinsip/#renungan"),
        ("strategi/#poin-kunci", "prinsip/#poin-kunci"),
        ("landasan/#dasar-kesetaraan", "dasar-kemitraan/#dasar-kesetaraan"),
    ],
)
def test_old_link_lands_at_the_new_place(guarded_page, moved_site_url, old, new):
    guarded_page.goto(moved_site_url + old)
    guarded_page.wait_for_url(moved_site_url + new.split("#")[0] + "*")
    target = guarded_page.locator("#" + new.split("#")[1])
    target.wait_for()
    guarded_page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight / 2; }",
        arg=new.split("#")[1],
    )
    assert guarded_page.console_errors == []
