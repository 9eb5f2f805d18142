"""Full names beside a person's number in one XML element's attributes whose names say nothing.

``<p a="张伟" b="<ID number>"/>`` (a legacy service writing a record's fields as attributes named
by position or by a code) masked the number and let the name out: an attribute's value is judged
under its name alone, and these name nothing. The JSON walk's object rule
(``jsoncells.RowCells.object_names``) reads such members beside each other; here the same for an
element's attributes: when no attribute's name is one the catalog knows and a value the walk
masked is an ID number its checksum proves, the values shaped like full names (no weekday, place
or county-level city) are visited as a name key's values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .entities import resident_id
from .entities.name_lists import is_day_or_place
from .markup_lexer import Item
from .markup_text import Edit
from .name_headings import full_name
from .structured import Cell

# (the attribute, its text as visited, its record, did the visit mask anything in it)
Attribute = tuple[Item, str, int, bool]
_NAME_KEY: Final = "xm"  # the key a full name beside the number is visited under
_WORD_KEYS: Final = frozenset(("msg", "message", "error", "status", "state", "result", "type", "lx", "zt", "lb"))


def names_beside_numbers(
    elements: dict[int, list[Attribute]],
    known: Callable[[str], bool],
    visit: Callable[[Cell], list[tuple[int, int, str]]],
) -> list[Edit]:
    """The edits masking the full names among each element's attributes (see the module)."""
    out: list[Edit] = []
    for attributes in elements.values():
        if len(attributes) < 2 or any(known(item.attr) for item, _, _, _ in attributes):
            continue
        if not any(changed and resident_id.validate(text.strip()) for _, text, _, changed in attributes):
            continue
        for item, text, record, changed in attributes:
            if changed or item.attr in _WORD_KEYS or not 1 < len(text) < 5:
                continue
            if not full_name(text) or is_day_or_place(text):
                continue
            for start, end, new in visit(Cell(item.path, _NAME_KEY, text, record, True)):
                out += item.value.raw_edits(start, end, new)
    return out
