"""A region's name beside a record's code (release stage, region scope): a name of a division that
holds the record's code says nothing against it, as a parent's code does; a name of a division
that neither holds the code nor lies in it makes the record unreadable (fail closed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.release_case import judged

OUTSIDE = "records_outside_region"
UNREADABLE = "records_region_unreadable"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def _json(*records: dict[str, Any]) -> bytes:
    return json.dumps({"items": [{"xm": "张伟", **record} for record in records]}, ensure_ascii=False).encode()


# The city's name beside the county's code ({"xzqhmc": "安康市", "xzqhdm": "610902"}) was judged as a
# region of its own: 汉滨区's own record was refused on 汉滨区's route (over-refusal), where the city's
# code beside it was not. (route's region, body, media type, refusal or None)
_ABOVE = [
    ("610902", _json({"xzqhmc": "安康市", "xzqhdm": "610902"}), JSON, None),
    ("610902", _json({"xzqhmc": "陕西省", "xzqhdm": "610902"}), JSON, None),
    ("610902", _json({"xzqhmc": "陕西省安康市", "xzqhdm": "610902001"}), JSON, None),
    ("610902", _json({"regionName": "安康市", "regionCode": "610902"}), JSON, None),
    ("610902", _json({"区划名称": "安康", "区划代码": "610902"}), JSON, None),
    ("610902", _json({"xzqhmc": "安康市", "xzqh": {"dm": "610902"}}), JSON, None),
    ("610902", "姓名,区划名称,区划代码\n张伟,安康市,610902\n李娜,安康市,610902001\n".encode(), "text/csv", None),
    (
        "610902",
        "<r><p><xm>张伟</xm><xzqhmc>安康市</xzqhmc><xzqhdm>610902</xzqhdm></p></r>".encode(),
        "application/xml",
        None,
    ),
    ("610902", b"xm=a&xzqhmc=%E5%AE%89%E5%BA%B7%E5%B8%82&xzqhdm=610902", FORM, None),
    # Look-alikes: the code is still judged (another county of the city); a city's record, the
    # city's name alone, beside a county's record is still the city's; a name alone is judged as
    # before; a name below the code is judged as before.
    ("610902", _json({"xzqhmc": "安康市", "xzqhdm": "610921"}), JSON, OUTSIDE),
    ("610902", _json({"xzqhmc": "安康市", "xzqhdm": "610902"}, {"xzqhmc": "安康市"}), JSON, OUTSIDE),
    ("610902", "姓名,区划名称,区划代码\n张伟,安康市,610902\n李娜,安康市,\n".encode(), "text/csv", OUTSIDE),
    ("610902", _json({"xzqhmc": "安康市"}), JSON, OUTSIDE),
    ("610900", _json({"xzqhmc": "汉滨区", "xzqhdm": "610902"}), JSON, None),
    ("610902", _json({"xzqhmc": "汉滨区江北街道", "xzqhdm": "610902"}), JSON, None),
    ("610902", _json({"xzqhmc": "江北街道", "xzqhdm": "610902001"}), JSON, None),
    ("610902", _json({"xzqhmc": "安康市", "xzqhdm": "610902", "ywbh": "610921"}), JSON, None),
]


@pytest.mark.parametrize(("region", "body", "media_type", "code"), _ABOVE)
def test_a_name_above_the_record_s_code_says_nothing_against_it(
    region: str, body: bytes, media_type: str, code: str | None
) -> None:
    judged(body, media_type, code, region)


# A name that neither holds the record's code nor lies in it: the record's own region fields
# contradict each other. Judged each against the route, 汉阴县's name beside 汉滨区's code went out
# on 安康市's route, where both lie. (route's region, body, media type)
_ACROSS = [
    ("610900", _json({"xzqhmc": "汉阴县", "xzqhdm": "610902"}), JSON),
    ("610000", _json({"regionName": "汉阴县", "regionCode": "610902"}), JSON),
    ("610000", _json({"xzqhmc": "商洛市", "xzqhdm": "610902"}), JSON),
    ("610902", _json({"xzqhmc": "商洛市", "xzqhdm": "610902"}), JSON),
    ("610902", _json({"xzqhmc": "北京市", "xzqhdm": "610902"}), JSON),
    ("610900", "姓名,区划代码,区划名称\n张伟,610902,汉阴县\n".encode(), "text/csv"),
    ("610900", "<r><p><xm>张伟</xm><xzqhdm>610902</xzqhdm><xzqhmc>汉阴县</xzqhmc></p></r>".encode(), "application/xml"),
    ("610900", b"xm=a&regionCode=610902&regionName=%E6%B1%89%E9%98%B4%E5%8E%BF", FORM),
]


@pytest.mark.parametrize(("region", "body", "media_type"), _ACROSS)
def test_a_name_that_does_not_nest_with_the_record_s_code_is_unreadable(
    region: str, body: bytes, media_type: str
) -> None:
    judged(body, media_type, UNREADABLE, region)


# A chain of names written with separators between its levels (陕西省/安康市/汉滨区, 陕西省-安康市-汉滨区,
# 陕西省 > 安康市 > 汉滨区) named no division: 汉滨区's own record was refused as unreadable on its route.
# The separators are dropped between names, and the chain is read as written whole; two divisions
# of one level side by side still name no region. (record, refusal or None)
_SEPARATED: list[tuple[dict[str, Any], str | None]] = [
    ({"xzqhmc": "陕西省/安康市/汉滨区", "xzqhdm": "610902"}, None),
    ({"xzqhmc": "陕西省-安康市-汉滨区"}, None),
    ({"xzqhmc": "陕西省,安康市,汉滨区"}, None),
    ({"xzqhmc": "陕西省 > 安康市 > 汉滨区"}, None),
    ({"xzqhmc": "陕西省｜安康市｜汉滨区/江北街道"}, None),
    ({"所属地区": "陕西省/安康市/汉滨区"}, None),
    ({"xzqhmc": "陕西省/安康市/汉阴县"}, OUTSIDE),
    ({"所属地区": "安康市-汉阴县"}, OUTSIDE),
    ({"xzqhmc": "汉滨区/汉阴县"}, UNREADABLE),
    ({"xzqhmc": "汉滨区,汉阴县"}, UNREADABLE),
    ({"xzqhmc": "汉滨区、汉阴县"}, UNREADABLE),
    ({"xzqhmc": "汉滨区/全部"}, UNREADABLE),
]


@pytest.mark.parametrize(("record", "code"), _SEPARATED)
def test_a_chain_of_names_with_separators_is_read_as_one_chain(record: dict[str, Any], code: str | None) -> None:
    judged(_json(record), JSON, code)


# A record's region written as its chain of names in a list, as a cascading picker keeps it
# (xzqhmc: ["陕西省", "安康市", "汉滨区"]): each name was judged as a region of its own, and 汉滨区's own
# record was refused for its province's and city's names, where the same chain in codes
# (regionCodes: ["610000", "610900", "610902"]) was released. Names that name one division of the
# whole list and hold another name of their record are its parents. (record, refusal or None)
_NAMES_ALONE: list[tuple[dict[str, Any], str | None]] = [
    ({"xzqhmc": ["陕西省", "安康市", "汉滨区"]}, None),
    ({"regionNames": ["陕西省", "安康市", "汉滨区"]}, None),
    ({"xzqhmc": ["安康市", "汉滨区江北街道"]}, None),
    ({"所属地区": ["陕西省", "安康市", "汉滨区"]}, None),
    ({"xzqhmc": ["陕西省", "安康市", "汉阴县"]}, OUTSIDE),
    ({"xzqhmc": ["安康市", "汉阴县"]}, OUTSIDE),
    # A name above that does not hold the name below it: the record contradicts itself.
    ({"xzqhmc": ["汉中市", "汉滨区"]}, UNREADABLE),
    ({"xzqhmc": ["山西省", "安康市", "汉滨区"]}, UNREADABLE),
    # Look-alikes: a city alone is the city's; a city beside a township alone places nothing.
    ({"xzqhmc": ["安康市"]}, OUTSIDE),
    ({"xzqhmc": ["安康市", "城关镇"]}, OUTSIDE),
]


@pytest.mark.parametrize(("record", "code"), _NAMES_ALONE)
def test_a_chain_of_names_in_a_list_is_judged_by_its_finest(record: dict[str, Any], code: str | None) -> None:
    judged(_json(record), JSON, code)
