"""The few changes we make to mkdocs-quiz 1.7.1's quiz.js while bundling it.

Not a hook itself: quiz_assets.py applies them. Each patch replaces one exact
piece of upstream code; if an upgrade changes that code, the build stops and
says which patch no longer applies, so nobody ships an unpatched quiz.js
unknowingly. Everything else (live region, colours) is our own CSS/JS in
overrides/assets/quiz/.
"""

from mkdocs.exceptions import PluginError

PATCHES = (
    (
        # Reset-all ("Atur ulang" in the progress sidebar, results block) walks
        # every quiz's <fieldset>; fill-in quizzes have none, so it threw a
        # TypeError and stopped. Each quiz already has its own reset button
        # whose handler clears both kinds of quiz: use it.
        "reset-all pada soal isian",
        'const form = quiz.querySelector("form");',
        'const ownReset = quiz.querySelector(".quiz-reset-button");\n'
        "        if (ownReset) return ownReset.click();\n"
        '        const form = quiz.querySelector("form");',
    ),
    (
        # Hard-coded English; the restore path already translates it.
        "teks (empty)",
        '(userAnswer || "(empty)")',
        '(userAnswer || t("(empty)"))',
    ),
    (
        # Storage warnings: not in mkdocs-quiz's translation catalogue.
        "peringatan penyimpanan penuh",
        '"Quiz progress is too large to save"',
        '"Kemajuan kuis terlalu besar untuk disimpan"',
    ),
    (
        "peringatan penyimpanan tidak tersedia",
        '"Unable to save quiz progress. Your browser may have storage disabled or quota exceeded."',
        '"Kemajuan kuis tidak dapat disimpan. Penyimpanan peramban mungkin dimatikan atau penuh."',
    ),
    (
        # navigation.instant is off (mkdocs.yml). Loaded as a deferred file,
        # quiz.js runs after Material has defined document$, whose subscription
        # replays the current page at once: the quizzes would be set up twice
        # (two "Coba lagi" buttons each). Never subscribe.
        "penyiapan ganda lewat document$",
        'if (typeof document$ !== "undefined") {',
        "if (false) { // jejaring-kerja: no instant navigation, set up once",
    ),
)


def patch_quiz_js(source):
    """Return quiz.js with PATCHES applied; fail if one does not fit exactly once."""
    for name, old, new in PATCHES:
        count = source.count(old)
        if count != 1:
            raise PluginError(
                f"hooks/quiz_patches.py: tambalan '{name}' tidak cocok dengan quiz.js "
                f"mkdocs-quiz (ditemukan {count} kali, seharusnya 1). Periksa versi mkdocs-quiz."
            )
        source = source.replace(old, new)
    return source
