"""A social security card's number and a register's or a certificate's number: the recognizer
tables (valid, invalid, boundaries, look-alikes) for the fast path and presidio, keys, grading
and the caseworker's mask (docs/classifiers.md, the entities' table)."""

from __future__ import annotations

import pytest

from classifiers.entities import register_number, social_security_card
from classifiers.levels import DataLevel
from classifiers.registry import analyzer_engine
from classifiers.scanner import Scanner
from support.inspected import inspected_json

SCANNER = Scanner()
ENGINE = analyzer_engine()


def _found(text: str, entity: str) -> list[str]:
    return [text[m.start : m.end] for m in SCANNER.scan(text) if m.entity == entity]


def _presidio(text: str, entity: str) -> list[str]:
    return [text[r.start : r.end] for r in ENGINE.analyze(text=text, language="zh") if r.entity_type == entity]


CARDS = [
    # (text, what the scan finds)
    ("社保卡号：A12345678", ["A12345678"]),
    ("社会保障卡卡号Z98765432", ["Z98765432"]),
    ("社保卡号：ａ１２３４５６７８", ["ａ１２３４５６７８"]),  # full-width, as typed on a phone
    ("社保卡（卡号：B12345678）", ["B12345678"]),
    ("sbkh=C12345678", ["C12345678"]),
    # After the card's label any shape of six digits or more is its number (the twenty-fourth round:
    # one rule with the medical insurance card's; round eleven took a letter and eight digits only).
    ("社保卡号：A1234567", ["A1234567"]),
    ("社保卡号：A123456789", ["A123456789"]),
    ("社保卡号：AB12345678", ["AB12345678"]),
    ("社保卡号：A12345678B", ["A12345678B"]),
    ("社保卡号：123456789", ["123456789"]),
    # boundaries and look-alikes
    ("社保卡号：A12345", []),  # five digits
    ("社保卡号：A00000000", []),  # a placeholder
    ("订单A12345678", []),  # no card's word before it
    ("社会保障号码A12345678", []),  # the social security number's label: the ID number's
]


@pytest.mark.parametrize(("text", "found"), CARDS)
def test_social_security_card(text: str, found: list[str]) -> None:
    assert _found(text, social_security_card.ENTITY) == found


@pytest.mark.parametrize(("text", "found"), CARDS)
def test_social_security_card_presidio_agrees_where_the_context_counts(text: str, found: list[str]) -> None:
    # presidio's context enhancer needs tokens (no NLP engine here): it reports the pattern's hits
    # below the fast path's threshold, so only the shape and the validation are compared.
    assert set(found) <= set(_presidio(text, social_security_card.ENTITY))


@pytest.mark.parametrize(
    ("number", "valid"), [("A12345678", None), ("a12345678", None), ("A00000000", False), ("Z11111111", False)]
)
def test_social_security_card_validate(number: str, valid: bool | None) -> None:
    assert social_security_card.validate(number) is valid


PAPERS = [
    ("户号：610902012", ["610902012"]),
    ("户口簿编号：610902012345", ["610902012345"]),
    ("户籍编号 123456789", ["123456789"]),
    ("低保证号：陕汉低字第2023001号", ["陕汉低字第2023001号"]),
    ("特困人员救助供养证号：610902-2023-001", ["610902-2023-001"]),
    ("老年人优待证号为6109020012345", ["6109020012345"]),
    ("户号：0012", ["0012"]),  # four digits: a village's roster
    # boundaries and look-alikes
    ("户号：012", []),  # three digits
    ("户号：A12", []),
    ("账户号：20230601001", []),  # an account's, a customer's, a user's number
    ("客户号：20230601001", []),
    ("用户号20230601001", []),
    ("门户号20230601001", []),
    ("案件编号：2023061000123", []),  # a case's
    ("低保证号待补", []),
    ("户号：610902012345X7", ["610902012345X7"]),  # letters inside stay one number
]


@pytest.mark.parametrize(("text", "found"), PAPERS)
def test_register_number(text: str, found: list[str]) -> None:
    assert _found(text, register_number.ENTITY) == found


@pytest.mark.parametrize(("text", "found"), [(t, f) for t, f in PAPERS if f and "第" not in t])
def test_register_number_presidio_reports_the_shape(text: str, found: list[str]) -> None:
    assert set(found) <= set(_presidio(text, register_number.ENTITY))


@pytest.mark.parametrize(
    ("number", "valid"), [("610902012", None), ("陕汉低字第2023001号", None), ("012", False), ("户号", False)]
)
def test_register_number_validate(number: str, valid: bool | None) -> None:
    assert register_number.validate(number) is valid


@pytest.mark.parametrize(
    ("key", "value", "entity"),
    [
        ("sbkh", "A12345678", "SOCIAL_SECURITY_CARD"),
        ("socialSecurityCardNo", "12345678A", "SOCIAL_SECURITY_CARD"),  # another province's shape: the key says
        ("户口簿编号", "610902012", "REGISTER_NUMBER"),
        ("户号", "610902012", "REGISTER_NUMBER"),
        ("dbzh", "陕汉低字第2023001号", "REGISTER_NUMBER"),
    ],
)
def test_keys_claim_the_value(key: str, value: str, entity: str) -> None:
    inspection = inspected_json({"data": [{key: value}]}, "outsourced")
    assert inspection.entity_counts.get(entity) == 1, inspection.entity_counts


@pytest.mark.parametrize(
    ("key", "value"),
    [("账户号", "6222021234567890128"), ("客户号", "20230601001"), ("sbkh", "无"), ("户号", "12")],
)
def test_keys_that_are_no_registers_number_claim_none(key: str, value: str) -> None:
    counts = inspected_json({"data": [{key: value}]}, "outsourced").entity_counts
    assert "REGISTER_NUMBER" not in counts and "SOCIAL_SECURITY_CARD" not in counts, counts


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("社保卡号：A12345678", "社保卡号：A******78"),
        ("户号：610902012", "户号：******012"),
    ],
)
def test_the_caseworker_sees_the_last_characters(text: str, masked: str) -> None:
    assert inspected_json({"bz": text}, "caseworker").body.decode() == f'{{"bz":"{masked}"}}'


@pytest.mark.parametrize("text", ["社保卡号：A12345678", "户口簿编号：610902012345"])
def test_graded_important(text: str) -> None:
    assert inspected_json({"bz": text}, "outsourced").level == DataLevel.IMPORTANT
