"""Render the TKP bank as Markdown with raw HTML blocks (md_in_html).

Each item becomes a heading with its explicit id (``### ... { #tkp-01 }``),
the situation, a fieldset of five real radio inputs (``data-score`` holds the
option's score for assets/tkp/tkp.js), an empty live region for the result,
and a <details> scoring key: every option's score and reason plus Markdown
links to the outline items it exercises (so the strict build checks them).
Without JavaScript, and in print, the question and its key are all there.
"""

import html
import posixpath
import re

import markdown

from tkp_bank import LETTERS

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")
_inline = markdown.Markdown()


def md_escape(text):
    """Text safe to place in Markdown (headings, link text)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def inline_html(text):
    """Author text to HTML: escaped, with Markdown emphasis (*istilah asing*) kept."""
    rendered = _inline.reset().convert(html.escape(text, quote=False))
    return re.sub(r"^<p>|</p>$", "", rendered.strip())


def _link(entry, page_dir):
    target = posixpath.relpath(entry.page, page_dir)
    return f"[{md_escape(entry.title)}]({target}#{entry.id})"


def render_item(number, item, outline_by_id, page_dir):
    rows = "\n".join(
        f'<tr data-i="{i}"><td>{letter}</td><td>{opt.score}</td><td>{inline_html(opt.reason)}</td></tr>'
        for i, (letter, opt) in enumerate(zip(LETTERS, item.options))
    )
    choices = "\n".join(
        f'<label><input type="radio" name="{item.id}" value="{i}" data-score="{opt.score}">'
        f' <span><span class="tkp-letter">{letter}.</span> {inline_html(opt.text)}</span></label>'
        for i, (letter, opt) in enumerate(zip(LETTERS, item.options))
    )
    links = [_link(outline_by_id[ref], page_dir) for ref in item.exercises]
    links[0] += " (butir utama)"
    return f"""### Soal {number}: {md_escape(item.title)} {{ #{item.id} }}

<div class="tkp-item" data-tkp="{item.id}" markdown="1">
<p class="tkp-situation">{inline_html(item.situation)}</p>
<fieldset class="tkp-options">
<legend>Soal {number}: {inline_html(item.question)}</legend>
{choices}
</fieldset>
<p class="tkp-result" role="status" aria-live="polite"></p>
<details class="tkp-key" markdown="1">
<summary>Kunci skor dan alasan soal {number}</summary>
<table>
<thead><tr><th scope="col">Pilihan</th><th scope="col">Skor</th><th scope="col">Alasan</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>

Pelajari lagi: {", ".join(links)}
{{ .tkp-refs }}

</details>
</div>
"""


def render_bank(items, outline, page_src_path):
    """The Markdown that replaces the marker on ``page_src_path``."""
    by_id = outline.by_id()
    page_dir = posixpath.dirname(page_src_path) or "."
    return "\n".join(render_item(n, item, by_id, page_dir) for n, item in enumerate(items, start=1))
