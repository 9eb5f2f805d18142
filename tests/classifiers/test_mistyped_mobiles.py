"""A mobile mistyped after its label, a digit left out or one too many (classifiers/mistyped_mobiles.py):
under a phone key such a value was claimed, after a label in text it went out in clear."""

from __future__ import annotations

import functools

import pytest
from presidio_analyzer import AnalyzerEngine

from classifiers.registry import analyzer_engine
from support.inspected import leaks, out, unchanged


@pytest.mark.parametrize(
    "text",
    [
        "手机：1391234567",
        "手机号：139123456789",
        "手机号码 1391234567",
        "联系电话：1391234567，住址不详",
        "电话为1391234567",
        "联系方式：1581234567",
        "户主张伟，手机1391234567，低保户",
    ],
)
def test_a_mobile_a_digit_short_or_long_after_its_label_is_masked(text: str) -> None:
    leaks(text, ["1234567", "123456"])


@pytest.mark.parametrize(
    "text",
    [
        "手机：1391234567元",  # an amount
        "电话费1391234567",  # no label: a fee
        "编号：1391234567",  # another number's label
        "手机：1391234567890123",  # sixteen digits
        "联系电话：1091234567",  # no mobile's second digit
        "手机：1391234567ab",
    ],
)
def test_other_numbers_after_a_label_or_without_one_stay(text: str) -> None:
    unchanged(text)


def test_the_mask_keeps_what_a_mobiles_keeps_and_no_digit_more() -> None:
    assert out("手机：1391234567", "text/plain", "caseworker") == "手机：139***4567"
    assert out("手机号：139123456789", "text/plain", "caseworker") == "手机号：139*****6789"


@pytest.mark.parametrize(
    ("text", "entity", "number"),
    [
        ("手机：1391234567", "MOBILE", "1391234567"),
        ("手机号：139123456789", "LANDLINE", "139123456789"),
        ("Tel: 3212345", "LANDLINE", "3212345"),  # landline.LOCAL_LABEL's English labels
    ],
)
def test_presidio_reads_them_with_the_same_recognizers(text: str, entity: str, number: str) -> None:
    found = {(r.entity_type, text[r.start : r.end]) for r in _engine().analyze(text=text, language="zh")}
    assert (entity, number) in found, found


def test_presidio_leaves_an_amount() -> None:
    found = {r.entity_type for r in _engine().analyze(text="手机：1391234567元", language="zh")}
    assert not found & {"MOBILE", "LANDLINE"}, found


@functools.cache
def _engine() -> AnalyzerEngine:
    """The offline analyzer, built once and only for these tests (it loads every recognizer)."""
    return analyzer_engine()
