"""Lists of the JSON walk (``fastjson.ColumnWalker``): a number in parts under one key
(``{"sfzh": ["610902", "19900101", "1234"]}``), a list of objects (column by column:
``ColumnWalker.objects``), a chart's axes, a row of cell objects, a table of rows under a header row
and ``[key, value]`` entries (``jsontables``), a photo's base64 cut into lines, and any other list
item by item: an object among other values is a region item of its own, and a row without keys
(``["张伟", <ID number>, <mobile>]``) is judged by what its cells are found to hold (``jsoncells``):
its name-shaped cells, a masked mobile beside a person, an ID number cut in two cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .jsoncells import CHART_AXES
from .jsongrid import cell_header, cell_row
from .jsonrows import ROW_KEYS, split_file, split_ids
from .jsonrows import cells as row_cells
from .jsonshapes import entries as entry_shape
from .jsonshapes import header_row
from .jsontables import axes, entries, table
from .masked_rows import mobiles as masked_mobiles
from .name_headings import PERSONAL_FIELDS
from .partkeys import in_parts

if TYPE_CHECKING:
    from .fastjson import ColumnWalker

# How an ID number in parts with no key is judged: as the value of an ID number's key.
_ID_LABEL: Final = "身份证号"


def walk_list(
    walker: ColumnWalker, node: list[Any], path: str, key: str | None, record: int, embed: int
) -> tuple[Any, bool]:
    """A list under ``key`` (None: a list in a list, or the document), walked as what it holds."""
    if key is not None and len(node) > 1 and type(node[0]) in (str, int) and in_parts(node, key, walker.plan_of):
        # {"sfzh": ["610902", "19900101", "1234"]}: one number in parts, judged whole
        parts = walker.numbers.parts([str(v) for v in node], key, record, path)
        if parts is not None:
            return parts, True
    if node and all(type(item) is dict for item in node):
        if key in CHART_AXES:  # {"xAxis": [{"data": ["张伟", "李娜"]}]}: each axis, walked as one
            return axes(walker, node, path, key, record, embed)
        cells = row_cells(node) if walker.cells.unknown_key(key) else None
        if cells is not None:  # [{"v": "张伟"}, {"v": <ID number>}]: a row of cell objects
            return cell_row(walker, node, cells, path, record, embed)
        return walker.objects(node, path, record, embed)
    if node and type(node[0]) is list:
        # [["姓名", "身份证号"], ["张伟", …]]; [["姓名", "性别"], …] was read as [key, value] entries
        names = header_row(node, walker.plan_of, PERSONAL_FIELDS) if len(node) > 1 else None
        if names is None and len(node) > 1:  # [[{"v": "姓名"}, …], [{"v": "张伟"}, …]]: cells
            names = cell_header(node, walker.plan_of)
        walked = None if names is None else table(walker, node, names, 1, path, key, record, embed)
        if walked is None and entry_shape(node, walker.plan_of):  # [["xm", "张伟"], ["sfzh", …]]
            walked = entries(walker, node, path, record, embed)
        if walked is not None:
            return walked
    if len(node) > 1 and split_file(node, key, walker.plan_of):
        # A photo's base64 cut into lines, a string each: one file, masked as one.
        masked = walker.visit("".join(node), walker.plan_of(key), record, path, True)
        if masked is not None:
            return [masked], True
    items: list[Any] | None = None
    is_records = id(node) == walker.records_id
    row = walker.regions.rows_of.get(id(node))  # a column of column-wise records: row i is item row - i
    # ["张伟", <ID number>, <mobile>]: a row without a header; a name beside a person's number
    # (jqGrid's rows hold their cells under "cell", which the catalog knows as a phone's key)
    unknown = walker.cells.unknown_key(key) or key in ROW_KEYS
    named = walker.cells.name_cells(node) if unknown else None
    before = walker.found() if named else None
    for i, v in enumerate(node):
        if row is None and (is_records or type(v) is not dict):
            new, changed = walker.walk(v, f"{path}[{i}]", key, i if is_records else record, embed)
        else:  # an object among other values, or a row's value: an item of its own
            item = walker.regions.new_items(1) if row is None else row - i
            if walker.persons.holds_person(v) if row is None else walker.persons.names_person(key, v):
                walker.persons.add(item)
                if row is None and walker.beside(record):
                    walker.persons.note(item, v)
            outer = walker.regions.enter(item)
            new, changed = walker.walk(v, f"{path}[{i}]", key, record, embed)
            walker.regions.enter(outer)
        if changed:
            items = list(node) if items is None else items
            items[i] = new
    if unknown:  # [610902, 199001011235]: an ID number in two cells, no key to say so
        for start, end in split_ids(node):
            parts = walker.numbers.parts([str(node[k]) for k in range(start, end)], _ID_LABEL, record, path)
            if parts is not None:
                items = list(node) if items is None else items
                items[start:end] = parts
    # ["张**", "138****8000"]: a mobile masked in part beside a person's name or ID number
    mobiles = masked_mobiles(node) if unknown and len(node) > 1 else None
    if mobiles:
        items = walker.cells.row_mobiles(node, items, mobiles, path, record)
    if named and (mobiles or (before is not None and walker.names_no_one_else(before, False))):
        for i in named:
            if items is None or items[i] is node[i]:
                masked = walker.visit(node[i], walker.member_name_plan, record, f"{path}[{i}]", True)
                if masked is not None:
                    items = list(node) if items is None else items
                    items[i] = masked
    return (items, True) if items is not None else (node, False)
