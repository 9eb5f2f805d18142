"""Rows a grid component returns, for the JSON walk (``fastjson.ColumnWalker``): a jqGrid's rows
under its column names (``{"colNames": ["姓名", …], "colModel": [{"name": "f1"}, …], "rows":
[{"f1": "张伟"}]}``, or each row's ``cell`` in the headings' order: ``jsonshapes.grid``), rows
keyed by a column model's keys beside it (Ant Design's and Element UI's ``columns`` of
``{"title": "姓名", "dataIndex": "f1"}``, layui's ``cols``, AG Grid's ``columnDefs``:
``column_model``), and a row of cell objects (``[{"v": "张伟"}, {"v": <ID number>}]``:
``jsonrows.cells``), whose cell shaped like a full name is the row's name when the others say a
person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .jsoncolumns import columns
from .jsonrows import cells as row_cells
from .jsonshapes import PlanOf, grid_keys, header_row
from .name_headings import PERSONAL_FIELDS

if TYPE_CHECKING:
    from .fastjson import ColumnWalker

# Members of an object holding a column model, and of a column's item: the key its rows hold the
# column's values under, and its heading (name is jqGrid's key, never a heading).
_MODELS: Final = ("columns", "cols", "columnDefs", "fields", "headers", "column")
_MODEL_KEYS: Final = ("dataIndex", "field", "prop", "accessorKey", "dataField", "key", "index", "name")
_MODEL_HEADINGS: Final = ("title", "label", "headerName", "header", "text", "caption", "displayName")
_LONGEST_HEADING = 64


def grid_rows(
    walker: ColumnWalker, rows: Any, node: dict[str, Any], names: list[str], path: str, record: int, embed: int
) -> tuple[Any, bool] | None:
    """A jqGrid's rows (``jsonshapes.grid``), each value judged under its column's heading, the
    rows column by column as records: keyed by the column model's names (``{"f1": "张伟"}``), or
    a row's ``cell`` holding the values in the headings' order. None when ``rows`` is no list
    of such rows (walked as it is) or a heading may hold findings (as ``jsontables.table``)."""
    if type(rows) is not list or not rows or not all(type(row) is dict for row in rows):
        return None
    if not all(walker.keys.clean(name) for name in names):
        return None
    is_records = id(rows) == walker.records_id
    width = len(names)
    if all(type(row.get("cell")) is list and len(row["cell"]) == width for row in rows):
        records = [dict(zip(names, row["cell"], strict=True)) for row in rows]
        if not columns(walker, records, path, record, embed, is_records, None):
            return rows, False
        return [{**row, "cell": list(item.values())} for row, item in zip(rows, records, strict=True)], True
    return model_rows(walker, rows, grid_keys(node, names), path, record, embed)


def column_model(node: dict[str, Any], plan_of: PlanOf) -> tuple[str, dict[str, str]] | None:
    """(the member holding a column model, {a row's key: its column's heading}) when ``node``
    holds a model of columns (``{"columns": [{"title": "姓名", "dataIndex": "f1"}, …]}``; layui's
    ``cols`` is a list of header rows) one of whose headings the catalog knows as an entity's key
    while the rows' key for it is none it knows; None otherwise. Only such keys are renamed: a key
    the catalog knows judges its values already."""
    for field in _MODELS:
        model = node.get(field)
        if type(model) is not list or not model:
            continue
        if type(model[0]) is list:  # [[{"field": "f1", "title": "姓名"}, …]]: rows of a header
            model = [column for row in model if type(row) is list for column in row]
        keys: dict[str, str] = {}
        for column in model:
            if type(column) is not dict:
                break
            key = next((column[m] for m in _MODEL_KEYS if type(column.get(m)) is str), None)
            heading = next((column[m] for m in _MODEL_HEADINGS if type(column.get(m)) is str), None)
            if key is None or heading is None or key == heading or len(heading) > _LONGEST_HEADING:
                continue
            info = plan_of(heading).info
            if info is not None and info.entity is not None and plan_of(key).info is None:
                keys[key] = heading
        if keys:
            return field, keys
    return None


def modelled_rows(
    walker: ColumnWalker, rows: Any, model: tuple[str, dict[str, str]], path: str, record: int, embed: int
) -> tuple[Any, bool] | None:
    """``model_rows`` for a member of an object holding a column model (``column_model``): a list
    of objects holding one of its keys at least; None for any other member."""
    if type(rows) is not list or not rows or type(rows[0]) is not dict or model[1].keys().isdisjoint(rows[0]):
        return None
    return model_rows(walker, rows, model[1], path, record, embed)


def model_rows(
    walker: ColumnWalker, rows: Any, keys: dict[str, str], path: str, record: int, embed: int
) -> tuple[Any, bool] | None:
    """Rows of objects keyed by a column model's keys (``keys``: each key's heading), each value
    judged under its column's heading, the rows column by column as records. None when ``rows``
    is no list of such rows (walked as it is) or a heading may hold findings (as
    ``jsontables.table``)."""
    if type(rows) is not list or not rows or not all(type(row) is dict for row in rows):
        return None
    if not keys or not all(walker.keys.clean(name) for name in keys.values()):
        return None
    renamed = [{keys.get(k, k): v for k, v in row.items()} for row in rows]
    if any(len(item) != len(row) for item, row in zip(renamed, rows, strict=True)):
        return None  # a heading that is another member's key: the rows are walked as they are
    if not columns(walker, renamed, path, record, embed, id(rows) == walker.records_id, None):
        return rows, False
    return [dict(zip(row, item.values(), strict=True)) for row, item in zip(rows, renamed, strict=True)], True


def cell_row(
    walker: ColumnWalker, node: list[dict[str, Any]], values: list[Any], path: str, record: int, embed: int
) -> tuple[Any, bool]:
    """A row of cell objects, walked as objects are; a cell shaped like a full name is a name
    as in a row of plain cells (``RowCells.name_cells``): when the others hold a person's ID
    number or mobile and name no one. Each of its members holding that text is masked (SheetJS'
    ``w``, the text as shown, beside ``v``)."""
    named = walker.cells.name_cells(values)
    before = walker.found() if named else None
    new, changed = walker.objects(node, path, record, embed)
    if before is None or not walker.names_no_one_else(before, False):
        return new, changed
    items = list(new)
    for i in named:
        cell = dict(items[i])
        for member, text in cell.items():
            if text == values[i]:
                masked = walker.visit(text, walker.member_name_plan, record, f"{path}[{i}].{member}", True)
                if masked is not None:
                    cell[member] = masked
                    changed = True
        items[i] = cell
    return (items, True) if changed else (new, False)


def cell_header(rows: list[Any], plan_of: PlanOf) -> list[str] | None:
    """The column names when the first of ``rows`` is a header row of cell objects (``[[{"v":
    "姓名"}, {"v": "身份证号"}], [{"v": "张伟"}, …]]``, as ``jsonshapes.header_row`` reads a row of
    strings); None otherwise."""
    first = rows[0]
    if len(rows) < 2 or type(first) is not list or not first or type(first[0]) is not dict:
        return None
    headings = row_cells(first)
    return None if headings is None else header_row([headings, *rows[1:]], plan_of, PERSONAL_FIELDS)
