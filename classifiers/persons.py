"""Who a person named beside the answer's record list is, to count them once.

An answer may name persons outside its record list (``{"data": {"records": [...]}, "payload":
{"entries": [...]}}``): they count with the records, unless a record of the list names the same
person (fastjson.ColumnWalker.persons_beside). A person is told by an ID number, or by a name
with a phone: a phone alone may be a contact's. A name alone repeats (张伟) and cannot be told
apart from a record of the list spelt the same way: it counts only when no record of the list
carries that name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from .catalog import PHONE
from .detect import Plan
from .entities import person_name, resident_id

# What a record list's column says of who its records are.
WHO_KINDS: Final = frozenset({resident_id.ENTITY, person_name.ENTITY, PHONE})
_NESTED = 2  # objects among the members read for who the object is (GraphQL's {"node": {…}})


def _number(value: Any) -> str:
    # resident_id.canonical: the one spelling (full-width digits, zero-width characters and
    # separators folded) the inspection's persons are counted in, so that one person written
    # two ways in and beside the list is one.
    return f"id:{resident_id.canonical(str(value))}"


def _named(name: Any, phone: Any) -> str:
    return f"{str(name).strip()}|{''.join(c for c in str(phone) if c.isdigit())}"


def _bare(name: Any) -> str:
    """A name alone, as rosters pad it or not (张 伟, 张　伟)."""
    return f"name:{''.join(str(name).split())}"


def who_of(
    node: dict[str, Any], plan_of: Callable[[str | None], Plan], depth: int = 0, listed: bool = False
) -> list[str]:
    """Who an object says a person is: its ID number first, then its name with its phone, each
    a form of its own; its name alone when it says neither. ``listed``: a record of the list,
    whose name is a form whatever else it says (a bare name beside it may be its). In an object
    among its members too."""
    number: Any = None
    name: Any = None
    phone: Any = None
    forms: list[str] = []
    for key, value in node.items():
        if type(value) is dict:
            if depth < _NESTED:
                forms += who_of(value, plan_of, depth + 1, listed)
            continue
        if type(value) is not str and type(value) is not int:
            continue
        info = plan_of(key).info
        entity = info.entity if info is not None else None
        if entity == resident_id.ENTITY:
            number = value
        elif entity == person_name.ENTITY:
            name = value
        elif entity == PHONE:
            phone = value
    numbered = number is not None and bool(str(number).strip())
    if numbered:
        forms.insert(0, _number(number))
    if name is not None and str(name).strip():
        if phone is not None:
            forms.append(_named(name, phone))
        if listed or not (numbered or phone is not None):
            forms.append(_bare(name))  # a name alone: told by nothing else of its own
    return forms


def listed_who(
    rows: list[list[dict[str, Any]]],
    columns: list[tuple[str, Sequence[Any]]],
    plan_of: Callable[[str | None], Plan],
) -> set[str]:
    """Every form of who the records of a list are: of the lists walked object by object
    (``rows``) and of the columns walked whole (``columns``: (entity, the column's values as
    they came), the names and phones of one list zipped row by row)."""
    forms: set[str] = set()
    for items in rows:
        for item in items:
            if type(item) is dict:
                forms.update(who_of(item, plan_of, listed=True))
    by_entity: dict[str, list[Sequence[Any]]] = {}
    for entity, column in columns:
        by_entity.setdefault(entity, []).append(column)
    for numbers in by_entity.get(resident_id.ENTITY, []):
        forms.update(_number(value) for value in numbers if type(value) is str or type(value) is int)
    for names in by_entity.get(person_name.ENTITY, []):
        forms.update(_bare(name) for name in names if type(name) is str and name.strip())
        for phones in by_entity.get(PHONE, []):
            if len(names) == len(phones):
                forms.update(
                    _named(name, phone)
                    for name, phone in zip(names, phones, strict=True)
                    if type(name) is str and (type(phone) is str or type(phone) is int)
                )
    return forms
