"""Indonesian spell check with hunspell (Debian's hunspell-id) and the
reviewed project word list (tests/spelling/wordlist.txt).

Run directly to list every unknown word of the course:
    .venv/bin/python tests/spelling/speller.py
"""

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDLIST = HERE / "wordlist.txt"
DICTIONARY = "id_ID"


@dataclass(frozen=True)
class Misspelling:
    path: str
    line: int
    word: str
    suggestions: tuple

    def message(self):
        hint = f" (saran: {', '.join(self.suggestions[:3])})" if self.suggestions else ""
        return f'{self.path}:{self.line}: kata tidak dikenal "{self.word}"{hint}'


def load_wordlist(path=WORDLIST):
    """The project's words: one a line, '#' starts a comment."""
    words = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def _listed(word, words):
    return word in words or (word[:1].lower() + word[1:]) in words


def _mask_listed_tokens(text, words):
    """Remove listed words hunspell would split (O'Brien) before it sees them."""
    for word in (w for w in words if re.search(r"[^\w-]", w)):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text)
    return text


def run_hunspell(texts, words=()):
    """hunspell's pipe-mode verdicts for each text: [(word, suggestions), ...] per text.

    ``words`` go in as a personal dictionary, so hunspell spends no time
    looking for suggestions for them."""
    payload = "".join("^" + " ".join(text.split()) + "\n" for text in texts)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic") as personal:
        personal.write("\n".join(sorted(words)) + "\n")
        personal.flush()
        result = subprocess.run(
            ["hunspell", "-d", DICTIONARY, "-p", personal.name, "-a", "-i", "utf-8"],
            input=payload, capture_output=True, text=True, encoding="utf-8", check=True,
        )
    blocks = result.stdout.split("\n")[1:]  # first line: version banner
    verdicts, current = [], []
    for line in blocks:
        if line == "":
            verdicts.append(current)
            current = []
        elif line[0] in "&#":
            head, _, tail = line.partition(":")
            word = head.split()[1]
            current.append((word, tuple(s.strip() for s in tail.split(",") if s.strip())))
    return verdicts[: len(texts)]


def check(prose_lines, wordlist=None):
    """Misspellings in ``prose_lines`` (ProseLine objects) not in the word list."""
    words = set(load_wordlist() if wordlist is None else wordlist)
    lines = [line for line in prose_lines if line.text.strip()]
    texts = [_mask_listed_tokens(line.text.replace("\u2019", "'"), words) for line in lines]
    verdicts = run_hunspell(texts, words)
    if len(verdicts) != len(lines):
        raise RuntimeError("keluaran hunspell tidak sejajar dengan baris masukan")
    found = []
    for line, misses in zip(lines, verdicts):
        for word, suggestions in misses:
            if not _listed(word, words):
                found.append(Misspelling(line.path, line.line, word, suggestions))
    return found


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    from prose import course_prose

    misses = check(course_prose(HERE.parent.parent))
    for miss in misses:
        print(miss.message())
    print(f"{len(misses)} kata tidak dikenal; kata unik: {len({m.word for m in misses})}")
    sys.exit(1 if misses else 0)
