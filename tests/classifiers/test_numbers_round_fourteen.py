"""Numbers round fourteen: numbers that went out in clear (a social security card's number of
another shape after its label, an ID number mistyped after it, a household register's number
after "No.", an account's number that fails the Luhn check after an account's label, a veteran's
papers), checked through ``Inspector.inspect`` for the strict and the caseworker profile, and the
label-only numbers left out of presidio's offline analyzer, each beside look-alikes that must stay
(docs/classifiers-rounds.md, the twenty-fourth round)."""

from __future__ import annotations

import pytest

from support.inspected import inspected_json, leaks, unchanged

# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123; check character 5 (valid), 0 (mistyped).
ID = "610902199001011235"
MISTYPED = "610902199001011230"
CUT = "61090219900101123"
LEGACY = "610902900101123"
# 19 digits failing the Luhn check: a passbook's account, a 惠农一卡通's.
ACCOUNT = "6228480012345678901"


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


# 1. A social security card's number after its own label: round eleven took a letter and eight
# digits only, round twelve any shape after a medical insurance card's label. One rule for both
# now: six digits or more (letters, hyphens) after either label is the card (the 医保 rows were
# masked before: they say the two labels agree).
@pytest.mark.parametrize(
    "label", ["社保卡号：", "社会保障卡号 ", "社保卡卡号为", "社会保障卡卡号:", "医保卡号：", "医保号"]
)
@pytest.mark.parametrize(
    ("number", "secret"),
    [
        ("AB1234567", "1234567"),
        ("HA1234567", "1234567"),
        ("61090A123456", "A1234"),
        ("A1234567", "123456"),
        ("A123456789", "1234567"),
        ("AB12345678", "1234567"),
        ("A12345678B", "1234567"),
        ("123456789", "1234567"),
        ("1234567890", "1234567"),
        ("SX-610902-001234", "610902-0"),
    ],
)
def test_a_cards_number_of_any_shape_after_its_label_is_masked(label: str, number: str, secret: str) -> None:
    leaks(label + number, [secret])
    assert _entities(label + number) == {"SOCIAL_SECURITY_CARD": 1}, label + number


# An ID number there the scanner does not take alone: mistyped, cut before its check character,
# legacy (15 digits). After either card's label, and under either card's key, a RESIDENT_ID, as
# after an ID number's label (the legacy one after 医保卡号 and under the cards' keys was so since
# round thirteen).
@pytest.mark.parametrize("label", ["社保卡号：", "社会保障卡卡号", "医保卡号：", "医保号"])
@pytest.mark.parametrize(("number", "secret"), [(MISTYPED, "19900101"), (CUT, "19900101"), (LEGACY, "900101")])
def test_an_id_number_mistyped_cut_or_legacy_after_a_cards_label_is_masked_as_one(
    label: str, number: str, secret: str
) -> None:
    leaks(label + number, [secret])
    assert _entities(label + number) == {"RESIDENT_ID": 1}, label + number


@pytest.mark.parametrize("key", ["sbkh", "社保卡号", "社会保障卡号", "ybkh", "医保号"])
@pytest.mark.parametrize("number", [MISTYPED, CUT, LEGACY])
def test_an_id_number_mistyped_cut_or_legacy_under_a_cards_key_is_a_resident_id(key: str, number: str) -> None:
    inspection = inspected_json({"xm": "张伟", key: number}, "outsourced")
    assert number not in inspection.body.decode()
    assert dict(inspection.entity_counts).get("RESIDENT_ID") == 1, (key, number, inspection.entity_counts)


@pytest.mark.parametrize(
    "text",
    [
        "社保卡号：123",  # a list's index
        "社保卡号：12345",  # five digits
        "社保卡号：A00000000",  # a placeholder
        "医保卡号：00000000",
        "社保卡号：待补办",
        "社保卡号待补",
        "社保卡已激活",
        "社保卡发放批次号：20231201001",  # a word between: the batch's number
        "医保结算单号：12345678",
        "社会保障号码待补录，编号A12345678",  # the ID number's label, no card's
        "A12345678",
        "订单号AB1234567",
    ],
)
def test_look_alikes_of_a_cards_number_stay(text: str) -> None:
    unchanged(text)
