"""Tables arrive wrapped for sideways scrolling from the build
(hooks/prewrapped_tables.py), look exactly like Material's own, and are not
moved again by Material's script (which cost phones a long task)."""

import sys

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from site_server import ROOT, nav_pages, page_url

sys.path.insert(0, str(ROOT / "hooks"))
import prewrapped_tables  # noqa: E402

# Computed styles that make a Material table look like one.
STYLE_PROPERTIES = [
    "display", "fontSize", "borderTopWidth", "borderTopStyle", "borderRadius", "backgroundColor",
]
CELL_PROPERTIES = ["paddingTop", "paddingLeft", "borderTopWidth", "verticalAlign", "textAlign"]


@pytest.mark.parametrize("md_path", nav_pages())
def test_every_table_is_wrapped_by_the_build(site_dir, md_path):
    soup = BeautifulSoup((site_dir / page_url(md_path) / "index.html").read_text(encoding="utf-8"), "html.parser")
    tables = soup.select("article table")
    for table in tables:
        assert table.get("class") == ["prewrapped"], md_path
        assert "md-typeset__table" in table.parent["class"]
        assert "md-typeset__scrollwrap" in table.parent.parent["class"]
    linked = any("assets/stylesheets/tables.css" in link["href"] for link in soup.select("head link[rel=stylesheet]"))
    assert linked == bool(tables), md_path


def test_table_rules_follow_materials_selector():
    css = (
        ".md-typeset table:not([class]){font-size:.64rem}a{color:red}"
        "@media print{.md-typeset table:not([class]){display:table}p{margin:0}}"
        ".x,.md-typeset table:not([class]) td{padding:1em}"
    )
    assert prewrapped_tables.table_rules(css) == (
        ".md-typeset table.prewrapped{font-size:.64rem}"
        "@media print{.md-typeset table.prewrapped{display:table}}"
        ".md-typeset table.prewrapped td{padding:1em}"
    )


def test_build_stops_when_material_no_longer_styles_plain_tables(tmp_path):
    class FakeFile:
        src_uri = "assets/stylesheets/main.0123abcd.min.css"
        content_string = ".md-typeset table{font-size:.64rem}"

    with pytest.raises(PluginError, match="tidak lagi menata tabel"):
        prewrapped_tables.on_files([FakeFile()], config={})


@pytest.mark.browser
@pytest.mark.parametrize("page_path", ["peta-materi/", "pengertian/", "latihan-tkp/", "kemajuan-belajar/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tables_look_like_materials_and_are_not_wrapped_twice(guarded_page, site_url, page_path, scheme):
    from conftest import set_color_scheme

    guarded_page.goto(site_url + page_path)
    set_color_scheme(guarded_page, scheme)
    result = guarded_page.evaluate(
        """([tableProps, cellProps]) => {
            const pick = (el, props) => Object.fromEntries(props.map(p => [p, getComputedStyle(el)[p]]));
            const ours = document.querySelector('article table.prewrapped');
            // A plain table added now is styled by Material's own rules.
            const stock = document.createElement('table');
            stock.innerHTML = '<tbody><tr><td>x</td></tr></tbody>';
            ours.closest('.md-typeset__table').append(stock);
            const out = {
                nested: document.querySelectorAll('.md-typeset__table .md-typeset__table').length,
                unwrapped: [...document.querySelectorAll('article table')]
                    .filter(t => t !== stock && !t.parentElement.classList.contains('md-typeset__table')).length,
                ours: pick(ours, tableProps), stock: pick(stock, tableProps),
                ourCell: pick(ours.querySelector('td:not([style]):not([align])'), cellProps), stockCell: pick(stock.querySelector('td'), cellProps),
            };
            stock.remove();
            return out;
        }""",
        [STYLE_PROPERTIES, CELL_PROPERTIES],
    )
    assert result["nested"] == 0
    assert result["unwrapped"] == 0
    assert result["ours"] == result["stock"]
    assert result["ourCell"] == result["stockCell"]
    assert float(result["ourCell"]["borderTopWidth"].removesuffix("px")) > 0
    assert guarded_page.console_errors == []
