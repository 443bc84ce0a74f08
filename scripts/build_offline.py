#!/usr/bin/env python3
"""Build the offline bundle: the whole course as a zip that works from file://.

Usage: scripts/build_offline.py [--build-dir build/offline]
                                [--output site/unduh/jejaring-kerja-offline.zip]

A separate strict build with OFFLINE=true (Material's offline plugin: .html
URLs, search index as a script; hooks/offline_bundle.py: local
iframe-worker shim), plus the PDF handout when it has been built, zipped under
one folder "jejaring-kerja/" with a short Indonesian read-me.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "jejaring-kerja"
PDF = Path("unduh") / "jejaring-kerja.pdf"
README_TEXT = """Jejaring Kerja: paket luring (tanpa internet)

1. Ekstrak (extract) seluruh isi zip ini ke satu folder.
2. Buka berkas index.html di folder jejaring-kerja dengan peramban
   (Chrome, Firefox, Edge, ...).

Semua halaman, pencarian, uji pemahaman, dan latihan TKP berfungsi tanpa
jaringan. Jawaban Anda hanya tersimpan di peramban ini.
Modul cetak (PDF), bila disertakan: unduh/jejaring-kerja.pdf.
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Bangun paket luring (zip) kursus.")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build" / "offline")
    parser.add_argument("--pdf", type=Path, default=ROOT / "site" / PDF, help="modul PDF yang ikut dikemas, bila ada")
    parser.add_argument("--output", type=Path, default=ROOT / "site" / "unduh" / "jejaring-kerja-offline.zip")
    return parser.parse_args(argv)


def build_offline_site(config, site_dir):
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build situs luring gagal:\n{result.stderr}")


def zip_folder(folder, output, prefix):
    output.parent.mkdir(parents=True, exist_ok=True)
    stamp = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))[:6]
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    site_dir = args.build_dir / FOLDER
    shutil.rmtree(args.build_dir, ignore_errors=True)
    try:
        build_offline_site(args.config, site_dir)
    except RuntimeError as error:
        print(f"build_offline: GAGAL: {error}", file=sys.stderr)
        return 2
    (site_dir / "BACA-SAYA.txt").write_text(README_TEXT, encoding="utf-8")
    with_pdf = args.pdf.is_file()
    if with_pdf:
        (site_dir / PDF).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.pdf, site_dir / PDF)
    zip_folder(site_dir, args.output, FOLDER)
    size = args.output.stat().st_size / 1024
    note = "dengan" if with_pdf else "TANPA (jalankan `make pdf` dulu)"
    print(f"Paket luring: {args.output} ({size:.0f} KiB, {note} modul PDF, {time.monotonic() - started:.1f} detik)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
