"""A record's region under keys that may hold other things (release stage, region scope, on a 汉滨区
caseworker's route): an area (地区, 辖区, areaName, area) and a township's key (xiang, jdmc, townName)
name the record's region when they hold a GB/T 2260 code or a name that names one division of the
whole list; anything else there (a township alone, 农村, 城区, a floor area) says nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.release_case import judged

OUTSIDE = "records_outside_region"
UNREADABLE = "records_region_unreadable"


def _json(*records: dict[str, Any]) -> bytes:
    return json.dumps({"items": [{"xm": "张伟", **record} for record in records]}, ensure_ascii=False).encode()


# 汉阴县's record that named its region only under an area's key went out: none was a region key
# (area, a key of region words, read a code only). (record, refusal)
_AREAS = [
    ({"所属地区": "汉阴县"}, OUTSIDE),
    ({"地区": "汉阴县"}, OUTSIDE),
    ({"所在地区": "陕西省安康市汉阴县"}, OUTSIDE),
    ({"辖区": "汉阴县"}, OUTSIDE),
    ({"所属辖区": "汉阴县涧池镇"}, OUTSIDE),
    ({"areaName": "汉阴县"}, OUTSIDE),
    ({"AREA_NAME": "陕西省安康市汉阴县"}, OUTSIDE),
    ({"area": "汉阴县"}, OUTSIDE),
    ({"所属地区": "610921"}, OUTSIDE),
    # A name of one division that is not of the route's province: no one reads it there.
    ({"地区": "海淀区"}, UNREADABLE),
]

# Look-alikes that must stay released: the caller's own region written out, a city beside the
# county's code, and what an area's key holds that is no division's name.
_AREAS_RELEASED: list[dict[str, Any]] = [
    {"所属地区": "陕西省安康市汉滨区"},
    {"地区": "安康市汉滨区"},
    {"辖区": "汉滨区新城街道"},
    {"areaName": "汉滨区"},
    {"地区": "安康市", "xzqhdm": "610902"},
    {"所属地区": "陕西省安康市", "xzqhdm": "610902001"},
    {"地区": "农村"},
    {"地区": "华东"},
    {"area": "城区"},
    {"area": "东区"},
    {"area": "120.5"},
    {"辖区": "新城派出所"},
    {"areaName": "A区"},
    {"地区": "城关镇"},
    {"ywbh": "610921"},
]

# A township's key holding its county's chain (xiang: 汉阴县城关镇) was not read: township keys are
# no region keys, since a township's name alone places no record. Judged by its county part now.
_TOWNSHIPS = [
    ({"xiang": "汉阴县城关镇"}, OUTSIDE),
    ({"jdmc": "汉阴县城关镇"}, OUTSIDE),
    ({"townName": "陕西省安康市汉阴县城关镇"}, OUTSIDE),
    ({"乡镇名称": "汉阴县城关镇"}, OUTSIDE),
    ({"乡镇": "汉阴县涧池镇"}, OUTSIDE),
]

_TOWNSHIPS_RELEASED: list[dict[str, Any]] = [
    {"xiang": "城关镇"},  # a township alone stays unjudged (dozens of counties have one)
    {"jdmc": "江北街道"},
    {"xiang": "汉滨区江北街道"},
    {"townName": "安康市汉滨区江北街道"},
    {"xiang": "城关镇", "xzqhdm": "610902101"},
    # A link quoted in a remark names another resource, not the record's region (docs/policies.md).
    {"bz": "详见 /api/v1/regions/610921/persons/2"},
]


@pytest.mark.parametrize(("record", "code"), _AREAS + _TOWNSHIPS)
def test_an_area_or_township_key_naming_a_division_is_judged(record: dict[str, Any], code: str) -> None:
    judged(_json(record), "application/json", code)


@pytest.mark.parametrize("record", _AREAS_RELEASED + _TOWNSHIPS_RELEASED)
def test_what_is_no_division_s_name_there_says_nothing(record: dict[str, Any]) -> None:
    judged(_json(record), "application/json", None)


# The same in a CSV column, an XML element and a form.
_SHAPES = [
    ("姓名,所属地区\n张伟,汉阴县\n", "text/csv", OUTSIDE),
    ("姓名,所属地区\n张伟,汉滨区\n李娜,农村\n", "text/csv", None),
    ("姓名,乡镇,区县代码\n张伟,汉阴县城关镇,610902\n", "text/csv", UNREADABLE),
    ("姓名,乡镇\n张伟,城关镇\n", "text/csv", None),
    ("<r><p><xm>张伟</xm><dq>1</dq><地区>汉阴县</地区></p></r>", "application/xml", OUTSIDE),
    ("<r><p><xm>张伟</xm><地区>汉滨区</地区></p></r>", "application/xml", None),
    ("xm=a&xiang=%E6%B1%89%E9%98%B4%E5%8E%BF%E5%9F%8E%E5%85%B3%E9%95%87", "application/x-www-form-urlencoded", OUTSIDE),
]


@pytest.mark.parametrize(("body", "media_type", "code"), _SHAPES)
def test_area_and_township_keys_in_every_shape(body: str, media_type: str, code: str | None) -> None:
    judged(body.encode(), media_type, code)
