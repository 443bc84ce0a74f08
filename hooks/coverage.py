"""Coverage check inside `mkdocs build`, and the Peta Materi table.

on_files runs the same check as scripts/check_coverage.py on the docs of the
project being built and stops the build, listing every failure, when a source
item is not in the outline, not taught or not tested. on_page_markdown fills
the marker in docs/peta-materi.md with a table made from that same report.
"""

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course_outline import project_root_of
from coverage_model import check_coverage

PETA_PAGE = "peta-materi.md"
MARKER = "<!-- peta-materi -->"
KIND_LABELS = {
    "definisi": "Definisi",
    "konsep": "Konsep",
    "syarat": "Syarat",
    "tujuan": "Tujuan",
    "prinsip": "Prinsip",
    "strategi": "Strategi",
    "dasar": "Dasar",
}

_report = None


@event_priority(100)  # fail before any other work
def on_files(files, config, **kwargs):
    global _report
    _report = check_coverage(project_root_of(config), config["docs_dir"])
    if not _report.ok:
        lines = "\n".join(f"  {finding}" for finding in _report.findings)
        raise PluginError(
            f"Cakupan materi belum lengkap ({len(_report.findings)} masalah; "
            f"jalankan `make check`):\n{lines}"
        )
    return files


def _nav_titles(nav, titles=None):
    """{page path: nav title} from the mkdocs.yml nav."""
    titles = {} if titles is None else titles
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    _nav_titles(value, titles)
    return titles


def _cell(text):
    return text.replace("|", "\\|")


def _href(from_page, link):
    path = posixpath.relpath(link.page, posixpath.dirname(from_page) or ".")
    return f"{path}#{link.anchor}"


def _nowrap(text):
    """Keep a short label on one line (the table scrolls sideways instead)."""
    return text.replace(" ", "&nbsp;")


def _question_links(from_page, links, titles, note=""):
    rendered = []
    for link in links:
        label = _nowrap(f"{titles.get(link.page, link.page[:-3])}, soal {link.number}")
        # No title attribute: 130 browser tooltips in one table only get in the way.
        rendered.append(f"[{_cell(label)}]({_href(from_page, link)}){note}")
    return rendered


def render_table(report, from_page, titles):
    """The Peta Materi table (Markdown) for a coverage report."""
    rows = [
        "| No. | Jenis | Butir sumber | Baris sumber | Diajarkan di | Diuji oleh | Latihan TKP |",
        "|---:|---|---|---|---|---|---|",
    ]
    for number, item in enumerate(report.items, start=1):
        lines = ", ".join(str(line) for line in dict.fromkeys(item.source_lines))
        section = "—"
        if item.section:
            label = f"{titles.get(item.page, item.page[:-3])}: {item.section.label}"
            section = f"[{_cell(label)}]({_href(from_page, item.section)})"
        tested = _question_links(from_page, item.questions, titles)
        tested += _question_links(from_page, item.also_in, titles, note="&nbsp;(juga)")
        tkp = [f"[{link.anchor}]({_href(from_page, link)})" for link in item.tkp]
        rows.append(
            f"| {number} | {KIND_LABELS.get(item.kind, item.kind)} | {_cell(item.title)} | {lines} "
            f"| {section} | {'<br>'.join(tested) or '—'} | {', '.join(tkp) or '—'} |"
        )
    return "\n".join(rows)


def render_summary(report):
    taught = sum(1 for item in report.items if item.section)
    tested = sum(1 for item in report.items if item.questions)
    practised = sum(1 for item in report.items if item.tkp)
    return (
        f"**{len(report.items)} butir sumber**: {taught} diajarkan, {tested} diuji dengan soal, "
        f"{practised} dilatih dalam soal TKP."
    )


def on_page_markdown(markdown, page, config, **kwargs):
    if page.file.src_uri != PETA_PAGE or _report is None:
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{config['docs_dir']}/{PETA_PAGE}: penanda {MARKER} untuk tabel Peta Materi tidak ada.")
    table = render_table(_report, page.file.src_uri, _nav_titles(config["nav"]))
    return markdown.replace(MARKER, f"{render_summary(_report)}\n\n{table}", 1)
