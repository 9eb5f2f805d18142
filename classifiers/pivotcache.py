"""A pivot cache (ECMA-376 part 1 §18.10) read back into the table it was made from.

A pivot table of counts by district is made from a cache of every row of its source: the
definition names the fields (the source's header) and lists each field's distinct values
(``sharedItems``); the records hold the rows, a value written out or an index into those
items. The source may be a sheet of the workbook or a query outside it, so the cache is not
always a copy of cells that were walked: it is read into a table under its fields' names and
walked as one, so that a name under 姓名 is found as it is in the sheet.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from .inspection import InspectionError
from .officezip import local, parse

# A record's values by tag: a string, a number, a date, a boolean, an error; a missing value.
_VALUES = ("s", "n", "d", "b", "e")


def read_fields(data: bytes, name: str) -> tuple[list[str], list[list[str]]]:
    """The fields' names and each field's shared items."""
    root, _, _ = parse(data, name, "workbook")
    fields = next((e for e in root if local(e.tag) == "cacheFields"), None)
    names: list[str] = []
    items: list[list[str]] = []
    for field in fields if fields is not None else ():
        if local(field.tag) != "cacheField":
            continue
        names.append(field.get("name") or "")
        shared = next((e for e in field if local(e.tag) == "sharedItems"), None)
        items.append([_value(item) for item in shared if local(item.tag) in _VALUES] if shared is not None else [])
    return names, items


def items_table(names: list[str], items: list[list[str]]) -> list[list[str]]:
    """The fields' shared items as a table under the fields' names, a column each."""
    depth = max((len(column) for column in items), default=0)
    rows = [[column[i] if i < len(column) else "" for column in items] for i in range(depth)]
    return [names, *rows] if rows else []


def read_records(data: bytes, name: str, names: list[str], items: list[list[str]]) -> list[list[str]]:
    """The records as a table under the fields' names, each index into a field's items read as
    the item it names."""
    root, _, _ = parse(data, name, "workbook")
    rows = [names]
    for record in root:
        if local(record.tag) != "r":
            continue
        values = [v for v in record if local(v.tag) != "extLst"]
        if len(values) != len(names):
            raise InspectionError("unparseable", f"a record of {name} has not a value for each field")
        rows.append([_record_value(v, items[i], name) for i, v in enumerate(values)])
    return rows


def _record_value(value: Element, items: list[str], name: str) -> str:
    tag = local(value.tag)
    if tag == "x":
        index = value.get("v", "0")
        if not index.isdigit() or int(index) >= len(items):
            raise InspectionError("unparseable", f"a record of {name} names an item that is not there")
        return items[int(index)]
    return _value(value)


def _value(item: Element) -> str:
    return item.get("v") or ""
