"""Shared fixtures: one strict build per test run, served on 127.0.0.1, and
Debian's Chromium for Playwright (never a downloaded browser)."""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from site_server import (  # noqa: F401  (re-exported for test modules)
    ROOT,
    StaticServer,
    build_site,
    free_port,
    load_mkdocs_config,
    nav_pages,
    page_url,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site_port():
    return free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, site_port):
    """The course, built once per test run with --strict."""
    directory = tmp_path_factory.mktemp("site")
    build_site(directory, site_url=f"http://127.0.0.1:{site_port}/")
    return directory


@pytest.fixture(scope="session")
def site_url(site_dir, site_port):
    with StaticServer(site_dir, port=site_port) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def foreign_requests(urls):
    """The URLs among ``urls`` that go to a host other than 127.0.0.1."""
    foreign = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about", "chrome-extension"):
            continue
        if parsed.hostname != "127.0.0.1":
            foreign.append(url)
    return foreign


@pytest.fixture
def guarded_page(page):
    """A Playwright page that records every request and console error and
    blocks (but records) any request to another host."""
    page.requests_seen = []
    page.console_errors = []

    def route(route_obj):
        page.requests_seen.append(route_obj.request.url)
        if foreign_requests([route_obj.request.url]):
            route_obj.abort()
        else:
            route_obj.continue_()

    page.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda err: page.console_errors.append(str(err)))
    return page


AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page):
    """Run axe-core (from npm, installed by `make setup`) on the page; return
    its violations as ``[(rule id, [css targets...]), ...]``."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    # Colours measured mid-transition (Material fades its header title and
    # nav links) give false contrast failures: let running animations end.
    page.evaluate(
        "() => Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => {}))),"
        " new Promise(done => setTimeout(done, 2000))])"
    )
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result]


def set_color_scheme(page, scheme):
    """Switch Material's palette ("default" light or "slate" dark) on the open page."""
    page.evaluate(
        "scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme
    )
    page.wait_for_timeout(400)  # let Material's colour transitions finish before measuring
