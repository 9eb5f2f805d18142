"""Values judged by the keys and labels around them: keys that name a person, county names,
name/value pairs, values held apart from their field names, numbers in parts under a key, markup
and field names inside JSON strings."""

import json

import pytest

from support.inspected import INSPECTOR, PROFILES, inspected_json
from support.synth_people import make_card, make_id

ID_A, ID_B = make_id(seq="101"), make_id(seq="202")
_TABLE_ID = make_id(seq="303")


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # A map of person records keyed by name, two of them (walked column by column) or one.
        ({"data": {"张三": {"sfzh": ID_A}, "欧阳明月": {"lxdh": "13912345678"}}}, ["张三", "欧阳明月"]),
        ({"张三": {"sfzh": ID_A, "lxdh": "13912345678"}}, ["张三"]),
        # A person's number keyed by their name, and a household by relation.
        ({"张三": "13912345678", "李四": ID_B}, ["张三", "李四"]),
        ({"members": {"张三": "户主", "李四": "配偶", "王小明": "儿子"}}, ["张三", "李四", "王小明"]),
        # The register's one-character codes are relations too.
        ({"张三": "户主", "李四": "妻", "王小明": "子"}, ["张三", "李四", "王小明"]),
        ({"members": {"李四": "女", "王五": "母"}}, ["李四", "王五"]),
        # One record in a list is that record.
        ({"张三": [{"sfzh": ID_A, "lxdh": "13912345678"}]}, ["张三"]),
        ({"data": {"张三": [{"yhkh": make_card()}], "total": 1}}, ["张三"]),
    ],
)
def test_a_key_that_names_the_person_it_holds_is_masked(body: dict[str, object], names: list[str]) -> None:
    result = inspected_json(body, "caseworker")
    out = result.body.decode()
    assert not [name for name in names if name in out]
    assert result.entity_counts["PERSON_NAME"] == len(names)
    assert any(f.entity == "PERSON_NAME" and f.evidence == "key:member-name" for f in result.findings)


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        # Maps by district, statistics, field names that start with a surname, categories.
        ({"汉滨区": [{"sfzh": ID_A}], "安康": {"sfzh": ID_A}, "石泉县": {"sfzh": ID_B}}, ["汉滨区", "安康", "石泉县"]),
        ({"stats": {"王府": {"count": 3}, "李庄": {"count": 5}}}, ["王府", "李庄"]),
        ({"高龄": "老人", "方式": "其他", "时间": "2024-01-01", "房屋": "自有"}, ["高龄", "方式", "时间", "房屋"]),
        ({"items": [{"张三": "男"}, {"张三": "女"}]}, ["张三"]),
        # Envelopes whose records name their persons, a list of persons, a workplace's phone.
        ({"成员": {"xm": "李四", "sfzh": ID_A}, "单位": {"lxdh": "0915-3212345"}}, ["成员", "单位"]),
        ({"成员": [{"sfzh": ID_A}, {"sfzh": ID_B}]}, ["成员"]),
        # a place's or a unit's record with its contact mobile and a person under an unknown key
        ({"王府井": {"lxdh": "13912345678", "fzr": "李四"}}, ["王府井"]),
        # Places and groups over a record with an ID number (its responsible person's, its
        # member's): a region by its short name, a development zone, a village or landmark.
        ({"高新": {"sfzh": ID_A}}, ["高新"]),
        ({"王府井": {"sfzh": ID_A}}, ["王府井"]),
        ({"石泉": {"sfzh": ID_A}, "平利": {"sfzh": ID_B}}, ["石泉", "平利"]),  # a map, by column
        ({"李家庄": {"sfzh": ID_A}}, ["李家庄"]),
        ({"成员": {"sfzh": ID_A}, "单位": {"sfzh": ID_B, "bz": "无"}}, ["成员", "单位"]),
        ({"高龄": {"sfzh": ID_A}}, ["高龄"]),
        ({"成员": [{"sfzh": ID_A}], "高新": [{"sfzh": ID_B}]}, ["成员", "高新"]),
        # Several records under one key: an envelope or a category far more often than a
        # household under its head's name.
        ({"张三": [{"sfzh": ID_A}, {"sfzh": ID_B}]}, ["张三"]),
        ({"王府": "男", "李庄": "子"}, ["王府", "李庄"]),  # a gender is no relation; a place's final
    ],
)
def test_keys_shaped_like_names_stay_without_a_person_under_them(body: dict[str, object], keys: list[str]) -> None:
    result = inspected_json(body, "caseworker")
    assert not [f for f in result.findings if f.evidence == "key:member-name"]
    assert list(_keys(json.loads(result.body))) == list(_keys(body)) and set(keys) <= set(_keys(body))


# Counties and county-level cities across the country by their full names: the ones that start
# with a surname (韩城市, 华阴市, 张北县, 高明区), those of autonomous counties (石林彝族自治县,
# 龙胜各族自治县) and those of Shaanxi outside 安康 and 西安 (神木市, 府谷县).
COUNTY_NAMES = [
    "韩城市",
    "华阴市",
    "神木市",
    "府谷县",
    "彬州市",
    "黄陵县",
    "陈仓区",
    "张北县",
    "孟津区",
    "汤阴县",
    "林州市",
    "华容县",
    "温江区",
    "洪洞县",
    "于洪区",
    "高明区",
    "江山市",
    "罗平县",
    "石林彝族自治县",
    "龙胜各族自治县",
    "伊通满族自治县",
]


@pytest.mark.parametrize("county", COUNTY_NAMES)
def test_a_county_by_its_name_is_a_place_not_a_name(county: str) -> None:
    """Only 安康's and 西安's regions were known: a map by county elsewhere (韩城市, 华阴市) had
    its keys masked as the names of the persons in their records."""
    body = {county: {"sfzh": ID_A}}
    result = inspected_json(body, "caseworker")
    assert not [f for f in result.findings if f.evidence == "key:member-name"]
    assert list(_keys(json.loads(result.body))) == list(_keys(body))


@pytest.mark.parametrize("name", ["高明", "江山", "安宁", "方正"])
def test_a_short_county_name_that_is_also_a_given_name_is_masked_as_a_name(name: str) -> None:
    """高明 is a district of 佛山 and a common name: over a person's record, outside the regions
    of this deployment's dictionary, the name is what it is taken for."""
    result = inspected_json({name: {"sfzh": ID_A}}, "caseworker")
    assert name not in result.body.decode()
    assert any(f.evidence == "key:member-name" for f in result.findings)


def _keys(node: object) -> list[str]:
    if isinstance(node, dict):
        return [k for key, value in node.items() for k in (key, *_keys(value))]
    if isinstance(node, list):
        return [k for item in node for k in _keys(item)]
    return []


# Name/value pairs (dynamic forms, entity-attribute-value stores): the value is judged under
# the field name the pair holds.
@pytest.mark.parametrize(
    "body",
    [
        {"fields": [{"name": "xm", "value": "张伟"}, {"name": "sfzh", "value": _TABLE_ID}]},
        [{"label": "姓名", "value": "张伟"}, {"label": "备注", "value": "无"}],
        {"form": {"label": "姓名", "value": "张伟"}},
        {"items": [{"key": "联系人", "val": "张伟"}]},
        {"data": [{"field": "xm", "fieldValue": "张伟"}, {"field": "xb", "fieldValue": "男"}]},
        {"zdlb": [{"zdmc": "姓名", "zdz": "张伟"}]},
        [{"attributeName": "xm", "attributeValue": "张伟"}],
        [{"propName": "姓名", "propValue": "张伟"}],
        [{"paramName": "xm", "paramValue": "张伟"}],
        [{"fieldLabel": "姓名", "fieldValue": "张伟"}],
        {"fields": [{"label": "姓名", "text": "张伟"}, {"label": "状态", "text": "在保"}]},  # was in clear
    ],
)
def test_a_name_value_pair_is_judged_under_the_name_it_holds(body: object) -> None:
    result = inspected_json(body, "caseworker")
    assert "张伟" not in result.body.decode()
    assert result.entity_counts["PERSON_NAME"] == 1


def test_a_person_named_under_name_beside_a_value_stays_a_name() -> None:
    body = [{"name": "张伟", "value": 3}, {"name": "李娜", "value": 5}]
    result = inspected_json(body, "caseworker")
    assert "张伟" not in result.body.decode() and result.entity_counts["PERSON_NAME"] == 2
    assert [item["value"] for item in json.loads(result.body)] == [3, 5]


# More shapes that hold the field name apart from its value: [key, value] entries (a Map or a
# dict's items), parallel arrays, form state and change logs under the field's key, Google
# Charts' DataTable, a SheetJS worksheet, and pairs named k/v or title/content. Each went out
# with the name in clear: judged under a key that says nothing, a name has no evidence.
@pytest.mark.parametrize(
    "body",
    [
        [["xm", "张伟"], ["sfzh", _TABLE_ID]],
        {"data": [["姓名", "张伟"], ["手机号", "13912345678"]]},
        {"keys": ["xm", "lxdh"], "values": ["张伟", "13912345678"]},
        {"names": ["姓名", "身份证号"], "data": ["张伟", _TABLE_ID]},
        {"xm": {"value": "张伟", "dirty": False, "touched": True}},
        {"changes": {"xm": {"old": "张伟", "new": "张伟伟"}}},
        {"cols": [{"id": "xm", "label": "姓名"}], "rows": [{"c": [{"v": "张伟"}]}]},
        {
            "cols": [
                {"id": "A", "label": "姓名", "type": "string"},
                {"id": "B", "label": "身份证号", "type": "string"},
            ],
            "rows": [{"c": [{"v": "张伟", "f": "张伟"}, {"v": _TABLE_ID}]}, {"c": [None, {"v": ID_A}]}],
        },
        {"A1": {"v": "姓名"}, "B1": {"v": "身份证号"}, "A2": {"v": "张伟"}, "B2": {"v": _TABLE_ID}},
        {
            "!ref": "A1:B3",
            "A1": {"t": "s", "v": "低保对象名册"},
            "A2": {"t": "s", "v": "姓名"},
            "B2": {"t": "s", "v": "联系电话"},
            "A3": {"t": "s", "v": "张伟", "w": "张伟"},
            "B3": {"t": "n", "v": 13912345678, "w": "13912345678"},
        },
        [{"k": "xm", "v": "张伟"}, {"k": "xb", "v": "男"}],
        {"k": "xm", "v": "张伟"},
        [{"title": "姓名", "content": "张伟"}, {"title": "性别", "content": "男"}],
    ],
    ids=[
        "entries",
        "entries-zh",
        "parallel",
        "parallel-data",
        "form-state",
        "change-log",
        "google-datatable",
        "google-formatted",
        "sheetjs",
        "sheetjs-title-row",
        "k-v-list",
        "k-v",
        "title-content",
    ],
)
def test_a_value_held_apart_from_its_field_name_is_judged_under_it(body: object) -> None:
    result = inspected_json(body, "caseworker")
    out = result.body.decode()
    assert not [secret for secret in ("张伟", _TABLE_ID, ID_A, "13912345678") if secret in out]
    assert result.entity_counts["PERSON_NAME"] >= 1
    assert type(json.loads(out)) is type(body)


@pytest.mark.parametrize(
    "body",
    [
        # Entries, arrays and objects whose keys name no entity; a header beside a flat list
        # that is no row of values; a worksheet whose first row is no header.
        [["bz", "张伟"], ["zt", "李娜"]],
        {"fields": ["xm", "sfzh"], "required": ["张伟", "李娜"]},
        {"status": {"value": "张伟"}},
        {"A1": {"v": "备注"}, "A2": {"v": "张伟"}},
        [{"k": "bz", "v": "张伟"}],
    ],
)
def test_values_beside_field_names_the_catalog_does_not_know_stay(body: object) -> None:
    result = inspected_json(body, "caseworker")
    assert result.entity_counts.get("PERSON_NAME", 0) == 0
    assert json.loads(result.body) == body


# An ID number or a phone in parts, one member each (forms that take them in boxes): no part
# is a number, and the whole went out in clear. Judged whole under the key the parts' keys
# share, the mask cut back into parts.
@pytest.mark.parametrize(
    ("body", "masked", "entity"),
    [
        (
            {"sfzh1": _TABLE_ID[:6], "sfzh2": _TABLE_ID[6:]},
            {"sfzh1": _TABLE_ID[:6], "sfzh2": "********" + _TABLE_ID[-4:]},
            "RESIDENT_ID",
        ),
        (
            {"sfzh_1": _TABLE_ID[:6], "sfzh_2": _TABLE_ID[6:14], "sfzh_3": _TABLE_ID[14:]},
            {"sfzh_1": _TABLE_ID[:6], "sfzh_2": "********", "sfzh_3": _TABLE_ID[14:]},
            "RESIDENT_ID",
        ),
        (
            {"lxdh1": "139", "lxdh2": "1234", "lxdh3": 5678},
            {"lxdh1": "139", "lxdh2": "****", "lxdh3": "5678"},
            "MOBILE",
        ),
        (
            {"items": [{"xm": "张伟", "sjhm1": "139", "sjhm2": "12345678"}]},
            {"items": [{"xm": "张**", "sjhm1": "139", "sjhm2": "****5678"}]},
            "MOBILE",
        ),
    ],
    ids=["id-two-parts", "id-three-parts", "mobile-parts", "mobile-parts-in-records"],
)
def test_a_number_in_parts_under_its_key_is_judged_whole(body: object, masked: object, entity: str) -> None:
    result = inspected_json(body, "caseworker")
    assert json.loads(result.body) == masked
    assert result.entity_counts[entity] == 1


def test_numbers_under_indexed_keys_that_are_whole_or_no_entitys_stay_apart() -> None:
    body = {"phone1": "13912345678", "phone2": "13812345678", "je1": "123", "je2": "45678901"}
    result = inspected_json(body, "caseworker")
    assert json.loads(result.body) == {**body, "phone1": "139****5678", "phone2": "138****5678"}
    assert result.entity_counts == {"MOBILE": 2}


# XML or HTML held in a JSON string: read as text, its element names and labels were no
# evidence and a name in it went out in clear.
@pytest.mark.parametrize(
    "body",
    [
        {"xml": "<xm>张伟</xm>"},
        {"xml": f"<root><ns1:xm>张伟</ns1:xm><sfzh>{_TABLE_ID}</sfzh></root>"},
        {"items": [{"id": 1, "xml": "<xm>张伟</xm>"}, {"id": 2, "xml": "<person><xm>张伟</xm></person>"}]},
        {"content": "<p><b>姓名</b>张伟</p>"},
    ],
    ids=["value", "document", "column", "rich-text"],
)
def test_markup_in_a_json_string_is_walked_as_markup(body: object) -> None:
    result = inspected_json(body, "caseworker")
    out = result.body.decode()
    assert "张伟" not in out and _TABLE_ID not in out
    assert result.entity_counts["PERSON_NAME"] >= 1
    assert "</" in json.dumps(json.loads(out))  # still markup


def test_markup_in_a_json_string_without_a_person_stays() -> None:
    body = {"notice": "<p><b>备注</b>低保</p>", "xm": "<b>张伟</b>"}
    result = inspected_json(body, "caseworker")
    assert json.loads(result.body)["notice"] == body["notice"]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"detail": f"xm=张伟, sfzh={make_id()}"}, '"xm=张**, sfzh='),
        ({"remark": "name: 张伟"}, '"name: 张**"'),
        ({"msg": "申请失败 applicantName：欧阳娜娜，请核实"}, '"申请失败 applicantName：欧阳**，请核实"'),
        ({"items": [{"remark": "无"}, {"remark": "xm=张伟"}]}, '"xm=张**"'),  # a column
        ({"items": [{"remark": f"备注{k}"} for k in range(300)] + [{"remark": "name: 张伟"}]}, '"name: 张**"'),
        ({"remark": "name: 民政局, product: 王府井"}, '"name: 民政局, product: 王府井"'),  # no name, no name key
    ],
    ids=["value", "yaml-like", "full-width-colon", "column", "long-column", "not-names"],
)
def test_names_under_a_field_name_in_a_json_string_are_found(doc: object, expected: str) -> None:
    """A JSON string value was scanned as free text: a name under xm= or name: in it had no
    evidence and went out in clear, where the same text as a body was masked."""
    body = json.dumps(doc, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("caseworker"))
    assert expected in result.body.decode()
