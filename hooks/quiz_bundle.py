"""Minified, content-hashed asset files for the quiz hooks.

Not a hook itself: quiz_assets.py and quiz_progress.py import it. Our own
sources live in overrides/assets/quiz/; they are bundled, never copied as is
(see ``drop_sources``).
"""

import functools
import hashlib
from pathlib import Path

import rcssmin
import rjsmin

ASSET_DIR = "assets/quiz"
SOURCE_DIR = Path("overrides") / ASSET_DIR

_MINIFIERS = {"js": rjsmin.jsmin, "css": rcssmin.cssmin}


def read_source(project_root, name):
    """Text of one of our sources in overrides/assets/quiz/."""
    return (Path(project_root) / SOURCE_DIR / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=16)  # every quiz page asks for the same few files
def hashed_asset(stem, kind, text):
    """Minify ``text`` and return (site-relative path, bytes) named by its hash,
    e.g. ("assets/quiz/quiz.3f2a9c1b.min.js", b"...")."""
    data = _MINIFIERS[kind](text).encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{ASSET_DIR}/{stem}.{digest}.min.{kind}", data


def write_assets(site_dir, assets):
    """Write {site-relative path: bytes} below the built site."""
    for relative, data in assets.items():
        target = Path(site_dir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def drop_sources(files):
    """Remove our unbundled sources (theme files under assets/quiz/) from the build."""
    for file in list(files):
        if file.src_uri.startswith(ASSET_DIR + "/") and not file.is_documentation_page():
            files.remove(file)
    return files
