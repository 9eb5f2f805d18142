"""Records of a region-scoped response must lie in that region (release stage)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from classifiers.levels import DataLevel
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.release import Release
from policies.bundle import PolicyFiles, PolicyStore
from policies.quota import MemoryQuota
from policies.routes import RouteMatch
from support.release_case import CASEWORKER, INSPECTOR, items_json
from support.release_case import released as _released

RELEASE = Release(PolicyStore(PolicyFiles()), MemoryQuota())


@pytest.mark.parametrize(
    ("body", "media_type", "outside"),
    [
        (
            items_json({"xm": "张三", "regionCode": "610902002001"}, {"xm": "李四", "regionCode": "610902101"}),
            "j",
            False,
        ),
        (
            items_json({"xm": "张三", "regionCode": "610902002001"}, {"xm": "李四", "regionCode": "610921101001"}),
            "j",
            True,
        ),
        (items_json({"xm": "张三", "regionCode": 610921}), "j", True),  # a number is a code too
        (json.dumps({"data": {"xm": "张三", "xzqhdm": "610923"}}, ensure_ascii=False).encode(), "j", True),
        (items_json({"xm": "张三", "hukouRegionCode": "110105"}), "j", False),  # registered elsewhere: allowed
        (items_json({"xm": "张三", "regionCode": "610900"}), "j", True),  # the city above: not inside the district
        # A region key over an object or a list: the codes inside are the record's region.
        (items_json({"xm": "张三", "regionCode": {"code": "610921101001", "name": "涧池社区"}}), "j", True),
        (items_json({"xm": "张三", "xzqh": {"dm": "610921", "mc": "汉阴县"}}), "j", True),
        (items_json({"xm": "张三", "xzqh": {"dm": "610902002", "mc": "江北街道"}}), "j", False),
        (items_json({"xm": "张三", "regionCode": [{"code": "610921101001"}]}), "j", True),
        (
            items_json(
                {"xm": "张三", "regionCode": "610902002001"}, {"xm": "李四", "regionCode": {"code": "610921101001"}}
            ),
            "j",
            True,
        ),
        (json.dumps({"xm": "张三", "xzqh": {"dm": "610921"}}, ensure_ascii=False).encode(), "j", True),
        # A row id beside the code is no region: only codes under a province's code are read there.
        (items_json({"xm": "张三", "xzqh": {"id": 100234, "dm": "610902002", "mc": "江北街道"}}), "j", False),
        ("姓名,区划代码\n张三,610902002001\n李四,610921101001\n".encode(), "c", True),
        ("姓名,区划代码\n张三,610902002001\n".encode(), "c", False),
        ("<r><p><xm>张三</xm><xzqhdm>610921</xzqhdm></p></r>".encode(), "x", True),
        (b'<r><field name="regionCode">610902101</field></r>', "x", False),
        ("<r><p><xm>张三</xm><xzqh><dm>610921</dm><mc>汉阴县</mc></xzqh></p></r>".encode(), "x", True),
        ("<r><p><xm>张三</xm><xzqh><id>100234</id><dm>610902002</dm></xzqh></p></r>".encode(), "x", False),
        (
            "<table><tr><th>姓名</th><th>区划代码</th></tr><tr><td>张三</td><td>610921101001</td></tr></table>".encode(),
            "h",
            True,
        ),
        (b"xm=%E5%BC%A0%E4%B8%89&regionCode=610921", "f", True),
    ],
)
def test_records_must_lie_in_the_route_region(body: bytes, media_type: str, outside: bool) -> None:
    kinds = {"j": "application/json", "c": "text/csv", "x": "application/xml", "h": "text/html"}
    ex = _released(body, kinds.get(media_type, "application/x-www-form-urlencoded"))
    if outside:
        assert ex.failure is not None and ex.failure.code == "records_outside_region"
        assert ex.failure.status == 502 and ex.response is None and ex.condition_failed == "region_scope"
    else:
        assert ex.failure is None and ex.response is not None
    assert "region_scope" in ex.conditions


@pytest.mark.parametrize(
    ("body", "media_type", "code"),
    [
        # Codes written with separators, full-width digits or invisible characters are codes.
        (items_json({"xm": "张三", "regionCode": "6109-21"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "regionCode": "610 921 101 001"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "xzqhdm": "６１０９２１"}), "application/json", "records_outside_region"),
        (
            items_json({"xm": "张三", "xzqh": {"dm": "6109-21", "mc": "汉阴县"}}),
            "application/json",
            "records_outside_region",
        ),
        ("姓名,区划代码\n张三,6109 21\n".encode(), "text/csv", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqhdm>6109-21</xzqhdm></p></r>".encode(), "application/xml", "records_outside_region"),
        (
            items_json({"xm": "张三", "regionCode": 610921.0}),
            "application/json",
            "records_outside_region",
        ),  # a whole number
        (items_json({"xm": "张三", "regionCode": "6109-02"}), "application/json", None),
        (items_json({"xm": "张三", "regionCode": "610\u200b902"}), "application/json", None),
        (items_json({"xm": "张三", "regionCode": "６１０９０２００２"}), "application/json", None),
        # A region field that holds a GB/T 2260 name is read as its code (classifiers/regionnames.py).
        (items_json({"xm": "张三", "regionCode": "紫阳县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "xzqh": "陕西省安康市紫阳县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "xzqh": {"mc": "紫阳县"}}), "application/json", "records_outside_region"),
        ("姓名,区划代码\n张三,紫阳县\n".encode(), "text/csv", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqh>紫阳县</xzqh></p></r>".encode(), "application/xml", "records_outside_region"),
        (items_json({"xm": "张三", "xzqh": "陕西省安康市汉滨区"}), "application/json", None),
        # A name no division or more than one has, or a number that is no code, cannot be judged.
        (items_json({"xm": "张三", "regionCode": "城关镇"}), "application/json", "records_region_unreadable"),
        (items_json({"xm": "张三", "regionCode": "鼓楼区"}), "application/json", "records_region_unreadable"),
        (items_json({"xm": "张三", "regionCode": 6109210}), "application/json", "records_region_unreadable"),
        (items_json({"xm": "张三", "xzqh": {"mc": "城关镇"}}), "application/json", "records_region_unreadable"),
        ("姓名,区划代码\n张三,城关镇\n".encode(), "text/csv", "records_region_unreadable"),
        ("<r><p><xm>张三</xm><xzqh>城关镇</xzqh></p></r>".encode(), "application/xml", "records_region_unreadable"),
        # Nothing there: nothing to judge.
        (items_json({"xm": "张三", "regionCode": None}), "application/json", None),
        (items_json({"xm": "张三", "regionCode": ""}), "application/json", None),
    ],
)
def test_region_fields_are_read_as_codes_or_refused(body: bytes, media_type: str, code: str | None) -> None:
    """Codes such as "6109-21" and "６１０９２１" name 汉阴县 as 610921 does; read only as 6, 9 or 12 ASCII
    digits they named no region, and 汉阴县's records went to a 汉滨区 caller. A region field
    holding a name (紫阳县) was not judged at all: now read as its code, and refused when no code
    can be read (城关镇 is in many counties)."""
    ex = _released(body, media_type)
    if code is None:
        assert ex.failure is None and ex.response is not None
        return
    assert ex.failure is not None and ex.failure.code == code, ex.failure
    assert ex.failure.status == 502 and ex.response is None and ex.condition_failed == "region_scope"
    if code == "records_region_unreadable":
        assert "无法识别为行政区划代码" in ex.failure.message_zh
        # What stood in the field is not repeated to the caller (it may be an address).
        assert "城关" not in ex.failure.message_zh + ex.failure.message


def test_an_unreadable_region_value_is_not_shown_to_the_caller() -> None:
    address = "陕西省安康市紫阳县城关镇新华路12号"
    ex = _released(items_json({"xm": "张三", "xzqh": address}), "application/json")
    assert ex.failure is not None and ex.failure.code == "records_region_unreadable"
    assert "新华路" not in ex.failure.message_zh + ex.failure.message


def test_a_city_list_holds_its_districts() -> None:
    ex = _released(items_json({"xm": "张三", "regionCode": "610921101001"}), "application/json", region="610900")
    assert ex.failure is None and "region_scope" in ex.conditions
    ex = _released(items_json({"xm": "张三", "regionCode": "610102001001"}), "application/json", region="610900")
    assert ex.failure is not None and ex.failure.code == "records_outside_region"


def test_a_route_without_a_region_is_not_checked() -> None:
    ex = Exchange(Request("GET", "/api/v1/static/doc4k", b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区", "api_key", "cw")
    ex.route = RouteMatch("static.doc4k", "person", "list", {}, "/api/v1/static/doc4k")
    ex.inspection = INSPECTOR.inspect(items_json({"regionCode": "610921101001"}), "application/json", None, CASEWORKER)
    ex.response = Response(200, [], ex.inspection.body)
    asyncio.run(RELEASE(ex))
    assert ex.failure is None and "region_scope" not in ex.conditions


def _uninspected(region: str | None) -> Exchange:
    """A body the inspect stage let out uninspected (a binary type, or one it could not read,
    to a profile that masks nothing: the payment service's)."""
    path = f"/api/v1/regions/{region}/payments" if region else "/api/v1/health"
    ex = Exchange(Request("GET", path, b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("svc-payment", "service", ("service_payment",), "610902", "汉滨区", "api_key", "pay")
    ex.route = RouteMatch("payment.list", "payment", "list", {"region": region} if region else {}, path)
    ex.level = DataLevel.CORE
    ex.response = Response(200, [(b"content-type", b"application/pdf")], b"%PDF-1.7 ...")
    asyncio.run(RELEASE(ex))
    return ex


def test_an_uninspected_body_on_a_region_route_is_withheld() -> None:
    """No one knows the region of records nobody read: a county's service must not receive
    another county's, so the body is withheld (it was released with no region check)."""
    ex = _uninspected("610902")
    assert ex.failure is not None and ex.failure.code == "records_region_unknown"
    assert ex.failure.status == 502 and ex.response is None and ex.condition_failed == "region_scope"
    assert "无法判断记录所属区划" in ex.failure.message_zh


def test_an_uninspected_body_on_a_route_without_a_region_is_released() -> None:
    ex = _uninspected(None)
    assert ex.failure is None and ex.response is not None


@pytest.mark.parametrize(
    "key",
    [
        # The names civil-affairs systems give the record's own region: whatever they hold
        # must be a code (a name cannot be judged).
        "adcode",
        "districtCode",
        "countyCode",
        "qxdm",
        "ssqx",
        "ssqxdm",
        "xzqhbm",
        "xiandm",
        "县代码",
        "县区代码",
        "所属县区",
        "所属区划",
        "所属区县",
        "区县代码",
        "区划编码",
        "行政区划编码",
        # Keys made only of region words: a GB/T 2260 code there is judged.
        "areaCode",
        "area_code",
        "regionId",
        "region",
        "county",
        "quxian",
        "COUNTY_CODE",
    ],
)
def test_a_region_under_another_name_is_judged(key: str) -> None:
    """Only regionCode, xzqhdm and a few more were read: 汉阴县's records under areaCode,
    adcode, 所属区划 … went to a 汉滨区 caller."""
    ex = _released(items_json({"xm": "张三", key: "610921"}), "application/json")
    assert ex.failure is not None and ex.failure.code == "records_outside_region", key
    ex = _released(items_json({"xm": "张三", key: "610902002"}), "application/json")
    assert ex.failure is None and ex.response is not None, key


@pytest.mark.parametrize(
    ("body", "media_type", "code"),
    [
        ("姓名,所属区划\n张三,610921\n".encode(), "text/csv", "records_outside_region"),
        ("姓名,areaCode\n张三,610921101001\n".encode(), "text/csv", "records_outside_region"),
        (
            "<r><p><xm>张三</xm><districtCode>610921</districtCode></p></r>".encode(),
            "application/xml",
            "records_outside_region",
        ),
        (
            "<r><p><xm>张三</xm><areaCode>610921</areaCode></p></r>".encode(),
            "application/xml",
            "records_outside_region",
        ),
        (items_json({"xm": "张三", "areaCode": {"code": "610921"}}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "所属区划": "紫阳县"}), "application/json", "records_outside_region"),
        (items_json({"xm": "张三", "所属区划": "全部"}), "application/json", "records_region_unreadable"),
    ],
)
def test_a_region_under_another_name_is_judged_in_every_format(body: bytes, media_type: str, code: str) -> None:
    ex = _released(body, media_type)
    assert ex.failure is not None and ex.failure.code == code


@pytest.mark.parametrize(
    "record",
    [
        # Keys of region words may hold what is no region code: not judged, not refused.
        {"areaCode": "0915"},  # a telephone area code
        {"area": 85.5},  # square metres
        {"areaCode": "999999"},  # six digits, but no GB/T 2260 code
        {"county": "3"},  # a number under a county's key that is no division (a name there is
        # the record's county: tests/gateway/test_release_region_levels.py)
        {"regionId": 100234},  # a row id
        {"yzbm": "725000"},  # postcodes are no regions
        {"postcode": "610000"},
        {"zipCode": "710000"},
        {"amount": 610921},
        {"hukouRegionCode": "110105"},  # where someone is registered: no scope
        {"workAreaCode": "610921"},  # qualified: someone's workplace
    ],
)
def test_region_words_do_not_refuse_what_is_no_region(record: dict[str, Any]) -> None:
    ex = _released(items_json({"xm": "张三", **record}), "application/json")
    assert ex.failure is None and ex.response is not None, record


def test_an_address_under_region_words_is_still_masked() -> None:
    ex = _released(items_json({"xm": "张三", "area": "陕西省安康市汉滨区新城街道新华路12号"}), "application/json")
    assert ex.response is not None and "新华路12号" not in ex.response.body.decode()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        # An XML region element holding names only, as {"xzqh": {"mc": "紫阳县"}} in JSON.
        ("<r><p><xm>张三</xm><xzqh><mc>紫阳县</mc></xzqh></p></r>", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqh><name>紫阳县</name></xzqh></p></r>", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqh mc='紫阳县'/></p></r>", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqh><mc>城关镇</mc></xzqh></p></r>", "records_region_unreadable"),
        ("<r><p><xm>张三</xm><xzqh mc='汉阴县'><jb>3</jb></xzqh></p></r>", "records_region_unreadable"),
        # A code in an attribute of the region element is the record's region.
        ("<r><p><xm>张三</xm><xzqh dm='610921' mc='汉阴县'/></p></r>", "records_outside_region"),
        ("<r><p><xm>张三</xm><xzqh dm='610902002' mc='江北街道'/></p></r>", None),
        # Beside a code, names and markup attributes say nothing more.
        ("<r><p><xm>张三</xm><xzqh><dm>610902</dm><mc>汉滨区</mc></xzqh></p></r>", None),
        ("<r><p><xm>张三</xm><regionCode type='string'>610902</regionCode></p></r>", None),
        (
            "<r xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><p><xm>张三</xm><xzqh xsi:nil='true'/></p></r>",
            None,
        ),
        ("<r><p><xm>张三</xm><xzqh/></p></r>", None),
    ],
)
def test_an_xml_region_element_is_judged_as_json_is(body: str, code: str | None) -> None:
    """<xzqh><mc>紫阳县</mc></xzqh> was released while {"xzqh": {"mc": "紫阳县"}} was refused:
    only the codes inside an XML region element were read, never the names standing alone."""
    ex = _released(body.encode(), "application/xml")
    if code is None:
        assert ex.failure is None and ex.response is not None, ex.failure
    else:
        assert ex.failure is not None and ex.failure.code == code, ex.failure


@pytest.mark.parametrize("placeholder", ["-", "--", "—", "/", "／", "－", "N/A", "暂无", "未知", "不详", " - "])
@pytest.mark.parametrize("media_type", ["application/json", "text/csv", "application/xml"])
def test_a_placeholder_region_is_treated_as_no_region_field(placeholder: str, media_type: str) -> None:
    """A record without a region field is released (the route's region was checked, and the
    records that do name theirs are judged); so is one whose field is empty or null. "-",
    "/" or 暂无 say the same, yet were refused as unreadable (502)."""
    if media_type == "application/json":
        body = items_json({"xm": "张三", "regionCode": "610902002"}, {"xm": "李四", "xzqh": placeholder})
    elif media_type == "text/csv":
        body = f"姓名,区划代码\n张三,610902002\n李四,{placeholder}\n".encode()
    else:
        body = f"<r><p><xm>张三</xm><xzqh>{placeholder}</xzqh></p><p><xm>李四</xm></p></r>".encode()
    ex = _released(body, media_type)
    assert ex.failure is None and ex.response is not None, (placeholder, ex.failure)
    # Beside another region's record it changes nothing.
    if media_type == "application/json":
        ex = _released(items_json({"xm": "张三", "xzqh": placeholder}, {"xm": "李四", "xzqh": "610921"}), media_type)
        assert ex.failure is not None and ex.failure.code == "records_outside_region"


@pytest.mark.parametrize("value", ["*", "all", "全部", "?"])
def test_what_may_mean_every_region_is_not_a_placeholder(value: str) -> None:
    ex = _released(items_json({"xm": "张三", "xzqh": value}), "application/json")
    assert ex.failure is not None and ex.failure.code == "records_region_unreadable"


def test_a_record_listing_its_regions_is_judged() -> None:
    ex = _released(items_json({"xm": "张三", "regionCodes": ["610902", "610921"]}), "application/json")
    assert ex.failure is not None and ex.failure.code == "records_outside_region"
    ex = _released(items_json({"xm": "张三", "regionCodeList": ["610902", "610902002"]}), "application/json")
    assert ex.failure is None
