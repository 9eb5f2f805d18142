"""Full names beside a person's number in a form body whose field names say nothing.

``a=张伟&b=<ID number>&a=李娜&b=<ID number>`` (a legacy service answering in
``application/x-www-form-urlencoded``, its fields named by position or by a code) masked the
numbers and let the names out: a form's value is judged under its field's name alone, and these
name nothing. The JSON walk's object rule (``jsoncells.RowCells.object_names``) reads such members
beside each other; here the same for a form: when no field is one the catalog knows and a value
the walk masked is an ID number its checksum proves, the values shaped like full names (no
weekday, place or county-level city) are visited as a name key's values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .detect import Plan
from .entities import resident_id
from .entities.name_lists import is_day_or_place
from .name_headings import full_name
from .structured import Cell, Visitor

# (the field's key as written, its field, its value, its record, did the walk change it)
FormField = tuple[str, str, str, int, bool]
# The key a full name beside the number is visited under, and fields that hold a word, not a name.
_NAME_KEY: Final = "xm"
_WORD_KEYS: Final = frozenset(("msg", "message", "error", "status", "state", "result", "type", "lx", "zt", "lb"))


def names_beside_numbers(
    fields: list[FormField], plan_of: Callable[[str | None], Plan], visit: Visitor
) -> dict[int, str]:
    """{the index of a field in ``fields``: its value masked as a name} (see the module)."""
    if len(fields) < 2 or not all(plan_of(field).info is None for _, field, _, _, _ in fields):
        return {}
    if not any(changed and resident_id.validate(value.strip()) for _, _, value, _, changed in fields):
        return {}
    out: dict[int, str] = {}
    for i, (key, field, value, record, changed) in enumerate(fields):
        if changed or field in _WORD_KEYS or not 1 < len(value) < 5:
            continue
        if not full_name(value) or is_day_or_place(value):
            continue
        new = visit(Cell(f"form.{key}", _NAME_KEY, value, record, True))
        if new is not None and new != value:
            out[i] = new
    return out
