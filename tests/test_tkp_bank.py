"""The TKP question bank: the data file's own rules, and build-time validation
that stops a broken copy of the project with an Indonesian message naming
file, line and item."""

import re
import sys
from collections import Counter

import pytest
import yaml

from site_server import ROOT, build_site, copy_project

sys.path.insert(0, str(ROOT / "hooks"))
from course_outline import load_outline  # noqa: E402
from tkp_bank import validate_bank  # noqa: E402

BANK = ROOT / "data" / "tkp.yml"


def bank_items():
    return yaml.safe_load(BANK.read_text(encoding="utf-8"))["items"]


def test_bank_is_valid_and_importable_for_other_checks():
    assert validate_bank(ROOT, load_outline(ROOT)) == []


def test_bank_has_at_least_25_items_with_unique_situations_and_options():
    items = bank_items()
    assert len(items) >= 25
    assert len({item["situation"] for item in items}) == len(items)
    for item in items:
        texts = [option["text"] for option in item["options"]]
        assert len(set(texts)) == 5, item["id"]


def test_every_principle_and_strategy_is_exercised_by_two_items():
    counts = Counter(ref for item in bank_items() for ref in item["exercises"])
    for entry in load_outline(ROOT).items:
        if entry.kind in ("prinsip", "strategi"):
            assert counts[entry.id] >= 2, entry.id


def test_best_option_is_not_always_in_the_same_place():
    places = Counter([o["score"] for o in item["options"]].index(5) for item in bank_items())
    assert set(places) == {0, 1, 2, 3, 4}, places


# --- validation on broken copies --------------------------------------------


def build_broken(tmp_path, mutate):
    """Build a copy whose bank went through ``mutate``; return (stderr, bank text)."""
    config = copy_project(tmp_path / "project")
    path = tmp_path / "project" / "data" / "tkp.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data["items"])
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", config_file=config, check=False)
    assert result.returncode != 0, "build dengan bank soal rusak seharusnya gagal"
    return result.stderr, text


def line_of(text, item_id, nth=1):
    """1-based line of the nth ``- id: item_id`` in the dumped bank."""
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip() == f"- id: {item_id}"]
    return lines[nth - 1]


def third(mutation):
    """A mutation applied to the third item (tkp-03)."""
    return lambda items: mutation(items[2])


def at(item_id, message, nth=1):
    """The expected message, prefixed with file and the item's line in the dumped bank."""
    return lambda text: f"data/tkp.yml:{line_of(text, item_id, nth)}: {message.format(first=line_of(text, item_id))}"


def drop_72_jam(items):
    for item in items:
        item["exercises"] = [ref for ref in item["exercises"] if ref != "strategi-72-jam"] or ["dasar-kesetaraan"]


BROKEN = {
    "four-options": (
        third(lambda item: item["options"].pop()),
        at("tkp-03", "soal tkp-03: harus punya tepat lima pilihan (options), ada 4."),
    ),
    "six-options": (
        third(lambda item: item["options"].append(dict(item["options"][0]))),
        at("tkp-03", "soal tkp-03: harus punya tepat lima pilihan (options), ada 6."),
    ),
    "scores-not-a-permutation": (
        third(lambda item: [option.update(score=5 - (n % 2)) for n, option in enumerate(item["options"])]),
        at("tkp-03", "soal tkp-03: skor kelima pilihan harus 1, 2, 3, 4, dan 5 masing-masing sekali; "
           "tertulis 5, 4, 5, 4, 5."),
    ),
    "score-out-of-range": (
        third(lambda item: item["options"][0].update(score=6)),
        re.compile(r"data/tkp\.yml:\d+: soal tkp-03, pilihan A: skor harus bilangan bulat 1 sampai 5, tertulis 6\."),
    ),
    "unknown-outline-id": (
        third(lambda item: item["exercises"].append("prinsip-tidak-ada")),
        at("tkp-03", 'soal tkp-03: id butir "prinsip-tidak-ada" tidak ada di source/outline.yml.'),
    ),
    "duplicate-id": (
        lambda items: items[3].update(id="tkp-03"),
        at("tkp-03", 'soal tkp-03: id "tkp-03" dipakai dua kali (pertama di baris {first}).', nth=2),
    ),
    "id-not-tkp-nn": (
        third(lambda item: item.update(id="tkp-3")),
        at("tkp-3", 'soal tkp-3: id "tkp-3" tidak sesuai pola tkp-NN (misalnya tkp-07).'),
    ),
    "empty-situation": (
        third(lambda item: item.update(situation="  ")),
        at("tkp-03", "soal tkp-03: 'situation' wajib diisi dengan teks."),
    ),
    "empty-option-text": (
        third(lambda item: item["options"][1].update(text="")),
        re.compile(r"data/tkp\.yml:\d+: soal tkp-03, pilihan B: 'text' wajib diisi dengan teks\."),
    ),
    "missing-reason": (
        third(lambda item: item["options"][4].pop("reason")),
        re.compile(r"data/tkp\.yml:\d+: soal tkp-03, pilihan E: 'reason' wajib diisi dengan teks\."),
    ),
    "no-exercises": (
        third(lambda item: item.update(exercises=[])),
        at("tkp-03", "soal tkp-03: 'exercises' harus berupa daftar id butir kerangka (minimal satu)."),
    ),
    "misspelt-key": (
        third(lambda item: item.update(exercise=["prinsip-kepercayaan"])),
        at("tkp-03", "soal tkp-03: kunci tak dikenal exercise (yang boleh: id, title, situation, question, "
           "options, exercises)."),
    ),
    "strategy-exercised-once": (
        drop_72_jam,
        lambda text: 'data/tkp.yml: strategi "Menjalin komunikasi dalam 72 jam" (strategi-72-jam) hanya '
        "dilatih oleh 0 soal; minimal 2.",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_bank_fails_the_build_with_an_indonesian_message(tmp_path, case):
    mutate, expected = BROKEN[case]
    stderr, text = build_broken(tmp_path, mutate)
    assert "Bank soal TKP tidak valid" in stderr
    if isinstance(expected, re.Pattern):
        assert expected.search(stderr), stderr
    else:
        assert expected(text) in stderr, stderr


def test_missing_marker_fails_the_build(tmp_path):
    config = copy_project(tmp_path / "project")
    page = tmp_path / "project" / "docs" / "latihan-tkp.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- tkp:soal -->", ""), encoding="utf-8")
    result = build_site(tmp_path / "site", config_file=config, check=False)
    assert result.returncode != 0
    assert "penanda <!-- tkp:soal --> (tempat soal Latihan TKP) tidak ada di halaman mana pun" in result.stderr


def test_validate_bank_reports_every_problem_at_once(tmp_path):
    (tmp_path / "data").mkdir()
    data = yaml.safe_load(BANK.read_text(encoding="utf-8"))
    data["items"][0]["options"].pop()
    data["items"][1]["exercises"] = ["tidak-ada"]
    (tmp_path / "data" / "tkp.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    errors = validate_bank(tmp_path, load_outline(ROOT))
    assert len(errors) == 2
    assert "soal tkp-01: harus punya tepat lima pilihan" in errors[0]
    assert 'soal tkp-02: id butir "tidak-ada"' in errors[1]
