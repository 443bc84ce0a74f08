"""The course prose to spell-check, line by line, with its place.

Markdown pages (docs/**/*.md): front matter values, text, link texts, quiz
answers; without code, HTML tags and comments, URLs, link targets,
``{ #id }`` attribute lists and quiz markers.
YAML data (data/*.yml): the string values that are prose (not ids, paths,
URLs or keys), located on their own lines.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# Keys whose values are identifiers or references, never prose.
NON_PROSE_KEYS = {
    "id", "ids", "source", "sources", "lines", "line", "page", "pages", "kind", "href",
    "url", "urls", "anchor", "anchors", "item", "items", "ref", "refs", "file", "path",
    "icon", "type", "template", "slug", "lang",
}
ID_LIKE = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)+|[\w./-]+\.(?:md|ya?ml|html|svg|png|css|js)(?:#\S*)?)$")

FENCE = re.compile(r"^\s*(```|~~~)")
SUBSTITUTIONS = [
    (re.compile(r"`[^`]*`"), " "),  # inline code
    (re.compile(r"<!--.*?-->"), " "),  # one-line HTML comment
    (re.compile(r"\{[:\s]*[#.][^}]*\}"), " "),  # attr_list: { #id }, { .class }
    (re.compile(r"<https?://[^>]*>"), " "),  # autolink
    (re.compile(r"https?://\S+"), " "),  # bare URL
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"), " "),  # reference definition
    (re.compile(r"\[\^[^\]]*\]:?"), " "),  # footnote marker
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](target) -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] -> text
    (re.compile(r"\[\[([^\]]*)\]\]"), r" \1 "),  # quiz fill-in [[answer]] -> answer
    (re.compile(r"^(\s*)[-*+] \[[ xX]\]"), r"\1 "),  # quiz option marker
    (re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*"), " "),  # admonition type
    (re.compile(r"<[^>]*>"), " "),  # HTML tags (their text stays)
    (re.compile(r"&#?\w+;"), " "),  # HTML entities
    (re.compile(r"(?<![\w-])-+(?![\w-])|\|"), " "),  # list dashes, table rules, cell bars
    (re.compile(r"[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}"), " "),  # emphasis markers
]


@dataclass(frozen=True)
class ProseLine:
    path: str  # as shown to authors, relative to the project
    line: int
    text: str


def clean_markdown_line(text):
    """One line of Markdown reduced to the words a reader sees."""
    for pattern, replacement in SUBSTITUTIONS:
        text = pattern.sub(replacement, text)
    return text


def markdown_prose(path, shown):
    """ProseLine for every line of a Markdown file."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            yield from yaml_prose_text("\n".join(lines[1:end]), shown, first_line=2)
            body_start = end + 1
    in_fence = False
    in_comment = False
    for number in range(body_start, len(lines)):
        text = lines[number]
        if FENCE.match(text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment:
            if "-->" not in text:
                continue
            text = text.split("-->", 1)[1]
            in_comment = False
        text = re.sub(r"<!--.*?-->", " ", text)
        if "<!--" in text:
            text, in_comment = text.split("<!--", 1)[0], True
        yield ProseLine(shown, number + 1, clean_markdown_line(text))


def _is_prose(node, key):
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        return False
    if key in NON_PROSE_KEYS:
        return False
    value = node.value.strip()
    return bool(value) and not ID_LIKE.match(value) and not value.startswith(("http://", "https://"))


def _prose_scalars(node, key=None):
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            yield from _prose_scalars(value, key_node.value)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            yield from _prose_scalars(value, key)
    elif _is_prose(node, key):
        yield node


def yaml_prose_text(text, shown, first_line=1):
    """ProseLine for the prose values of a YAML document (``text``), on their source lines."""
    raw = text.split("\n")
    for node in _prose_scalars(yaml.compose(text)):
        start, end = node.start_mark, node.end_mark
        for index in range(start.line, end.line + 1):
            piece = raw[index]
            if index == end.line:
                piece = piece[: end.column]
            if index == start.line:
                piece = piece[start.column:]
            if index == start.line and node.style in ("|", ">"):
                continue  # the block indicator line holds no text
            piece = piece.strip().strip("'\"") if node.style in ("'", '"') else piece
            yield ProseLine(shown, first_line + index, clean_markdown_line(piece))


def yaml_prose(path, shown):
    yield from yaml_prose_text(Path(path).read_text(encoding="utf-8"), shown)


def course_prose(root):
    """All course prose below the project folder ``root``."""
    root = Path(root)
    for path in sorted((root / "docs").rglob("*.md")):
        yield from markdown_prose(path, path.relative_to(root).as_posix())
    for path in sorted((root / "data").glob("*.y*ml")):
        yield from yaml_prose(path, path.relative_to(root).as_posix())
