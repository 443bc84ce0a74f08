"""The handout as one HTML document: cover, table of contents, one chapter per
nav page (in nav order), and the answer key of the self-check questions.

The paged-media stylesheet (overrides/assets/print/handout.css) gives it A4
pages, TOC page numbers (target-counter), the running chapter title
(string-set) and the "Halaman X dari Y" footer.
"""

from dataclasses import dataclass

from babel.dates import format_date
from bs4 import BeautifulSoup

from .clean import LinkRewriter, article_of, open_details, remove_chrome, scoped
from .quiz import convert_quizzes

# Pages whose h2 headings stay out of the table of contents (the glossary's
# entries are headings; listing each would fill pages).
TOC_WITHOUT_SECTIONS = {"glosarium.md"}
KEY_ID = "kunci-jawaban"
KEY_TITLE = "Kunci Jawaban Uji Pemahaman"


@dataclass
class Chapter:
    page: object  # NavPage
    body: object  # Tag: <section class="chapter">
    key: object  # Tag or None: this chapter's part of the answer key
    headings: list  # (level, id, text) of h1 and h2, in order
    questions: int


def _tag(soup, element, text=None, **attrs):
    tag = soup.new_tag(element, attrs={k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        tag.string = text
    return tag


def heading_text(heading):
    return " ".join(heading.get_text().split())


def _key_part(soup, page, title, entries):
    part = _tag(soup, "div", class_="key-part")
    part.append(_tag(soup, "h2", title, id=f"kunci-{page.slug}"))
    for entry in entries:
        item = _tag(soup, "div", class_="key-entry", id=f"kunci-{entry.number}")
        answer = _tag(soup, "p", class_="key-answer")
        ref = _tag(soup, "a", f"Soal {entry.number}", href=f"#{entry.question_id}", class_="question-ref")
        answer.append(ref)
        answer.append(" — Jawaban: ")
        answer.append(_tag(soup, "strong", "; ".join(entry.answers) or "(tidak ada)"))
        item.append(answer)
        if entry.explanation is not None:
            entry.explanation["class"] = "key-explanation"
            item.append(entry.explanation)
        if entry.feedback:
            listing = _tag(soup, "ul", class_="key-feedback")
            for option_letter, feedback in entry.feedback:
                line = _tag(soup, "li")
                line.append(_tag(soup, "strong", f"{option_letter}:"))
                line.append(" ")
                line.append(feedback)
                listing.append(line)
            item.append(listing)
        part.append(item)
    return part


def _link_online(soup, body, page, site_url):
    """Chapter URL under the h1; every h2 and h3 links to its online section."""
    if not site_url:
        return
    url = site_url + page.url
    prefix = scoped(page.slug, "")
    h1 = body.find("h1")
    if h1 is not None:
        line = _tag(soup, "p", "Versi daring: ", class_="online-link")
        line.append(_tag(soup, "a", url, href=url))
        h1.insert_after(line)
    for heading in body.find_all(["h2", "h3"], id=True):
        link = _tag(soup, "a", href=f"{url}#{heading['id'][len(prefix):]}", class_="online")
        for child in list(heading.children):
            link.append(child.extract())
        heading.append(link)


def render_chapter(page, site_url, slugs_by_url, first_number):
    soup = BeautifulSoup("", "html.parser")
    article = article_of(page.html_path.read_text(encoding="utf-8"))
    remove_chrome(article)
    entries = convert_quizzes(article, first_number)
    open_details(article)
    h1 = article.find("h1")
    title = heading_text(h1) if h1 else page.src
    key = _key_part(soup, page, title, entries) if entries else None
    rewriter = LinkRewriter(page, slugs_by_url, site_url)
    rewriter.apply(article)
    if key is not None:
        rewriter.apply(key)
    body = _tag(soup, "section", class_="chapter", id=page.slug)
    for child in list(article.children):
        body.append(child.extract())
    levels = ["h1"] if page.src in TOC_WITHOUT_SECTIONS else ["h1", "h2"]
    headings = [(int(h.name[1]), h["id"], heading_text(h)) for h in body.find_all(levels, id=True)]
    _link_online(soup, body, page, site_url)
    return Chapter(page=page, body=body, key=key, headings=headings, questions=len(entries))


def _toc(soup, chapters, key_headings):
    nav = _tag(soup, "nav", class_="toc")
    nav.append(_tag(soup, "h2", "Daftar Isi", class_="toc-title"))
    listing = _tag(soup, "ul")
    for level, heading_id, text in [h for c in chapters for h in c.headings] + key_headings:
        item = _tag(soup, "li", class_=f"toc-level-{level}")
        item.append(_tag(soup, "a", text, href=f"#{heading_id}"))
        listing.append(item)
    nav.append(listing)
    return nav


def _cover(soup, info):
    cover = _tag(soup, "section", class_="cover")
    cover.append(_tag(soup, "p", "Modul cetak kursus daring", class_="cover-kicker"))
    cover.append(_tag(soup, "p", info.name, class_="cover-title"))
    cover.append(_tag(soup, "p", info.description, class_="cover-subtitle"))
    facts = _tag(soup, "dl", class_="cover-facts")
    date = format_date(info.build_date, format="long", locale="id")
    for term, value in (
        ("Sumber", info.source_title),
        ("Versi", info.version),
        ("Tanggal", date),
        ("Versi daring", info.site_url),
    ):
        if value:
            facts.append(_tag(soup, "dt", term))
            facts.append(_tag(soup, "dd", value))
    cover.append(facts)
    note = _tag(soup, "p", class_="cover-note")
    note.append(
        "Nomor bagian sama dengan di situs. Setiap judul bagian bertaut ke bagian yang sama "
        "di situs; kunci jawaban uji pemahaman ada di bagian akhir modul."
    )
    cover.append(note)
    if info.copyright:
        cover.append(_tag(soup, "p", info.copyright, class_="cover-license"))
    return cover


def build_document(info):
    """The handout HTML (a string) and the number of questions in it."""
    slugs_by_url = {page.url: page.slug for page in info.pages}
    chapters, number = [], 1
    for page in info.pages:
        chapter = render_chapter(page, info.site_url, slugs_by_url, number)
        number += chapter.questions
        chapters.append(chapter)
    soup = BeautifulSoup(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"></head><body></body></html>',
        "html.parser",
    )
    head = soup.head
    head.append(_tag(soup, "title", f"{info.name} — Modul Cetak (versi {info.version})"))
    head.append(_tag(soup, "meta", name="author", content=info.author))
    head.append(_tag(soup, "meta", name="description", content=info.description))
    head.append(_tag(soup, "meta", name="dcterms.created", content=info.build_date.isoformat()))
    keys = [c.key for c in chapters if c.key is not None]
    key_headings = [(1, KEY_ID, KEY_TITLE)] if keys else []
    soup.body.append(_cover(soup, info))
    soup.body.append(_toc(soup, chapters, key_headings))
    for chapter in chapters:
        soup.body.append(chapter.body)
    if keys:
        section = _tag(soup, "section", class_="chapter answer-key", id=f"{KEY_ID}-bab")
        section.append(_tag(soup, "h1", KEY_TITLE, id=KEY_ID))
        for key in keys:
            section.append(key)
        soup.body.append(section)
    return str(soup), number - 1
