"""mkdocs-quiz questions as printed questions, with an answer key for the end.

On the website a question is a form (radio buttons or checkboxes, a Submit
button; answers, per-option feedback and the explanation hidden until the
reader answers). In the handout it becomes "Soal N" with options A, B, C...
and its answer, the feedback on the other options and the explanation go to
the answer key. The answers are in the HTML: ``data-correct="true"`` on the
right options, ``data-answer`` on fill-in blanks.
"""

import copy
import string
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

BLANK = "__________"


def letter(position):
    return string.ascii_uppercase[position]


@dataclass
class Option:
    letter: str
    label: object  # Tag
    correct: bool
    feedback: object = None  # Tag or None


@dataclass
class KeyEntry:
    number: int
    question_id: str  # id of the printed question (scoped later with the page)
    answers: list  # texts like "B. Rasa saling percaya" or "kepercayaan"
    feedback: list = field(default_factory=list)  # (letter, Tag)
    explanation: object = None  # Tag or None


def _contents(tag, soup, name="div", css_class=None):
    """A new element holding a copy of ``tag``'s children."""
    holder = soup.new_tag(name)
    if css_class:
        holder["class"] = css_class
    for child in list(tag.children):
        holder.append(copy.copy(child))
    return holder


def _options(quiz):
    options = []
    for position, input_tag in enumerate(quiz.select("fieldset input[type=radio], fieldset input[type=checkbox]")):
        wrapper = input_tag.parent
        label = wrapper.find("label")
        feedback = wrapper.select_one(".answer-feedback")
        options.append(
            Option(
                letter=letter(position),
                label=label,
                correct=input_tag.get("data-correct") == "true",
                feedback=feedback if feedback and feedback.get_text(strip=True) else None,
            )
        )
    return options


def _printed_question(quiz, soup, number, options, multiple):
    block = soup.new_tag("div", attrs={"class": "question", "id": quiz["id"]})
    head = soup.new_tag("p", attrs={"class": "question-number"})
    head.string = f"Soal {number}"
    block.append(head)
    question = quiz.select_one(".quiz-question")
    if question is not None:
        for blank in question.select("input.quiz-blank-input"):
            blank.replace_with(BLANK)
        block.append(_contents(question, soup, css_class="question-text"))
    if multiple:
        hint = soup.new_tag("p", attrs={"class": "question-hint"})
        hint.string = "(Pilih semua jawaban yang benar.)"
        block.append(hint)
    if options:
        listing = soup.new_tag("ol", attrs={"class": "options"})
        for option in options:
            item = soup.new_tag("li")
            mark = soup.new_tag("span", attrs={"class": "option-letter"})
            mark.string = f"{option.letter}."
            item.append(mark)
            item.append(" ")
            item.append(_contents(option.label, soup, name="span") if option.label else "")
            listing.append(item)
        block.append(listing)
    ref = soup.new_tag("p", attrs={"class": "key-ref"})
    link = soup.new_tag("a", attrs={"href": f"#kunci-{number}"})
    link.string = "Kunci jawaban"
    ref.append(link)
    block.append(ref)
    return block


def _split_fill_in(quiz, soup):
    """mkdocs-quiz puts a fill-in's explanation inside .quiz-question: move the
    blocks after the last blank into the (empty) explanation section."""
    question = quiz.select_one(".quiz-question")
    blanks = question.select("input.quiz-blank-input") if question is not None else []
    if not blanks:
        return
    last_block = blanks[-1]
    while last_block.parent is not question:
        last_block = last_block.parent
    explanation = quiz.select_one("section.content") or soup.new_tag("section", attrs={"class": "content"})
    for block in list(last_block.find_next_siblings()):
        explanation.append(block.extract())
    if explanation.parent is None:
        quiz.append(explanation)


def convert_quizzes(article, first_number):
    """Replace every quiz in ``article``; return its key entries in order."""
    soup = BeautifulSoup("", "html.parser")
    entries = []
    for offset, quiz in enumerate(article.select("div.quiz")):
        number = first_number + offset
        _split_fill_in(quiz, soup)
        options = _options(quiz)
        blanks = [blank.get("data-answer", "") for blank in quiz.select("input.quiz-blank-input")]
        multiple = bool(quiz.select("fieldset input[type=checkbox]"))
        answers = [
            f"{option.letter}. {' '.join(option.label.get_text().split()) if option.label else ''}"
            for option in options
            if option.correct
        ] + blanks
        explanation = quiz.select_one("section.content")
        entries.append(
            KeyEntry(
                number=number,
                question_id=quiz["id"],
                answers=answers,
                feedback=[(o.letter, _contents(o.feedback, soup, name="span")) for o in options if o.feedback],
                explanation=_contents(explanation, soup) if explanation and explanation.get_text(strip=True) else None,
            )
        )
        quiz.replace_with(_printed_question(quiz, soup, number, options, multiple))
    return entries
