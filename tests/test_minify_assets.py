"""Our own scripts and stylesheets reach readers minified; the sources in the
repository stay readable, and the minified files still work (the browser
tests of copy-link, glossary tooltips, TKP and search use them)."""

import pytest

from site_server import ROOT

# overrides/assets/quiz/ is bundled into hashed, minified files by
# hooks/quiz_assets.py and quiz_progress.py instead.
SOURCES = sorted(
    path
    for folder in ("overrides/assets", "docs/assets")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in {".js", ".css"} and ".min." not in path.name and path.parent.name != "quiz"
)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_built_asset_is_minified(site_dir, source):
    relative = source.relative_to(ROOT).as_posix()
    built = site_dir / relative.split("/", 1)[1]
    text = built.read_text(encoding="utf-8")
    assert len(text) < len(source.read_text(encoding="utf-8"))
    assert "/*" not in text.replace("/*!", "")  # no comments left
    assert "\n  " not in text  # no indentation left
