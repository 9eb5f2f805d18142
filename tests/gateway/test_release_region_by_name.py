"""Records of a region-scoped response that name their region in words, not codes (release stage):
names read as their codes in the route's province, lists of other areas beside a record, bare
township names placed by the codes of their record."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.release_case import items_json, judged
from support.release_case import released as _released


@pytest.mark.parametrize(
    ("record", "code"),
    [
        ({"所属区划": "陕西省安康市汉阴县"}, None),
        ({"所属区县": "汉阴县"}, None),
        ({"xzqh": {"mc": "汉阴县城关镇"}}, None),  # a township below the county: inside it
        ({"所属区划": "紫阳县"}, "records_outside_region"),
        ({"所属区划": "陕西省安康市"}, "records_outside_region"),  # the city holds more than the county
        ({"所属区划": "鼓楼区"}, "records_region_unreadable"),  # not in this province
        ({"所属区划": "汉阴县、紫阳县"}, "records_region_unreadable"),
        # Kept only in part (the first 40 characters): what was cut is not there to judge.
        ({"所属区划": "陕西省安康市汉阴县" + "城关镇" * 10 + "镇、紫阳县"}, "records_region_unreadable"),
    ],
)
def test_a_region_written_by_name_is_judged_on_a_county_route(record: dict[str, Any], code: str | None) -> None:
    """所属区划 陕西省安康市汉阴县 was refused as unreadable on 汉阴县's own route: a GB/T 2260
    name is now read as its code and judged like one."""
    ex = _released(items_json({"xm": "张三", **record}), "application/json", region="610921")
    if code is None:
        assert ex.failure is None and ex.response is not None, ex.failure
    else:
        assert ex.failure is not None and ex.failure.code == code, ex.failure


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        # A bare list of areas beside the record may be the record's own regions (a person
        # served in two counties) or the answer's (whose list this is): judged, fail closed.
        ({"areas": ["610921", "610922"]}, "records_outside_region"),
        ({"regionCodes": ["610902", "610921"]}, "records_outside_region"),
        # A word before the region words says whose areas they are: reference data, not judged.
        ({"neighbourAreas": ["610921", "610922"]}, None),
        ({"adjacentRegionCodes": ["610921", "610922"]}, None),
        ({"options": [{"code": "610921", "name": "汉阴县"}]}, None),
    ],
)
def test_a_list_of_other_areas_beside_a_record_is_judged_unless_its_key_says_whose(
    extra: dict[str, Any], code: str | None
) -> None:
    """Issue 9, case 4: neighbouring counties listed beside a record of one's own county. The
    key is all the gateway has to tell reference data from the record's region (docs/policies.md,
    "Lists of regions beside a record")."""
    ex = _released(items_json({"xm": "张三", "regionCode": "610902002", **extra}), "application/json")
    if code is None:
        assert ex.failure is None and ex.response is not None, ex.failure
    else:
        assert ex.failure is not None and ex.failure.code == code, ex.failure


@pytest.mark.parametrize(
    ("body", "media_type", "code"),
    [
        (items_json({"xm": "张三", "xzqhmc": "汉阴县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "regionName": "安康市汉阴县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "区划名称": "紫阳县"}), "application/json", "records_outside_region"),
        (
            items_json({"xm": "张三", "所属区县名称": "陕西省安康市汉阴县"}),
            "application/json",
            "records_outside_region",
        ),
        (items_json({"xm": "张三", "行政区划名称": "汉阴县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "districtName": "汉阴县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "qxmc": "汉阴县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "regionNames": ["汉滨区", "汉阴县"]}), "application/json", "records_outside_region"),
        ("姓名,区划名称\n张三,汉阴县\n".encode(), "text/csv", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqhmc>汉阴县</xzqhmc></p></r>".encode(), "application/xml", "records_outside_region"),
        (items_json({"xm": "张三", "xzqhmc": "全部"}), "application/json", "records_region_unreadable"),
        (items_json({"xm": "张三", "xzqhmc": "鼓楼区"}), "application/json", "records_region_unreadable"),
        # The caller's own county, by name.
        (items_json({"xm": "张三", "xzqhmc": "汉滨区"}), "application/json", None),
        (items_json({"xm": "张三", "regionName": "陕西省安康市汉滨区新城街道"}), "application/json", None),
        ("姓名,区划名称\n张三,汉滨区\n".encode(), "text/csv", None),
    ],
)
def test_a_record_naming_only_its_regions_name_is_judged(body: bytes, media_type: str, code: str | None) -> None:
    """{"xm": …, "xzqhmc": "汉阴县"} went to a 汉滨区 caller: regionName, xzqhmc, 区划名称,
    所属区县名称 were no region keys, so a record that names its region only by name was not
    judged at all."""
    judged(body, media_type, code)


@pytest.mark.parametrize(
    ("body", "media_type", "code"),
    [
        # The name of the record's township beside its code, as systems write the pair.
        (items_json({"xm": "张三", "regionCode": "610902001001", "xzqhmc": "江北街道"}), "application/json", None),
        (
            items_json(
                {"xm": "张三", "xzqhdm": "610902001", "xzqhmc": "江北街道"},
                {"xm": "李四", "xzqhdm": "610902101", "xzqhmc": "五里镇"},
            ),
            "application/json",
            None,
        ),
        ("姓名,区划代码,区划名称\n张三,610902001,江北街道\n".encode(), "text/csv", None),
        (
            "<r><p><xm>张三</xm><xzqhdm>610902001</xzqhdm><xzqhmc>江北街道</xzqhmc></p></r>".encode(),
            "application/xml",
            None,
        ),
        (items_json({"xm": "张三", "qxmc": "汉滨区", "xzqhmc": "五里镇东坝村"}), "application/json", None),
        # Placed by a code of another county: that code is judged.
        (
            items_json({"xm": "张三", "regionCode": "610921101", "xzqhmc": "城关镇"}),
            "application/json",
            "records_outside_region",
        ),
        # Nothing in the answer places it: 城关镇, 五里镇 are in many counties.
        (items_json({"xm": "张三", "xzqhmc": "江北街道"}), "application/json", "records_region_unreadable"),
        (items_json({"xm": "张三", "regionName": "五里镇东坝村"}), "application/json", "records_region_unreadable"),
        ("姓名,区划名称\n张三,江北街道\n".encode(), "text/csv", "records_region_unreadable"),
        (items_json({"xm": "张三", "xzqh": {"mc": "城关镇"}}), "application/json", "records_region_unreadable"),
    ],
)
def test_a_bare_township_name_is_placed_by_the_codes_of_its_record(
    body: bytes, media_type: str, code: str | None
) -> None:
    """GB/T 2260 stops at counties: 江北街道 alone cannot be placed. Systems write the name of a
    record's township beside its code (xzqhdm 610902001, xzqhmc 江北街道); refusing those would
    refuse every ordinary record of one's own county. A township name is accepted when its
    record names its region by code or county name, inside the route's region, and refused
    as unreadable when nothing places it."""
    ex = _released(body, media_type)
    if code is None:
        assert ex.failure is None and ex.response is not None, ex.failure
    else:
        assert ex.failure is not None and ex.failure.code == code, ex.failure


_OWN = {"xm": "张三", "xzqhdm": "610902001", "xzqhmc": "江北街道"}


@pytest.mark.parametrize(
    ("body", "media_type", "code"),
    [
        # Beside a record of the caller's county, a record that names only 城关镇: of any county.
        (items_json(_OWN, {"xm": "李四", "xzqhmc": "城关镇"}), "application/json", "records_region_unreadable"),
        (items_json({"xm": "李四", "xzqhmc": "城关镇"}, _OWN), "application/json", "records_region_unreadable"),
        (
            items_json({"xm": "张三", "xzqhmc": "汉滨区"}, {"xm": "李四", "xzqhmc": "五里镇东坝村"}),
            "application/json",
            "records_region_unreadable",
        ),
        (
            items_json(
                {"xm": "张三", "xzqh": {"dm": "610902002", "mc": "江北街道"}}, {"xm": "李四", "xzqh": {"mc": "城关镇"}}
            ),
            "application/json",
            "records_region_unreadable",
        ),
        (
            json.dumps([_OWN, {"xm": "李四", "regionName": "城关镇"}], ensure_ascii=False).encode(),
            "application/json",
            "records_region_unreadable",
        ),
        # The envelope says whose list the upstream meant, not whose each record is.
        (
            json.dumps(
                {"regionCode": "610902", "items": [{"xm": "李四", "xzqhmc": "城关镇"}]}, ensure_ascii=False
            ).encode(),
            "application/json",
            "records_region_unreadable",
        ),
        (
            "姓名,区划代码,区划名称\n张三,610902001,江北街道\n李四,,城关镇\n".encode(),
            "text/csv",
            "records_region_unreadable",
        ),
        (
            "姓名,区划代码,区划名称\n李四,-,城关镇\n张三,610902001,江北街道\n".encode(),
            "text/csv",
            "records_region_unreadable",
        ),
        (
            "<r><p><xm>张三</xm><xzqhdm>610902001</xzqhdm><xzqhmc>江北街道</xzqhmc></p>"
            "<p><xm>李四</xm><xzqhmc>城关镇</xzqhmc></p></r>".encode(),
            "application/xml",
            "records_region_unreadable",
        ),
        # Each record placed by its own code or county name: released.
        (items_json(_OWN, {"xm": "李四", "xzqhdm": "610902101", "xzqhmc": "城关镇"}), "application/json", None),
        (items_json(_OWN, {"xm": "李四", "qxmc": "汉滨区", "xzqhmc": "城关镇"}), "application/json", None),
        (items_json(_OWN, {"xm": "李四", "xzqhmc": "汉滨区城关镇"}), "application/json", None),
        (items_json(_OWN, {"xm": "李四"}), "application/json", None),  # no region field: as before
        ("姓名,区划代码,区划名称\n张三,610902001,江北街道\n李四,610902101,城关镇\n".encode(), "text/csv", None),
        (
            "<r><p><xm>张三</xm><xzqhdm>610902001</xzqhdm><xzqhmc>江北街道</xzqhmc></p>"
            "<p><xm>李四</xm><xzqhdm>610902101</xzqhdm><xzqhmc>城关镇</xzqhmc></p></r>".encode(),
            "application/xml",
            None,
        ),
        # One record written as a table of labels and values: its rows are one record's fields.
        (
            "<html><body><table><tr><th>姓名</th><td>张三</td></tr><tr><th>区划代码</th><td>610902001</td></tr>"
            "<tr><th>区划名称</th><td>江北街道</td></tr></table></body></html>".encode(),
            "text/html",
            None,
        ),
        ("字段,值\n姓名,张三\n区划代码,610902001\n区划名称,江北街道\n".encode(), "text/csv", None),
        ("字段,值\n姓名,张三\n区划名称,城关镇\n".encode(), "text/csv", "records_region_unreadable"),
        (
            "<html><body><table><tr><th>姓名</th><th>区划代码</th><th>区划名称</th></tr>"
            "<tr><td>张三</td><td>610902001</td><td>江北街道</td></tr>"
            "<tr><td>李四</td><td></td><td>城关镇</td></tr></table></body></html>".encode(),
            "text/html",
            "records_region_unreadable",
        ),
        # One record, the answer itself: its code places its township.
        (json.dumps({"data": _OWN}, ensure_ascii=False).encode(), "application/json", None),
        (json.dumps(_OWN, ensure_ascii=False).encode(), "application/json", None),
    ],
)
def test_a_township_name_is_judged_record_by_record(body: bytes, media_type: str, code: str | None) -> None:
    """The codes of the other records do not place a record that names only 城关镇: placed by
    the answer as a whole, such a record passed beside records of the caller's county, though
    it may be of any county that has a 城关镇. Now each record is placed by its own region
    fields, and one that nothing of its own places is refused as unreadable (fail closed)."""
    judged(body, media_type, code)
