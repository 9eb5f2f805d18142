"""Personal data in shapes of JSON bodies that went out in clear (twenty-third round, formats round
two): a key naming two fields over a value holding both (classifiers/compound_keys.py), typed
values (DynamoDB's, Firestore's). Each leaked for the strict and the caseworker profile; the
look-alikes beside them come out as they went in."""

from __future__ import annotations

from typing import Any

import pytest

from support.inspected import json_leaks, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
ID2 = "610902194912310022"
MOBILE = "13812345678"

LEAKS: list[tuple[Any, list[str]]] = [
    # A key naming two fields, a value holding both, joined the same way.
    ({"data": {"姓名/性别": "张伟/男", "sfzh": ID}}, ["张伟", ID]),
    ({"姓名/性别": "张伟/男"}, ["张伟"]),
    ({"姓名／性别": "张伟 男"}, ["张伟"]),
    ({"xm_xb": "张伟_男"}, ["张伟"]),
    ({"data": [{"xm_xb": "张伟_男", "age": 80}, {"xm_xb": "李娜_女", "age": 70}]}, ["张伟", "李娜"]),
    ({"姓名、电话": f"张伟、{MOBILE}"}, ["张伟", MOBILE]),
    ({"rows": [{"姓名、电话": f"张伟、{MOBILE}"}, {"姓名、电话": "李娜、13912345678"}]}, ["张伟", "李娜"]),
    ({"姓名（身份证号）": f"张伟（{ID}）"}, ["张伟", ID]),
    ({"联系人及电话": f"张伟 {MOBILE}"}, ["张伟", MOBILE]),
    # Typed values: the key's evidence reaches the value its type wraps.
    ({"xm": {"S": "张伟"}, "sfzh": {"S": ID}, "age": {"N": "80"}}, ["张伟", ID]),
    ({"Item": {"xm": {"S": "张伟"}, "jhr": {"M": {"xm": {"S": "李娜"}}}}}, ["张伟", "李娜"]),
    (
        {"Items": [{"xm": {"S": "张伟"}, "sfzh": {"S": ID}}, {"xm": {"S": "李娜"}, "sfzh": {"S": ID2}}]},
        ["张伟", "李娜"],
    ),
    ({"fields": {"xm": {"stringValue": "张伟"}, "lxdh": {"stringValue": MOBILE}}}, ["张伟", MOBILE]),
    (
        {
            "documents": [
                {"name": "persons/1", "fields": {"xm": {"stringValue": "张伟"}, "age": {"integerValue": "80"}}}
            ]
        },
        ["张伟"],
    ),
    # Form state of several fields: each value held under its field's key (walked as a map before).
    ({"xm": {"value": "张伟", "dirty": False}, "dz": {"value": "汉滨区育才路12号"}}, ["张伟", "育才路12号"]),
]


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


STAY: list[Any] = [
    {"性别/年龄": "男/80"},
    {"xm_py": "zhang_wei"},
    {"create_time": "2024_01"},
    {"状态/类别": "已办结/低保"},
    {"status": {"S": "张伟"}},
    {"bz": {"stringValue": "已办结"}},
    {"a1": {"S": "周报"}, "b": {"N": "3"}},
    {"张伟": {"value": 1}, "李娜": {"value": 2}},
]


@pytest.mark.parametrize("doc", STAY)
def test_look_alikes_stay(doc: Any) -> None:
    unchanged_json(doc)
