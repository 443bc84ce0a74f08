"""The source outline (source/outline.yml), shared by hooks and scripts.

Not a hook itself: hooks import it (MkDocs puts hooks/ on sys.path while
loading them) and scripts add hooks/ to sys.path.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OUTLINE_PATH = Path("source") / "outline.yml"
KINDS = ("definisi", "konsep", "syarat", "tujuan", "prinsip", "strategi", "dasar")


@dataclass(frozen=True)
class SourceRef:
    line: int
    excerpt: str


@dataclass(frozen=True)
class OutlineItem:
    id: str
    kind: str
    title: str
    page: str
    source: tuple
    key_terms: tuple


@dataclass(frozen=True)
class Outline:
    path: Path
    source_file: Path
    items: tuple

    def by_id(self):
        return {item.id: item for item in self.items}

    def ids(self):
        return [item.id for item in self.items]


def load_outline(project_root=PROJECT_ROOT):
    """Read the outline below ``project_root`` (a folder holding source/).

    Not cached: `mkdocs serve` rebuilds in one process; hooks load it once
    per build (on_config) instead."""
    project_root = Path(project_root).resolve()
    path = project_root / OUTLINE_PATH
    # libyaml's loader when present: the pure-Python one takes ~0.1 s for this file.
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    items = tuple(
        OutlineItem(
            id=raw["id"],
            kind=raw["kind"],
            title=raw["title"],
            page=raw["page"],
            source=tuple(SourceRef(ref["line"], ref["excerpt"]) for ref in raw.get("source", [])),
            key_terms=tuple(raw.get("key_terms", [])),
        )
        for raw in data["items"]
    )
    return Outline(path=path, source_file=project_root / data["source_file"], items=items)


def project_root_of(config):
    """The folder of the mkdocs.yml being built (so test copies read their own outline)."""
    return Path(config.config_file_path).resolve().parent
