"""The "Kemajuan Belajar" page: every quiz page and its question ids, known at
build time, filled in from the learner's browser storage by kemajuan.js.

A page that holds ``<div id="kemajuan-ringkasan"></div>`` gets, in its place:
a table of the sections with quizzes (usable without JavaScript: section
links and question counts), a status line, a reset button, the course's
question list as inline JSON (no fetch: works from file:// and offline) and
the minified overrides/assets/quiz/kemajuan.js.

A question ``soal-<item id>-<n>`` points back to its outline item's heading
(source/outline.yml), so a wrong answer links to the paragraph to reread.
"""

import html
import json
import re

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from course_outline import load_outline, project_root_of
from quiz_bundle import hashed_asset, read_source, write_assets

MARKER = '<div id="kemajuan-ringkasan"></div>'
QUIZ_ID = re.compile(r'<div class="quiz(?: [^"]*)?"[^>]*\sid="(?P<id>soal-[^"]+)"')
QUESTION_ITEM = re.compile(r"^soal-(?P<item>.+)-\d+$")

_state = {}


def on_config(config):
    root = project_root_of(config)
    _state.update(items=load_outline(root).by_id(), script=read_source(root, "kemajuan.js"), order=[], urls={},
                  questions={}, assets={})
    return config


def on_nav(nav, config, files):
    _state["order"] = [page.file.src_uri for page in nav.pages]
    _state["urls"] = {page.file.src_uri: page.url for page in nav.pages}
    return nav


@event_priority(-110)  # after quiz_ids.py has given the quizzes their explicit ids
def on_page_content(html_text, page, **kwargs):
    ids = QUIZ_ID.findall(html_text)
    if ids:
        _state["questions"][page.file.src_uri] = (page, ids)
    else:
        _state["questions"].pop(page.file.src_uri, None)
    return html_text


def course_questions(here):
    """Sections with quizzes in nav order, URLs relative to the page ``here``."""
    sections = []
    for src_uri in _state["order"]:
        if src_uri not in _state["questions"]:
            continue
        page, ids = _state["questions"][src_uri]
        url = get_relative_url(page.url, here.url)
        sections.append({
            "title": page.title,
            "url": url,
            "questions": [dict(id=qid, url=f"{url}#{qid}", **_item_of(qid, here)) for qid in ids],
        })
    return sections


def _item_of(question_id, here):
    match = QUESTION_ITEM.match(question_id)
    item = _state["items"].get(match.group("item")) if match else None
    if item is None or item.page not in _state["urls"]:
        return {"item": None, "itemUrl": None}
    page_url = get_relative_url(_state["urls"][item.page], here.url)
    return {"item": item.title, "itemUrl": f"{page_url}#{item.id}"}


def progress_block(sections, script_url):
    rows = "".join(
        f'<tr data-bagian="{i}"><td><a href="{html.escape(s["url"])}">{html.escape(s["title"])}</a></td>'
        f'<td>{len(s["questions"])}</td><td class="kb-dijawab">–</td><td class="kb-benar">–</td></tr>'
        for i, s in enumerate(sections)
    )
    total = sum(len(s["questions"]) for s in sections)
    data = json.dumps(sections, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        '<div id="kemajuan-ringkasan">'
        '<p id="kemajuan-status" role="status">Kemajuan Anda dibaca dari penyimpanan peramban ini. '
        "Aktifkan JavaScript untuk melihatnya.</p>"
        '<table id="kemajuan-tabel"><caption>Kemajuan per bagian</caption>'
        '<thead><tr><th scope="col">Bagian</th><th scope="col">Soal</th>'
        '<th scope="col">Dijawab</th><th scope="col">Benar</th></tr></thead>'
        f'<tbody>{rows}</tbody><tfoot><tr><th scope="row">Jumlah</th><td>{total}</td>'
        '<td class="kb-dijawab">–</td><td class="kb-benar">–</td></tr></tfoot></table>'
        '<div id="kemajuan-ulang" hidden><h2 id="perlu-dipelajari-lagi">Perlu dipelajari lagi</h2><ul></ul></div>'
        '<p id="kemajuan-hapus-wadah" hidden><button type="button" class="md-button md-button--primary" id="kemajuan-hapus">Hapus semua kemajuan</button></p>'
        f'<script type="application/json" id="kemajuan-data">{data}</script>'
        f'<script src="{script_url}" defer></script>'
        "</div>"
    )


def on_post_page(output, page, config):
    if MARKER not in output:
        return output
    path, data = hashed_asset("kemajuan", "js", _state["script"])
    _state["assets"][path] = data
    block = progress_block(course_questions(page), get_relative_url(path, page.url))
    return output.replace(MARKER, block, 1)


def on_post_build(config):
    write_assets(config.site_dir, _state.get("assets", {}))
