"""Speed round twenty-nine: a head's clause of time asked only of a text that holds 时 or 期间, a
bracketed name's gate read by code point, the typed letters asked before the labels, and
catalog.yaml parsed by libyaml. Each faster form answers as the one it replaced, compared on
seeded random texts; the names and plates behind the gates are still found, their look-alikes
left in clear (the plate's spaced letter searched apart was reverted: its table rows stay)."""

from __future__ import annotations

import random
from typing import Any

import pytest
import yaml

from classifiers import catalog, grading, typed_letters
from classifiers.entities import name_heads, name_marked, name_patterns
from support.inspected import kept_in_both, leaks
from support.random_texts import random_texts

# A clause of time's ends and what opens one, surnames and names, the words at a head (said,
# prose, 不在家), prepositions, a clock's time (时许), runs that open none, punctuation.
_TIME_PIECES = sorted(
    {
        *name_patterns.HEAD_WORDS,
        *name_patterns.HEAD_SAID,
        *name_patterns.HEAD_PREPOSITIONS,
        "时",
        "期间",
        "期",
        "间",
        "调查时",
        "走访时",
        "公示期间",
        "上午10时许",
        "张",
        "张伟",
        "王秀英",
        "欧阳娜娜",
        "不在家",
        "称",
        "说",
        "村委会",
        "，",
        " ",
        "1",
    }
)


def test_no_clause_of_time_without_its_characters() -> None:
    """Where ``_timed`` says no (no 时, no 期间), ``_time_before`` is false at every place and
    ``_after_clause`` finds what it finds with the gate open (a finding's name, none after a time):
    the gate drops only what they could not find."""
    r = random.Random(2901)
    gated = 0
    for text in random_texts(r, _TIME_PIECES, 40_000, 8):
        if name_heads._timed(text):
            continue
        gated += 1
        for at in range(len(text)):
            assert not name_heads._time_before(text, at), (text, at)
            assert name_heads._after_clause(text, at, True) == name_heads._after_clause(text, at, False), (text, at)
    assert gated > 5_000


def test_heads_behind_the_time_gate_answer_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """``head_names`` and ``may_contain`` with the gate, and with it open at every text (as before
    the round; the pure-Python modules read the patched function, a build its own)."""
    r = random.Random(2902)
    texts = list(random_texts(r, _TIME_PIECES, 40_000, 8))
    gated = [(name_heads.head_names(text), name_heads.may_contain(text)) for text in texts]
    monkeypatch.setattr(name_heads, "_timed", lambda text: True)
    found = timed = 0
    for text, got in zip(texts, gated, strict=True):
        expected = (name_heads.head_names(text), name_heads.may_contain(text))
        found += bool(expected[0])
        timed += "时" in text or "期间" in text
        assert got == expected, text
    assert found > 1_000
    assert 5_000 < timed < 35_000


# Brackets, spaces and tabs at either end, 及 in the first places and further on, names, what
# ends a text otherwise.
_ALONE_PIECES = ["（", "）", "(", ")", " ", "\t", "及", "及时", "张伟", "王秀英", "原件", "1", "a", "，", "”", "·"]


def _may_be_alone_before(text: str) -> bool:
    return text[-1:] in "）) \t" or "及" in text[:3]


def test_a_bracketed_names_gate_by_code_point_answers_as_the_slices() -> None:
    """``_may_be_alone`` answers as the two slices it replaced (an empty text apart, which
    ``_BRACKETED_RE`` never matches), and ``may_contain`` as before."""
    r = random.Random(2904)
    found = 0
    for text in random_texts(r, _ALONE_PIECES, 100_000, 6):
        expected = _may_be_alone_before(text) and text != ""
        found += expected
        assert name_marked._may_be_alone(text) == expected, text
        assert name_marked.may_contain(text) == (
            (
                ("”" in text or "」" in text or "』" in text or '"' in text)
                and name_marked.MARKED_RE.search(text) is not None
            )
            or (_may_be_alone_before(text) and name_marked._BRACKETED_RE.fullmatch(text) is not None)
            or (("·" in text or "•" in text or "・" in text) and name_marked._DOT_HINT_RE.search(text) is not None)
            or ("票" in text and name_marked._VOTED_RE.search(text) is not None)
        ), text
    assert 20_000 < found < 90_000
    assert not name_marked.may_contain("")


# The labels' first characters and whole labels, the letters typed for digits and others, digits,
# a colon, ideographs: a label with a letter among a value's first digits, and each without the other.
_TYPED_PIECES = [
    *typed_letters._LABEL_STARTS,
    "身份证号",
    "手机号",
    *typed_letters.LETTERS,
    "X",
    "a",
    "139",
    "1234",
    "：",
    " ",
    "-",
    "已审核",
    "健康",
]


def test_typed_letters_asked_first_answer_as_before() -> None:
    """``typed_letters.may_contain`` asks the letters before the labels: the answers of the labels
    and the hint alone (the hint ends with a letter)."""
    r = random.Random(2905)
    found = 0
    for text in random_texts(r, _TYPED_PIECES, 100_000, 8):
        expected = (
            any(start in text for start in typed_letters._LABEL_STARTS) and typed_letters._HINT.search(text) is not None
        )
        found += expected
        assert typed_letters.may_contain(text) == expected, text
    assert 5_000 < found < 90_000


def _typed(node: Any) -> Any:
    """``node`` with each scalar's type beside it: ``1 == True`` and ``1 == 1.0`` would hide a
    scalar resolved otherwise."""
    if isinstance(node, dict):
        return {_typed(key): _typed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_typed(item) for item in node]
    return (type(node).__name__, node)


@pytest.mark.parametrize("path", [catalog.DEFAULT_PATH, grading.DEFAULT_PATH])
def test_libyaml_parses_as_the_python_loader(path: Any) -> None:
    """catalog.yaml and grading.yaml parsed by ``catalog.LOADER`` (libyaml's, where PyYAML has it)
    are the documents the pure-Python safe loader gives, scalar by scalar and type by type."""
    text = path.read_text(encoding="utf-8")
    assert _typed(yaml.load(text, Loader=catalog.LOADER)) == _typed(yaml.load(text, Loader=yaml.SafeLoader))


def test_the_loader_is_libyamls_where_pyyaml_has_it() -> None:
    assert catalog.LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# The names and plates behind the changed gates, masked for both profiles, and look-alikes in clear.
_LEAKS = [
    ("入户调查时张伟不在家。", "张伟"),
    ("公示期间王秀英无异议。", "王秀英"),
    ("走访时李娜称其子在外务工。", "李娜"),
    ("家属张伟已于2025年去世。", "张伟"),
    ("车牌 陕 G 12345 已登记。", "G 12345"),
    ("车牌陕G12345已登记。", "G12345"),
    ("（张伟）", "张伟"),
    ("及王秀英 ", "王秀英"),
    ("“李娜”来访。", "李娜"),
]
_IN_CLEAR = [
    ("上午10时许来访，金额4464.87元。", "10时许来访"),
    ("状态 pending approved 已审核", "pending approved"),
    ("委托书（原件）", "原件"),
    ("及时办理", "及时办理"),
    ("订单号 G12345 于2024-03-15发出", "G12345"),
]


@pytest.mark.parametrize(("text", "name"), _LEAKS)
def test_names_and_plates_behind_the_gates_are_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(("text", "kept"), _IN_CLEAR)
def test_look_alikes_stay_in_clear(text: str, kept: str) -> None:
    kept_in_both(text, kept)
