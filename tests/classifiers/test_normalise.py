import random
import re
import unicodedata

import pytest

from classifiers.fold_tables import _ASCII_SEP_RUN, _INVISIBLE, _INVISIBLE_RE, _SEP_RUN, _nfkc, class_of
from classifiers.normalise import _fold_one_to_one, _join_runs, fold, needs_folding
from classifiers.scanner import Scanner
from support.random_texts import random_texts
from support.synth_people import make_id

from .test_fastpath_shortcuts import _reference_fold

ID = make_id()
FULL_WIDTH_ID = ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))


def test_ascii_fast_path_is_identity() -> None:
    folded = fold("plain ascii 12 ab")
    assert folded.offsets is None and folded.text == "plain ascii 12 ab"
    assert not needs_folding("caseNo AK2024 amount 580")


@pytest.mark.parametrize(
    "original",
    [
        f"证号{FULL_WIDTH_ID}。",
        f"证号{ID[:6]}\u200b{ID[6:14]}\u200d{ID[14:]}",
        f"证号{ID[:6]} {ID[6:14]} {ID[14:]}",
        f"证号{ID[:6]}-{ID[6:14]}-{ID[14:]}",
        f"证号{ID[:6]}.{ID[6:]}",
        f"证号{ID[:6]}\u3000{ID[6:]}",
        f"证号\ufeff{ID[:3]}\u00ad{ID[3:]}",
        f"证号{'٠١٢٣٤٥٦٧٨٩'[int(ID[0])]}{ID[1:]}",  # an Arabic-Indic digit
        f"证号{ID[:9]}\ufe0f{ID[9:]}",  # a variation selector between digits
    ],
)
def test_evasions_are_caught_and_map_back_exactly(original: str) -> None:
    matches = Scanner().scan(original)
    assert [m.entity for m in matches] == ["RESIDENT_ID"]
    span = original[matches[0].start : matches[0].end]
    # The span covers exactly the disguised number in the original, nothing around it.
    assert span[0] in (ID[0], FULL_WIDTH_ID[0], "٠١٢٣٤٥٦٧٨٩"[int(ID[0])]) and not span.startswith("号")
    assert span[-1] in (ID[-1], FULL_WIDTH_ID[-1])
    assert original[: matches[0].start] in ("证号", "证号\ufeff")


def test_offsets_for_multi_char_folds() -> None:
    folded = fold("㈱１２")  # ㈱ folds to three characters "(株)"
    assert folded.text == "(株)12"
    assert folded.span(3, 5) == (1, 3)
    assert folded.span(0, 3) == (0, 1)


def test_separators_outside_digit_runs_stay() -> None:
    assert fold("a - b 1 x").text == "a - b 1 x"
    assert fold("１ - ２").text == "12"


def test_separated_numbers_stay_separate() -> None:
    # Joining the space would make a 29-digit run; the plain pass still sees both.
    text = f"{ID} 13912345678"
    assert [m.entity for m in Scanner().scan(text)] == ["RESIDENT_ID", "MOBILE"]


@pytest.mark.parametrize(
    ("original", "number"),
    [
        (f"/search?q=%22{ID}%22&page=1", ID),
        ("/x?q=tel%2013912345678", "13912345678"),
        ("139%201234%205678", "139%201234%205678"),
    ],
)
def test_percent_escapes_beside_digits_are_boundaries(original: str, number: str) -> None:
    """A URL's escape beside a number ran its hex digits into it ("%2261090…" is 20 digits)."""
    (match,) = Scanner().scan(original)
    assert original[match.start : match.end] == number


def test_percent_escapes_elsewhere_change_nothing() -> None:
    assert fold("a%20b and 50%").text == "a%20b and 50%"


@pytest.mark.parametrize("x", ["\u00d7", "\u0445", "\u03c7", "\u0425"])
def test_letters_that_pass_for_the_check_character_x(x: str) -> None:
    number = next(n for n in (make_id(seq=f"{i:03d}") for i in range(1000)) if n.endswith("X"))
    (match,) = Scanner().scan(f"证号{number[:-1]}{x}")
    assert match.entity == "RESIDENT_ID" and match.end == len(number) + 2


def _one_to_one_reference(text: str) -> str | None:
    """``_fold_one_to_one`` as its definition says: every character folded by itself, None
    when one renders as nothing or folds into several."""
    out: list[str] = []
    for char in text:
        if char.isascii() or "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff":
            out.append(char)
            continue
        folded = _nfkc(char)
        if len(folded) != 1 or char in _INVISIBLE:
            return None
        out.append(folded)
    return "".join(out)


def test_one_to_one_fold_equals_per_character_reference() -> None:
    """The punctuation replaced by C-level passes, the rest checked by one search: the same
    fold as character by character, on remark-length mixes of what is replaced, what folds to
    itself, and what must take the long way (full-width digits and letters, half-width kana,
    zero-width and combining characters, variation selectors, lone surrogates, other scripts'
    digits, folds into several characters)."""
    r = random.Random(9)
    pieces = [
        *"0123456789 -,.:ab张号住",
        *"，：；（）！？\u3000、。《》「」【】·—“”‘’",
        *"１Ｘａ／＿ｱ\u00a0\u200b\ufeff\u00ad\u0301\u20e3\ufe0f\ud800\udfff٣×Χ…㎏\ufb01①",
    ]
    for text in random_texts(r, pieces, 20000, 70):
        assert _fold_one_to_one(text) == _one_to_one_reference(text), repr(text)
    remark = "联系人孙霞，身份证号（见附件）：320102201907109527；补助624元！\u3000是否复核？已核。"
    assert _fold_one_to_one(remark) == unicodedata.normalize("NFKC", remark)


def test_ascii_fold_equals_per_character_reference() -> None:
    """ASCII letters and digits alone are folded without a search; with separators, escapes or
    other ASCII they fold as before."""
    r = random.Random(10)
    for _ in range(20000):
        text = "".join(r.choice("0123456789 -.abX@+") for _ in range(r.randint(0, 24)))
        got, want = fold(text), _reference_fold(text, True)
        assert (got.text, [got.span(i, i + 1) for i in range(len(got.text))]) == (
            want.text,
            [want.span(i, i + 1) for i in range(len(want.text))],
        ), repr(text)


def test_separator_runs_equal_the_look_behind_patterns() -> None:
    """The separator runs that folding drops between digits (``_SEP_RUN``, ``_ASCII_SEP_RUN``: a
    separator first, the digit behind it checked after) are those the patterns they replaced
    found (a look-behind first), on remark-length mixes: digits in groups, runs of separators,
    full-width and zero-width characters, line ends, CJK context words."""
    before = re.compile("(?<=[0-9])[ .\\-\u2010-\u2014\u2212\ufe63]+(?=[0-9])")
    ascii_before = re.compile(r"(?<=[0-9])[ .\-]+(?=[0-9])")
    r = random.Random(24)
    pieces = [
        *"0123456789 -.\u2010\u2012\u2014\u2212\ufe63,\n\r\tX张号１\u3000\u200b－",
        "身份证号",
        "联系电话",
        "139 1234 5678",
        "6222-0212-",
        " . ",
        "--",
    ]
    for text in random_texts(r, pieces, 20000, 40):
        assert [m.span() for m in _SEP_RUN.finditer(text)] == [m.span() for m in before.finditer(text)], repr(text)
        assert [m.span() for m in _ASCII_SEP_RUN.finditer(text)] == [m.span() for m in ascii_before.finditer(text)], (
            repr(text)
        )


def test_invisible_pattern_is_the_invisible_characters() -> None:
    """``_INVISIBLE_RE``, written in ranges, matches every invisible character and nothing else,
    over every code point (the listing one by one matched the same, at ~4 µs a character)."""
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert {m.group() for m in _INVISIBLE_RE.finditer(every)} == _INVISIBLE
    assert len(_INVISIBLE_RE.findall(every)) == len(_INVISIBLE)


def test_class_of_writes_runs_as_ranges() -> None:
    """Single characters stay single, runs become ranges, and characters that mean something in
    a class are escaped."""
    chars = frozenset("ab-]^\\z\U000e0000\U000e0001\U000e0002")
    pattern = re.compile(class_of(chars))
    assert {m.group() for m in pattern.finditer("".join(chr(c) for c in range(0xE0100)))} == chars
    assert class_of(frozenset("abcx")) == "[a-cx]"


def test_joined_runs_equal_the_pass_over_separator_runs() -> None:
    """``_join_runs`` finds the separator runs between the runs of digits and deletes them from the
    offsets slice by slice; the code it replaced iterated ``_SEP_RUN`` and extended the offsets
    piece by piece. Same text and map, from the identity map and from a given one (a fold's)."""

    def before(text: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
        pieces: list[str] = []
        kept: list[int] = []
        last = 0
        for m in _SEP_RUN.finditer(text):
            pieces.append(text[last : m.start()])
            kept.extend(range(last, m.start()) if offsets is None else offsets[last : m.start()])
            last = m.end()
        if not pieces:
            return text, offsets
        pieces.append(text[last:])
        kept.extend(range(last, len(text)) if offsets is None else offsets[last:])
        return "".join(pieces), kept

    r = random.Random(25)
    pieces = [*"0123456789 -.\u2010\u2014\u2212\ufe63,\n\tX张号１\u3000－", "139 1234 5678", "6222-0212-", " . ", "--"]
    for text in random_texts(r, pieces, 20000, 40):
        given = sorted(r.sample(range(3 * len(text) + 1), len(text)))
        for offsets in (None, given):
            out, kept = _join_runs(text, offsets)
            want_text, want_kept = before(text, offsets)
            assert (out, None if kept is None else list(kept)) == (want_text, want_kept), repr(text)
