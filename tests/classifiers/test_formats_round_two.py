"""Personal data in shapes of JSON bodies that went out in clear (twenty-third round, formats round
two): a key naming two fields over a value holding both (classifiers/compound_keys.py). Each leaked for the strict and the caseworker profile; the
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
]


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


STAY: list[Any] = [
    {"性别/年龄": "男/80"},
    {"xm_py": "zhang_wei"},
    {"create_time": "2024_01"},
    {"状态/类别": "已办结/低保"},
]


@pytest.mark.parametrize("doc", STAY)
def test_look_alikes_stay(doc: Any) -> None:
    unchanged_json(doc)
