"""Tables come wrapped for sideways scrolling from the build, not from the browser.

Material's JavaScript finds every ``table:not([class])`` in the page after it
has been laid out, and moves it into ``.md-typeset__scrollwrap >
.md-typeset__table``. Moving a table makes the browser style and lay it out a
second time: on Peta Materi (one table of 600 elements) that was the longest
task of the page load on a phone, and Lighthouse's mobile score fell from 100
to about 95.

So this hook writes the same wrapper into the HTML and marks the table with the
class ``prewrapped``, which Material's script leaves alone. Material styles
tables only through the selector ``table:not([class])``; its rules are copied
from the installed theme's stylesheet at build time, with the selector changed
to ``table.prewrapped``, into assets/stylesheets/tables.css (read with
tinycss2). If a new Material release no longer has such rules, the build stops
with a message rather than showing unstyled tables.
"""

import functools
import re

import tinycss2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from page_assets import add_stylesheet

TABLE_CLASS = "prewrapped"
STYLESHEET = "assets/stylesheets/tables.css"
MATERIAL_STYLESHEET = re.compile(r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
MATERIAL_SELECTOR = "table:not([class])"
# A <table> without a class attribute (what Markdown writes, and our own
# tables with only an id): the ones Material's script would move.
PLAIN_TABLE = re.compile(r'<table((?:\s+(?!class\b)[\w-]+(?:="[^"]*")?)*)>(.*?)</table>', re.S)
WRAPPED = (
    '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
    f'<table class="{TABLE_CLASS}"\\1>\\2</table></div></div>'
)


def wrap_tables(html):
    """Every table without a class in Material's wrapper, marked as wrapped."""
    return PLAIN_TABLE.sub(WRAPPED, html)


def _retarget(rules):
    """The rules (and @media blocks) that style Material's plain tables, for ours."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            ours = [s.replace(MATERIAL_SELECTOR, f"table.{TABLE_CLASS}") for s in selectors if MATERIAL_SELECTOR in s]
            if ours:
                kept.append(f"{','.join(ours)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _retarget(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{''.join(inner)}}}")
    return kept


@functools.lru_cache(maxsize=1)  # parsing Material's stylesheet takes ~70 ms; `mkdocs serve` rebuilds often
def table_rules(material_css):
    """Material's table rules with ``table:not([class])`` as ``table.prewrapped``."""
    rules = tinycss2.parse_stylesheet(material_css, skip_comments=True, skip_whitespace=True)
    return "".join(_retarget(rules))


def on_files(files, config):
    material = next((f for f in files if MATERIAL_STYLESHEET.match(f.src_uri)), None)
    if material is None:
        raise PluginError("Stylesheet utama Material (assets/stylesheets/main.*.min.css) tidak ditemukan.")
    css = table_rules(material.content_string)
    if not css:
        raise PluginError(
            f"{material.src_uri}: Material tidak lagi menata tabel lewat {MATERIAL_SELECTOR}; "
            "periksa hooks/prewrapped_tables.py sebelum memperbarui Material."
        )
    files.append(File.generated(config, STYLESHEET, content=css))
    return files


def on_post_page(output, page, config):
    # After the hooks that add tables to the finished page (Kemajuan Belajar).
    output = wrap_tables(output)
    if f'<table class="{TABLE_CLASS}"' not in output:
        return output
    return add_stylesheet(output, page, STYLESHEET)
