"""JSON shapes that hold the field names apart from the values: tables.

A value is judged under its key, and a name is found by its key alone. A table written as JSON
(`{"columns": ["xm", "sfzh"], "data": [["张伟", …]]}`, pandas' `orient="split"`, a list of
rows whose first row is the header, a jqGrid's headings over its column model, a list of
[key, value] entries) puts the keys where the walker sees values, and the values under a key
that says nothing (`data`, `rows`). Here the shapes are recognised; `fastjson.ColumnWalker`
then judges each cell under its column's name.

A header is only taken for one when the catalog knows what it names: an array of strings is
far more often words, tags or options than a header.

The other shapes of keys apart from their values have modules of their own: name/value pairs
and values held under their key (``jsonpairs``), a SheetJS worksheet (``jsonsheet``), a number
in parts in members of its own (``partkeys``). ``entity_of`` and ``PlanOf`` serve them all.
"""

from __future__ import annotations

from collections.abc import Callable
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
# The same as a set: an object is tested against it with one C-level pass.
HEADER_SET = frozenset(HEADER_FIELDS)
_SCALARS = (str, int, float, bool, type(None))
LONGEST_KEY: Final = 64  # a longer string is no field name: not looked up (plans are cached per key)


def entity_of(key: str, plan_of: PlanOf) -> str:
    """The entity the catalog knows ``key`` as the key of ("": none, or too long to be a key)."""
    if not key or len(key) > LONGEST_KEY:
        return ""
    info = plan_of(key).info
    return info.entity or "" if info is not None else ""


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
        if names is None or not names_an_entity(names, plan_of):
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
    if not all(type(name) is str and len(name) <= LONGEST_KEY for name in names):
        return None
    return names if names_an_entity(names, plan_of) else None


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
        named = named or entity_of(item[0], plan_of) != ""
    return named


def header_row(rows: list[Any], plan_of: PlanOf, personal: frozenset[str] = frozenset()) -> list[str] | None:
    """The column names when the first of ``rows`` is a header: strings the catalog all knows
    as keys (or fields only a person has, ``personal``: 性别, 年龄, which it does not), one of
    them an entity's, above rows of as many cells."""
    first = rows[0]
    if len(rows) < 2 or type(first) is not list or len(first) < 2:
        return None
    names: list[str] = []
    for cell in first:
        if type(cell) is not str or len(cell) > LONGEST_KEY or (cell not in personal and plan_of(cell).info is None):
            return None
        names.append(cell)
    if len(set(names)) < len(names) or not names_an_entity(names, plan_of) or not _rows_of(rows, len(names), 1):
        return None
    return names


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
            known = [c for c in candidates if len(c) <= LONGEST_KEY and plan_of(c).info is not None]
            names.append(known[0] if known else candidates[0])
        else:
            return None
    return names if len(set(names)) == len(names) else None


def names_an_entity(names: list[str], plan_of: PlanOf) -> bool:
    return any(entity_of(name, plan_of) for name in names)


def _rows_of(rows: Any, width: int, start: int) -> bool:
    """Is ``rows[start:]`` a non-empty list of arrays of ``width`` cells each?"""
    if type(rows) is not list or len(rows) <= start:
        return False
    return all(
        (type(row) is list and len(row) == width)
        or (type(row) is dict and type(row.get("c")) is list and len(row["c"]) == width)
        for row in rows[start:]
    )
