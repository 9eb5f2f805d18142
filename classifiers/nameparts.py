"""A person's name written in two members or columns: the surname and the given name.

JSON-LD and forms made after foreign ones write ``{"familyName": "张", "givenName": "伟"}``
(``lastName``/``firstName``), systems keyed in pinyin ``{"xing": "张", "ming": "伟"}``, Chinese ones
``{"姓": "张", "名": "伟"}``, and exports the same as columns ``姓,名``. Neither part is a name
alone (one character under a weak key, or none the catalog knows), so both went out in clear.
The pair is judged as the name they join into, under a name key (``JOINED_KEY``), and the mask
is cut back into the parts (``cut``). One part alone under such a key (a surname beside no given
name) is weak evidence and stays as the walk judges it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any, Final

from .entities.name_lists import is_day_or_place
from .name_headings import full_name
from .structured import _child

if TYPE_CHECKING:
    from .csvcolumn import ValueVisitor
    from .detect import Plan
    from .numberparts import NumberParts

# A column's rows and values, and its rows' new values (None: unchanged).
Cells = tuple[list[int], list[str]]
Changed = list[tuple[int, list[int], list[str | None]]]

# The surname's key, and the given name's keys that pair with it.
_PAIRS: Final = {
    "familyName": ("givenName",),
    "family_name": ("given_name",),
    "lastName": ("firstName",),
    "last_name": ("first_name",),
    "lastname": ("firstname",),
    "surname": ("givenName", "given_name", "forename"),
    "xing": ("ming",),
    "姓": ("名",),
    "姓氏": ("名字", "名"),
}
# Every key of a pair: an object or a header holding none has no name in parts (one C-level pass).
KEYS: Final = frozenset((*_PAIRS, *(given for pair in _PAIRS.values() for given in pair)))
# The key the joined name is judged under: a full name's, which the catalog knows.
JOINED_KEY: Final = "xm"


def pair_keys(keys: Collection[str]) -> tuple[str, str] | None:
    """The surname's and the given name's keys among ``keys`` (an object's, a header's), or None."""
    for surname, givens in _PAIRS.items():
        if surname in keys:
            for given in givens:
                if given in keys:
                    return surname, given
    return None


def joined(surname: Any, given: Any) -> str | None:
    """The full name a surname and a given name join into (张 and 伟: 张伟), or None when the parts
    are no such pair: texts of one or two characters each, two to four together, a full name
    (``name_headings.full_name``: a known surname, no pseudonym, no county-level city), no day or
    place."""
    if type(surname) is not str or type(given) is not str:
        return None
    if not (0 < len(surname) < 3 and 0 < len(given) < 3):
        return None
    name = surname + given
    return name if full_name(name) and not is_day_or_place(name) else None


def masks(numbers: NumberParts, node: dict[str, Any], path: str, record: int) -> dict[str, Any] | None:
    """The masks of an object's surname and given name by key (``{"xing": "张", "ming": "伟"}``),
    when they join into a full name that a name key's values are masked as; None otherwise."""
    keys = pair_keys(node)
    if keys is None:
        return None
    surname, given = node[keys[0]], node[keys[1]]
    name = joined(surname, given)
    if name is None:
        return None
    new = numbers.visit(name, numbers.plan_of(JOINED_KEY), record, _child(path, keys[0]), True)
    return None if new is None else dict(zip(keys, cut(new, surname), strict=True))


def cut(mask: str, surname: str) -> tuple[str, str]:
    """A joined name's mask cut back into its parts: a mask that keeps the surname (张**, a
    caseworker's) leaves it and gives the given name the rest; any other (``[已屏蔽]``) goes
    into both."""
    if mask.startswith(surname) and len(mask) > len(surname):
        return surname, mask[len(surname) :]
    return mask, mask


def columns(
    header: list[str],
    cells: Callable[[int], Cells],
    changed: Changed,
    visit: ValueVisitor,
    plan_of: Callable[[str | None], Plan],
) -> Changed:
    """``changed`` (a CSV walk's columns that changed) with the surname's and the given name's
    columns of ``header`` (姓,名; xing,ming) masked where a row's two join into a full name."""
    keys = pair_keys(header)
    if keys is None:
        return changed
    at = header.index(keys[0]), header.index(keys[1])
    rows, surnames = cells(at[0])
    given_rows, givens = cells(at[1])
    given_of = dict(zip(given_rows, givens, strict=True))
    plan = plan_of(JOINED_KEY)
    by_row: tuple[dict[int, str], dict[int, str]] = ({}, {})
    for row, surname in zip(rows, surnames, strict=True):
        name = joined(surname, given_of.get(row))
        new = None if name is None else visit(name, plan, row, f"row {row + 1} col {keys[0]}", True)
        if new is not None:
            by_row[0][row], by_row[1][row] = cut(new, surname)
    if not by_row[0]:
        return changed
    out = [entry for entry in changed if entry[0] not in at]
    for col, masked in zip(at, by_row, strict=True):
        present, _ = cells(col)
        before = next((dict(zip(entry[1], entry[2], strict=True)) for entry in changed if entry[0] == col), {})
        out.append((col, present, [masked.get(row, before.get(row)) for row in present]))
    return out
