"""Column-wise JSON walk for the request path.

Visiting values one by one costs a few microseconds per value in Python, more than the
detection itself. Here a list of objects (the record list, or any
nested list of objects) is processed column by column: the key's plan is looked up once
per column, a column that cannot hold anything is rejected by one C-level regex over its
joined values, a column of clean keyed values is checked by one regex and then only
validated, and paths are formatted only for values that produce findings. Object keys are
scanned too: a map keyed by ID numbers must not leak them.

Masks are written into the objects in place: the document is the inspector's own parse,
which nothing else holds, and copying every record of a response cost more than masking it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any, Final

from .columnbatch import Categories, ColumnBatch, KeyedVisitor
from .columns import business_clean, join, maybe, whole_number
from .detect import Plan
from .entities import person_name
from .entities.name_patterns import _UNIT_ENDS
from .jsoncells import CHART_AXES, RowCells
from .jsoncompound import CompoundValues
from .jsonembedded import embedded
from .jsongrid import cell_header, cell_row, column_model, grid_rows, modelled_rows
from .jsonkeys import ObjectKeys, personal_record
from .jsonregions import Regions
from .jsonrows import ROW_KEYS, split_file, split_ids
from .jsonrows import cells as row_cells
from .jsonshapes import (
    HEADER_SET,
    HELD_VALUES,
    SHAPE_FIELDS,
    PlanOf,
    cells_of,
    entries,
    flat_row,
    grid,
    header_row,
    held,
    in_parts,
    may_be_sheet,
    may_hold_pairs,
    pair,
    sheet,
    split_numbers,
    table,
)
from .jsonvalues import _MISSING, _by_column, _by_row_index, _embedded_json
from .masked_in_part import may_hold_mask
from .masked_rows import mobiles as masked_mobiles
from .name_headings import PERSONAL_FIELDS, PERSONS_KEYS, full_name
from .numberparts import NumberParts
from .persons import Persons
from .regionentries import listed_region_names, region_names
from .regionlinks import column_links
from .structured import ENVELOPE, _child, json_records
from .valuepaths import Ref, ValueVisitor

_MAX_EMBEDDED: Final = 3
# A mobile masked in part, as it stands (138****8000) and in groups (138-****-8000).
_MOBILE_LENGTHS: Final = (11, 13)
# How an ID number in parts with no key is judged: as the value of an ID number's key.
_ID_LABEL: Final = "身份证号"


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
        self._person_entities = person_entities
        self.persons = Persons(plan_of, person_entities)
        self.regions = Regions(plan_of, self.persons, region_values, region_item)
        self.keys = ObjectKeys(visit, plan_of, finds, clean_keys)
        # (id of the plan, or 0 for a key the catalog does not know; value): values in which
        # detection found nothing before (see detections.Detections.detected), skipped without a visit.
        self._clean_values = clean_values
        self.numbers = NumberParts(visit, plan_of, {} if split_keys is None else split_keys)
        # Values under keys naming two fields (姓名/性别: jsoncompound.py), the keys remembered by the
        # detector across walks.
        self.compound = CompoundValues(visit, plan_of, {} if compound_keys is None else compound_keys)
        self.cells = RowCells(visit, plan_of, self.keys, member_name_plan)  # rows without keys: who they are

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
                return self._object(node, path, record, embed, key)
            # {"xm": {"value": "张伟", "dirty": false}}: form state, a cell, a change: under the key
            holder = key if not HELD_VALUES.isdisjoint(node) and held(node, self.plan_of, key) else None
            if holder is None and key is not None and in_parts(node.values(), key, self.plan_of):
                # {"sfzh": {"part1": "610902", "part2": …}}: one number in parts, judged whole
                parts = self.numbers.parts([str(v) for v in node.values()], key, record, path)
                if parts is not None:
                    return dict(zip(node, parts, strict=True)), True
            if key in CHART_AXES:  # {"xAxis": {"data": ["张伟", "李娜"]}}: a chart's axis of names
                axis = self.cells.axis(node, path, record)
                if axis is not None:
                    return axis, True
            return self._object(node, path, record, embed, None, holder, key is not None and key in PERSONS_KEYS)
        if isinstance(node, list):
            if key is not None and len(node) > 1 and type(node[0]) in (str, int) and in_parts(node, key, self.plan_of):
                # {"sfzh": ["610902", "19900101", "1234"]}: likewise
                parts = self.numbers.parts([str(v) for v in node], key, record, path)
                if parts is not None:
                    return parts, True
            if node and all(type(item) is dict for item in node):
                if key in CHART_AXES:  # {"xAxis": [{"data": ["张伟", "李娜"]}]}: each axis, walked as one
                    return self._axes(node, path, key, record, embed)
                cells = row_cells(node) if self.cells.unknown_key(key) else None
                if cells is not None:  # [{"v": "张伟"}, {"v": <ID number>}]: a row of cell objects
                    return cell_row(self, node, cells, path, record, embed)
                return self.objects(node, path, record, embed)
            if node and type(node[0]) is list:
                # [["姓名", "身份证号"], ["张伟", …]]; [["姓名", "性别"], …] was read as [key, value] entries
                names = header_row(node, self.plan_of, PERSONAL_FIELDS) if len(node) > 1 else None
                if names is None and len(node) > 1:  # [[{"v": "姓名"}, …], [{"v": "张伟"}, …]]: cells
                    names = cell_header(node, self.plan_of)
                walked = None if names is None else self._table(node, names, 1, path, key, record, embed)
                if walked is None and entries(node, self.plan_of):  # [["xm", "张伟"], ["sfzh", …]]
                    walked = self._entries(node, path, record, embed)
                if walked is not None:
                    return walked
            if len(node) > 1 and split_file(node, key, self.plan_of):
                # A photo's base64 cut into lines, a string each: one file, masked as one.
                masked = self.visit("".join(node), self.plan_of(key), record, path, True)
                if masked is not None:
                    return [masked], True
            items: list[Any] | None = None
            is_records = id(node) == self.records_id
            row = self.regions.rows_of.get(id(node))  # a column of column-wise records: row i is item row - i
            # ["张伟", <ID number>, <mobile>]: a row without a header; a name beside a person's number
            # (jqGrid's rows hold their cells under "cell", which the catalog knows as a phone's key)
            unknown = self.cells.unknown_key(key) or key in ROW_KEYS
            named = self.cells.name_cells(node) if unknown else None
            before = self.found() if named else None
            for i, v in enumerate(node):
                if row is None and (is_records or type(v) is not dict):
                    new, changed = self.walk(v, f"{path}[{i}]", key, i if is_records else record, embed)
                else:  # an object among other values, or a row's value: an item of its own
                    item = self.regions.new_items(1) if row is None else row - i
                    if self.persons.holds_person(v) if row is None else self.persons.names_person(key, v):
                        self.persons.add(item)
                        if row is None and self._beside(record):
                            self.persons.note(item, v)
                    outer = self.regions.enter(item)
                    new, changed = self.walk(v, f"{path}[{i}]", key, record, embed)
                    self.regions.enter(outer)
                if changed:
                    items = list(node) if items is None else items
                    items[i] = new
            if unknown:  # [610902, 199001011235]: an ID number in two cells, no key to say so
                for start, end in split_ids(node):
                    parts = self.numbers.parts([str(node[k]) for k in range(start, end)], _ID_LABEL, record, path)
                    if parts is not None:
                        items = list(node) if items is None else items
                        items[start:end] = parts
            # ["张**", "138****8000"]: a mobile masked in part beside a person's name or ID number
            mobiles = masked_mobiles(node) if unknown and len(node) > 1 else None
            if mobiles:
                items = self.cells.row_mobiles(node, items, mobiles, path, record)
            if named and (mobiles or (before is not None and self.names_no_one_else(before, False))):
                for i in named:
                    if items is None or items[i] is node[i]:
                        masked = self.visit(node[i], self.member_name_plan, record, f"{path}[{i}]", True)
                        if masked is not None:
                            items = list(node) if items is None else items
                            items[i] = masked
            return (items, True) if items is not None else (node, False)
        if type(node) is str and key is not None:
            compound = self.compound.masked(node, key, record, path)
            if compound is not None:  # {"姓名/性别": "张伟/男"}: each part under its field's key
                return compound
        return self._scalar(node, self.plan_of(key), record, path, embed)

    def _scalar(self, node: Any, plan: Plan, record: int, path: Ref, embed: int) -> tuple[Any, bool]:
        kind = type(node)
        if kind is str:
            if embed < _MAX_EMBEDDED and _embedded_json(node):
                return embedded(node, plan, record, path, embed, self.walk, self.visit)
            new = self.visit(node, plan, record, path, True)
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

    def _reached_no_one_else(self, before: tuple[int, int, int, int]) -> bool:
        """Did what was walked since ``before`` hold a landline or an address without naming
        anyone? Under a full name that is no office's (``_no_unit``) that is a person's record
        ({"data": {"张伟": {"gddh": "0915-…", "dz": …}}})."""
        _, _, names, reached = self.found()
        return reached > before[3] and names == before[2]

    @staticmethod
    def _no_unit(key: str) -> bool:
        """Is ``key`` a full name that no unit's character ends? An office's record holds a
        landline and an address too, under its office's name (民政局办公室, 林业局, 党支部:
        ``_UNIT_ENDS``)."""
        return key[-1] not in _UNIT_ENDS and full_name(key)

    def _object(
        self,
        node: dict[str, Any],
        path: str,
        record: int,
        embed: int,
        column: str | None = None,
        holder: str | None = None,
        persons: bool = False,
    ) -> tuple[Any, bool]:
        """An object member by member; ``column``: the key its values are judged under, when
        its own keys are the rows' index; ``holder``: the key the members holding a value
        (``jsonshapes.HELD_VALUES``) are judged under, the object's own key; ``persons``: the
        object is under a key that says it holds persons (``PERSONS_KEYS``), so its keys shaped
        like full names are names whatever their values hold."""
        # {"A1": {"v": "姓名"}, "A2": {"v": "张伟"}}: a SheetJS worksheet, each cell under its heading
        headings = sheet(node, self.plan_of) if len(node) > 1 and may_be_sheet(next(iter(node))) else None
        if (
            headings is None
            and len(node) > 1
            and all(type(v) is dict for v in node.values())
            and all(self.keys.clean(k) for k in dict.fromkeys(chain.from_iterable(node.values())))
            and not any(v and _by_row_index(v) and self.plan_of(k).info is not None for k, v in node.items())
            and not any(held(v, self.plan_of, k) for k, v in node.items())
        ):
            # (Columns by row index, pandas' to_json(), are walked member by member, under their names;
            # so are values held under their keys: {"xm": {"S": "张伟"}, "sfzh": {"S": …}}, a typed record.)
            return self._map(node, path, record, embed, persons)
        shape: tuple[str, list[str]] | None = None
        pair_of: tuple[str, str] | None = None
        model: tuple[str, dict[str, str]] | None = None
        if not SHAPE_FIELDS.isdisjoint(node):  # one C-level pass: most objects are neither
            shape = table(node, self.plan_of) if not HEADER_SET.isdisjoint(node) else None
            # {"columns": [{"title": "姓名", "dataIndex": "f1"}], "dataSource": [{"f1": "张伟"}]}: a table's model
            model = column_model(node, self.plan_of) if shape is None and not HEADER_SET.isdisjoint(node) else None
            # {"name": "xm", "value": "张伟"}: the value is judged under the field name the pair holds
            pair_of = pair(node, self.plan_of) if may_hold_pairs(node) else None
        # {"sfzh1": "610902", "sfzh2": "199001011234"}: one number in parts, judged whole
        parts = self.numbers.masks(node, path, record) if self.numbers.may_split(node) else None
        regional = region_names(node, self.plan_of)  # {"code": "632801", "name": "格尔木市"}
        # {"colNames": ["姓名", …], "colModel": [{"name": "f1"}, …], "rows": [{"f1": "张伟"}]}: a jqGrid
        grid_names = grid(node, self.plan_of) if "colNames" in node else None
        out: dict[str, Any] | None = None
        row = self.regions.rows_of.get(id(node)) if column is not None else None
        unread: list[str] | None = None  # members under no key the catalog knows that may be a masked mobile
        for i, (k, v) in enumerate(node.items()):
            new_key = self.keys.masked(k, path, record)
            # One record in a list is that record ({"张三": [{"sfzh": …}]}); several are an
            # envelope or a category's members far more often than a household under its head.
            one_record = type(v) is list and len(v) == 1 and type(v[0]) is dict
            judged = new_key is None and (type(v) is not list or one_record) and self.keys.name_shaped(k)
            before = self.found() if judged else None
            # {"columns": ["xm", …], "data": [["张伟", …], …]}: the rows under their columns' names
            walked = (
                None
                if shape is None or k != shape[0]
                else self._table(v, shape[1], 0, _child(path, k), k, record, embed)
            )
            if grid_names is not None and walked is None and k != "colModel":
                walked = grid_rows(self, v, node, grid_names, _child(path, k), record, embed)
            if model is not None and walked is None and k != model[0]:
                walked = modelled_rows(self, v, model, _child(path, k), record, embed)
            if parts is not None and k in parts:
                new, changed = parts[k], True
            elif walked is None:
                if pair_of is not None and k == pair_of[0]:
                    walk_key = pair_of[1]
                elif column is not None:
                    walk_key = column
                elif holder is not None and k in HELD_VALUES:
                    walk_key = holder
                elif headings is not None:
                    walk_key = headings.get(k, k)
                elif k in regional:
                    walk_key = None  # a region's name: no person's
                else:
                    walk_key = k
                if row is None:
                    new, changed = self.walk(v, _child(path, k), walk_key, record, embed)
                    if (
                        not changed
                        and type(v) is str
                        and len(v) in _MOBILE_LENGTHS
                        and self.cells.unknown_key(walk_key)
                    ):
                        unread = [k] if unread is None else [*unread, k]
                else:  # a column by row index of column-wise records: row "k" is an item of its own
                    if self.persons.names_person(column, v):
                        self.persons.add(row - int(k))
                    outer = self.regions.enter(row - int(k))
                    new, changed = self.walk(v, _child(path, k), walk_key, record, embed)
                    self.regions.enter(outer)
            else:
                new, changed = walked
            if before is not None and (
                ((persons or personal_record(v)) and full_name(k))
                or self.names_no_one_else(before, type(v) is dict or one_record)
                or (type(v) is dict and full_name(k) and self.names_no_one_else(before, False))
                or (type(v) is dict and self._reached_no_one_else(before) and self._no_unit(k))
                or (type(v) is str and v.strip() in person_name.RELATIONS)
            ):
                new_key = self.visit(k, self.member_name_plan, record, f"{path}{{key}}", True)
            if new_key is not None:
                if out is None:
                    out = dict(list(node.items())[:i])
                while new_key in out or new_key in node:  # masked keys must not collide
                    new_key += "*"
                out[new_key] = new
            elif out is not None:
                out[k] = new
            elif changed:
                out = dict(node)
                out[k] = new
        if unread is not None:  # {"a": "张**", "b": "138****8000"}: a masked mobile beside a person
            out = self.cells.object_mobiles(node, out, unread, path, record)
        return (out, True) if out is not None else (node, False)

    def _map(self, node: dict[str, Any], path: str, record: int, embed: int, persons: bool) -> tuple[Any, bool]:
        """A map of objects ({ID number: record, ...}): keys one by one, values by column;
        ``persons``: as ``_object``'s."""
        new_keys = [self.keys.masked(k, path, record) for k in node]
        values = list(node.values())
        before = self.found()
        changed = self.columns(values, path, record, embed, False, list(node))
        identified = self.names_no_one_else(before, True)
        # {"data": {"张伟": {"lxdh": <mobile>, "dz": …}}}: a mobile is a person's, under a full name
        reached = self.names_no_one_else(before, False)
        personal = [persons or reached or personal_record(v) for v in values]
        # {"data": {"张伟": {"gddh": "0915-…", "dz": …}}}: so are a landline and an address, under
        # a full name that is no office's
        contact = self._reached_no_one_else(before)
        if identified or contact or any(personal):  # records of persons: keys shaped like names are theirs
            new_keys = [
                self.visit(k, self.member_name_plan, record, f"{path}{{key}}", True)
                if new is None
                and self.keys.name_shaped(k)
                and (identified or (person and full_name(k)) or (contact and type(v) is dict and self._no_unit(k)))
                else new
                for k, new, person, v in zip(node, new_keys, personal, values, strict=True)
            ]
        if all(k is None for k in new_keys):
            return node, changed
        out: dict[str, Any] = {}
        for key, new_key, value in zip(node, new_keys, values, strict=True):
            if new_key is None:
                out[key] = value
                continue
            while new_key in out or new_key in node:  # masked keys must not collide
                new_key += "*"
            out[new_key] = value
        return out, True

    def objects(self, items: list[dict[str, Any]], path: str, record: int, embed: int) -> tuple[Any, bool]:
        """A list of objects, column by column."""
        is_records = id(items) == self.records_id
        first = items[0]
        if (
            "cells" in first and len(items) > 1
        ):  # [{"cells": [{"value": "姓名"}, …]}, {"cells": [{"value": "张伟"}, …]}]
            walked = self._cell_rows(items, path, record, embed)
            if walked is not None:
                return walked
        shaped = not SHAPE_FIELDS.isdisjoint(first)  # one C-level pass: most records are neither
        pairs = shaped and may_hold_pairs(first) and any(pair(item, self.plan_of) is not None for item in items)
        if (
            (shaped and (not HEADER_SET.isdisjoint(first) or pairs))
            or not all(self.keys.clean(k) for k in dict.fromkeys(chain.from_iterable(items)))
            or (self.numbers.may_split(first) and split_numbers(first, self.plan_of))
        ):
            # Keys that may hold findings, tables (each object's header names its columns),
            # name/value pairs (each value under the name its own pair holds) or numbers in
            # parts (sfzh1, sfzh2: judged whole in each object): object by object. Pairs are
            # the fields of one record: to region judgement, no object of theirs is an item.
            return self._rows(items, path, record, embed, is_records, pairs)
        return items, self.columns(items, path, record, embed, is_records, None)

    def columns(
        self,
        items: list[dict[str, Any]],
        path: str,
        record: int,
        embed: int,
        is_records: bool,
        labels: list[str] | None,
    ) -> bool:
        """Mask the objects' values in place, column by column; whether any changed.
        ``labels`` are map keys (None: list indices)."""
        changed_any = False
        # Objects of a list that is not the record list are region items of their own (Run.item).
        first = 0 if is_records else self.regions.new_items(len(items))
        if not is_records and self._beside(record):
            for i, item in enumerate(items):
                if self.persons.holds_person(item):
                    self.persons.note(first - i, item)
        regional = listed_region_names(items, self.plan_of)  # [{"code": "632801", "name": "格尔木市"}, …]
        for key, column in _by_column(items):
            plan = self.plan_of(None if key in regional else key)
            joined = join(column)
            info = plan.info
            if is_records and info is not None:
                self.persons.listed_column(info.entity, column)
            rest: Iterable[int] = range(len(column))
            if info is not None and (info.region or info.region_part) and joined is not None:
                rows = self.batch.every(len(column)) if is_records else [first - i for i in range(len(column))]
                if info.region:
                    self.region_values(column, info.region_code_only, rows)
                if info.region_part and self.region_part is not None:
                    self.region_part(info.region_part, column, rows)
            if joined is not None and "/" in joined and (info is None or not info.region):
                # Links (HAL's href, url) name their record's region (regionlinks.py); a column of
                # them holds nothing personal and is not visited value by value below.
                rows = self.batch.every(len(column)) if is_records else [first - i for i in range(len(column))]
                for text, code_only, row in column_links(column, rows, self.plan_of):
                    self.region_values((text,), code_only, row)
            if not is_records and (joined is None or (info is not None and info.entity in self._person_entities)):
                # A column of names or ID numbers, or of objects that may hold them (joined: None)
                self.persons.column(first, key, column)
            if info is None and joined is not None and may_hold_mask(joined):
                # [{"a": "张**", "b": "138****8000"}]: a mobile masked in part beside a person
                changed_any |= self.cells.column_mobiles(items, key, column, path, record, is_records, labels)
            # [{"姓名/性别": "张伟/男"}]: each value's parts under their fields' keys, every value visited
            compound = joined is not None and self.compound.fields(key) is not None
            category = info.category if info is not None and not compound else None
            if (
                category is not None
                and joined is not None
                and self.batch.category(column, joined, category, is_records, record)
            ):
                category = None
            if joined is not None and category is None and not compound:
                if plan.canonical is not None:
                    rest, changed = self.batch.keyed(items, column, joined, plan, path, key, record, is_records, labels)
                    changed_any |= changed
                elif (
                    (info is None or info.entity is None)
                    and "{" not in joined
                    and "[" not in joined
                    and (
                        (not maybe(joined) and (plan.declared is None or not plan.declared(joined)))
                        or (info is not None and info.business and business_clean(joined))
                    )
                ):
                    continue  # nothing in this column can be personal data
                if "{" not in joined and "[" not in joined:  # no embedded JSON to walk
                    plan_id = 0 if info is None else id(plan)
                    clean = self._clean_values
                    rest = [i for i in rest if (plan_id, column[i]) not in clean]
            for i in rest:
                value = column[i]
                if value is _MISSING:
                    continue
                rec = i if is_records else record
                at: int | str = i if labels is None else labels[i]
                outer = self.regions.item if is_records else self.regions.enter(first - i)
                if type(value) is dict or type(value) is list:
                    base = f"{path}[{at}]" if labels is None else _child(path, str(at))
                    new, changed = self.walk(value, _child(base, key), key, rec, embed)
                else:
                    walked = (
                        self.compound.masked(value, key, rec, (path, at, key))
                        if compound and type(value) is str
                        else None
                    )
                    new, changed = (
                        walked if walked is not None else self._scalar(value, plan, rec, (path, at, key), embed)
                    )
                if not is_records:
                    self.regions.enter(outer)
                if changed:
                    items[i][key] = new
                    changed_any = True
        return changed_any

    def _table(
        self, rows: list[Any], names: list[str], start: int, path: str, key: str | None, record: int, embed: int
    ) -> tuple[Any, bool] | None:
        """Rows of a table (from ``start``: a header row above is walked as any value), each
        cell judged under its column's name, as the records they stand for would be, column by
        column. None when a name may hold findings (a heading with a person's name): a key
        masked in a record would not find its cell again, and the rows are walked as they are."""
        if not all(self.keys.clean(name) for name in names):
            return None
        if flat_row(rows, len(names)):  # {"keys": [...], "values": [...]}: one row
            walked = self._table([rows], names, 0, path, key, record, embed)
            return None if walked is None else (walked[0][0], walked[1])
        is_records = id(rows) == self.records_id
        head: list[Any] = []
        head_changed = False
        for i in range(start):
            new, changed = self.walk(rows[i], f"{path}[{i}]", key, record, embed)
            head.append(new)
            head_changed |= changed
        records = [dict(zip(names, cells_of(row), strict=True)) for row in rows[start:]]
        if not self.columns(records, path, record, embed, is_records, None) and not head_changed:
            return rows, False
        # Google Charts' rows are {"c": [cells], …}: the cells go back in their row.
        body = [
            list(item.values()) if type(row) is list else {**row, "c": list(item.values())}
            for row, item in zip(rows[start:], records, strict=True)
        ]
        return head + body, True

    def _axes(self, node: list[dict[str, Any]], path: str, key: str, record: int, embed: int) -> tuple[Any, bool]:
        """A chart's axes, each walked as an object under the axes' key (``RowCells.axis``)."""
        items: list[Any] | None = None
        for i, item in enumerate(node):
            new, changed = self.walk(item, f"{path}[{i}]", key, record, embed)
            if changed:
                items = list(node) if items is None else items
                items[i] = new
        return (items, True) if items is not None else (node, False)

    def _cell_rows(self, items: list[dict[str, Any]], path: str, record: int, embed: int) -> tuple[Any, bool] | None:
        """Rows holding their cells under ``cells``, the first a header row (``jsongrid.cell_header``),
        walked as a table's; None for any other list of objects."""
        rows = [item.get("cells") for item in items]
        names = cell_header(rows, self.plan_of) if all(type(row) is list for row in rows) else None
        walked = None if names is None else self._table(rows, names, 1, path, None, record, embed)
        if walked is None:
            return None
        if not walked[1]:
            return items, False
        return [{**item, "cells": row} for item, row in zip(items, walked[0], strict=True)], True

    def _entries(self, node: list[list[Any]], path: str, record: int, embed: int) -> tuple[Any, bool]:
        """[key, value] entries (``jsonshapes.entries``), each value under its key, each key
        scanned as an object's key is."""
        out: list[Any] | None = None
        for i, (k, v) in enumerate(node):
            new_key = self.keys.masked(k, f"{path}[{i}]", record)
            new, changed = self.walk(v, f"{path}[{i}][1]", k, record, embed)
            if changed or new_key is not None:
                out = list(node) if out is None else out
                out[i] = [k if new_key is None else new_key, new]
        return (out, True) if out is not None else (node, False)

    def _beside(self, record: int) -> bool:
        """Are objects walked now beside the answer's record list (in its envelope), where who
        they are decides whether they count beside it?"""
        return record == ENVELOPE and self.records_id is not None

    def _rows(
        self, items: list[dict[str, Any]], path: str, record: int, embed: int, is_records: bool, fields: bool = False
    ) -> tuple[Any, bool]:
        """The objects one by one; ``fields``: they are one record's fields (name/value pairs),
        to region judgement one item even where each is a record to grading (the answer a list
        of pairs, a dynamic form's)."""
        out: list[Any] | None = None
        apart = not is_records and not fields  # objects that are region items of their own
        first = self.regions.new_items(len(items)) if apart else 0
        around = self.regions.enter(self.regions.new_items(1)) if fields and is_records else self.regions.item
        if is_records:
            self.persons.listed_rows(items)
        beside = apart and self._beside(record)
        for i, item in enumerate(items):
            if apart and self.persons.holds_person(item):
                self.persons.add(first - i)
                if beside:
                    self.persons.note(first - i, item)
            outer = self.regions.enter(first - i) if apart else self.regions.item
            new, changed = self._object(item, f"{path}[{i}]", i if is_records else record, embed)
            if apart:
                self.regions.enter(outer)
            if changed:
                out = list(items) if out is None else out
                out[i] = new
        if fields and is_records:
            self.regions.enter(around)
        return (out, True) if out is not None else (items, False)
