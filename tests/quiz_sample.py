"""A small quiz page for tests that build a temporary copy of the project.

The copy gets SAMPLE_PAGE as docs/uji-kuis.md (listed under ``not_in_nav``,
so the nav and the other pages stay as they are); it holds one quiz of each
kind (single choice, multiple choice, fill-in) and the results block. Question
numbers 91+ keep its ids apart from the real pages' ones (ids are unique
across the course).
"""

from pathlib import Path

from site_server import build_site, copy_project

SAMPLE_PAGE = """---
title: Uji Kuis
description: Halaman contoh untuk tes kuis.
---

# Uji Kuis

Halaman contoh: soalnya menautkan butir di halaman Prinsip.

## Uji Pemahaman { #uji-pemahaman }

{inserted}<quiz id="soal-prinsip-kepercayaan-91">
Apa modal dasar membangun jejaring kerja?
- [x] Rasa saling percaya
- [ ] Anggaran bersama
> Anggaran tidak disebut sebagai modal dasar.
- [ ] Kesamaan seragam
> Seragam tidak disebut sama sekali.

Pelajari lagi [Kepercayaan](prinsip.md#prinsip-kepercayaan).
</quiz>

<quiz id="soal-prinsip-kesamaan-visi-misi-91">
Mana saja yang termasuk prinsip jejaring kerja?
- [x] Kesamaan visi dan misi
- [x] Kepercayaan
- [ ] Persaingan
> Persaingan bukan prinsip jejaring kerja.

Pelajari lagi [Kesamaan visi dan misi](prinsip.md#prinsip-kesamaan-visi-misi).
</quiz>

<quiz id="soal-prinsip-kepercayaan-92">
Modal dasar jejaring kerja adalah [[kepercayaan]].

---
Pelajari lagi [Kepercayaan](prinsip.md#prinsip-kepercayaan).
</quiz>

<!-- mkdocs-quiz results -->
"""

INSERTED_QUIZ = """<quiz id="soal-prinsip-kepercayaan-93">
Soal sisipan: apa yang dibangun lebih dulu?
- [x] Kepercayaan
- [ ] Anggaran
> Anggaran bukan yang pertama.

Pelajari lagi [Kepercayaan](prinsip.md#prinsip-kepercayaan).
</quiz>

"""

SAMPLE_IDS = ["soal-prinsip-kepercayaan-91", "soal-prinsip-kesamaan-visi-misi-91", "soal-prinsip-kepercayaan-92"]


def build_sample_site(tmp_path, *, inserted=False, site_url=None):
    """Build a project copy with SAMPLE_PAGE at uji-kuis/; return the site folder."""
    config = copy_project(Path(tmp_path) / "project")
    page = Path(tmp_path) / "project" / "docs" / "uji-kuis.md"
    page.write_text(SAMPLE_PAGE.replace("{inserted}", INSERTED_QUIZ if inserted else ""), encoding="utf-8")
    with config.open("a", encoding="utf-8") as stream:
        stream.write("\nnot_in_nav: |\n  /uji-kuis.md\n")
    site = Path(tmp_path) / "site"
    build_site(site, config_file=config, site_url=site_url)
    return site
