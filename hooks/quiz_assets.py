"""Move mkdocs-quiz's inline CSS/JS into shared, cacheable, minified files.

mkdocs-quiz appends to EVERY page its whole stylesheet, quiz.js, a
translation table, a config object and the progress-sidebar markup (about
60 KB, uncacheable; upstream has no option to load them as files). After the
page is rendered, this hook:

- on a page without quizzes, removes all of it (0 quiz bytes);
- on a page with quizzes, replaces the stylesheet and scripts by two files,
  assets/quiz/quiz.<hash>.min.css and quiz.<hash>.min.js, linked from <head>.
  The JS file holds the translations and quiz.js (with hooks/quiz_patches.py
  applied); the CSS file holds quiz.css and our
  overrides/assets/quiz/quiz-extra.css. Only the small config object stays
  inline. The feedback box becomes a live region (see LIVE_FEEDBACK).

The file names follow their content, so pages in another language (another
translation table) simply get another file.
"""

import re

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from mkdocs_quiz import plugin as quiz_plugin

from course_outline import project_root_of
from quiz_bundle import drop_sources, hashed_asset, read_source, write_assets
from quiz_patches import patch_quiz_js

QUIZ_MARKUP = re.compile(r'<div class="quiz[ "]|<div id="quiz-results"')
TRANSLATIONS = re.compile(
    r'<script type="text/javascript">\s*window\.mkdocsQuizTranslations = (?P<json>\{.*?\});\s*</script>', re.S
)
CONFIG = re.compile(r'<script type="text/javascript">\s*window\.mkdocsQuizConfig = \{.*?\};\s*</script>', re.S)
SIDEBAR = re.compile(r'<div id="quiz-progress-sidebar".*?<nav id="quiz-progress-mobile".*?</nav>', re.S)
FEEDBACK = '<div class="quiz-feedback hidden">'
# The feedback box becomes a polite live region (it stays in the layout while
# empty, see quiz-extra.css), so screen readers announce the verdict.
LIVE_FEEDBACK = '<div class="quiz-feedback hidden" role="status" aria-live="polite">'
# A <div> may carry aria-label only with a role (vnu); the sidebar is a group.
SIDEBAR_OPEN = '<div id="quiz-progress-sidebar" aria-label='
SIDEBAR_OPEN_WITH_ROLE = '<div id="quiz-progress-sidebar" role="group" aria-label='

_state = {}


def on_config(config):
    root = project_root_of(config)
    _state.update(
        js=patch_quiz_js(quiz_plugin.js_content),
        css=quiz_plugin.style_content + "\n" + read_source(root, "quiz-extra.css"),
        assets={},
    )
    return config


def on_files(files, config):
    return drop_sources(files)


def _inline_assets():
    return [quiz_plugin.style, quiz_plugin.js_script, quiz_plugin.confetti_lib_script]


def strip_quiz_assets(html, *, keep_sidebar=False):
    """The page without the inline styles and scripts mkdocs-quiz added (and
    without its progress sidebar, unless ``keep_sidebar``)."""
    for snippet in _inline_assets():
        if snippet:
            html = html.replace(snippet, "")
    for pattern in (TRANSLATIONS, CONFIG) if keep_sidebar else (TRANSLATIONS, CONFIG, SIDEBAR):
        html = pattern.sub("", html)
    return html


@event_priority(-50)
def on_post_page(output, page, config):
    if quiz_plugin.js_script not in output:
        return output  # quiz plugin off for this page
    if not QUIZ_MARKUP.search(output):
        return strip_quiz_assets(output)

    translations = TRANSLATIONS.search(output)
    js_text = f"window.mkdocsQuizTranslations={translations.group('json')};\n" + _state["js"]
    config_script = re.sub(r"\s+", " ", CONFIG.search(output).group(0))
    js_path, js_data = hashed_asset("quiz", "js", js_text)
    css_path, css_data = hashed_asset("quiz", "css", _state["css"])
    _state["assets"].update({js_path: js_data, css_path: css_data})

    output = strip_quiz_assets(output, keep_sidebar=True)
    # Put the (small) config back so it runs before the deferred bundle.
    output = output.replace("</head>", _head_links(page, css_path, js_path, config_script) + "</head>", 1)
    return output.replace(FEEDBACK, LIVE_FEEDBACK).replace(SIDEBAR_OPEN, SIDEBAR_OPEN_WITH_ROLE, 1)


def _head_links(page, css_path, js_path, config_script):
    css_url = get_relative_url(css_path, page.url)
    js_url = get_relative_url(js_path, page.url)
    return (
        f'<link rel="stylesheet" href="{css_url}">'
        f"{config_script}"
        f'<script src="{js_url}" defer></script>'
    )


def on_post_build(config):
    write_assets(config.site_dir, _state.get("assets", {}))
