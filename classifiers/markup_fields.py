"""Where a value in XML or HTML finds its field name besides its element's: the attributes
that name a field or hold its value, and the heading of the table column it stands in.
"""

from __future__ import annotations

from .jsonpairs import PAIR_NAMES, PAIR_VALUES
from .markup_lexer import Elem

# Also the pairs' names of dynamic forms and attribute-value stores, as jsonshapes reads them in
# JSON (<field label="姓名" value="张伟"/>, <item fieldName="xm" fieldValue="张伟"/>: in clear until
# read so), with HTML's lowered forms.
_PAIRS = tuple(name for name in PAIR_NAMES if name.endswith(("Name", "Code", "Label")))
_NAMING = (
    *("name", "field", "key", "data-field", "data-key", "data-name", "property", "column", "prop", "id", "label"),
    *_PAIRS,
    *(name.lower() for name in _PAIRS),
    *("zdmc", "zdm"),
)
_PAIR_VALUES = tuple(name for name in PAIR_VALUES if name.endswith("Value"))
# (An XML attribute's name in capitals, Name or NAME, is looked up lowered: Markup._naming.)
_NAMING_SET = frozenset(_NAMING)
_VALUE_ATTRS = frozenset(
    {"value", "content", "data-value", "title", "val", "zdz", *_PAIR_VALUES, *(name.lower() for name in _PAIR_VALUES)}
)
# Inputs whose value is their caption (查询, 选择), not what the label before them names.
_BUTTONS = frozenset({"submit", "button", "reset", "image"})
# Cells whose label (the cell before them, a <dt>) stands for an input inside them.
_CELLS = frozenset({"td", "dd"})


def _cell(elem: Elem) -> tuple[Elem, int, int, bool] | None:
    """(table, row, column, is header) of the cell the element is, or is inside
    (``<td><span>张伟</span></td>``); None outside any cell."""
    node: Elem | None = elem
    while node is not None and node.cell is None and node.name != "table":
        node = node.parent
    return None if node is None else node.cell


def _header(elem: Elem) -> str | None:
    """The heading of the column of the cell the element is in (a value that had no key); a
    heading cell below the header row is a row's heading (<th scope="row">张伟</th>), under its
    column's heading as a <td> is."""
    cell = _cell(elem)
    if cell is None:
        return None
    table, row, col, is_header = cell
    if not table.headers or (is_header and row <= table.header_row):
        return None
    return table.headers[col] if col < len(table.headers) else None


def _in_header_row(elem: Elem) -> bool:
    """Is the element (or the cell it is in) in its table's header row?"""
    cell = _cell(elem)
    if cell is None:
        return False
    table, row, _, _ = cell
    return table.headers is not None and row == table.header_row
