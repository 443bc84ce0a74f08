"""Build the course into a folder and serve it on 127.0.0.1 (used by tests and scripts)."""

import http.server
import os
import socket
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from gzip_server import BackgroundServer  # noqa: E402
from handout.source import nav_sources, page_url as built_page_url  # noqa: E402


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(site_dir, *, config_file=None, site_url=None, extra_env=None, check=True):
    """Run ``mkdocs build --strict`` and return the CompletedProcess."""
    # Silence the end-of-life notices of Material and of properdocs (via mkdocs-redirects).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    if site_url:
        env["SITE_URL"] = site_url
    env.update(extra_env or {})
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config_file:
        command += ["--config-file", str(config_file)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"mkdocs build gagal:\n{result.stderr}")
    return result


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer(BackgroundServer):
    """A plain static file server (no gzip, no cache headers) for a built
    site on a free loopback port."""

    def __init__(self, directory, port=None):
        super().__init__(directory, QuietHandler, port or 0)


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "source", "data")


def copy_project(destination):
    """Copy what a build reads into ``destination`` (for tests that break a copy)."""
    import shutil

    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination / "mkdocs.yml"


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
    return nav_sources(load_mkdocs_config()["nav"] if nav is None else nav)


def page_url(md_path):
    """Site-relative URL of a Markdown page (use_directory_urls)."""
    return built_page_url(md_path)
