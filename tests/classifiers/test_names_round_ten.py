"""Persons' names that went out in clear (names round ten), through ``Inspector.inspect`` with the
strict and the caseworker profiles, and the look-alikes beside them that must stay as they are."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, json_leaks, out

ID_A = "610902199001011235"  # checksum-valid, synthetic (tests/notes' idgen)
ID_B = "610902194912310022"


def _unchanged_json(doc: object) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role)) == doc, role


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"rows": [["张伟", ID_A, "13800138000"], ["李娜", ID_B, "13912345678"]]}, ["张伟", "李娜"]),
        ({"rows": [["张伟", ID_A], ["李娜", "13912345678"]]}, ["张伟", "李娜"]),
        ({"data": [[1, "欧阳娜娜", "女", ID_B]]}, ["欧阳娜娜"]),
        ({"row": ["王秀英", 80, ID_B]}, ["王秀英"]),
    ],
)
def test_a_name_in_a_row_without_header_beside_a_persons_number(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "row",
    [
        ["汉滨区", ID_A],
        ["低保", ID_A],
        ["张家港", ID_A],
        ["正常", ID_A],
        ["已审核", "13912345678"],
        ["王府井", "13912345678"],
        ["王某", ID_A],
        ["高龄", ID_A],
    ],
)
def test_a_place_category_or_status_in_such_a_row_stays(row: list[str]) -> None:
    for role in ROLES:
        masked = json.loads(out(json.dumps({"rows": [row]}, ensure_ascii=False), "application/json", role))
        assert masked["rows"][0][0] == row[0], (role, masked)
        assert masked["rows"][0][1] != row[1], (role, masked)


def test_a_row_without_a_persons_number_stays() -> None:
    _unchanged_json({"rows": [["张伟", "男", 80], ["李娜", "女", 75]]})
