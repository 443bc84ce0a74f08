"""Daftar jangkar (source/anchors.yml): alamat halaman dan jangkar yang sudah terbit.

  python scripts/anchors.py add     catat halaman dan jangkar baru (make anchors)
  python scripts/anchors.py check   periksa bahwa semua yang tercatat masih sampai

Keduanya membangun situs (mode ketat) ke folder sementara, kecuali --site-dir
menunjuk situs yang sudah dibangun. Keluar dengan status 0 bila semuanya
beres, 1 bila tidak.
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from anchor_registry import REGISTRY_PATH, add_new, check, collect_site, load_registry, save_pages  # noqa: E402


def built_site(args, workdir):
    if args.site_dir:
        return Path(args.site_dir)
    from site_server import build_site

    site_dir = Path(workdir) / "site"
    config_file = Path(args.root) / "mkdocs.yml"
    result = build_site(site_dir, config_file=config_file, check=False)
    if result.returncode != 0:
        sys.exit(f"Build situs gagal, daftar jangkar tidak diperiksa:\n{result.stderr}")
    return site_dir


def command_add(args, site_dir):
    registry = load_registry(args.root)
    added = add_new(registry, collect_site(site_dir))
    if added:
        save_pages(registry)
        print(f"{REGISTRY_PATH.as_posix()}: {len(added)} alamat baru dicatat:")
        for location in added:
            print(f"  + {location}")
    else:
        print(f"{REGISTRY_PATH.as_posix()}: tidak ada alamat baru.")
    return command_check(args, site_dir, registry)


def command_check(args, site_dir, registry=None):
    registry = registry or load_registry(args.root)
    problems = check(registry, site_dir)
    for problem in problems:
        print(problem)
    count = sum(len(anchors) + 1 for anchors in registry.pages.values())
    if problems:
        print(f"{len(problems)} masalah pada {count} alamat tercatat.")
        return 1
    print(f"Semua {count} alamat tercatat masih sampai ke tempatnya.")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("add", "check"), help="add: catat yang baru; check: periksa")
    parser.add_argument("--root", default=str(ROOT), help="folder proyek (berisi mkdocs.yml dan source/)")
    parser.add_argument("--site-dir", help="pakai situs yang sudah dibangun, bukan build baru")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        site_dir = built_site(args, workdir)
        if args.command == "add":
            return command_add(args, site_dir)
        return command_check(args, site_dir)


if __name__ == "__main__":
    sys.exit(main())
