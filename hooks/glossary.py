"""The course glossary (data/glosarium.yml): one list of terms for the whole site.

- On the glossary page (docs/glosarium.md) the marker ``<!-- glosarium -->`` is
  replaced by every entry, alphabetically, each under a heading with the
  entry's explicit id, so ``glosarium.md#<id>`` links pass strict anchor
  validation (an unknown id fails the build).
- On every page, a Markdown link to a glossary entry gets the class
  ``glossary-link`` and the entry's short definition as its ``title``, and a
  page with such links loads assets/glossary/glossary-tooltip.js, which shows
  the definition on mouse hover and keyboard focus and points
  ``aria-describedby`` at it. Without JavaScript the title is the link's
  accessible description. A tap on a phone simply follows the link to the
  entry. (Material's ``content.tooltips`` did the same, but set up every
  titled element at page load, which cost phones a long task.)

Mistakes in the data file fail the build with an Indonesian message naming
file and line.
"""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course_outline import load_outline, project_root_of
from page_assets import add_deferred_script

GLOSSARY_DATA = Path("data") / "glosarium.yml"
GLOSSARY_PAGE = "glosarium.md"
MARKER = "<!-- glosarium -->"
ENTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = {"id", "term", "foreign", "definition", "source", "lines"}
REQUIRED = ("id", "term", "definition")
EMPHASIS = re.compile(r"\*([^*]+)\*")
LINK_CLASS = "glossary-link"
TOOLTIP_SCRIPT = "assets/glossary/glossary-tooltip.js"
GLOSSARY_LINK_MARKUP = re.compile(rf'<a [^>]*class="(?:[^"]* )?{LINK_CLASS}[ "]')


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    foreign: str
    definition: str
    source: tuple
    line: int

    @property
    def sort_key(self):
        return plain_text(self.term).casefold()

    @property
    def tooltip(self):
        return plain_text(self.definition)


def plain_text(text):
    """Drop the *emphasis* markers the data file allows."""
    return EMPHASIS.sub(r"\1", text)


def _fail(line, message):
    raise PluginError(f"{GLOSSARY_DATA.as_posix()}:{line}: {message}")


def _scalar(node, field, line):
    if not isinstance(node, yaml.ScalarNode):
        _fail(line, f"isian '{field}' harus berupa teks.")
    return " ".join(str(node.value).split())


def _read_entry(node, outline_ids, seen):
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        _fail(line, "setiap entri harus berisi id, term, dan definition.")
    fields = {key.value: value for key, value in node.value}
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        _fail(line, f"isian tidak dikenal: {', '.join(unknown)}.")
    values = {}
    for field in REQUIRED + ("foreign",):
        if field in fields:
            values[field] = _scalar(fields[field], field, fields[field].start_mark.line + 1)
        if field in REQUIRED and not values.get(field):
            _fail(line, f"entri tanpa '{field}' atau '{field}' kosong.")
    entry_id = values["id"]
    if not ENTRY_ID.match(entry_id):
        _fail(line, f'id "{entry_id}" harus huruf kecil, angka, dan tanda hubung.')
    if entry_id in seen:
        _fail(line, f'id "{entry_id}" sudah dipakai entri di baris {seen[entry_id]}.')
    seen[entry_id] = line
    sources = []
    if "source" in fields:
        source_node = fields["source"]
        if not isinstance(source_node, yaml.SequenceNode):
            _fail(line, "'source' harus berupa daftar id butir kerangka.")
        for item in source_node.value:
            item_line = item.start_mark.line + 1
            item_id = _scalar(item, "source", item_line)
            if item_id not in outline_ids:
                _fail(item_line, f'"{item_id}" bukan id butir di source/outline.yml.')
            sources.append(item_id)
    if not sources and "lines" not in fields:
        _fail(line, f'entri "{entry_id}" tidak menyebut sumbernya (source atau lines).')
    return Entry(
        id=entry_id,
        term=values["term"],
        foreign=values.get("foreign", ""),
        definition=values["definition"],
        source=tuple(sources),
        line=line,
    )


def load_glossary(project_root):
    """Read and check data/glosarium.yml below ``project_root``; entries sorted by term."""
    path = Path(project_root) / GLOSSARY_DATA
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        _fail(mark.line + 1 if mark else 1, f"YAML tidak valid: {error}")
    entries_node = None
    if isinstance(root, yaml.MappingNode):
        entries_node = next((v for k, v in root.value if k.value == "entries"), None)
    if not isinstance(entries_node, yaml.SequenceNode) or not entries_node.value:
        _fail(1, "berkas harus berisi daftar 'entries' yang tidak kosong.")
    outline = load_outline(project_root)
    outline_ids = set(outline.ids())
    seen = {}
    entries = [_read_entry(node, outline_ids, seen) for node in entries_node.value]
    terms = {}
    for entry in entries:
        key = entry.sort_key
        if key in terms:
            _fail(entry.line, f'istilah "{plain_text(entry.term)}" sudah ada di baris {terms[key]}.')
        terms[key] = entry.line
    return sorted(entries, key=lambda entry: entry.sort_key), outline


def render_entries(entries, outline, page_src):
    """The glossary entries as Markdown, one heading per entry; "Dibahas di"
    links each source item's section (strict anchor validation checks them)."""
    items = outline.by_id()
    base = posixpath.dirname(page_src) or "."
    blocks = []
    for entry in entries:
        heading = entry.term + (f" (*{entry.foreign}*)" if entry.foreign else "")
        block = [f"## {heading} {{ #{entry.id} }}", "", entry.definition]
        if entry.source:
            links = [
                f"[{items[item_id].title}]({posixpath.relpath(items[item_id].page, base)}#{item_id})"
                for item_id in entry.source
            ]
            block += ["", f"Dibahas di: {'; '.join(links)}."]
        blocks.append("\n".join(block))
    return "\n\n".join(blocks) + "\n"


class _GlossaryLinkTitles(Treeprocessor):
    """Give links to glossary entries their class and the entry's definition as title."""

    def __init__(self, md, state):
        super().__init__(md)
        self.state = state

    def run(self, root):
        tooltips = self.state.get("tooltips", {})
        page_src = self.state.get("page_src", "")
        for link in root.iter("a"):
            entry_id = _glossary_anchor(link.get("href", ""), page_src)
            if entry_id in tooltips and not link.get("title"):
                link.set("title", tooltips[entry_id])
                link.set("class", " ".join(filter(None, [link.get("class"), LINK_CLASS])))


def _glossary_anchor(href, page_src):
    """The entry id if ``href`` (relative to ``page_src``) points into the glossary page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.fragment or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), parts.path))
    return parts.fragment if target == GLOSSARY_PAGE else None


class _GlossaryExtension(Extension):
    def __init__(self, state):
        super().__init__()
        self.state = state

    def extendMarkdown(self, md):
        # Before MkDocs' "relpath" (priority 0) rewrites .md links to URLs.
        md.treeprocessors.register(_GlossaryLinkTitles(md, self.state), "course_glossary", 6)


_state: dict = {}


def on_config(config):
    entries, outline = load_glossary(project_root_of(config))
    _state.update(entries=entries, outline=outline, tooltips={e.id: e.tooltip for e in entries})
    if not any(isinstance(ext, _GlossaryExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(_GlossaryExtension(_state))
    return config


@event_priority(90)  # before mkdocs-quiz renders quiz fragments with the same extensions
def on_page_markdown(markdown, page, **kwargs):
    src = page.file.src_uri
    _state["page_src"] = src
    if src != GLOSSARY_PAGE:
        return markdown
    if MARKER not in markdown:
        raise PluginError(
            f"docs/{GLOSSARY_PAGE}: penanda {MARKER} tidak ada; di situlah entri glosarium disisipkan."
        )
    return markdown.replace(MARKER, render_entries(_state["entries"], _state["outline"], src), 1)


def on_post_page(output, page, config):
    """Load the tooltip script on pages that have glossary links, and only there."""
    if not GLOSSARY_LINK_MARKUP.search(output):
        return output
    return add_deferred_script(output, page, TOOLTIP_SCRIPT)
