"""Column-wise JSON walk for the request path.

Visiting values one by one costs a few microseconds per value in Python, more than the
detection itself. Here a list of objects (the record list, or any nested list of objects) is
processed column by column (``jsoncolumns``); objects that may hold findings in their keys,
and the shapes an object holds, member by member (``jsonobjects``); other lists by what they
hold (``jsonlists``, ``jsontables``). Object keys are scanned too: a map keyed by ID numbers
must not leak them. This module holds the walk's state (who the persons are, the regions, the
keys and values found clean) and its dispatch: a value to the module for its shape.

Masks are written into the objects in place: the document is the inspector's own parse,
which nothing else holds, and copying every record of a response cost more than masking it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, Final

from .columnbatch import Categories, ColumnBatch, KeyedVisitor
from .columns import whole_number
from .detect import Plan
from .jsonaddressed import ROW_SET
from .jsonaddressed import cells as addressed_cells
from .jsoncells import CHART_AXES, RowCells
from .jsoncolumns import columns
from .jsoncompound import CompoundValues
from .jsonembedded import embedded
from .jsongraph import LINK_SET, elements
from .jsonkeys import ObjectKeys
from .jsonlists import walk_list
from .jsonobjects import members, rows
from .jsonpairs import HELD_VALUES, SHAPE_FIELDS, held, may_hold_pairs, pair
from .jsonregions import Regions
from .jsonshapes import HEADER_SET, PlanOf
from .jsontables import cell_rows
from .jsonvalues import _by_row_index, _embedded_json
from .name_headings import PERSONS_KEYS
from .nameparts import KEYS as NAME_PART_KEYS
from .nameparts import pair_keys
from .numberparts import NumberParts
from .partkeys import in_parts, split_numbers
from .persons import Persons
from .structured import ENVELOPE, json_records
from .valuepaths import Ref, ValueVisitor

_MAX_EMBEDDED: Final = 3


class ColumnWalker:
    def __init__(
        self,
        visit: ValueVisitor,
        plan_of: PlanOf,
        finds: Callable[[str], bool],
        keyed_column: KeyedVisitor,
        category_rows: Categories,
        clean_keys: set[str],
        clean_values: set[tuple[int, str]],
        region_values: Callable[[Sequence[Any], bool, Sequence[int] | int], None],
        found: Callable[[], tuple[int, int, int, int]],
        member_name_plan: Plan,
        split_keys: dict[tuple[str, ...], bool] | None = None,
        region_item: Callable[[int | None], None] | None = None,
        person_entities: frozenset[str] = frozenset(),
        region_part: Callable[[int, Sequence[Any], Sequence[int] | int], None] | None = None,
        compound_keys: dict[str, tuple[str, tuple[str, ...]] | None] | None = None,
    ) -> None:
        self.visit = visit
        self.batch = ColumnBatch(keyed_column, category_rows)
        self.region_values = region_values  # a region key's column (catalog `regions`)
        self.region_part = region_part  # a column of one level of the region written apart (sheng, city)
        self.plan_of = plan_of
        self.found = found  # (ID numbers and cards, mobiles, names, landlines and addresses) found so far
        self.member_name_plan = member_name_plan
        self.records_id: int | None = None
        # Persons in no record list, and those beside it (persons.py): the walk tells it the
        # items it enters and what they hold; ``person_entities`` say a person (a name, an ID number).
        self.person_entities = person_entities
        self.persons = Persons(plan_of, person_entities)
        self.regions = Regions(plan_of, self.persons, region_values, region_item)
        self.keys = ObjectKeys(visit, plan_of, finds, clean_keys)
        # (id of the plan, or 0 for a key the catalog does not know; value): values in which
        # detection found nothing before (see detections.Detections.detected), skipped without a visit.
        self.clean_values = clean_values
        self.numbers = NumberParts(visit, plan_of, {} if split_keys is None else split_keys)
        # Values under keys naming two fields (姓名/性别: jsoncompound.py), the keys remembered by the
        # detector across walks.
        self.compound = CompoundValues(visit, plan_of, {} if compound_keys is None else compound_keys)
        self.cells = RowCells(visit, plan_of, self.keys, member_name_plan)  # rows without keys: who they are
        # The free text walked (no entity's key, more than ASCII; a column's joined by NUL), as
        # masked: where known_names looks for the names a field gave before it walks the document.
        self.texts: list[str] = []

    def walk_document(self, doc: Any) -> tuple[Any, bool, int]:
        records, _ = json_records(doc)
        self.records_id = id(records) if records is not None else None
        if records is None and type(doc) is dict:
            inner = doc.get("data")
            self.regions.column_wise(doc)
            if type(inner) is dict:  # {"code": 0, "data": {"xm": […], "xzqhmc": […]}}
                self.regions.column_wise(inner)
        new, changed = self.walk(doc, "$", None, ENVELOPE if records is not None else 0, 0)
        return new, changed, len(records) if records is not None else 1

    def walk(self, node: Any, path: str, key: str | None, record: int, embed: int) -> tuple[Any, bool]:
        if key is not None and isinstance(node, dict | list) and id(node) not in self.regions.rows_of:
            info = self.plan_of(key).info
            if info is not None and info.region:
                self.regions.held(node, info, record)
        if isinstance(node, dict):
            if key is not None and node and _by_row_index(node) and self.plan_of(key).info is not None:
                # {"xm": {"0": "张伟", "1": "李娜"}}: pandas' to_json() by column; the values are the column's
                return members(self, node, path, record, embed, key)
            # {"xm": {"value": "张伟", "dirty": false}}: form state, a cell, a change: under the key
            holder = key if not HELD_VALUES.isdisjoint(node) and held(node, self.plan_of, key) else None
            if holder is None and key is not None and in_parts(node.values(), key, self.plan_of):
                # {"sfzh": {"part1": "610902", "part2": …}}: one number in parts, judged whole
                parts = self.numbers.parts([str(v) for v in node.values()], key, record, path)
                if parts is not None:
                    # Its keys are read as any object's: one holding a mobile went out in clear
                    # beside the masked parts (found by fuzzing).
                    out: dict[str, Any] = {}
                    for k, part in zip(node, parts, strict=True):
                        new_key = self.keys.masked(k, path, record)
                        while new_key is not None and (new_key in out or new_key in node):
                            new_key += "*"  # masked keys must not collide
                        out[k if new_key is None else new_key] = part
                    return out, True
            if key in CHART_AXES:  # {"xAxis": {"data": ["张伟", "李娜"]}}: a chart's axis of names
                axis = self.cells.axis(node, path, record)
                if axis is not None:
                    return axis, True
            return members(self, node, path, record, embed, None, holder, key is not None and key in PERSONS_KEYS)
        if isinstance(node, list):
            return walk_list(self, node, path, key, record, embed)
        if type(node) is str and key is not None:
            compound = self.compound.masked(node, key, record, path)
            if compound is not None:  # {"姓名/性别": "张伟/男"}: each part under its field's key
                return compound
        return self.scalar(node, self.plan_of(key), record, path, embed)

    def scalar(self, node: Any, plan: Plan, record: int, path: Ref, embed: int) -> tuple[Any, bool]:
        kind = type(node)
        if kind is str:
            if embed < _MAX_EMBEDDED and _embedded_json(node):
                return embedded(node, plan, record, path, embed, self.walk, self.visit)
            new = self.visit(node, plan, record, path, True)
            info = plan.info
            if (info is None or info.entity is None) and not node.isascii():
                self.texts.append(node if new is None else new)
            return (new, True) if new is not None else (node, False)
        if kind is int:  # a JSON number can carry an ID or phone number; masked, it becomes a string
            new = self.visit(str(node), plan, record, path, True)
            return (new, True) if new is not None else (node, False)
        if kind is float and whole_number(node):  # 13912345678.0: a phone stored as a double
            new = self.visit(str(int(node)), plan, record, path, True)
            return (new, True) if new is not None else (node, False)
        if node is not None:
            text = ("true" if node else "false") if kind is bool else repr(node)
            self.visit(text, plan, record, path, False)
        return node, False

    def names_no_one_else(self, before: tuple[int, int, int, int], record: bool) -> bool:
        """Did what was walked since ``before`` identify a person without naming anyone? Then a
        name-shaped key over it is that person's name; a record with a name of its own under a
        key such as 成员 or 单位 is not keyed by name. A record must hold an ID number or a bank
        card: a unit's or a place's record has a contact mobile too ({"王府井": {"lxdh": …}})."""
        numbers, mobiles, names, _ = self.found()
        identified = numbers > before[0] or (not record and mobiles > before[1])
        return identified and names == before[2]

    def objects(self, items: list[dict[str, Any]], path: str, record: int, embed: int) -> tuple[Any, bool]:
        """A list of objects, column by column."""
        is_records = id(items) == self.records_id
        first = items[0]
        if (
            "cells" in first and len(items) > 1
        ):  # [{"cells": [{"value": "姓名"}, …]}, {"cells": [{"value": "张伟"}, …]}]
            walked = cell_rows(self, items, path, record, embed)
            if walked is not None:
                return walked
        if type(first.get("data")) is dict and len(items) > 2:  # [{"data": {"label": "张伟"}}, …]: Cytoscape's elements
            drawn = elements(self, items, path, record)
            if drawn is not None:
                columns(self, drawn, path, record, embed, is_records, None)
                return drawn, True
        if not ROW_SET.isdisjoint(first) and len(items) > 2:  # [{"r": 0, "c": 0, "v": "姓名"}, …]: a report's cells
            walked = addressed_cells(self, items, path, record, embed)
            if walked is not None:
                return walked
        shaped = not SHAPE_FIELDS.isdisjoint(first)  # one C-level pass: most records are neither
        pairs = shaped and may_hold_pairs(first) and any(pair(item, self.plan_of) is not None for item in items)
        if (
            (shaped and (not HEADER_SET.isdisjoint(first) or pairs))
            or not all(self.keys.clean(k) for k in dict.fromkeys(chain.from_iterable(items)))
            or (self.numbers.may_split(first) and split_numbers(first, self.plan_of))
            or (not NAME_PART_KEYS.isdisjoint(first) and pair_keys(first) is not None)  # xing, ming
            # ECharts' series [{"type": "graph", "data": […], "links": […]}] (records with links of
            # their own, HATEOAS', stay in the column pass)
            or (not LINK_SET.isdisjoint(first) and first.get("type") == "graph")
        ):
            # Keys that may hold findings, tables (each object's header names its columns),
            # name/value pairs (each value under the name its own pair holds) or numbers in
            # parts (sfzh1, sfzh2: judged whole in each object), graphs (jsongraph): object by object. Pairs are
            # the fields of one record: to region judgement, no object of theirs is an item.
            return rows(self, items, path, record, embed, is_records, pairs)
        return items, columns(self, items, path, record, embed, is_records, None)

    def beside(self, record: int) -> bool:
        """Are objects walked now beside the answer's record list (in its envelope), where who
        they are decides whether they count beside it?"""
        return record == ENVELOPE and self.records_id is not None
