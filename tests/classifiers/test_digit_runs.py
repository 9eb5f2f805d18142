"""The runs of digits found by a loop over the code points (``digit_runs``), and what the scanner
reads from them, against the passes of ``re`` they replaced, on seeded random remark-length
texts: digits in groups, runs of separators, full-width and zero-width characters, line ends,
IDs and mobiles, CJK context words. Each must agree everywhere, not just on the corpus."""

from __future__ import annotations

import random
import re

from classifiers.digit_runs import GROUPING, between, digit_runs, grouped
from classifiers.entities import person_name
from classifiers.fold_tables import _ASCII_SEP_RUN, _SEP_RUN
from classifiers.normalise import _JOINED, fold, fold_joined
from support.random_texts import random_texts

PIECES = [
    *"0123456789 -.\u2010\u2011\u2012\u2013\u2014\u2212\ufe63,，。\n\r\tX张号\u200b\ufeff１２\u3000\u00a0－٣",
    "身份证号",
    "联系电话",
    "补助",
    "139 1234 5678",
    "6109-2120-0410-0370-00",
    "610902194704158177",
    "13912345678",
    "6222-0212-",
    " . ",
    "..",
    "--",
]


def _texts(seed: int) -> list[str]:
    texts = list(random_texts(random.Random(seed), PIECES, 20000, 40))
    return texts + [fold(text, join_digits=False).text for text in texts[:5000]]


def test_digit_runs_equal_the_pattern() -> None:
    """Every run of ASCII digits, as ``[0-9]+`` finds them (no other script's digits: ``٣``, ``１``
    unfolded), and so the runs of 11 or more that ``person_name.find`` reads (``[0-9]{11,}``)."""
    long_runs = re.compile("[0-9]{11,}")
    for text in _texts(31):
        runs = digit_runs(text)
        assert runs == [m.span() for m in re.finditer("[0-9]+", text)], repr(text)
        assert [(s, e) for s, e in runs if e - s >= 11] == [m.span() for m in long_runs.finditer(text)], repr(text)


def test_separator_runs_between_digits_equal_the_patterns() -> None:
    """The gaps between runs of digits that hold only separators are the runs that folding drops
    (``_SEP_RUN``; ``_ASCII_SEP_RUN`` for the ASCII separators)."""
    for text in _texts(32):
        runs = digit_runs(text)
        assert between(text, runs, _JOINED) == [m.span() for m in _SEP_RUN.finditer(text)], repr(text)
        assert between(text, runs, " .-") == [m.span() for m in _ASCII_SEP_RUN.finditer(text)], repr(text)


def test_runs_of_digit_groups_equal_the_patterns() -> None:
    """The runs of digit groups the scanner's windows read, each as its runs of digits: those of the
    pattern ``_windows`` searched (a run of digits first, taken whole) and of the backtracking one
    before it, each split by ``[0-9]+``; their class of separators is ``GROUPING``, what folding
    drops between digits."""
    grouping = "[" + re.escape(GROUPING) + "]"
    searched = re.compile(rf"[0-9](?<![0-9]{{2}})[0-9]*+(?:{grouping}+[0-9]+)+")
    backtracking = re.compile(rf"[0-9]+(?:{grouping}+[0-9]+)+")
    digits = re.compile("[0-9]+")
    for text in _texts(33):
        want = [[m.span() for m in digits.finditer(text, *run.span())] for run in searched.finditer(text)]
        assert grouped(text, digit_runs(text)) == want, repr(text)
        assert want == [[m.span() for m in digits.finditer(text, *run.span())] for run in backtracking.finditer(text)]


# Remarks as the scan reads them: names after labels and beside numbers, IDs, legacy numbers and
# mobiles, grouped or not, so that ``person_name.find`` reaches the passes that read the long runs.
REMARK_PIECES = [
    *PIECES,
    "户主",
    "联系人孙霞，",
    "监护人许娜，身份证号",
    "李娜",
    "，男，",
    "（配偶）",
    "610902470415817",
    "15813902410",
    "3201 0219 4612 2647 38",
    "现住安康市平利县恒口镇兴安路102号",
]


def test_runs_handed_on_equal_the_runs_each_pass_finds() -> None:
    """The scan finds the runs of digits of its plain fold once and hands them to ``person_name.find``
    and ``fold_joined`` (and its windows): each must give what it gave finding them itself."""
    for text in random_texts(random.Random(34), REMARK_PIECES, 6000, 30):
        plain = fold(text, join_digits=False)
        runs = digit_runs(plain.text)
        assert person_name.find(plain.text, runs) == person_name.find(plain.text), repr(text)
        assert fold_joined(plain, text, runs) == fold_joined(plain, text), repr(text)
