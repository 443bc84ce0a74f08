"""Panduan Fasilitator in or out of the trainees' navigation.

Setting: `extra.panduan_fasilitator_di_nav` in mkdocs.yml (environment
variable FASILITATOR_DI_NAV, default true). When false, the guide's nav
section is dropped once MkDocs has built the nav (its omitted-files check has
already run, so the strict build stays green), previous/next links skip its
pages and search leaves them out. The pages are still built: instructors
reach them at /fasilitator/. The guide is never numbered
(hooks/section_numbers.py numbers only the "Materi" section), so the
trainees' section numbers do not move either way.
"""

FOLDER = "fasilitator/"
SETTING = "panduan_fasilitator_di_nav"


def _shown(config):
    return config.extra.get(SETTING, True) is not False


def _is_guide(item):
    if item.is_page:
        return item.file.src_uri.startswith(FOLDER)
    return bool(item.children) and all(_is_guide(child) for child in item.children)


def on_nav(nav, config, files):
    if _shown(config):
        return nav
    nav.items = [item for item in nav.items if not _is_guide(item)]
    nav.pages = [page for page in nav.pages if not _is_guide(page)]
    for before, after in zip(nav.pages, nav.pages[1:]):
        before.next_page, after.previous_page = after, before
    if nav.pages:
        nav.pages[0].previous_page = None
        nav.pages[-1].next_page = None
    return nav


def on_page_markdown(markdown, page, config, files):
    if not _shown(config) and page.file.src_uri.startswith(FOLDER):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown
