"""Region codes a request names beside its path (gateway/stages/scope.py)."""

from __future__ import annotations

import json
from urllib.parse import quote_from_bytes

import pytest

from gateway.stages.scope import header_regions, named_regions, outside_region
from support.region_scope import CATALOG, FORM, JSON, code_only, refusal, region_key


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        (b"regionCode=610921", True),
        (b"size=1&xzqhdm=610921101001", True),
        (b"%E5%8C%BA%E5%88%92%E4%BB%A3%E7%A0%81=610921", True),  # 区划代码, percent-encoded
        (b"REGION_CODE=6109-21", True),  # any spelling of the key, a grouped code
        (b"region=610921", True),
        (b"qhdm=%E7%B4%AB%E9%98%B3%E5%8E%BF", True),  # 紫阳县: no code, cannot be judged
        # Names frameworks bind to a member of that name.
        (b"regionCode[]=610921", True),
        (b"filter%5BregionCode%5D=610921", True),
        (b"query.xzqhdm=610921", True),
        (b"regionCode=610902002", False),  # inside the path's region
        (b"regionCode=", False),  # nothing named
        (b"hukouRegionCode=110105", False),  # where someone is registered: no scope
        (b"q=610921&size=20", False),
    ],
)
def test_a_region_parameter_must_lie_in_the_paths_region(query: bytes, refused: bool) -> None:
    """The demo upstream scopes by the path, but an upstream that reads ?regionCode= answered
    a 汉滨区 caller's own path with 汉阴县's list; records without a region field, or a
    write, passed the response check."""
    assert refusal(query) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        (b"q=regionCode%3D610921", True),
        (b"q=regionCode%3D%3D610921", True),
        (b"%24filter=regionCode%20eq%20%27610921%27", True),  # OData
        (b"filter=name%20eq%20%27x%27%20and%20regionCode%20eq%20%27610921001%27", True),
        (b"where=xzqh%3A610921", True),  # Lucene
        (b"where=xzqhdm%3A%22610921%22", True),
        (b"where=regionCode%20in%20(%27610902%27%2C%27610921%27)", True),  # a list, one of them outside
        (b"q=a%3DregionCode%3D610921", True),  # a term inside another term's value
        # A term that asks for more than the codes it names cannot be judged.
        (b"%24filter=regionCode%20ne%20%27610902%27", True),
        (b"where=regionCode%20not%20in%20(%27610902%27)", True),
        (b"q=-xzqh%3A610902", True),
        (b"q=NOT%20xzqh%3A610902", True),
        (b"where=regionCode%20like%20%2761%25%27", True),
        (b"q=xzqh%3A6109*", True),
        (b"q=xzqh%3A%5B610000%20TO%20619999%5D", True),
        (b"where=regionCode%3E%3D610000", True),
        (b"q=%E5%8C%BA%E5%88%92%E4%BB%A3%E7%A0%81%3D610921", True),  # 区划代码=610921
        (b"q=regionCode%3D610902001", False),  # inside the path's region
        (b"where=regionCode%20in%20(%27610902%27%2C%27610902001%27)", False),
        # Six digits without a region key before them: a row id, part of a phone number.
        (b"q=id%3D610921", False),
        (b"filter=personId%20eq%20%27610921%27%20and%20phone%20eq%20%2713800610921%27", False),
        (b"q=610921", False),
        # A number beside a region key that is no GB/T 2260 code (a row id, an area code).
        (b"q=regionCode%3D123456", False),
        (b"where=areaCode%3A0915", False),
        (b"sort=regionCode%3Aasc", False),  # a sort order, not a filter
        (b"fields=regionCode%2Cname&orderBy=regionCode%20desc", False),
        (b"q=hukouRegionCode%3A610921", False),  # where someone is registered: no scope
    ],
)
def test_a_filter_term_must_not_name_another_region(query: bytes, refused: bool) -> None:
    """Front ends send a whole filter in one parameter (?q=, ?$filter=, ?where=): an upstream
    that evaluates it answered a 汉滨区 caller's own path with 汉阴县's records; only parameters
    named by a region key were judged."""
    assert refusal(query) == ("region_parameter_outside" if refused else None)


def test_a_city_route_holds_its_districts() -> None:
    assert refusal(b"regionCode=610921101", target="610900") is None
    assert refusal(b"regionCode=610102", target="610900") == "region_parameter_outside"


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        (b"districtCode=610921", True),
        (b"adcode=610921", True),
        (b"ssqx=%E7%B4%AB%E9%98%B3%E5%8E%BF", True),  # 紫阳县 under a region key: cannot be judged
        (b"%E6%89%80%E5%B1%9E%E5%8C%BA%E5%88%92=610921", True),  # 所属区划
        (b"xiandm=610921", True),
        (b"%E5%8E%BF%E5%8C%BA%E4%BB%A3%E7%A0%81=610921", True),  # 县区代码
        (b"xiandm=610902", False),
        (b"areaCode=610921", True),
        (b"filter%5BareaCode%5D=610921101001", True),
        (b"regionId=610921", True),
        (b"areaCode=610902002", False),
        (b"areaCode=0915", False),  # a telephone area code
        (b"county=%E6%B1%89%E6%BB%A8%E5%8C%BA", False),  # a name under region words: not judged
        (b"regionId=100234", False),  # a row id
        (b"postcode=610000", False),
        (b"region=0915", True),  # the routes' own parameter: strict
    ],
)
def test_a_region_parameter_under_another_name_is_judged(query: bytes, refused: bool) -> None:
    """Only regionCode, xzqhdm and a few more were read: ?districtCode=610921 reached an
    upstream that reads it on a 汉滨区 caller's path."""
    assert refusal(query) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    "query",
    [
        b"regionCodes=610921",
        b"regionCodeList=610902,610921",
        b"region_code_list=610921",
        b"xzqhdms=610921",
        b"areaCodes=610921",
        b"%E5%8C%BA%E5%88%92%E4%BB%A3%E7%A0%81%E5%88%97%E8%A1%A8=610921",  # 区划代码列表
    ],
)
def test_a_list_of_regions_is_judged_as_one_region_is(query: bytes) -> None:
    """regionCodes=610921 (a filter by several regions, List<String> regionCodes in Spring)
    named no region key: an upstream filtering by it answered a 汉滨区 path with 汉阴县's list."""
    assert refusal(query) == "region_parameter_outside"
    assert refusal(query.split(b"=")[0] + b"=610902002") is None


def test_a_comma_list_of_regions_inside_the_path_is_allowed() -> None:
    assert refusal(b"regionCodes=610902,610902001") is None
    assert refusal(b"regionCodes=610902,610921") == "region_parameter_outside"
    assert refusal(b"regionCodes=610902,") == "region_parameter_outside"  # an empty item is no code


@pytest.mark.parametrize(
    ("headers", "refused"),
    [
        ([(b"x-region-code", b"610921")], True),
        ([(b"x-xzqhdm", b"610921101001")], True),
        ([(b"regioncode", b"610921")], True),
        ([(b"x-area-code", b"610921")], True),
        ([(b"x-region-code", b"610902002")], False),
        ([(b"x-area-code", b"0915")], False),  # a telephone area code
        ([(b"x-tenant-id", b"610921"), (b"accept-language", b"zh-CN")], False),
    ],
)
def test_a_region_header_must_lie_in_the_paths_region(headers: list[tuple[bytes, bytes]], refused: bool) -> None:
    """X-Region-Code: 610921 was forwarded unjudged: an upstream reading the region from a
    header (as it may read the tenant) answered a 汉滨区 path for 汉阴县."""
    named = header_regions(headers, region_key)
    verdict = outside_region("610902", named, code_only)
    assert (verdict.code if verdict is not None else None) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    ("cookie", "refused"),
    [
        (b"JSESSIONID=abc; regionCode=610921", True),
        (b"xzqhdm=610921101001", True),
        (b"regionCode=610902002; theme=dark", False),
        (b"JSESSIONID=abc", False),
    ],
)
def test_a_region_cookie_must_lie_in_the_paths_region(cookie: bytes, refused: bool) -> None:
    """Web applications keep the 区划 an official chose in a cookie: regionCode=610921 there
    was forwarded unjudged, and such an upstream answered a 汉滨区 path for 汉阴县."""
    verdict = outside_region("610902", header_regions([(b"cookie", cookie)], region_key), code_only)
    assert (verdict.code if verdict is not None else None) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        (b"filter=%7B%22regionCode%22%3A%22610921%22%7D", True),  # filter={"regionCode":"610921"}
        (b"filter=%7B%22where%22%3A%7B%22xzqhdm%22%3A%22610921%22%7D%7D", True),  # LoopBack's where
        (b"params=%5B%7B%22regionCode%22%3A610921%7D%5D", True),  # an array of conditions
        (b"filter=%7B%22regionCode%22%3A%22610902001%22%7D", False),
        (b"filter=%7B%22status%22%3A%22open%22%7D", False),
        (b"q=%7Bnot%20json", False),  # text that only starts as JSON does
    ],
)
def test_json_in_a_parameter_value_is_read(query: bytes, refused: bool) -> None:
    """?filter={"regionCode":"610921"} (LoopBack, and front ends that send a query object as
    JSON in one parameter) named 汉阴县 under a parameter that is no region key."""
    assert refusal(query) == ("region_parameter_outside" if refused else None)
    assert refusal(b"", query, FORM) == ("region_parameter_outside" if refused else None)


def _q(name: str, value: str) -> bytes:
    return quote_from_bytes(name.encode()).encode() + b"=" + quote_from_bytes(value.encode()).encode()


@pytest.mark.parametrize(
    ("name", "value", "refused"),
    [
        ("qhdm", "紫阳县", True),
        ("qhdm", "安康市", True),  # the city holds more than the caller's county
        ("regionCode", "鼓楼区", True),  # not in this province
        ("regionCode", "汉滨区、汉阴县", True),  # two counties in one value
        ("regionCodes", "汉滨区,汉阴县", True),
        # A township alone cannot be placed: 江北街道, 城关镇 are in many counties.
        ("qhdm", "江北街道", True),
        ("regionCode", "城关镇", True),
        # A name that resolves to the path's region, or below it, is what the code would say.
        ("qhdm", "汉滨区", False),
        ("qhdm", "陕西省安康市汉滨区", False),
        ("区划代码", "安康市汉滨区", False),
        ("regionCode", "汉滨区新城街道", False),
        ("regionCode", "汉滨区", False),
        # Region-name keys name a region as the code keys do.
        ("xzqhmc", "汉阴县", True),
        ("regionName", "安康市汉阴县", True),
        ("区划名称", "紫阳县", True),
        ("所属区县名称", "陕西省安康市汉阴县", True),
        ("regionNames", "汉滨区,汉阴县", True),
        ("xzqhmc", "江北街道", True),
        ("xzqhmc", "汉滨区", False),
        ("regionName", "陕西省安康市汉滨区", False),
        ("区划名称", "安康市汉滨区", False),
        ("所属区县名称", "汉滨区", False),
    ],
)
def test_a_region_name_in_a_parameter_is_judged_as_its_code(name: str, value: str, refused: bool) -> None:
    """?qhdm=汉滨区 was refused to a 汉滨区 caller: a name was no code, whichever region it named.
    ?xzqhmc=汉阴县 was not judged at all (xzqhmc was no region key): an upstream filtering by
    the name answered with 汉阴县's list."""
    expected = "region_parameter_outside" if refused else None
    assert refusal(_q(name, value)) == expected
    assert refusal(b"", json.dumps({name: value}, ensure_ascii=False).encode(), JSON) == expected


def test_a_name_is_read_in_the_province_of_the_path() -> None:
    """城区 is a district of 阳泉 and of 晋城: in 山西 it names no one division, and a
    provincial upstream could read it as either. With its city it is one."""
    assert refusal(_q("qhdm", "城区"), target="140502") == "region_parameter_outside"
    assert refusal(_q("qhdm", "晋城市城区"), target="140502") is None
    assert refusal(_q("qhdm", "阳泉市城区"), target="140502") == "region_parameter_outside"
    assert refusal(_q("qhdm", "汉滨区"), target="610900") is None  # a district of the city
    assert refusal(_q("qhdm", "汉滨区"), target="610902001") == "region_parameter_outside"


def test_a_name_is_judged_in_every_charset_a_server_may_read_it_in() -> None:
    """The GB18030 reading of a UTF-8 汉滨区 is mojibake, no region to anyone: it must not refuse
    the caller's own county; a reading that names another county refuses."""
    outside = "region_parameter_outside"
    assert refusal("qhdm=汉滨区".encode()) is None  # sent unescaped
    assert refusal(b"qhdm=" + quote_from_bytes("汉滨区".encode("gbk")).encode()) is None
    assert refusal(b"qhdm=" + quote_from_bytes("汉阴县".encode("gbk")).encode()) == outside
    assert refusal("qhdm=汉阴县".encode("gbk")) == outside
    assert refusal("qhdm=汉阴县".encode()) == outside
    assert refusal(b"", "区划代码=汉滨区".encode(), FORM) is None


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("$filter=regionName eq '汉阴县'", True),
        ("q=xzqhmc:紫阳县", True),
        ("where=区划名称='汉阴县'", True),
        ("$filter=regionName eq '汉滨区'", False),
        ("$filter=name eq '汉阴县'", False),  # no region key before it
    ],
)
def test_a_region_name_in_a_filter_term_is_judged(query: str, refused: bool) -> None:
    name, _, value = query.partition("=")
    assert refusal(_q(name, value)) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        # OData functions over a region key: a prefix, a substring, a transformed key.
        ("$filter=startswith(regionCode,'61')", True),
        ("$filter=startswith(regionCode, '6109')", True),
        ("$filter=startswith(regionCode,'610921')", True),
        ("$filter=substringof('6109',regionCode)", True),
        ("$filter=contains(regionCode,'610902')", True),
        ("$filter=endswith(regionCode,'02')", True),
        ("$filter=indexof(regionCode,'6109') eq 0", True),
        ("$filter=substring(regionCode,0,4) eq '6109'", True),
        ("$filter=tolower(regionCode) eq '610921'", True),
        ("$filter=startswith(tolower(xzqhdm),'61')", True),
        ("$filter=regionCode in ('610902','610921')", True),
        ("where=LEFT(xzqhdm,4)='6109'", True),
        # Operators that match more than the codes written.
        ("where=regionCode regexp '^61'", True),
        ("where=regionCode rlike '^61'", True),
        ("q=regionCode=~'61.*'", True),
        # A prefix at least as narrow as the path's region holds nothing else.
        ("$filter=startswith(regionCode,'610902')", False),
        ("$filter=startswith(regionCode,'610902001')", False),
        ("$filter=regionCode in ('610902','610902001')", False),
        # Functions over other fields.
        ("$filter=startswith(name,'张')", False),
        ("$filter=contains(address,'610921')", False),
        ("$orderby=regionCode desc", False),
    ],
)
def test_a_filter_function_over_a_region_key_is_read_or_refused(query: str, refused: bool) -> None:
    """startswith(regionCode,'61') asks for the whole province, substringof('6109',regionCode)
    for the city: neither was read as a term, so both reached the upstream."""
    name, _, value = query.partition("=")
    assert refusal(_q(name, value)) == ("region_parameter_outside" if refused else None)


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        # A partial response names the fields the answer keeps, not the records it holds; the
        # region fields it keeps are judged record by record in the answer (release stage).
        ("fields=items(xm,xzqhmc)", False),
        ("fields=items(xm,xzqhdm,xzqhmc)", False),
        ("fields=items(xm,regionCode),nextPageToken", False),
        ("$select=xm,xzqhmc", False),
        ("_source=xm,xzqhdm", False),
        # A value beside a region key is still a filter term, wherever it is written.
        ("fields=items(xm,regionCode eq '610921')", True),
        ("fields=regionCode:610921", True),
        ("fields=startswith(regionCode,'61')", True),
        # Outside a selection, a region key passed to a function is still refused.
        ("q=items(xm,xzqhmc)", True),
        ("$filter=tolower(regionCode)", True),
    ],
)
def test_a_field_selection_naming_region_fields_is_no_filter(query: str, refused: bool) -> None:
    """?fields=items(xm,xzqhmc) (Google-style partial response) was refused, 403
    region_parameter_outside, on every region route, a township's too: items(…) read as a
    function over a region key, as substringof('6109',regionCode) is. It asks for the records'
    region fields, the ones the release stage judges; selecting fields without them was allowed."""
    name, _, value = query.partition("=")
    assert refusal(_q(name, value)) == ("region_parameter_outside" if refused else None)
    assert refusal(_q(name, value), target="610902001") == ("region_parameter_outside" if refused else None)


def _part_of(name: str) -> int:
    info = CATALOG.lookup(name)
    return info.region_part if info is not None else 0


@pytest.mark.parametrize(
    ("query", "body", "types", "target", "refused"),
    [
        (b"sheng=61&shi=09&xian=21", b"", [], "610902", True),
        (b"shengdm=61&shidm=6101", b"", [], "610902", True),  # 西安市: no county of 安康's
        ("province=陕西省&city=安康市&county=汉阴县".encode(), b"", [], "610902", True),
        (b"", "province=陕西省&city=安康市&district=汉阴县".encode(), FORM, "610902", True),
        (b"", json.dumps({"sheng": "61", "shi": "09", "xian": "21"}).encode(), JSON, "610902", True),
        # 新城区 of 呼和浩特, not of 西安: read under its province
        ("province=内蒙古自治区&city=呼和浩特市&countyName=新城区".encode(), b"", [], "610102", True),
        (b"shengdm=14&xiandm=610902", b"", [], "610902", True),  # parts that do not nest
        # A county's name under the codes above it is read there: 呼和浩特's, or under none of 安康's.
        ("shengdm=15&shidm=1501&countyName=新城区".encode(), b"", [], "610102", True),
        ("shengdm=61&shidm=6109&county=长安区".encode(), b"", [], "610116", True),
        # Look-alikes: the path's own county in parts, a part alone as before.
        (b"sheng=61&shi=09&xian=02", b"", [], "610902", False),
        ("province=陕西省&city=西安市&countyName=新城区".encode(), b"", [], "610102", False),
        ("shengdm=61&shidm=6101&countyName=新城区".encode(), b"", [], "610102", False),
        ("city=西安市".encode(), b"", [], "610902", False),
        (b"page=61&size=09", b"", [], "610902", False),
    ],
)
def test_a_region_named_in_parts_must_lie_in_the_paths_region(
    query: bytes, body: bytes, types: list[str], target: str, refused: bool
) -> None:
    """?sheng=61&shi=09&xian=21 and ?province=陕西省&city=安康市&county=汉阴县 named 汉阴县 to an
    upstream that reads the region in parts, on 汉滨区's path: no part was a region key (or a
    name under county said nothing), and the request went on."""
    named = named_regions(query, body, types, region_key, part_of=_part_of)
    verdict = outside_region(target, named, code_only)
    assert (verdict.code if verdict is not None else None) == ("region_parameter_outside" if refused else None)
