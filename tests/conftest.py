"""Shared fixtures: one strict build per test run, served on 127.0.0.1, and
Debian's Chromium for Playwright (never a downloaded browser)."""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from site_server import ROOT, StaticServer, build_site, free_port

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


def load_mkdocs_config():
    """mkdocs.yml as data (the !ENV tags resolved to their defaults)."""

    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader, node):
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        return values[-1] if len(values) > 1 else None

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def nav_pages(nav=None):
    """Every Markdown file in the nav, in nav order."""
    if nav is None:
        nav = load_mkdocs_config()["nav"]
    pages = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            pages += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def page_url(md_path):
    """Site-relative URL of a Markdown page (use_directory_urls)."""
    stem = md_path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


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
