"""Add one of our asset files to a finished page (not a hook itself).

Hooks that load a script or stylesheet only on the pages that need it
(glossary, TKP, tables) call these from their ``on_post_page``.
"""

from mkdocs.utils import get_relative_url


def add_stylesheet(output, page, path):
    """``output`` with a <link> to the site file ``path`` at the end of <head>."""
    href = get_relative_url(path, page.url)
    return output.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)


def add_deferred_script(output, page, path):
    """``output`` with a deferred <script> of the site file ``path`` before </body>."""
    src = get_relative_url(path, page.url)
    return output.replace("</body>", f'<script src="{src}" defer></script>\n</body>', 1)
