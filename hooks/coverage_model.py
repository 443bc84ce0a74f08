"""The coverage check: every item of the source is in the outline, taught in a
section of the course and tested by a question; no question or TKP item
points at an item that does not exist.

One function, ``check_coverage``, computes both the failures and the
per-item coverage, so the script (scripts/check_coverage.py), the build hook
(hooks/coverage.py) and the Peta Materi page always agree.
"""

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from course_outline import KINDS, load_outline
from coverage_docs import plain_text, read_page
from coverage_source import LIST_KINDS, parse_source_lists
from quiz_ids import read_question_ids

TKP_PATH = Path("data") / "tkp.yml"
QUESTION_ITEM = re.compile(r"^soal-(?P<item>.+)-(?P<n>\d+)$")
WHERE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


@dataclass
class Finding:
    code: str  # stable machine-readable kind of failure
    file: str  # path relative to the project root
    line: int
    message: str  # Indonesian, for authors
    item: str | None = None  # outline id concerned, if any

    def __str__(self):
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Link:
    page: str  # below docs/
    anchor: str
    label: str
    number: int | None = None  # a question's place among the page's questions (1, 2, ...)


@dataclass
class ItemCoverage:
    id: str
    kind: str
    title: str
    page: str
    source_lines: list
    section: Link | None = None
    questions: list = field(default_factory=list)  # questions named after the item
    also_in: list = field(default_factory=list)  # other questions linking its anchor
    tkp: list = field(default_factory=list)


@dataclass
class Report:
    findings: list
    items: list  # ItemCoverage, in outline order

    @property
    def ok(self):
        return not self.findings

    def as_dict(self):
        return {
            "ok": self.ok,
            "findings": [asdict(f) for f in self.findings],
            "items": [asdict(i) for i in self.items],
        }


def _rel(path, root):
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster


def read_yaml(text):
    """(data, {path tuple: line}) of a YAML document, parsed once; paths like
    ("items", 3, "source", 1)."""
    loader = LOADER(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    lines = {}

    def walk(node, path):
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, path + (index,))

    if root is not None:
        walk(root, ())
    return data, lines


class _Checker:
    def __init__(self, root, docs_dir):
        self.root = Path(root).resolve()
        self.docs_dir = Path(docs_dir).resolve() if docs_dir else self.root / "docs"
        self.docs_rel = _rel(self.docs_dir, self.root)
        self.findings = []

    def fail(self, code, file, line, message, item=None):
        self.findings.append(Finding(code, file, line, message, item))

    # --- outline against source -------------------------------------------
    def check_outline(self):
        outline = self.outline
        self.outline_file = _rel(outline.path, self.root)
        _data, self.outline_lines = read_yaml(outline.path.read_text(encoding="utf-8"))
        seen = {}
        for index, item in enumerate(outline.items):
            line = self.item_line(index)
            if item.id in seen:
                self.fail("outline-duplicate-id", self.outline_file, line,
                          f'id butir "{item.id}" dipakai dua kali (pertama di baris {seen[item.id]}).', item.id)
            seen.setdefault(item.id, line)
            if item.kind not in KINDS:
                self.fail("outline-unknown-kind", self.outline_file, line,
                          f'butir "{item.id}": jenis "{item.kind}" tidak dikenal (pilih: {", ".join(KINDS)}).', item.id)

    def item_line(self, index, *rest):
        return self.outline_lines.get(("items", index) + rest) or self.outline_lines.get(("items", index), 1)

    def check_source(self):
        source_path = self.outline.source_file
        source_file = _rel(source_path, self.root)
        lines = source_path.read_text(encoding="utf-8").splitlines()
        for index, item in enumerate(self.outline.items):
            for ref_index, ref in enumerate(item.source):
                where = self.item_line(index, "source", ref_index)
                if not 1 <= ref.line <= len(lines):
                    self.fail("outline-line-missing", self.outline_file, where,
                              f'butir "{item.id}": baris {ref.line} tidak ada di {source_file} ({len(lines)} baris).', item.id)
                elif ref.excerpt not in lines[ref.line - 1]:
                    self.fail("outline-excerpt-missing", self.outline_file, where,
                              f'butir "{item.id}": kutipan "{ref.excerpt}" tidak ditemukan di {source_file}:{ref.line}.', item.id)

        claimed = {(item.kind, ref.line): item.id for item in self.outline.items for ref in item.source}
        listed = set()
        for source_list in parse_source_lists("\n".join(lines)):
            if source_list.kind is None:
                self.fail("source-list-unknown-kind", source_file, source_list.line,
                          "daftar di sumber tanpa pengantar yang menyebut jenisnya "
                          f"({', '.join(LIST_KINDS)}); periksa sumber dan kerangka.")
                continue
            for entry in source_list.items:
                listed.add((entry.kind, entry.line))
                if (entry.kind, entry.line) not in claimed:
                    label = f"nomor {entry.number}" if entry.number else "berbutir"
                    self.fail("source-item-not-in-outline", source_file, entry.line,
                              f'{entry.kind} {label} "{entry.title}" tidak ada di kerangka ({self.outline_file}): '
                              f"tambahkan butir berjenis {entry.kind} yang merujuk baris {entry.line}.")
        for index, item in enumerate(self.outline.items):
            if item.kind in LIST_KINDS and not any((item.kind, ref.line) in listed for ref in item.source):
                self.fail("outline-item-not-in-source-list", self.outline_file, self.item_line(index),
                          f'butir "{item.id}" berjenis {item.kind}, tetapi tidak merujuk satu pun butir daftar '
                          f"{item.kind} di {source_file}.", item.id)

    # --- outline against content -------------------------------------------
    def read_docs(self):
        self.pages = {}
        for path in sorted(self.docs_dir.rglob("*.md")):
            rel = path.relative_to(self.docs_dir).as_posix()
            self.pages[rel] = read_page(rel, path.read_text(encoding="utf-8"))

    def doc(self, page):
        return f"{self.docs_rel}/{page}"

    def check_sections(self):
        by_anchor = {}
        for page in self.pages.values():
            for heading in page.headings:
                if heading.anchor:
                    by_anchor.setdefault(heading.anchor, []).append(heading)
        for index, item in enumerate(self.outline.items):
            coverage = self.coverage[item.id]
            headings = by_anchor.get(item.id, [])
            for extra in headings[1:]:
                self.fail("section-duplicate", self.doc(extra.page), extra.line,
                          f'judul dengan id "{item.id}" sudah ada di {self.doc(headings[0].page)}:{headings[0].line}.', item.id)
            if not headings:
                self.fail("section-missing", self.outline_file, self.item_line(index),
                          f'butir "{item.id}" belum diajarkan: {self.doc(item.page)} tidak punya judul '
                          f'"## {item.title} {{ #{item.id} }}".', item.id)
                continue
            heading = headings[0]
            if heading.page != item.page:
                self.fail("section-wrong-page", self.doc(heading.page), heading.line,
                          f'judul "{item.id}" ada di halaman ini, padahal kerangka menyebut {self.doc(item.page)}.', item.id)
                continue
            coverage.section = Link(heading.page, heading.anchor, heading.title)
            text = plain_text(self.pages[heading.page].section_text(heading))
            missing = [term for term in item.key_terms if term.lower() not in text]
            if missing:
                terms = ", ".join(f'"{term}"' for term in missing)
                self.fail("section-key-terms", self.doc(heading.page), heading.line,
                          f'bagian "{item.id}" tidak menyebut istilah kunci: {terms}.', item.id)

    # --- outline against quizzes ---------------------------------------------
    def check_questions(self):
        by_id = self.outline.by_id()
        first_seen = {}
        for page in self.pages.values():
            try:
                read_question_ids(page.text, self.doc(page.path))
            except PluginError as error:
                where = WHERE.match(str(error))
                if where:
                    self.fail("question-id-invalid", where["file"], int(where["line"]), where["message"])
                else:  # pragma: no cover - quiz_ids always names file and line
                    self.fail("question-id-invalid", self.doc(page.path), 1, str(error))
            for number, question in enumerate(page.questions, start=1):
                if question.id is None:
                    continue
                here = (self.doc(page.path), question.line)
                if question.id in first_seen:
                    if first_seen[question.id][0] != here[0]:  # same page: quiz_ids reported it
                        self.fail("question-duplicate", *here,
                                  f'id soal "{question.id}" dipakai dua kali (pertama di '
                                  f"{first_seen[question.id][0]}:{first_seen[question.id][1]}).")
                    continue
                first_seen[question.id] = here
                match = QUESTION_ITEM.match(question.id)
                if not match:
                    continue  # quiz_ids reported the bad pattern
                item = by_id.get(match["item"])
                if item is None:
                    self.fail("question-orphan", *here,
                              f'id soal "{question.id}" merujuk butir "{match["item"]}" yang tidak ada di kerangka.')
                    continue
                link = Link(page.path, question.id, question.id, number)
                self.coverage[item.id].questions.append(link)
                if (item.page, item.id) not in question.explanation_links:
                    self.fail("question-no-anchor-link", *here,
                              f'pembahasan soal "{question.id}" tidak menautkan jangkar butir "{item.id}" '
                              f"({item.page}#{item.id}).", item.id)
                for linked_page, anchor in dict.fromkeys(question.explanation_links):
                    other = by_id.get(anchor)
                    if other and other.id != item.id and linked_page == other.page:
                        self.coverage[other.id].also_in.append(link)
        for index, item in enumerate(self.outline.items):
            if not self.coverage[item.id].questions:
                self.fail("question-missing", self.outline_file, self.item_line(index),
                          f'butir "{item.id}" belum diuji: tidak ada soal <quiz id="soal-{item.id}-1"> di {self.docs_rel}/.',
                          item.id)

    def check_tkp(self):
        path = self.root / TKP_PATH
        if not path.exists():
            return
        tkp_file = _rel(path, self.root)
        data, lines = read_yaml(path.read_text(encoding="utf-8"))
        data = data or {}
        entries = data.get("items", []) if isinstance(data, dict) else data
        prefix = ("items",) if isinstance(data, dict) else ()
        by_id = self.outline.by_id()
        for index, entry in enumerate(entries or []):
            entry_line = lines.get(prefix + (index,), 1)
            tkp_id = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
            exercises = entry.get("exercises") if isinstance(entry, dict) else None
            if not exercises:
                self.fail("tkp-no-exercises", tkp_file, entry_line,
                          f'soal TKP "{tkp_id}" tidak menyebut butir kerangka yang dilatihnya (exercises).')
                continue
            for ex_index, item_id in enumerate(exercises):
                if item_id in by_id:
                    self.coverage[item_id].tkp.append(Link("latihan-tkp.md", tkp_id, tkp_id))
                else:
                    self.fail("tkp-orphan", tkp_file, lines.get(prefix + (index, "exercises", ex_index), entry_line),
                              f'soal TKP "{tkp_id}" menyebut butir "{item_id}" yang tidak ada di kerangka.')

    def run(self):
        self.outline = load_outline(self.root)
        self.coverage = {
            item.id: ItemCoverage(item.id, item.kind, item.title, item.page, [ref.line for ref in item.source])
            for item in self.outline.items
        }
        self.check_outline()
        self.check_source()
        self.read_docs()
        self.check_sections()
        self.check_questions()
        self.check_tkp()
        return Report(self.findings, list(self.coverage.values()))


def check_coverage(root, docs_dir=None):
    """Run every check on the project at ``root`` (docs in ``docs_dir``, default root/docs)."""
    return _Checker(root, docs_dir).run()
