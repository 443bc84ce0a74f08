"""Open Graph tags for links shared in chats, and robots.txt.

Titles and descriptions come from each page's front matter (Material already
writes <meta name="description">); no image, so nothing loads from elsewhere.
"""

from html import escape
from pathlib import Path


def _description(page, config):
    return (page.meta or {}).get("description") or config.site_description or ""


def on_post_page(output, page, config, **kwargs):
    title = page.title if page.is_homepage else f"{page.title} – {config.site_name}"
    tags = {
        "og:type": "website" if page.is_homepage else "article",
        "og:site_name": config.site_name,
        "og:locale": "id_ID",
        "og:title": title,
        "og:description": _description(page, config),
    }
    if page.canonical_url:
        tags["og:url"] = page.canonical_url
    meta = "".join(
        f'<meta property="{name}" content="{escape(str(value), quote=True)}">'
        for name, value in tags.items()
    )
    meta += '<meta name="twitter:card" content="summary">'
    return output.replace("</head>", meta + "</head>", 1)


def on_post_build(config, **kwargs):
    lines = ["User-agent: *", "Allow: /"]
    if config.site_url:
        lines.append(f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
