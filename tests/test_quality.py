"""Quality gates the test command runs on every page (issue 9): axe-core
finds no violation in the light or the dark palette."""

import pytest

from conftest import axe_violations, nav_pages, page_url, set_color_scheme


@pytest.mark.browser
@pytest.mark.parametrize("md_path", nav_pages())
def test_no_axe_violations_light_and_dark(guarded_page, site_url, md_path):
    guarded_page.goto(site_url + page_url(md_path))
    guarded_page.wait_for_load_state("networkidle")
    found = {}
    for scheme in ("default", "slate"):
        set_color_scheme(guarded_page, scheme)
        violations = axe_violations(guarded_page)
        if violations:
            found[scheme] = violations
    assert found == {}
