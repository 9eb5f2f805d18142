"""A record's region named at one level alone, and beside the codes of the levels above it
(release stage, region scope, on a 汉滨区 caseworker's route)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.release_case import judged

OUTSIDE = "records_outside_region"
UNREADABLE = "records_region_unreadable"


def _json(record: dict[str, Any]) -> bytes:
    return json.dumps({"items": [{"xm": "张伟", **record}]}, ensure_ascii=False).encode()


# A county's part alone ({"xian": "汉阴县"}, {"county": "汉阴县"}): a part alone said what its key
# said before, nothing under xian or 县, only a GB/T 2260 code under county or district, so
# 汉阴县's record went out. (record, refusal or None)
_COUNTY_ALONE = [
    ({"xian": "汉阴县"}, OUTSIDE),
    ({"county": "汉阴县"}, OUTSIDE),
    ({"district": "陕西省安康市汉阴县"}, OUTSIDE),
    ({"xian": "汉阴"}, OUTSIDE),
    ({"县": "汉阴县"}, OUTSIDE),
    ({"xian": "610921"}, OUTSIDE),
    ({"xianmc": "汉阴县"}, OUTSIDE),
    # A name that names no county of the route's province, or two of them: unreadable.
    ({"county": "朝阳区"}, UNREADABLE),
    ({"xian": "东区"}, UNREADABLE),
    ({"county": "城区"}, UNREADABLE),
    # A township alone under the county's key is placed by its own record, as under a region key.
    ({"xian": "城关镇"}, UNREADABLE),
    # Look-alikes: the caller's own county, by name, short name or code; a township placed by its
    # record's code; a segment alone (21: of which city?) and a number that is no division say
    # nothing, as before; a city alone is no record's region here (docs/policies.md).
    ({"xian": "汉滨区"}, None),
    ({"county": "汉滨"}, None),
    ({"district": "610902"}, None),
    ({"xian": "城关镇", "xzqhdm": "610902101"}, None),
    ({"xian": "21"}, None),
    ({"county": "3"}, None),
    ({"city": "西安市"}, None),
    ({"ywbh": "610921"}, None),
    ({"xian": None}, None),
    ({"xian": "-"}, None),
]


@pytest.mark.parametrize(("record", "code"), _COUNTY_ALONE)
def test_a_county_part_alone_is_judged_as_a_region_field(record: dict[str, Any], code: str | None) -> None:
    judged(_json(record), "application/json", code)


# The same in the other shapes that carry parts: a CSV column, an XML attribute, a form.
_COUNTY_ALONE_SHAPES = [
    ("姓名,县\n张伟,汉阴县\n", "text/csv", OUTSIDE),
    ("姓名,县\n张伟,汉滨区\n", "text/csv", None),
    ('<r><p xm="张伟" xian="汉阴县"/><p xm="李娜" xian="汉滨区"/></r>', "application/xml", OUTSIDE),
    ('<r><p xm="张伟" xian="汉滨区"/><p xm="李娜" xian="汉滨区"/></r>', "application/xml", None),
    ("xm=%E5%BC%A0%E4%BC%9F&xian=%E6%B1%89%E9%98%B4%E5%8E%BF", "application/x-www-form-urlencoded", OUTSIDE),
    ("xm=%E5%BC%A0%E4%BC%9F&xian=%E6%B1%89%E6%BB%A8%E5%8C%BA", "application/x-www-form-urlencoded", None),
]


@pytest.mark.parametrize(("body", "media_type", "code"), _COUNTY_ALONE_SHAPES)
def test_a_county_part_alone_is_judged_in_every_shape(body: str, media_type: str, code: str | None) -> None:
    judged(body.encode(), media_type, code)


# A record that writes its region's parent beside it ({"code": "610902", "parent": {"code":
# "610900"}}): the parent's code was judged as a region of its own, and 汉滨区's own record was
# refused on 汉滨区's route (over-refusal). A code that contains the record's finer code says
# nothing against it; one object's codes that do not nest (a parent that does not contain the
# code) make the record unreadable. (route's region, records, refusal or None)
_PARENTS: list[tuple[str, list[dict[str, Any]], str | None]] = [
    ("610902", [{"region": {"code": "610902", "parent": {"code": "610900"}}}], None),
    ("610902", [{"xzqh": {"code": "610902", "parent": {"code": "610900"}}}], None),
    ("610902", [{"xzqh": {"dm": "610902", "sjdm": "610900", "mc": "汉滨区"}}], None),
    ("610902", [{"adcode": "610902", "parent": {"adcode": "610900"}}], None),
    ("610902", [{"xzqhdm": "610902001", "parent": {"xzqhdm": "610902", "parent": {"xzqhdm": "610900"}}}], None),
    ("610902", [{"xzqh": {"code": "610902000000", "parent": {"code": "610900000000"}}}], None),
    ("610902", [{"regionCodes": ["610000", "610900", "610902"]}], None),
    ("610902", [{"xzqhdm": "610902", "city": {"adcode": "610900"}}], None),
    # The finest code is judged: another county's record under the same city is refused.
    ("610902", [{"xzqh": {"code": "610921", "parent": {"code": "610900"}}}], OUTSIDE),
    ("610902", [{"adcode": "610921", "parent": {"adcode": "610900"}}], OUTSIDE),
    # A parent that does not contain the code: the record contradicts itself.
    ("610902", [{"xzqh": {"code": "610902", "parent": {"code": "610800"}}}], UNREADABLE),
    ("610000", [{"xzqh": {"code": "610902", "parent": {"code": "610800"}}}], UNREADABLE),
    ("610000", [{"region": {"code": "610902001", "parent": {"code": "610921"}}}], UNREADABLE),
    # Look-alikes: a city's record is still the city's, beside a record of the county (each
    # record is judged by its own codes); two counties of one list stay two regions; a business
    # number of six digits beside the code is no region.
    ("610902", [{"xzqhdm": "610902", "parent": {"xzqhdm": "610900"}}, {"xzqhdm": "610900"}], OUTSIDE),
    ("610902", [{"xzqhdm": "610900"}, {"xzqhdm": "610902"}], OUTSIDE),
    ("610900", [{"regionCodes": [{"code": "610902"}, {"code": "610921"}]}], None),
    ("610902", [{"xzqh": {"code": "610902", "oldCode": "610921"}}], OUTSIDE),
    ("610902", [{"xzqhdm": "610902", "ywbh": "610900"}], None),
    ("610902", [{"xzqh": {"id": 100200, "dm": "610902"}}], None),
    ("610902", [{"countyCode": "610902", "cityCode": "610900"}], None),
]


@pytest.mark.parametrize(("region", "records", "code"), _PARENTS)
def test_a_parent_code_that_holds_the_record_s_code_says_nothing_against_it(
    region: str, records: list[dict[str, Any]], code: str | None
) -> None:
    body = json.dumps({"items": [{"xm": "张伟", **record} for record in records]}, ensure_ascii=False).encode()
    judged(body, "application/json", code, region)


# The same in XML: an element of a region key holding its parent's code.
_PARENTS_XML = [
    ("610902", "<r><p><xm>张伟</xm><xzqh><dm>610902</dm><sjdm>610900</sjdm></xzqh></p></r>", None),
    ("610902", "<r><p><xm>张伟</xm><xzqh dm='610902' sjdm='610900'/></p></r>", None),
    ("610902", "<r><p><xm>张伟</xm><xzqh><dm>610921</dm><sjdm>610900</sjdm></xzqh></p></r>", OUTSIDE),
    ("610000", "<r><p><xm>张伟</xm><xzqh><dm>610902</dm><sjdm>610800</sjdm></xzqh></p></r>", UNREADABLE),
]


@pytest.mark.parametrize(("region", "body", "code"), _PARENTS_XML)
def test_a_parent_code_in_an_element_says_nothing_against_the_record(region: str, body: str, code: str | None) -> None:
    judged(body.encode(), "application/xml", code, region)
