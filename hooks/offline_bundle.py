"""The offline bundle build (OFFLINE=true, see `make offline`).

Material's ``offline`` plugin makes a site that works from ``file://`` but
lists the iframe-worker shim (search without a web server) from unpkg.com,
which a reader without internet cannot load. This hook puts a local copy of
the shim, from the npm package ``iframe-worker`` (package.json, installed by
``npm ci``), into the bundle and lists it under ``extra.polyfills`` first,
so the plugin adds no remote one. It also sets ``extra.offline_bundle`` for
the templates. Does nothing in the normal build.
"""

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course_outline import project_root_of

OFFLINE_PLUGIN = "material/offline"
SHIM_SOURCE = ("node_modules", "iframe-worker", "shim", "index.js")
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def offline_enabled(config):
    plugin = config.plugins.get(OFFLINE_PLUGIN) or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def shim_path(config):
    return project_root_of(config).joinpath(*SHIM_SOURCE)


@event_priority(100)  # before the offline plugin, which adds unpkg.com when no shim is listed
def on_config(config):
    config.extra["offline_bundle"] = offline_enabled(config)
    if not config.extra["offline_bundle"]:
        return config
    if not shim_path(config).is_file():
        raise PluginError(
            f"{'/'.join(SHIM_SOURCE)} tidak ada: paket luring butuh paket npm iframe-worker. "
            "Jalankan `make setup` (npm ci), lalu ulangi."
        )
    config.extra["polyfills"] = [SHIM_TARGET, *config.extra.get("polyfills", [])]
    return config


def on_post_build(config):
    if not config.extra.get("offline_bundle"):
        return
    target = Path(config.site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim_path(config), target)
