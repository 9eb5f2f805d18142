"""Numbers round ten: numbers and addresses that still came out in clear, or half in clear,
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers-rounds.md, the twentieth round)."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out


# 1. A building written with 栋, 幢 or 座 after the house number's comma: the parse took a comma
# before a unit or a 号楼 only, and 3栋2单元 went out beside the masked address.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住址：汉滨区育才路12号，3栋2单元", ["3栋", "2单元"]),
        ("住址：汉滨区育才路12号，3幢2单元501", ["3幢", "2单元", "501"]),
        ("家住汉滨区育才路12号, A座1201室", ["A座", "1201"]),
        ("家住育才路12号 3栋2单元402", ["3栋", "2单元", "402"]),
    ],
)
def test_a_building_after_the_numbers_comma_goes_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("住址：汉滨区育才路12号，3栋房屋", "，3栋房屋"),  # a count of buildings, no dwelling's part
        ("住址：汉滨区育才路12号，2座房屋", "，2座房屋"),
        ("住址：汉滨区育才路12号，3栋", "，3栋"),  # nothing after it says it is one
    ],
)
def test_a_count_of_buildings_after_the_comma_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), role
