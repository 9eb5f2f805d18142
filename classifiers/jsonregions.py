"""The region side of one JSON walk: the items each placed by its own region fields, and a
region key over an object.

An object of a list that is not the answer's record list (a page nested deeper than
``structured.json_records`` looks, a household's members) and a row of column-wise records are
region items of their own (``Run.item``): the codes of one do not place a township named alone
in another. Items are numbered down from below ``ENVELOPE``, so none is a record's index; the
walker enters them (``enter``) as it walks them. A region key over an object or a list of them
({"regionCode": {"code": …, "name": …}}) gives the codes and names inside as the record's
region (``held``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .catalog import KeyInfo
from .jsonshapes import PlanOf
from .jsonvalues import _column, _leaves
from .persons import Persons
from .regionfields import DISAGREE, held_region
from .regionlevels import nested
from .structured import ENVELOPE, nested_region_code


class Regions:
    """The region items of one walk (``ColumnWalker``) and the region objects it meets."""

    def __init__(
        self,
        plan_of: PlanOf,
        persons: Persons,
        region_values: Callable[[Sequence[Any], bool, Sequence[int] | int], None],
        region_item: Callable[[int | None], None] | None,
    ) -> None:
        self.plan_of = plan_of
        self.persons = persons
        self.region_values = region_values  # a region key's column (catalog `regions`)
        # Told which object of a list that is not the record list (or which row of column-wise
        # records) the walk is in, for region judgement: each is placed by its own region fields
        # (Run.item). Items are numbered down from below ENVELOPE, so none is a record's index.
        self.region_item = region_item
        self.item: int | None = None
        self._next_item = ENVELOPE - 1
        # id of a column of column-wise records (an array, or pandas' object by row index, of
        # column_wise) -> the region item of its row 0; row i is item ``first - i``.
        self.rows_of: dict[int, int] = {}

    def held(self, node: Any, info: KeyInfo, record: int) -> None:
        """Note the region an object or a list of them under a region key holds."""
        # {"regionCode": {"code": …, "name": …}}: the keys inside are no region keys, yet
        # the codes under them are the record's region, and must be judged like one.
        # An object that holds no code at all ({"xzqh": {"mc": "紫阳县"}}) gives its
        # texts: read as no code, they leave the record's region unjudged; a name
        # beside its code must name the same region (regionfields.held_region).
        leaves = _leaves(node)
        codes = [leaf for leaf in leaves if nested_region_code(leaf)]
        # One region object with its parent's code that does not contain it ({"code":
        # "610902", "parent": {"code": "610800"}}) contradicts itself: unreadable. The
        # objects of a list are one region each; the parents that do contain the code
        # are dropped record by record (regionlevels.finest).
        objects = [node] if type(node) is dict else [item for item in node if type(item) is dict]
        if len(codes) > 1 and not all(nested(filter(nested_region_code, _leaves(each))) for each in objects):
            self.region_values((DISAGREE,), False, record)
        if info.region_code_only:  # {"areaCode": {"code": …}}: its codes only
            self.region_values(codes, True, record)
        else:
            texts = [leaf for leaf in leaves if type(leaf) is str]
            self.region_values(held_region(codes, texts), False, record)

    def enter(self, item: int | None) -> int | None:
        """Region values are of ``item`` from now on (None: of the walker's record); returns
        the item the walk was in, to enter again once out."""
        outer = self.item
        self.item = item
        if self.region_item is not None:
            self.region_item(item)
        return outer

    def column_wise(self, node: dict[str, Any]) -> None:
        """Column-wise records ({"xm": [...], "xzqhdm": [...], "xzqhmc": [...]}: record i is the
        i-th value of every array; pandas' to_json() by column, {"xm": {"0": …, "1": …}, …}, row
        "i" of every column), when a region key holds one of the columns, or, with no region
        key among them, a key naming a person ({"xm": [...], "lxdh": [...]}): each row is told a
        region item of its own (``rows_of``), so that the codes of one row do not place the
        township named alone in another, and each row naming a person counts as one
        (``Persons.apart``). Two columns at least, of values that are no objects; a shorter one
        lacks some rows' values. A region key beside them that holds no column ({"xzqhdm":
        "610902001", "tags": […]}) says the object is one record."""
        columns = [value for value in node.values() if _column(value)]
        if len(columns) < 2:
            return
        regional = [_column(value) for key, value in node.items() if self._region_key(key)]
        if not all(regional) or not (regional or any(self.persons.names_person(key, True) for key in node)):
            return
        rows = [len(column) if type(column) is list else 1 + max(map(int, column)) for column in columns]
        first = self.new_items(max(rows))
        for column in columns:
            self.rows_of[id(column)] = first

    def _region_key(self, key: str) -> bool:
        info = self.plan_of(key).info
        return info is not None and info.region

    def new_items(self, count: int) -> int:
        """The first of ``count`` new region items, numbered down: item ``first - i`` is the i-th;
        each lies in the item the walk is in."""
        first = self._next_item
        self._next_item -= count
        self.persons.lie_in(first, count, self.item)
        return first
