"""A region's name under the generic ``name`` key: ``{"code": "632801", "name": "格尔木市"}``.

``name`` is a weak key of a person's name (catalog.yaml), and 格尔木 is made of the characters
that transliterate Tibetan and Mongolian names, 安康 starts with a surname: both were masked in
a list of regions. The object's shape tells them apart: a ``name`` beside a region's code
(a GB/T 2260 code under a region key or a bare ``code``/``dm``/``id``) and beside no key of a
person's entity is a region's name, when its value names that region or one inside it (a
township's name under a township's code). Beside an ID number, a phone or an address it stays
a person's, and so does a value that names no region: ``{"code": "610921", "name": "张伟"}`` is
a person filed under a county's code.
"""

from __future__ import annotations

from typing import Any, Final

from .catalog import fold_key
from .entities import person_name
from .jsonshapes import PlanOf
from .regionnames import below_county, code_under, region_prefix
from .structured import division_code

# How ``name`` is spelt as a key: the pre-check, one C-level pass over an object's keys.
_NAME_KEYS: Final = frozenset({"name", "Name", "NAME"})
# Keys that say only "an identifier": beside a name, a GB/T 2260 code under one is the region's.
_CODE_KEYS: Final = frozenset({"code", "dm", "bm", "id", "value", "key", "adcode"})
# A region's entry is small (code, name, level, parent, children); a record is wider.
_MOST_FIELDS: Final = 8
_NONE: Final[frozenset[str]] = frozenset()


def region_names(node: dict[str, Any], plan_of: PlanOf) -> frozenset[str]:
    """The keys of ``node`` holding a region's name rather than a person's (``name`` beside a
    region's code, no person's key beside them): to be judged as keys the catalog does not know."""
    if _NAME_KEYS.isdisjoint(node) or not 2 <= len(node) <= _MOST_FIELDS:
        return _NONE
    names: list[str] = []
    code = ""
    for key, value in node.items():
        info = plan_of(key).info
        entity = info.entity if info is not None else None
        if entity == person_name.ENTITY and info is not None and info.weak:
            names.append(key)
        elif entity is not None:
            return _NONE  # an ID number, a phone, an address: a person's record
        elif not code and ((info is not None and info.region) or fold_key(key) in _CODE_KEYS):
            code = division_code(value)
    if not code or not all(_names_region(node[key], code) for key in names):
        return _NONE
    return frozenset(names)


def _names_region(value: Any, code: str) -> bool:
    """Does ``value`` name the region of ``code``, or one inside it? A township's or village's
    name (GB/T 2260 stops at counties) passes under a township's or village's code."""
    if not isinstance(value, str):
        return False
    named = code_under(value, code)
    if named:
        # The name of the code's own division or one inside it (汉阴县城关镇 under 610921100),
        # not of one above it: 安康 under 610921 may be a person's name (安 is a surname).
        return named.startswith(region_prefix(code[:6]))
    return len(code) > 6 and below_county(value)


def listed_region_names(items: list[dict[str, Any]], plan_of: PlanOf) -> frozenset[str]:
    """The keys holding a region's name in every object of a list: one person filed under a
    county's code among regions keeps that column a person's."""
    names = region_names(items[0], plan_of)
    for item in items[1:]:
        if not names:
            break
        names &= region_names(item, plan_of)
    return names
