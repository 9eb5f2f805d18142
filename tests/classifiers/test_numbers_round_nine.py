"""Numbers round nine: numbers and addresses that still came out in clear, or half in clear,
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers-rounds.md, the nineteenth round)."""

from __future__ import annotations

import pytest

from support.inspected import leaks, out, unchanged
from support.synth_people import make_id

ID = make_id()  # 610902199001011235
ID_X = make_id(seq="118")  # 61090219900101118X
BIRTH = ID[6:14]


# 1. A building, a unit and a room: the number's 号 was taken before 号楼 (12号 a house number),
# and the parse stopped there; with spaces between the parts it stopped at each space.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住址：12号楼 3单元 301", ["楼", "3单元", "301"]),
        ("住址：12号楼3单元301", ["楼", "3单元", "301"]),
        ("家住幸福小区12号楼3单元301室", ["楼", "3单元", "301"]),
        ("家住幸福小区12号楼 3单元 301室，电话见附件", ["楼", "3单元", "301"]),
        ("现住址：育才路12号 3栋 2单元 501室", ["3栋", "2单元", "501"]),
    ],
)
def test_a_buildings_unit_and_room_go_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "房间号：301",  # a room number alone, in no address
        "他住在12号楼",  # no label, no region: as before
        "12号楼3单元301",
        "会议室：3单元 301",  # no address's label
    ],
)
def test_rooms_and_buildings_outside_an_address_stay(text: str) -> None:
    unchanged(text)


def test_a_year_after_a_unit_is_no_room() -> None:
    assert out("住址：幸福小区3单元 2023年入住", "text/plain", "outsourced") == "住址：[已屏蔽] 2023年入住"
