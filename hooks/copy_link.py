"""Give every heading permalink an Indonesian accessible name.

The toc extension writes ``<a class="headerlink" href="#id" title="...">¶</a>``;
its name for screen readers would be "¶". This hook adds
``aria-label="Salin tautan ke bagian: <heading text>"``, so the control says
what it does and which section it links, with or without JavaScript.
overrides/assets/permalink/ makes it visible and copies the full URL.

The class stays exactly "headerlink": Material's search ignores those links
only under that exact class.
"""

import html as html_lib
import re

from mkdocs.plugins import event_priority

LABEL = "Salin tautan ke bagian: {}"
HEADING = re.compile(r"<h(?P<level>[1-6])(?P<attrs>[^>]*)>(?P<body>.*?)</h(?P=level)>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink"(?P<rest>[^>]*)>')
TAG = re.compile(r"<[^>]+>")


def heading_text(body):
    """The visible text of a heading's inner HTML, without its permalink."""
    without_link = re.sub(r'<a class="headerlink".*?</a>', "", body, flags=re.S)
    text = html_lib.unescape(TAG.sub("", without_link))
    return " ".join(text.split())


def label_permalinks(html):
    def label(heading):
        body = heading.group("body")
        if 'class="headerlink"' not in body or "aria-label=" in body:
            return heading.group(0)
        name = html_lib.escape(LABEL.format(heading_text(body)), quote=True)
        body = HEADERLINK.sub(lambda link: f'<a class="headerlink" aria-label="{name}"{link.group("rest")}>', body, count=1)
        return f'<h{heading.group("level")}{heading.group("attrs")}>{body}</h{heading.group("level")}>'

    return HEADING.sub(label, html)


@event_priority(-200)  # after section_numbers, so the name carries the number
def on_page_content(html, page, config, files):
    return label_permalinks(html)
