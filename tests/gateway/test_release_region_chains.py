"""A record's region written as its chain from the top in one field, and a code with the name of a
division below it (release stage, region scope): the last of the chain, or the name below, is the
record's region; codes or names that do not nest are unreadable (fail closed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.release_case import judged

OUTSIDE = "records_outside_region"
UNREADABLE = "records_region_unreadable"
JSON = "application/json"


def _json(*records: dict[str, Any]) -> bytes:
    return json.dumps({"items": [{"xm": "张伟", **record} for record in records]}, ensure_ascii=False).encode()


# A comma list of a code chain under a region key (a cascading picker's value joined): judged as
# no code at all, 汉滨区's own record was refused as unreadable. Its finest code decides now, in
# whatever order the chain is written; codes that are no chain (two counties, a city that does not
# hold the county) stay unreadable, which refuses wherever judging each code would, and more.
# (route's region, body, refusal or None)
_CODE_CHAINS = [
    ("610902", _json({"xzqhdm": "610000,610900,610902"}), None),
    ("610900", _json({"xzqhdm": "610000,610900,610902"}), None),
    ("610902", _json({"xzqhdm": "610000，610900，610902001"}), None),
    ("610902", _json({"xzqhdm": "610000 > 610900 > 610902"}), None),
    ("610902", _json({"xzqhdm": "610902,610900,610000"}), None),
    ("610902", _json({"regionCode": "610000|610902"}), None),
    ("610902", _json({"xzqhdm": "610000,610900,610921"}), OUTSIDE),
    ("610902", _json({"areaCode": "610000,610900,610921"}), OUTSIDE),  # released before: no code there
    # Look-alikes: codes that do not nest, or repeat, stay unreadable; so does one code's
    # digits run together.
    ("610902", _json({"xzqhdm": "610902,610921"}), UNREADABLE),
    ("610900", _json({"xzqhdm": "610902,610921"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610000,610700,610902"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610000,610900,610900"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610000610900610902"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610902", "ywbh": "610000,610900,610921"}), None),  # no region key
]


@pytest.mark.parametrize(("region", "body", "code"), _CODE_CHAINS)
def test_a_chain_of_codes_is_read_as_its_finest(region: str, body: bytes, code: str | None) -> None:
    judged(body, JSON, code, region)


# A region's path (regionPath, region_path, areaPath, 区划路径) was no region key: 汉阴县's and 汉台区's
# records went out on 汉滨区's route. (route's region, body, media type, refusal or None)
_PATHS = [
    ("610902", _json({"regionPath": "/610000/610900/610902/"}), JSON, None),
    ("610902", _json({"region_path": "陕西省/安康市/汉滨区"}), JSON, None),
    ("610902", _json({"areaPath": "610000/610900/610902001"}), JSON, None),
    ("610902", _json({"regionPath": "/610000/610900/610921/"}), JSON, OUTSIDE),
    ("610902", _json({"region_path": "陕西省/安康市/汉阴县"}), JSON, OUTSIDE),
    ("610902", _json({"areaPath": "陕西省/汉中市/汉台区"}), JSON, OUTSIDE),
    ("610902", _json({"areaPath": "/610000/610700/610702/"}), JSON, OUTSIDE),
    ("610902", _json({"区划路径": "陕西省/安康市/汉阴县"}), JSON, OUTSIDE),
    ("610902", "姓名,regionPath\n张伟,/610000/610900/610921/\n".encode(), "text/csv", OUTSIDE),
    (
        "610902",
        "<r><p><xm>张伟</xm><regionPath>/610000/610900/610921/</regionPath></p></r>".encode(),
        "application/xml",
        OUTSIDE,
    ),
    # Look-alikes: a path that names no one region is unreadable; another path key is no region.
    ("610902", _json({"regionPath": "/610902/610921/610922/"}), JSON, UNREADABLE),
    ("610902", _json({"regionPath": "华东/西北"}), JSON, UNREADABLE),
    ("610902", _json({"filePath": "/610000/610900/610921/"}), JSON, None),
]


@pytest.mark.parametrize(("region", "body", "media_type", "code"), _PATHS)
def test_a_region_path_is_judged_by_its_last_level(region: str, body: bytes, media_type: str, code: str | None) -> None:
    judged(body, media_type, code, region)


# Two county codes apart (610902/610921) were read as one 12-digit code of a village of 汉滨区, and
# 汉阴县's record went out on 汉滨区's route; under areaCode a list of codes that is no chain said
# nothing at all. Unreadable under a region key now; under areaCode each code is judged.
_CODES_APART = [
    ("610902", _json({"regionPath": "/610902/610921/"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610902/610921"}), UNREADABLE),
    ("610902", _json({"areaCode": "610902,610921"}), OUTSIDE),
    ("610902", _json({"areaCode": "610902"}, {"areaCode": "610921;610922"}), OUTSIDE),
    ("610900", _json({"areaCode": "610902,610921"}), None),
    # Look-alikes: a village's code in two groups, a code grouped by a hyphen, a code's chain.
    ("610902", _json({"xzqhdm": "610902 001001"}), None),
    ("610902", _json({"xzqhdm": "6109-02"}), None),
    ("610902", _json({"areaCode": "610902,610902001"}), None),
]


@pytest.mark.parametrize(("region", "body", "code"), _CODES_APART)
def test_codes_of_two_regions_apart_are_no_one_code(region: str, body: bytes, code: str | None) -> None:
    judged(body, JSON, code, region)


# A code with the name of a division below it in the same record ({"xzqhdm": "610900", "xzqhmc":
# "汉滨区"}): the city's code was judged as the record's region, and 汉滨区's record refused on its own
# route; a township key's (xzmc, 乡镇名称) was no key at all. The code is the name's parent now, as
# a parent's code beside a finer code is; a name that does not lie in the code is unreadable.
_BELOW = [
    ("610902", _json({"xzqhdm": "610900", "xzqhmc": "汉滨区"}), None),
    ("610902", _json({"xzqhdm": "610900", "xzmc": "汉滨区"}), None),
    ("610902", _json({"xzqhdm": "610000", "xzqhmc": "汉滨区"}), None),
    ("610902", _json({"regionCode": "610900", "regionName": "汉滨区"}), None),
    ("610900", _json({"xzqhdm": "610900", "xzmc": "汉台区"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610900", "xzmc": "汉台区"}), UNREADABLE),
    ("610902", _json({"xzqhdm": "610900", "xzqhmc": "汉阴县"}), OUTSIDE),
    # Look-alikes: the city's code alone in another record is still the city's; a township's
    # name alone says nothing of its place; a name above the code is a parent as before.
    ("610902", _json({"xzqhdm": "610900", "xzqhmc": "汉滨区"}, {"xzqhdm": "610900"}), OUTSIDE),
    ("610902", _json({"xzqhdm": "610900", "xzmc": "城关镇"}), OUTSIDE),
    ("610902", _json({"xzqhdm": "610902", "xzqhmc": "安康市"}), None),
]


@pytest.mark.parametrize(("region", "body", "code"), _BELOW)
def test_a_code_above_its_record_s_name_is_its_parent(region: str, body: bytes, code: str | None) -> None:
    judged(body, JSON, code, region)
