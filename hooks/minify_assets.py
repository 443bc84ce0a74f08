"""Minify our own scripts and stylesheets (overrides/assets/, docs/assets/).

Every page loads a few of them (copy-link.js, permalink.css, site.css, ...),
so on a phone with a weak signal each byte counts. Files that are already
minified (``*.min.js``, ``*.min.css``) and the theme's own files are left as
they are. The sources in the repository stay readable.
"""

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from course_outline import project_root_of

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
OUR_FOLDERS = ("overrides", "docs")


def is_ours(file, project_root):
    path = Path(file.abs_src_path or "").resolve()
    return any(path.is_relative_to(project_root / folder) for folder in OUR_FOLDERS)


def needs_minifying(file, project_root):
    name = file.src_uri.rsplit("/", 1)[-1]
    return (
        file.abs_src_path is not None
        and Path(name).suffix in MINIFIERS
        and ".min." not in name
        and is_ours(file, project_root)
    )


@event_priority(-100)  # after the hooks that add or drop asset files
def on_files(files, config):
    project_root = project_root_of(config)
    for file in [f for f in files if needs_minifying(f, project_root)]:
        minify = MINIFIERS[Path(file.src_uri).suffix]
        content = minify(Path(file.abs_src_path).read_text(encoding="utf-8"))
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=content))
    return files
