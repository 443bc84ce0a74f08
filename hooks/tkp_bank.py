"""The TKP question bank (data/tkp.yml): loading and validation.

Not a hook itself: hooks/tkp.py imports it, and scripts (the coverage check)
add hooks/ to sys.path and call ``validate_bank`` or ``load_bank``.
Error messages are in Indonesian and name the file, the line and the item.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

BANK_PATH = Path("data") / "tkp.yml"
ID_PATTERN = re.compile(r"^tkp-[0-9]{2,}$")
SCORES = (1, 2, 3, 4, 5)
LETTERS = "ABCDE"
DEFAULT_QUESTION = "Apa yang Anda lakukan?"
ITEM_KEYS = ("id", "title", "situation", "question", "options", "exercises")
OPTION_KEYS = ("text", "score", "reason")
# Every outline item of these kinds must be exercised by this many items.
COVERED_KINDS = ("prinsip", "strategi")
MIN_ITEMS_PER_COVERED = 2


@dataclass(frozen=True)
class Option:
    text: str
    score: int
    reason: str


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    situation: str
    question: str
    options: tuple
    exercises: tuple
    line: int


class BankError(ValueError):
    """The bank is invalid; ``messages`` lists every problem found."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


class _Mapping(dict):
    line = 0


class _LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings remember their first line (1-based)."""


def _construct_mapping(loader, node):
    mapping = _Mapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _text(value):
    return value.strip() if isinstance(value, str) and value.strip() else None


class _Checker:
    """Collects every problem of one bank file instead of stopping at the first."""

    def __init__(self, rel_path, outline):
        self.rel = rel_path
        self.outline_ids = set(outline.ids())
        self.errors = []

    def error(self, line, message):
        where = f"{self.rel}:{line}" if line else self.rel
        self.errors.append(f"{where}: {message}")

    def unknown_keys(self, mapping, allowed, label):
        extra = [key for key in mapping if key not in allowed]
        if extra:
            self.error(
                mapping.line,
                f"{label}: kunci tak dikenal {', '.join(map(str, extra))} "
                f"(yang boleh: {', '.join(allowed)}).",
            )

    def option(self, raw, label, letter, fallback_line):
        where = f"{label}, pilihan {letter}"
        if not isinstance(raw, dict):
            self.error(fallback_line, f"{where}: harus berisi text, score, dan reason.")
            return None
        self.unknown_keys(raw, OPTION_KEYS, where)
        text, reason, score = _text(raw.get("text")), _text(raw.get("reason")), raw.get("score")
        for key, value in (("text", text), ("reason", reason)):
            if value is None:
                self.error(raw.line, f"{where}: '{key}' wajib diisi dengan teks.")
        if isinstance(score, bool) or score not in SCORES:
            self.error(raw.line, f"{where}: skor harus bilangan bulat 1 sampai 5, tertulis {score!r}.")
            score = None
        if None in (text, reason, score):
            return None
        return Option(text=text, score=score, reason=reason)

    def options(self, raw, label, line):
        if not isinstance(raw, list) or len(raw) != len(SCORES):
            count = len(raw) if isinstance(raw, list) else 0
            self.error(line, f"{label}: harus punya tepat lima pilihan (options), ada {count}.")
            return None
        options = [self.option(opt, label, letter, line) for opt, letter in zip(raw, LETTERS)]
        if None in options:
            return None
        scores = [opt.score for opt in options]
        if sorted(scores) != list(SCORES):
            self.error(
                line,
                f"{label}: skor kelima pilihan harus 1, 2, 3, 4, dan 5 masing-masing sekali; "
                f"tertulis {', '.join(map(str, scores))}.",
            )
            return None
        return tuple(options)

    def exercises(self, raw, label, line):
        if not isinstance(raw, list) or not raw:
            self.error(line, f"{label}: 'exercises' harus berupa daftar id butir kerangka (minimal satu).")
            return None
        ok = True
        for outline_id in raw:
            if outline_id not in self.outline_ids:
                self.error(line, f'{label}: id butir "{outline_id}" tidak ada di source/outline.yml.')
                ok = False
            elif raw.count(outline_id) > 1:
                self.error(line, f'{label}: id butir "{outline_id}" disebut dua kali di exercises.')
                ok = False
        return tuple(raw) if ok else None

    def item(self, raw, position, seen):
        if not isinstance(raw, dict):
            self.error(0, f"soal ke-{position}: harus berupa pemetaan (id, title, situation, options, exercises).")
            return None
        line = raw.line
        item_id = raw.get("id")
        label = f"soal {item_id}" if isinstance(item_id, str) else f"soal ke-{position}"
        ok = True
        if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
            self.error(line, f'{label}: id "{item_id}" tidak sesuai pola tkp-NN (misalnya tkp-07).')
            ok = False
        elif item_id in seen:
            self.error(line, f'{label}: id "{item_id}" dipakai dua kali (pertama di baris {seen[item_id]}).')
            ok = False
        else:
            seen[item_id] = line
        self.unknown_keys(raw, ITEM_KEYS, label)
        texts = {}
        for key in ("title", "situation"):
            texts[key] = _text(raw.get(key))
            if texts[key] is None:
                self.error(line, f"{label}: '{key}' wajib diisi dengan teks.")
                ok = False
        question = DEFAULT_QUESTION
        if "question" in raw:
            question = _text(raw["question"])
            if question is None:
                self.error(line, f"{label}: 'question' bila ditulis wajib berisi teks.")
                ok = False
        options = self.options(raw.get("options"), label, line)
        exercises = self.exercises(raw.get("exercises"), label, line)
        if not ok or options is None or exercises is None:
            return None
        return Item(item_id, texts["title"], texts["situation"], question, options, exercises, line)

    def bank(self, data):
        if not isinstance(data, dict) or not isinstance(data.get("items"), list) or not data["items"]:
            self.error(0, "daftar 'items' kosong atau tidak ada.")
            return []
        seen = {}
        items = [self.item(raw, n, seen) for n, raw in enumerate(data["items"], start=1)]
        return [item for item in items if item is not None]

    def coverage(self, items, outline):
        for entry in outline.items:
            if entry.kind not in COVERED_KINDS:
                continue
            count = sum(entry.id in item.exercises for item in items)
            if count < MIN_ITEMS_PER_COVERED:
                self.error(
                    0,
                    f'{entry.kind} "{entry.title}" ({entry.id}) hanya dilatih oleh {count} soal; '
                    f"minimal {MIN_ITEMS_PER_COVERED}.",
                )


def _read(path, rel, checker):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        checker.error(0, "berkas bank soal TKP tidak ditemukan.")
        return None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        checker.error(mark.line + 1 if mark else 0, f"YAML tidak dapat dibaca: {getattr(exc, 'problem', exc)}.")
        return None


def check_bank(project_root, outline):
    """Return (valid items, error messages) for the bank below ``project_root``."""
    rel = BANK_PATH.as_posix()
    checker = _Checker(rel, outline)
    data = _read(Path(project_root) / BANK_PATH, rel, checker)
    items = checker.bank(data) if checker.errors == [] else []
    if not checker.errors:
        checker.coverage(items, outline)
    return items, checker.errors


def validate_bank(project_root, outline):
    """The bank's problems as Indonesian messages (an empty list when valid)."""
    return check_bank(project_root, outline)[1]


def load_bank(project_root, outline):
    """The bank's items; raises BankError listing every problem."""
    items, errors = check_bank(project_root, outline)
    if errors:
        raise BankError(errors)
    return tuple(items)
