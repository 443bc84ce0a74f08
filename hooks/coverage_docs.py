"""Read the course pages (docs/*.md) for the coverage check: headings with
explicit ids and their sections, quiz questions with their explanations, and
the links in those explanations.

Quiz syntax follows mkdocs-quiz (its own patterns are reused): a choice
question's explanation is everything after the last option and its feedback
lines; a fill-in question's explanation is everything after its first "---".
"""

import posixpath
import re
from dataclasses import dataclass, field
from textwrap import dedent

from mkdocs_quiz.parsing import CHECKBOX_REGEX, FILL_BLANK_REGEX, collect_feedback
from quiz_ids import FENCE, ID_ATTR, QUIZ_OPEN

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
ATTR_LIST = re.compile(r"\{(?P<attrs>[^{}]*)\}\s*$")
ANCHOR_IN_ATTRS = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")
QUIZ_CLOSE = re.compile(r"</quiz>")
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
HTML_TAG = re.compile(r"<[^>]+>")


@dataclass
class Heading:
    page: str  # path below docs/, e.g. "prinsip.md"
    line: int
    level: int
    anchor: str | None
    title: str
    end_line: int = 0  # last line of its section


@dataclass
class Question:
    page: str
    line: int
    id: str | None
    explanation_links: list = field(default_factory=list)  # (page, anchor) pairs


@dataclass
class DocPage:
    path: str  # below docs/
    text: str
    lines: list
    headings: list
    questions: list

    def section_text(self, heading):
        return "\n".join(self.lines[heading.line - 1 : heading.end_line])


def _unfenced(lines):
    """Yield (line number, line) for lines outside fenced code blocks."""
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def _headings(path, lines):
    found = []
    for number, line in _unfenced(lines):
        match = HEADING.match(line)
        if not match:
            continue
        text = match.group("text")
        anchor = None
        attrs = ATTR_LIST.search(text)
        if attrs:
            anchor_match = ANCHOR_IN_ATTRS.search(attrs.group("attrs"))
            anchor = anchor_match.group("id") if anchor_match else None
            text = text[: attrs.start()].rstrip()
        found.append(Heading(path, number, len(match.group("hashes")), anchor, text))
    for index, heading in enumerate(found):
        heading.end_line = len(lines)
        for later in found[index + 1 :]:
            if later.level <= heading.level:
                heading.end_line = later.line - 1
                break
    return found


def explanation_lines(body_lines):
    """The explanation part of a quiz body (mkdocs-quiz's own rules)."""
    body = dedent("\n".join(body_lines)).split("\n")
    if re.search(FILL_BLANK_REGEX, "\n".join(body)) and not any(CHECKBOX_REGEX.match(l) for l in body):
        for index, line in enumerate(body):
            if line.strip() == "---":
                return body[index + 1 :]
        return []
    start = len(body)
    index = 0
    while index < len(body):
        if CHECKBOX_REGEX.match(body[index]):
            _feedback, index = collect_feedback(body, index + 1)
            start = index
            continue
        index += 1
    return body[start:]


def resolve_link(page, target):
    """(page, anchor) a Markdown link on ``page`` points at, or None if no anchor."""
    if "://" in target or target.startswith("mailto:") or "#" not in target:
        return None
    path, anchor = target.split("#", 1)
    if not path:
        return page, anchor
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved.endswith("/"):
        resolved += "index.md"
    return resolved, anchor


def _questions(path, lines):
    found = []
    open_question = None
    body = []
    for number, line in _unfenced(lines):
        if open_question is None:
            match = QUIZ_OPEN.search(line)
            if match:
                attrs = ID_ATTR.match(match.group("attrs"))
                open_question = Question(path, number, attrs.group("id") if attrs else None)
                body = [line[match.end() :]]
                if QUIZ_CLOSE.search(body[0]):
                    body = [QUIZ_CLOSE.split(body[0])[0]]
                    _close(open_question, body, found)
                    open_question = None
            continue
        closing = QUIZ_CLOSE.search(line)
        if closing:
            body.append(line[: closing.start()])
            _close(open_question, body, found)
            open_question = None
        else:
            body.append(line)
    if open_question is not None:
        _close(open_question, body, found)
    return found


def _close(question, body, found):
    text = "\n".join(explanation_lines(body))
    for link in LINK.finditer(text):
        resolved = resolve_link(question.page, link.group("target"))
        if resolved:
            question.explanation_links.append(resolved)
    found.append(question)


def read_page(path, text):
    lines = text.split("\n")
    return DocPage(path, text, lines, _headings(path, lines), _questions(path, lines))


def plain_text(markdown):
    """Lower-case text of Markdown for term matching: link targets, tags,
    emphasis and attribute lists removed, whitespace collapsed."""
    text = LINK.sub(lambda m: m.group("text"), markdown)
    text = HTML_TAG.sub(" ", text)
    text = re.sub(r"\{[^{}]*\}", " ", text)
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).lower()
