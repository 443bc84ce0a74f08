"""Indonesian spell check of all course prose (hunspell-id + project word list)."""

import subprocess

from site_server import ROOT
from spelling.prose import course_prose, markdown_prose, yaml_prose
from spelling.speller import WORDLIST, check, load_wordlist


def _report(misses):
    return "Kata tidak dikenal (perbaiki ejaannya, atau bila benar tambahkan ke " \
        "tests/spelling/wordlist.txt):\n" + "\n".join(miss.message() for miss in misses)


def test_course_prose_has_no_unknown_words():
    misses = check(course_prose(ROOT))
    assert not misses, _report(misses)


def test_wordlist_is_sorted_and_unique():
    words = load_wordlist()
    assert words == sorted(words, key=lambda w: (w.casefold(), w)), "wordlist.txt tidak urut abjad"
    assert len(words) == len(set(words)), "wordlist.txt memuat kata ganda"


def test_wordlist_holds_only_words_the_dictionary_lacks():
    words = [w for w in load_wordlist() if "'" not in w]
    result = subprocess.run(
        ["hunspell", "-d", "id_ID", "-G", "-i", "utf-8"],
        input="\n".join(words) + "\n", capture_output=True, text=True, check=True,
    )
    known = result.stdout.split()
    assert not known, f"kata ini sudah dikenal kamus, hapus dari {WORDLIST.name}: {known}"


def _misses(tmp_path, text, reader=markdown_prose, shown="docs/contoh.md"):
    """(path, line, word) of every unknown word in ``text`` written to a temporary file."""
    path = tmp_path / "contoh"
    path.write_text(text, encoding="utf-8")
    return [(m.path, m.line, m.word) for m in check(reader(path, shown))]


def test_misspelt_word_in_markdown_is_caught_with_file_and_line(tmp_path):
    assert _misses(tmp_path, 
        "---\n"
        "title: Jejaring Kerja\n"
        "description: Halaman percobaan ejaan.\n"
        "---\n"
        "\n"
        "# Judul { #judul-xyzq }\n"
        "\n"
        "Kami membangun jejaring kerjaa dengan [mitra](glosarium.md#kemitraan-xyzq).\n"
        "Kode `salahketikxyz` dan https://contoh.invalid/salahxyz tidak diperiksa.\n"
        "\n"
        '<quiz id="soal-xyzq-1">\n'
        "Lengkapi: [[kepercayaan]] adalah modal dasar.\n"
        "- [x] Benar\n"
        "</quiz>\n"
    ) == [("docs/contoh.md", 8, "kerjaa")]
    page = tmp_path / "satu.md"
    page.write_text("Jejaring kerjaa.\n", encoding="utf-8")
    [miss] = check(markdown_prose(page, "docs/satu.md"))
    assert miss.message().startswith('docs/satu.md:1: kata tidak dikenal "kerjaa"')


def test_misspelt_front_matter_and_quiz_answer_are_caught(tmp_path):
    text = "---\ntitle: Prinsipp Kemitraan\n---\n\n<quiz id=\"soal-a-1\">\nLengkapi: [[kepercayaann]]\n</quiz>\n"
    assert _misses(tmp_path, text) == [("docs/contoh.md", 2, "Prinsipp"), ("docs/contoh.md", 6, "kepercayaann")]


def test_misspelt_word_in_yaml_prose_is_caught_on_its_line(tmp_path):
    assert _misses(
        tmp_path,
        "entries:\n"
        "  - id: salahketik-xyzq\n"
        "    term: Kemitraan\n"
        "    definition: >-\n"
        "      Kerja sama dua pihak\n"
        "      atau lebihh.\n"
        "    source: [definisi-xyzq]\n",
        reader=yaml_prose,
        shown="data/glosarium.yml",
    ) == [("data/glosarium.yml", 6, "lebihh")]


def test_listed_words_are_accepted_also_capitalised(tmp_path):
    page = tmp_path / "contoh.md"
    page.write_text("Jejaring kerja menurut O'Brien dan O’Brien; kesepahaman.\n", encoding="utf-8")
    assert check(markdown_prose(page, "docs/contoh.md")) == []
    assert check(markdown_prose(page, "docs/contoh.md"), wordlist=[]) != []
