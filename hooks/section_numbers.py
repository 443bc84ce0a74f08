"""Section numbers (1, 1.1, 1.1.1) taken from the order of the explicit nav.

The rule lives here and only here: the pages of the nav section titled
"Materi" are the course chapters, numbered 1, 2, ... in nav order; on those
pages the h1 carries the chapter number, h2 headings get 1.1, 1.2, ... and h3
headings 1.1.1, ... . Every other page (Beranda, Latihan, Rujukan, the
Panduan Fasilitator) stays unnumbered, so adding such pages never shifts the
trainees' numbers.

Numbers are shown, never part of an anchor: the heading ids stay the explicit
ids. The number goes into the rendered HTML as ``<span
class="section-number">1.2</span>`` at the start of the heading and of its
table-of-contents entry (so search, print and the PDF, which are built from
the rendered pages, show the same number), and as plain text before the page
title in the navigation ("1 Pengertian").

Other hooks and scripts: ``number_for(page, heading_id=None)``.
"""

import re

NUMBERED_SECTION = "Materi"
NUMBERED_LEVELS = (1, 2, 3)  # h1 = chapter, h2 = 1.1, h3 = 1.1.1
NUMBER_CLASS = "section-number"

HEADING_OPEN = re.compile(r"<h(?P<level>[1-6])(?P<attrs>\s[^>]*)?>")
ID_ATTR = re.compile(r'\sid="(?P<id>[^"]+)"')

# The numbers live on the Page objects (page.section_number,
# page.heading_numbers), not in this module: MkDocs loads a hook under its
# path ("hooks/section_numbers.py"), so a plain `import section_numbers`
# elsewhere is a second module object with its own globals.


def chapter_pages(nav):
    """The pages of the numbered nav section, in nav order."""
    for item in nav.items:
        if item.is_section and item.title == NUMBERED_SECTION:
            return [child for child in item.children if child.is_page]
    return []


def number_for(page, heading_id=None):
    """The section number of a page (heading_id None) or of one of its headings.

    Returns None for unnumbered pages and headings. Page numbers exist from
    on_nav on, heading numbers once the page is rendered (all of them by on_env)."""
    if heading_id is None:
        return getattr(page, "section_number", None)
    return numbered_headings(page).get(heading_id)


def numbered_headings(page):
    """{heading id: number} of a rendered page, in document order."""
    return dict(getattr(page, "heading_numbers", {}))


def number_html(number):
    return f'<span class="{NUMBER_CLASS}">{number}</span> '


def on_nav(nav, config, files):
    for position, page in enumerate(chapter_pages(nav), start=1):
        page.section_number = str(position)
        # The nav, breadcrumbs and footer links show "1 Pengertian". Plain text:
        # Material escapes titles in some attributes (footer aria-label).
        page.title = f"{position} {page.title}"
    return nav


def _number_toc(items, chapter, counters, numbers):
    """Number toc items in document order; counters[level] counts per level."""
    for item in items:
        level = item.level
        if level in NUMBERED_LEVELS:
            if level == 1:
                number = chapter
            else:
                counters[level] = counters.get(level, 0) + 1
                for deeper in range(level + 1, 7):
                    counters.pop(deeper, None)
                number = ".".join([chapter] + [str(counters.get(lvl, 0)) for lvl in range(2, level + 1)])
            numbers[item.id] = number
            item.title = number_html(number) + item.title
        _number_toc(item.children, chapter, counters, numbers)


def _number_headings(html, numbers):
    def insert(match):
        found = ID_ATTR.search(match.group("attrs") or "")
        if not found or found.group("id") not in numbers:
            return match.group(0)
        return match.group(0) + number_html(numbers[found.group("id")])

    return HEADING_OPEN.sub(insert, html)


def on_page_content(html, page, config, files):
    chapter = number_for(page)
    if chapter is None:
        return html
    numbers = {}
    _number_toc(page.toc.items, chapter, {}, numbers)
    page.heading_numbers = numbers
    return _number_headings(html, numbers)
