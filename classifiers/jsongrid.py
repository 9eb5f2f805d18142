"""Rows a grid component returns, for the JSON walk (``fastjson.ColumnWalker``): a jqGrid's rows
under its column names (``{"colNames": ["姓名", …], "colModel": [{"name": "f1"}, …], "rows":
[{"f1": "张伟"}]}``, or each row's ``cell`` in the headings' order: ``jsonshapes.grid``), and a
row of cell objects (``[{"v": "张伟"}, {"v": <ID number>}]``: ``jsonrows.cells``), whose cell
shaped like a full name is the row's name when the others say a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .jsonshapes import grid_keys

if TYPE_CHECKING:
    from .fastjson import ColumnWalker


def grid_rows(
    walker: ColumnWalker, rows: Any, node: dict[str, Any], names: list[str], path: str, record: int, embed: int
) -> tuple[Any, bool] | None:
    """A jqGrid's rows (``jsonshapes.grid``), each value judged under its column's heading, the
    rows column by column as records: keyed by the column model's names (``{"f1": "张伟"}``), or
    a row's ``cell`` holding the values in the headings' order. None when ``rows`` is no list
    of such rows (walked as it is) or a heading may hold findings (as ``ColumnWalker._table``)."""
    if type(rows) is not list or not rows or not all(type(row) is dict for row in rows):
        return None
    if not all(walker.keys.clean(name) for name in names):
        return None
    is_records = id(rows) == walker.records_id
    width = len(names)
    if all(type(row.get("cell")) is list and len(row["cell"]) == width for row in rows):
        records = [dict(zip(names, row["cell"], strict=True)) for row in rows]
        if not walker.columns(records, path, record, embed, is_records, None):
            return rows, False
        return [{**row, "cell": list(item.values())} for row, item in zip(rows, records, strict=True)], True
    keys = grid_keys(node, names)
    renamed = [{keys.get(k, k): v for k, v in row.items()} for row in rows]
    if not keys or any(len(item) != len(row) for item, row in zip(renamed, rows, strict=True)):
        return None  # a heading that is another member's key: the rows are walked as they are
    if not walker.columns(renamed, path, record, embed, is_records, None):
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
