"""Turn one built page into handout content.

The article is kept; website chrome (permalinks, buttons, progress widgets,
scripts) goes; collapsed blocks are opened; ids are made unique across the
handout (``<page slug>--<id>``); links to pages in the handout point inside
the PDF, other links point to the published site.
"""

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment

# Website-only elements. Authors can add class "no-print" to anything that
# makes no sense on paper (print CSS hides it too).
CHROME = (
    "script", "style", "noscript", "button", "template", "dialog",
    ".headerlink", ".md-content__button", ".md-source-file", ".md-feedback",
    ".quiz-header-link", ".quiz-feedback", "#quiz-progress-sidebar", "#quiz-progress-mobile",
    ".quiz-progress-mobile", ".quiz-results", ".quiz-intro", ".jk-downloads", ".no-print", "[hidden]",
)
# Attributes that point at ids or only matter to scripts.
DROPPED_ATTRS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "onclick", "onsubmit", "style")
ADMONITION_TYPES = {
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure",
    "danger", "bug", "example", "quote",
}
INTERNAL_BASE = "https://handout.invalid/"


def scoped(slug, element_id):
    return f"{slug}--{element_id}"


def article_of(html):
    """The page's main content element (Material's article)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.select_one("article")
    if article is None:
        raise ValueError("halaman tanpa <article>")
    return article


def remove_chrome(article):
    for comment in article.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for selector in CHROME:
        for element in article.select(selector):
            element.decompose()
    for element in article.select("form, .md-typeset__scrollwrap, .md-typeset__table"):
        element.unwrap()
    for element in article.select("a.md-button"):
        element["class"] = [c for c in element.get("class", []) if not c.startswith("md-button")]


def open_details(article):
    """Collapsed blocks print open: <details> becomes a div, <summary> its title."""
    for details in article.find_all("details"):
        classes = details.get("class", [])
        is_admonition = bool(ADMONITION_TYPES.intersection(classes))
        details.name = "div"
        details.attrs = {"class": ["admonition" if is_admonition else "details", *classes]}
        summary = details.find("summary", recursive=False)
        if summary:
            summary.name = "p"
            summary.attrs = {"class": ["admonition-title" if is_admonition else "details-title"]}


def _split(href):
    parts = urlsplit(href)
    return parts._replace(fragment="").geturl(), parts.fragment


class LinkRewriter:
    """Rewrites ids, links and image sources of one page for the handout."""

    def __init__(self, page, slugs_by_url, site_url):
        self.page = page
        self.slugs_by_url = slugs_by_url
        self.site_url = site_url

    def site_path(self, href):
        """The site-relative path an href points to, or None when external."""
        if self.site_url and href.startswith(self.site_url):
            return href[len(self.site_url):]
        if urlsplit(href).scheme:
            return None
        resolved = urljoin(INTERNAL_BASE + self.page.url, href)
        if not resolved.startswith(INTERNAL_BASE):
            return None
        return resolved[len(INTERNAL_BASE):]

    def link(self, href):
        if href.startswith("#"):
            fragment = href[1:]
            return "#" + (scoped(self.page.slug, fragment) if fragment else self.page.slug)
        path = self.site_path(href)
        if path is None:
            return href
        path, fragment = _split(path)
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        slug = self.slugs_by_url.get(path)
        if slug is not None:
            return "#" + (scoped(slug, fragment) if fragment else slug)
        return self.site_url + path + (f"#{fragment}" if fragment else "")

    def apply(self, element):
        for tag in element.find_all(True):
            for attr in DROPPED_ATTRS:
                tag.attrs.pop(attr, None)
            if tag.get("id"):
                tag["id"] = scoped(self.page.slug, tag["id"])
            if tag.name == "a" and tag.get("href"):
                tag["href"] = self.link(tag["href"])
                if tag["href"].startswith(("http://", "https://")):
                    tag["class"] = [*tag.get("class", []), "external"]
            if tag.name == "img" and tag.get("src"):
                path = self.site_path(tag["src"])
                if path is not None:
                    tag["src"] = path
