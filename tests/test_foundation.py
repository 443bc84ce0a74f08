"""The foundation: an Indonesian Material site that builds strictly, loads every
page without errors, and never talks to another host."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, foreign_requests, load_mkdocs_config, nav_pages, page_url
from site_server import StaticServer, build_site, copy_project


def test_home_page_is_indonesian(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in html
    assert 'placeholder="Cari"' in html
    assert "Jejaring Kerja" in html


def test_footer_shows_version_and_build_date(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    version = load_mkdocs_config()["extra"]["version"]
    assert f"<span data-course-version>{version}</span>" in html
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', html)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{version}]" in changelog, "CHANGELOG.md tidak punya entri untuk versi situs"


def test_no_google_fonts_or_github_api_in_built_html(site_dir):
    for html_file in site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, html_file
        assert 'data-md-component="source"' not in text, html_file


def test_indonesian_404_page(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "Halaman tidak ditemukan" in html


@pytest.mark.browser
@pytest.mark.parametrize("md_path", nav_pages())
def test_every_nav_page_loads_cleanly(guarded_page, site_url, md_path):
    response = guarded_page.goto(site_url + page_url(md_path))
    assert response.status == 200
    guarded_page.wait_for_load_state("networkidle")
    assert guarded_page.locator("h1").count() >= 1
    assert foreign_requests(guarded_page.requests_seen) == []
    assert guarded_page.console_errors == []


@pytest.mark.browser
def test_network_check_catches_a_request_to_another_host(guarded_page, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><title>x</title>'
        '<img src="https://example.com/logo.png" alt="">',
        encoding="utf-8",
    )
    with StaticServer(tmp_path) as server:
        guarded_page.goto(server.url)
        guarded_page.wait_for_load_state("networkidle")
    assert foreign_requests(guarded_page.requests_seen) == ["https://example.com/logo.png"]


def test_broken_anchor_fails_the_strict_build(tmp_path):
    config = copy_project(tmp_path / "project")
    page = tmp_path / "project" / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[rusak](#anchor-yang-tidak-ada)\n", encoding="utf-8")
    result = build_site(tmp_path / "site", config_file=config, check=False)
    assert result.returncode != 0
    assert "anchor-yang-tidak-ada" in result.stderr


def test_workflows_pass_actionlint():
    actionlint = Path(sys.executable).parent / "actionlint"
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "tidak ada workflow"
    result = subprocess.run([str(actionlint), *workflows], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
