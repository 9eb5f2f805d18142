"""JSON shapes that hold the field names apart from the values: tables and name/value pairs.

A value is judged under its key, and a name is found by its key alone. A table written as JSON
(`{"columns": ["xm", "sfzh"], "data": [["张伟", …]]}`, pandas' `orient="split"`, a list of
rows whose first row is the header) and a pair naming its field (`{"name": "xm", "value":
"张伟"}`: dynamic forms, entity-attribute-value stores) put the keys where the walker sees
values, and the values under a key that says nothing (`data`, `rows`, `value`). Here the
shapes are recognised; `fastjson.ColumnWalker` then judges each cell under its column's name
and each pair's value under the field name the pair holds.

A header is only taken for one when the catalog knows what it names: an array of strings is
far more often words, tags or options than a header.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any, Final

from .detect import Plan

PlanOf = Callable[["str | None"], Plan]

# Members holding a table's column names, beside a member holding its rows; also those of
# query engines' answers: ClickHouse's JSONCompact (meta/data), OpenSearch SQL (schema/datarows),
# Superset (colnames), an ECharts dataset (dimensions/source).
HEADER_FIELDS = (
    "columns",
    "cols",
    "column",
    "columnNames",
    "colNames",
    "colnames",
    "columnDefs",  # AG Grid's column model (jsongrid.column_model)
    "fields",
    "header",
    "headers",
    "titles",
    "meta",
    "schema",
    "dimensions",
    # Parallel arrays: {"keys": ["xm", "lxdh"], "values": ["张伟", "139…"]}.
    "keys",
    "names",
    # A report's or a page's table: {"head": ["姓名", …], "body": [[…]]}, thead/tbody; Chart.js's
    # labels ({"labels": [...], "datasets": [...]}: jsonobjects.members reads them as a chart's).
    "head",
    "thead",
    "labels",
)
# Members holding one row beside a header (parallel arrays), not a list of rows: a flat list
# elsewhere ({"fields": […], "required": […]}) is no row of values.
_ROW_FIELDS = ("values", "vals", "value", "row", "record", "data")
# Members of an object naming a column ({"name": "xm", "title": "姓名"}, {"dataIndex": "xm"}).
_COLUMN_NAME_FIELDS = ("name", "field", "key", "dataIndex", "prop", "code", "id", "title", "label")
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
# A SheetJS worksheet's cell address (A1 … XFD1048576); its other members begin with "!".
_CELL = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
# Any of them: an object holding none is neither a table nor a pair (one set test).
SHAPE_FIELDS = frozenset(HEADER_FIELDS + PAIR_NAMES)
# The same as sets: an object is tested against each with one C-level pass.
HEADER_SET = frozenset(HEADER_FIELDS)
_PAIR_NAME_SET = frozenset(PAIR_NAMES)
_PAIR_VALUE_SET = frozenset(PAIR_VALUES)
_SCALARS = (str, int, float, bool, type(None))
# The lengths of the numbers whose parts may stand in members of their own (split_numbers).
_ID = "RESIDENT_ID"
_NUMBER_LENGTHS = {_ID: (18,), "PHONE": (11,), "BANK_CARD": (16, 17, 18, 19)}
# Keys of an ID number's check character kept in a member of its own (校验码 jym, 校验位 jyw):
# one character says nothing alone, but right after the number's 17 digits it is the number's
# last (and, under a mask keeping the last four, shown as such).
CHECK_KEYS = frozenset({"jym", "jyw", "校验码", "校验位", "checkDigit", "checkChar"})
_CHECK_CHARS = "0123456789Xx"
_LONGEST_KEY = 64  # a longer string is no field name: not looked up (plans are cached per key)


def split_numbers(node: dict[str, Any], plan_of: PlanOf) -> list[tuple[str, list[str]]]:
    """Runs of adjacent members that hold the parts of one number (``{"sfzh1": "610902",
    "sfzh2": "199001011234"}``: forms that take an ID number or a phone in boxes), as (the key
    the catalog knows, the members' keys): each key is one naming an ID number, a phone or a
    bank card with a part index after it, each value digits, and the parts together as long
    as such a number, none of them alone (a second phone, ``phone2``, is a number of its own)."""
    out: list[tuple[str, list[str]]] = []
    base = ""
    keys: list[str] = []
    length = 0
    for key, value in [*node.items(), ("", None)]:  # a sentinel closes the last run
        part = str(value) if type(value) is int else value if type(value) is str else ""
        if (
            key in CHECK_KEYS
            and length == 17
            and len(part) == 1
            and part in _CHECK_CHARS
            and _entity(base, plan_of) == _ID
        ):
            keys.append(key)  # {"sfzh17": …, "jym": "5"}: the check character ends the number
            length += 1
            continue
        # A key with a part index (sfzh1), or an ID number's key holding its 17 digits alone,
        # which a check character's member may follow ({"sfzh": …, "校验码": "X"}).
        # Or a part's word after it (phone_prefix, phone_suffix; mobileHead, mobileTail).
        stem = (
            key.rstrip("0123456789_-")
            if key[-1:].isdigit()
            else _part_stem(key) or _pinyin_stem(key, node) or (key if len(part) == 17 else "")
        )
        if stem and stem == base and part and _digits(part):
            keys.append(key)
            length += len(part)
            continue
        if len(keys) > 1 and length in _NUMBER_LENGTHS.get(_entity(base, plan_of), ()):
            out.append((base, keys))
        base, keys, length = stem, [key], len(part)
        if not (stem and part and _digits(part)):
            base = ""
    return out


def in_parts(values: Collection[Any], key: str | None, plan_of: PlanOf) -> bool:
    """Do ``values`` (a list's items or an object's members, under ``key``) hold the parts of
    one number, as ``split_numbers`` members do: ``{"sfzh": ["610902", "19900101", "1234"]}``,
    ``{"sfzh": {"part1": "610902", …}}``? Under a key naming an ID number, a phone or a bank
    card, two parts at least, each digits, together as long as such a number (a list of two
    whole phones is no phone)."""
    if key is None or len(values) < 2:
        return False
    lengths = _NUMBER_LENGTHS.get(_entity(key, plan_of))
    if lengths is None:
        return False
    texts = [str(value) if type(value) is int else value if type(value) is str else "" for value in values]
    return all(text and _digits(text) for text in texts) and sum(map(len, texts)) in lengths


def may_split(keys: tuple[str, ...], plan_of: PlanOf) -> bool:
    """Could an object with these keys hold a number in parts (``split_numbers``)? A key that
    is a number's key the catalog knows with a part index after it (``sfzh1``), or a check
    character's key beside an ID number's (``sfzh``, ``jym``)."""
    return any(
        _entity(
            key.rstrip("0123456789_-") if key[-1:].isdigit() else _part_stem(key) or _pinyin_stem(key, keys), plan_of
        )
        in _NUMBER_LENGTHS
        for key in keys
    ) or (not CHECK_KEYS.isdisjoint(keys) and any(_entity(key, plan_of) == _ID for key in keys))


# A part's word after a number's key: {"phone_prefix": "139", "phone_suffix": "12345678"} went out
# whole, eleven digits in two members (only an index after the key was read so).
_PART_WORD = re.compile(r"[_-]?(?:prefix|suffix|head|tail|front|back)$", re.IGNORECASE)


def _part_stem(key: str) -> str:
    """``key`` without a part's word after it (phone_prefix: phone); "" when it has none."""
    m = _PART_WORD.search(key)
    return key[: m.start()] if m is not None and m.start() > 0 else ""


# A part's pinyin initials after a number's key, in pairs: q and h (前, 后), qb and hb (前半, 后半), qd
# and hd (前段, 后段): {"sfzhq": "610902", "sfzhh": "199001011235"} went out, neither part alone a
# number. Only with the pair's other key beside it: one q or h ends many a key (sfzh, lxdh).
_PINYIN_PARTS = {"q": "h", "h": "q", "qb": "hb", "hb": "qb", "qd": "hd", "hd": "qd"}


def _pinyin_stem(key: str, keys: Collection[str]) -> str:
    """``key`` without a part's pinyin initials after it when the pair's other key stands in
    ``keys`` (sfzhq beside sfzhh: sfzh); "" when it has none."""
    for length in (2, 1):
        other = _PINYIN_PARTS.get(key[-length:])
        if other is not None and len(key) > length + 1 and key[:-length] + other in keys:
            return key[:-length]
    return ""


def _digits(part: str) -> bool:
    """Digits, the last maybe an ID number's check character X."""
    return part.isascii() and (part.isdigit() or (part[:-1].isdigit() and part[-1:] in "Xx"))


def _entity(key: str, plan_of: PlanOf) -> str:
    """The entity the catalog knows ``key`` as the key of ("": none, or too long to be a key)."""
    if not key or len(key) > _LONGEST_KEY:
        return ""
    info = plan_of(key).info
    return info.entity or "" if info is not None else ""


def _region(key: str, plan_of: PlanOf) -> bool:
    """Does the catalog know ``key`` as a region key (regionCode, xzqhmc, 区划名称), or as a part
    of a region written apart (sheng, city: classifiers/regionparts.py)?"""
    if not key or len(key) > _LONGEST_KEY:
        return False
    info = plan_of(key).info
    return info is not None and (info.region or info.region_part > 0)


def table(node: dict[str, Any], plan_of: PlanOf) -> tuple[str, list[str]] | None:
    """(the member holding the rows, the column names) when ``node`` is a table: a header
    member whose names include one the catalog knows as an entity's, and a member holding
    rows, each an array as long as the header (or Google Charts' ``{"c": [cells]}``), or one
    row of as many values (parallel arrays: ``{"keys": [...], "values": [...]}``)."""
    for field in HEADER_FIELDS:
        header = node.get(field)
        if type(header) is not list or not header:
            continue
        names = _column_names(header, plan_of)
        if names is None or not _names_an_entity(names, plan_of):
            continue
        width = len(names)
        for key, rows in node.items():
            if key != field and (_rows_of(rows, width, 0) or (key in _ROW_FIELDS and flat_row(rows, width))):
                return key, names
    return None


def grid(node: dict[str, Any], plan_of: PlanOf) -> list[str] | None:
    """The column names of a jqGrid (``{"colNames": ["姓名", "身份证号"], "colModel": [{"name": "f1"},
    {"name": "f2"}], "rows": [{"f1": "张伟", "f2": …}]}``): its headings, one of them an entity's key
    the catalog knows, when its column model names as many columns; the model's names are the
    keys of its rows (``grid_keys``), or the cells of a row's ``cell`` stand in their order (also
    without a model: ``{"colNames": [...], "rows": [{"id": 1, "cell": ["张伟", "男"]}]}``)."""
    names = node.get("colNames")
    model = node.get("colModel", names)  # without a model, only rows of cells can be read
    if type(names) is not list or type(model) is not list or not names or len(names) != len(model):
        return None
    if not all(type(name) is str and len(name) <= _LONGEST_KEY for name in names):
        return None
    return names if _names_an_entity(names, plan_of) else None


def grid_keys(node: dict[str, Any], names: list[str]) -> dict[str, str]:
    """The heading of each key of a jqGrid's rows (``grid``), by its column model's ``name``
    (or ``index``)."""
    keys: dict[str, str] = {}
    for column, name in zip(node.get("colModel", names), names, strict=True):
        key = column.get("name", column.get("index")) if type(column) is dict else None
        if type(key) is str and key != name:
            keys[key] = name
    return keys


def flat_row(row: Any, width: int) -> bool:
    """Is ``row`` one row of ``width`` values (scalars: a list of rows is no row)?"""
    return type(row) is list and len(row) == width and all(type(cell) in _SCALARS for cell in row)


def cells_of(row: Any) -> list[Any]:
    """The cells of a table's row: the row itself, or Google Charts' ``{"c": [cells]}``."""
    return row["c"] if type(row) is dict else row  # type: ignore[no-any-return]


def entries(node: list[Any], plan_of: PlanOf) -> bool:
    """Is ``node`` a list of [key, value] entries (``[["xm", "张伟"], ["sfzh", …]]``: a Map or
    a dict's items written as JSON), one of its keys an entity's in the catalog?"""
    named = False
    for item in node:
        if type(item) is not list or len(item) != 2 or type(item[0]) is not str:
            return False
        named = named or _entity(item[0], plan_of) != ""
    return named


def sheet(node: dict[str, Any], plan_of: PlanOf) -> dict[str, str] | None:
    """The heading of each cell below a SheetJS worksheet's header row (``{"A1": {"v": "姓名"},
    "A2": {"v": "张伟"}, "!ref": "A1:A2"}``), by cell address: the header is the first row
    whose cells are all keys the catalog knows, one an entity's (a title row may stand above
    it); None when ``node`` is no worksheet or has no such row."""
    rows: dict[int, dict[str, str]] = {}
    for ref, cell in node.items():
        if ref[:1] == "!":
            continue
        m = _CELL.fullmatch(ref)
        if m is None or type(cell) is not dict:
            return None
        text = cell.get("v")
        row = rows.setdefault(int(m.group(2)), {})
        row[m.group(1)] = text if type(text) is str else ""
    header_at = 0
    heading: dict[str, str] = {}
    for number in sorted(rows):
        names = list(rows[number].values())
        if all(name and len(name) <= _LONGEST_KEY and plan_of(name).info is not None for name in names) and (
            _names_an_entity(names, plan_of)
        ):
            header_at, heading = number, rows[number]
            break
    if not heading:
        return None
    out: dict[str, str] = {}
    for ref in node:
        m = _CELL.fullmatch(ref)
        if m is not None and int(m.group(2)) > header_at and m.group(1) in heading:
            out[ref] = heading[m.group(1)]
    return out


def may_be_sheet(first: str) -> bool:
    """Could an object whose first key is ``first`` be a SheetJS worksheet (``sheet``)? A
    cell's address (an upper-case letter first, a digit last) or "!ref"."""
    return first[:1] == "!" or ("A" <= first[:1] <= "Z" and "0" <= first[-1:] <= "9")


def held(node: dict[str, Any], plan_of: PlanOf, key: str | None) -> bool:
    """Does ``node``, under ``key``, hold that key's value in a member (``HELD_VALUES``)? The key
    names an entity, and the object names no field of its own (a pair, ``pair``)."""
    if key is None or HELD_VALUES.isdisjoint(node):
        return False
    return _entity(key, plan_of) != "" and _PAIR_NAME_SET.isdisjoint(node)


def header_row(rows: list[Any], plan_of: PlanOf, personal: frozenset[str] = frozenset()) -> list[str] | None:
    """The column names when the first of ``rows`` is a header: strings the catalog all knows
    as keys (or fields only a person has, ``personal``: 性别, 年龄, which it does not), one of
    them an entity's, above rows of as many cells."""
    first = rows[0]
    if len(rows) < 2 or type(first) is not list or len(first) < 2:
        return None
    names: list[str] = []
    for cell in first:
        if type(cell) is not str or len(cell) > _LONGEST_KEY or (cell not in personal and plan_of(cell).info is None):
            return None
        names.append(cell)
    if len(set(names)) < len(names) or not _names_an_entity(names, plan_of) or not _rows_of(rows, len(names), 1):
        return None
    return names


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
                if type(name) is str and (_entity(name, plan_of) or _region(name, plan_of)):
                    return field, name
            return None
    return None


def _column_names(header: list[Any], plan_of: PlanOf) -> list[str] | None:
    """The names a header gives its columns (strings, or objects naming them), all distinct."""
    names: list[str] = []
    for item in header:
        if type(item) is str:
            names.append(item)
        elif type(item) is dict:
            candidates = [item[f] for f in _COLUMN_NAME_FIELDS if type(item.get(f)) is str]
            if not candidates:
                return None
            # {"title": "姓名", "field": "col3"}: the member the catalog knows names the column.
            known = [c for c in candidates if len(c) <= _LONGEST_KEY and plan_of(c).info is not None]
            names.append(known[0] if known else candidates[0])
        else:
            return None
    return names if len(set(names)) == len(names) else None


def _names_an_entity(names: list[str], plan_of: PlanOf) -> bool:
    return any(_entity(name, plan_of) for name in names)


def _rows_of(rows: Any, width: int, start: int) -> bool:
    """Is ``rows[start:]`` a non-empty list of arrays of ``width`` cells each?"""
    if type(rows) is not list or len(rows) <= start:
        return False
    return all(
        (type(row) is list and len(row) == width)
        or (type(row) is dict and type(row.get("c")) is list and len(row["c"]) == width)
        for row in rows[start:]
    )
