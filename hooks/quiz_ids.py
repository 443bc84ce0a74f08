"""Stable, explicit quiz question ids.

Authors write ``<quiz id="soal-<item id>-<n>">``. mkdocs-quiz only knows
``<quiz>`` and numbers its quizzes by position (``quiz-0``, ``quiz-1``, ...).
Before mkdocs-quiz reads the Markdown, this hook strips the id and remembers
it by position; after mkdocs-quiz has inserted its HTML, it renames the
positional ids to the explicit ones and registers them as page anchors, so
``page/#soal-...`` links pass MkDocs' strict anchor validation and saved
progress (keyed by the quiz element's id) follows the question, not its place.
"""

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

QUESTION_ID = re.compile(r"^soal-[a-z0-9]+(?:-[a-z0-9]+)*-[0-9]+$")
QUIZ_OPEN = re.compile(r'<quiz(?P<attrs>[^>]*)>')
ID_ATTR = re.compile(r'^\s+id="(?P<id>[^"]*)"\s*$')
FENCE = re.compile(r"^(```|~~~)")

_ids_by_page: dict[str, list[str]] = {}


def _quiz_tags(markdown):
    """Yield (line number, match) for every <quiz ...> tag outside code fences."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            for match in QUIZ_OPEN.finditer(line):
                yield number, match


def read_question_ids(markdown, src_path):
    """Return the explicit question ids of a page, in order; fail on bad ones."""
    ids = []
    for line, match in _quiz_tags(markdown):
        attrs = ID_ATTR.match(match.group("attrs"))
        where = f"{src_path}:{line}"
        if not attrs:
            raise PluginError(
                f'{where}: soal kuis tanpa id. Tulis <quiz id="soal-<id butir>-<n>">.'
            )
        question_id = attrs.group("id")
        if not QUESTION_ID.match(question_id):
            raise PluginError(
                f'{where}: id soal "{question_id}" tidak sesuai pola soal-<id butir>-<n>.'
            )
        if question_id in ids:
            raise PluginError(f'{where}: id soal "{question_id}" dipakai dua kali.')
        ids.append(question_id)
    return ids


def strip_question_ids(markdown, src_path):
    """Return (markdown with plain ``<quiz>`` tags, the explicit ids in order):
    what mkdocs-quiz (and its QTI export) can read."""
    ids = read_question_ids(markdown, src_path)
    if not ids:
        return markdown, ids
    lines = markdown.split("\n")
    for line, _match in _quiz_tags(markdown):
        lines[line - 1] = QUIZ_OPEN.sub("<quiz>", lines[line - 1])
    return "\n".join(lines), ids


@event_priority(100)  # before mkdocs-quiz (priority 0) turns <quiz> into placeholders
def on_page_markdown(markdown, page, **kwargs):
    markdown, ids = strip_question_ids(markdown, page.file.src_path)
    _ids_by_page[page.file.src_path] = ids
    return markdown


@event_priority(-100)  # after mkdocs-quiz has inserted its HTML
def on_page_content(html, page, **kwargs):
    ids = _ids_by_page.pop(page.file.src_path, [])
    if not ids:
        return html

    def rename(match):
        position = int(match.group(1))
        return ids[position] if position < len(ids) else match.group(0)

    html = re.sub(r"\bquiz-(\d+)(?=[\"-])", rename, html)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | set(ids)
    return html
