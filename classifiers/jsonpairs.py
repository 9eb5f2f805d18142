"""Name/value pairs and values held under their key, for the JSON walk (``fastjson.ColumnWalker``).

A pair naming its field (``{"name": "xm", "value": "张伟"}``: dynamic forms, entity-attribute-value
stores) puts the key where the walker sees a value, and the value under a key that says nothing;
an object under a key may hold that key's value in a member (``{"xm": {"value": "张伟", "dirty":
false}}``, ``{"xm": {"S": "张伟"}}``). Here they are recognised; the walker judges each value under
the field name the pair holds, or under the key above the object.
"""

from __future__ import annotations

from typing import Any, Final

from .jsonshapes import HEADER_FIELDS, LONGEST_KEY, PlanOf, entity_of

# A pair's member naming the field, and the member holding its value.
PAIR_NAMES = (
    "name",
    "k",
    "title",
    "label",
    "key",
    "field",
    "fieldName",
    "fieldCode",
    "fieldLabel",
    "attrName",
    "attributeName",
    "propName",
    "paramName",
    "colName",
    "columnName",
    "itemName",
    "zdmc",
    "zdm",
)
PAIR_VALUES = (
    "value",
    "val",
    "v",
    "content",
    "text",
    "fieldValue",
    "attrValue",
    "attributeValue",
    "propValue",
    "paramValue",
    "colValue",
    "columnValue",
    "itemValue",
    "zdz",
)
# Members of an object under a key that hold that key's value: form state ({"xm": {"value":
# "张伟", "dirty": false}}), a change log's ({"xm": {"old": "张伟", "new": "李娜"}}), a cell's of
# Google Charts ({"v": "张伟", "f": "张伟"}) or SheetJS ({"t": "s", "v": "张伟", "w": "张伟"}); a typed
# value's: DynamoDB's ({"xm": {"S": "张伟"}, "age": {"N": "80"}}) and Firestore's ({"xm": {"stringValue":
# "张伟"}}, its int64 as a string under integerValue), whose names went out in clear.
HELD_VALUES: Final = frozenset(
    {
        "S",
        "N",
        "stringValue",
        "integerValue",
        "value",
        "val",
        "v",
        "w",
        "f",
        "text",
        "displayValue",
        "defaultValue",
        "initialValue",
        "old",
        "new",
        "oldValue",
        "newValue",
        "before",
        "after",
    }
)
# Any of a table's header members or a pair's names: an object holding none is neither a table
# nor a pair (one set test).
SHAPE_FIELDS = frozenset(HEADER_FIELDS + PAIR_NAMES)
# The same as sets: an object is tested against each with one C-level pass.
_PAIR_NAME_SET = frozenset(PAIR_NAMES)
_PAIR_VALUE_SET = frozenset(PAIR_VALUES)


def held(node: dict[str, Any], plan_of: PlanOf, key: str | None) -> bool:
    """Does ``node``, under ``key``, hold that key's value in a member (``HELD_VALUES``)? The key
    names an entity, and the object names no field of its own (a pair, ``pair``)."""
    if key is None or HELD_VALUES.isdisjoint(node):
        return False
    return entity_of(key, plan_of) != "" and _PAIR_NAME_SET.isdisjoint(node)


def may_hold_pairs(item: dict[str, Any]) -> bool:
    """Has this object the members of a name/value pair (whatever they hold)?"""
    return not _PAIR_NAME_SET.isdisjoint(item) and not _PAIR_VALUE_SET.isdisjoint(item)


def pair(item: dict[str, Any], plan_of: PlanOf) -> tuple[str, str] | None:
    """(the member holding the value, the field name it is judged under) when ``item`` is a
    name/value pair naming a field the catalog knows as an entity's or a region's, or a part of
    one ({"name": "xzqhdm", "value": "610921101"}: the record's region, judged as under that
    key; {"name": "sheng", "value": "61"}); {"name":
    "张伟", "value": 3} names a person, no field, and is none. Other fields (business,
    categories) are left as they were judged: their values are found by content, and a select's
    options ({"label": "低保", "value": "1"}) would otherwise mark their record with a category."""
    for field in PAIR_VALUES:
        if field in item:
            for name_field in PAIR_NAMES:
                name = item.get(name_field)
                if type(name) is str and (entity_of(name, plan_of) or _region(name, plan_of)):
                    return field, name
            return None
    return None


def _region(key: str, plan_of: PlanOf) -> bool:
    """Does the catalog know ``key`` as a region key (regionCode, xzqhmc, 区划名称), or as a part
    of a region written apart (sheng, city: classifiers/regionparts.py)?"""
    if not key or len(key) > LONGEST_KEY:
        return False
    info = plan_of(key).info
    return info is not None and (info.region or info.region_part > 0)
