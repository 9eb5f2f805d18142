"""Who a person named beside the answer's record list is, to count them once.

An answer may name persons outside its record list (``{"data": {"records": [...]}, "payload":
{"entries": [...]}}``): they count with the records, unless a record of the list names the same
person (``Persons.beside``). A person is told by an ID number, or by a name
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
from .jsonvalues import _held

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


class Persons:
    """The persons a JSON walk meets outside the answer's record list, counted once
    (``Inspection.persons_apart``, ``persons_beside``): the walker (fastjson.ColumnWalker) tells
    it the items it enters, the objects and rows that hold a person, and the record list's
    columns and objects; it tells who holds whom and who is named beside the list."""

    def __init__(self, plan_of: Callable[[str | None], Plan], entities: frozenset[str]) -> None:
        self.plan_of = plan_of
        # The items holding a field of one of ``entities`` (a name, an ID number), and the item
        # each item lies in.
        self._entities = entities
        self._people: set[int] = set()
        self._parents: dict[int, int | None] = {}
        # Who each such item in the envelope says it is (``who_of``), when the answer has a
        # record list: counted beside the list unless the list names the same person
        # (``beside``). The list's records are read for that only then: the columns of its ID
        # numbers, names and phones as walked (before masking), or its objects walked one by
        # one (left unmasked: their masks go into copies).
        self._who: dict[int, list[str]] = {}
        self._listed: list[tuple[str, Sequence[Any]]] = []
        self._listed_rows: list[list[dict[str, Any]]] = []

    def lie_in(self, first: int, count: int, parent: int | None) -> None:
        """Items ``first`` down to ``first - count + 1`` lie in item ``parent``."""
        self._parents.update(dict.fromkeys(range(first - count + 1, first + 1), parent))

    def add(self, item: int) -> None:
        """Item ``item`` holds a person."""
        self._people.add(item)

    def column(self, first: int, key: str | None, column: Sequence[Any]) -> None:
        """The rows of a column (row i is item ``first - i``) whose value names a person."""
        self._people.update(first - i for i, value in enumerate(column) if self.names_person(key, value))

    def note(self, item: int, node: dict[str, Any]) -> None:
        """Who an object beside the record list says it is."""
        forms = who_of(node, self.plan_of)
        if forms:
            self._who[item] = forms

    def listed_column(self, entity: str | None, column: Sequence[Any]) -> None:
        """A column of the record list, read for who its records are if it may say it."""
        if entity is not None and entity in WHO_KINDS:
            self._listed.append((entity, column))

    def listed_rows(self, items: list[dict[str, Any]]) -> None:
        """The record list's objects, walked one by one."""
        self._listed_rows.append(items)

    def names_person(self, key: str | None, value: Any) -> bool:
        """Is ``value`` a person's name or ID number (by its key), present, or an object holding
        one (GraphQL's {"node": {"xm": …}})?"""
        if type(value) is dict:
            return self.holds_person(value)
        info = self.plan_of(key).info
        return info is not None and info.entity in self._entities and _held(value)

    def holds_person(self, node: Any) -> bool:
        """Does an object hold a person's name or ID number, in its members or in an object
        among them? (Not in a list among them: its objects are items of their own.)"""
        return type(node) is dict and any(self.names_person(key, value) for key, value in node.items())

    def apart(self) -> int:
        """How many objects outside the answer's record list hold a person's name or ID number
        (a page nested deeper than ``json_records`` looks, GraphQL's edges, OData's ``value``, a
        household's members, the rows of column-wise records). One that holds such objects
        counts by them, not beside them: a household counts for its members, its head among
        them, wherever the list of households lies."""
        return len(self._apart())

    def _apart(self) -> set[int]:
        """The items holding a person that hold no such item (``apart``)."""
        holders: set[int] = set()
        for item in self._people:
            parent = self._parents.get(item)
            while parent is not None and parent not in holders:
                holders.add(parent)
                parent = self._parents.get(parent)
        return self._people - holders

    def beside(self) -> int:
        """How many persons the objects beside the answer's record list (``note``: counted in
        ``apart``, yet not with the list's records) name that its records do not: by ID number,
        or by name and phone, or by a name alone that no record of the list carries (one that a
        record carries may be that person, and is not counted again)."""
        if not self._who:
            return 0
        people = self._apart()
        listed = listed_who(self._listed_rows, self._listed, self.plan_of)
        beside = {forms[0] for item, forms in self._who.items() if item in people and listed.isdisjoint(forms)}
        return len(beside)
