"""Read the lists of the source text (source/bahan-ajar.txt) without the outline.

The coverage check must not trust the outline, so this module finds every
listed item of the source itself: numbered items ("1. ...", "- 2. ...",
"- **1. ...**"), the garbled heading of principle 4 ("4 EC: 1 1 C 1 ...",
a bare number accepted only where the next number of a list is expected) and
unnumbered bullets ("- Kesetaraan.", "• Saling melengkapi."). A bullet that
starts in lower case continues the item above it (line 46) and is no item.

A list's kind comes from the line that introduces it (a heading or a line
ending with ":"); a list without such a line that repeats an earlier list
(the principles, listed twice) takes that list's kind.
"""

import re
from dataclasses import dataclass, field

LIST_KINDS = ("syarat", "tujuan", "prinsip", "strategi", "dasar")

NUMBERED = re.compile(r"^\s*(?:[-•*]\s+)?(?:\*\*)?(?P<num>\d{1,2})\.\s+(?P<text>\S.*)$")
BARE_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2})\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^\s*[-•*]\s+(?P<text>\S.*)$")
# Words that name a list's kind in its introduction (first match in the text wins).
KIND_WORDS = re.compile(
    r"(?P<syarat>syarat)|(?P<tujuan>\btujuan\b)|(?P<prinsip>\bprinsip)"
    r"|(?P<strategi>\bstrategi)|(?P<dasar>\bdidasarkan\b|\blandasan\b|\bdasar\b)",
    re.IGNORECASE,
)
TITLE_END = re.compile(r"[;:]|\*\*|\.(?:\s|$)")


@dataclass
class SourceItem:
    line: int
    number: int | None  # None for an unnumbered bullet
    title: str
    kind: str | None = None


@dataclass
class SourceList:
    numbered: bool
    intro_line: int | None  # the line whose words gave the kind
    items: list = field(default_factory=list)
    kind: str | None = None
    repeats_line: int | None = None  # first line of the list this one repeats

    @property
    def line(self):
        return self.items[0].line


def _title(text):
    return TITLE_END.split(text, maxsplit=1)[0].strip(" *")


def _normal(title):
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def _intro_kind(text):
    """The kind named by an introducing line, or None if the line introduces nothing."""
    text = text.strip()
    heading_like = len(text) <= 100 and not text.endswith((".", ";", ","))
    if not (text.endswith(":") or heading_like):
        return None
    last_sentence = re.split(r"[.!?]\s+", text)[-1]
    match = KIND_WORDS.search(last_sentence)
    return match.lastgroup if match else None


def parse_source_lists(text):
    """Return every list of the source text, each item with its line and kind."""
    lists = []
    numbered_list = None  # the numbered list that may still continue
    bullet_list = None  # the bullet list that may still continue (blank lines only)
    previous_text = None  # last non-blank line (item text for item lines)
    previous_line = None

    def start(numbered, item):
        new = SourceList(numbered=numbered, intro_line=None, items=[item])
        if previous_text is not None:
            new.kind = _intro_kind(previous_text)
            new.intro_line = previous_line if new.kind else None
        lists.append(new)
        return new

    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        numbered = NUMBERED.match(raw)
        if not numbered and numbered_list:
            bare = BARE_NUMBER.match(raw)
            if bare and int(bare.group("num")) == numbered_list.items[-1].number + 1:
                numbered = bare
        bullet = None if numbered else BULLET.match(raw)
        if numbered:
            value = int(numbered.group("num"))
            item = SourceItem(number, value, _title(numbered.group("text")))
            if numbered_list and value == numbered_list.items[-1].number + 1:
                numbered_list.items.append(item)
            else:
                numbered_list = start(True, item)
            bullet_list = None
            previous_text = numbered.group("text")
        elif bullet and bullet.group("text")[0].isupper():
            item = SourceItem(number, None, _title(bullet.group("text")))
            if bullet_list:
                bullet_list.items.append(item)
            else:
                bullet_list = start(False, item)
            previous_text = bullet.group("text")
        else:
            bullet_list = None
            previous_text = raw
        previous_line = number

    _kinds_from_repeats(lists)
    for source_list in lists:
        for item in source_list.items:
            item.kind = source_list.kind
    return lists


def _kinds_from_repeats(lists):
    """A list without an introduction that repeats an earlier one takes its kind."""
    for index, source_list in enumerate(lists):
        if source_list.kind:
            continue
        titles = [_normal(item.title) for item in source_list.items]
        for earlier in lists[:index]:
            if not earlier.kind:
                continue
            earlier_titles = [_normal(item.title) for item in earlier.items]
            same = sum(1 for a, b in zip(titles, earlier_titles) if a == b)
            if len(titles) == len(earlier_titles) and same * 2 > len(titles):
                source_list.kind = earlier.kind
                source_list.repeats_line = earlier.line
                break
