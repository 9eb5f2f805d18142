"""Column-wise JSON walk for the request path.

``structured.walk_json`` visits values one by one; that costs a few microseconds per value
in Python, more than the detection itself. Here a list of objects (the record list, or any
nested list of objects) is processed column by column: the key's plan is looked up once
per column, a column that cannot hold anything is rejected by one C-level regex over its
joined values, a column of clean keyed values is checked by one regex and then only
validated, and paths are formatted only for values that produce findings. Object keys are
scanned too: a map keyed by ID numbers must not leak them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import chain
from typing import Any

from .detect import Plan
from .scanner import MAYBE
from .structured import ENVELOPE, _child, dumps, json_records

_MAX_EMBEDDED = 3
_MISSING = object()
# (value text, plan, record index, path or a (parent path, item index, key) triple, scan?)
ValueVisitor = Callable[[str, Plan, int, "str | tuple[str, int, str]", bool], "str | None"]
PlanOf = Callable[["str | None"], Plan]


def path_of(ref: str | tuple[str, int, str]) -> str:
    if isinstance(ref, str):
        return ref
    base, index, key = ref
    return _child(f"{base}[{index}]", key)


class ColumnWalker:
    def __init__(self, visit: ValueVisitor, plan_of: PlanOf) -> None:
        self.visit = visit
        self.plan_of = plan_of
        self.records_id: int | None = None
        self._clean_keys: set[str] = set()

    def walk_document(self, doc: Any) -> tuple[Any, bool, int]:
        records, _ = json_records(doc)
        self.records_id = id(records) if records is not None else None
        new, changed = self.walk(doc, "$", None, ENVELOPE if records is not None else 0, 0)
        return new, changed, len(records) if records is not None else 1

    def walk(self, node: Any, path: str, key: str | None, record: int, embed: int) -> tuple[Any, bool]:
        if isinstance(node, dict):
            return self._object(node, path, record, embed)
        if isinstance(node, list):
            if node and all(type(item) is dict for item in node):
                return self._objects(node, path, record, embed)
            items: list[Any] | None = None
            is_records = id(node) == self.records_id
            for i, v in enumerate(node):
                new, changed = self.walk(v, f"{path}[{i}]", key, i if is_records else record, embed)
                if changed:
                    items = list(node) if items is None else items
                    items[i] = new
            return (items, True) if items is not None else (node, False)
        return self._scalar(node, self.plan_of(key), record, path, embed)

    def _scalar(
        self, node: Any, plan: Plan, record: int, path: str | tuple[str, int, str], embed: int
    ) -> tuple[Any, bool]:
        kind = type(node)
        if kind is str:
            if embed < _MAX_EMBEDDED and node[:1] in "{[" and node[-1:] in "}]":
                return self._embedded(node, plan, record, path, embed)
            new = self.visit(node, plan, record, path, True)
            return (new, True) if new is not None else (node, False)
        if kind is int:  # a JSON number can carry an ID or phone number; masked, it becomes a string
            new = self.visit(str(node), plan, record, path, True)
            return (new, True) if new is not None else (node, False)
        if node is not None:
            text = ("true" if node else "false") if kind is bool else repr(node)
            self.visit(text, plan, record, path, False)
        return node, False

    def _embedded(
        self, text: str, plan: Plan, record: int, path: str | tuple[str, int, str], embed: int
    ) -> tuple[Any, bool]:
        try:
            inner = json.loads(text)
        except ValueError:
            inner = None
        key = plan.info.term if plan.info is not None else None
        if isinstance(inner, dict | list):
            new, changed = self.walk(inner, f"{path_of(path)}(json)$", key, record, embed + 1)
            return (dumps(new), True) if changed else (text, False)
        new = self.visit(text, plan, record, path, True)
        return (new, True) if new is not None else (text, False)

    def _key(self, key: str, path: str, record: int) -> str | None:
        """The masked form of an object key, or None (keys repeat: clean ones are remembered)."""
        if key in self._clean_keys:
            return None
        new = self.visit(key, self.plan_of(None), record, f"{path}{{key}}", True)
        if new is None:
            self._clean_keys.add(key)
        return new

    def _object(self, node: dict[str, Any], path: str, record: int, embed: int) -> tuple[Any, bool]:
        out: dict[str, Any] | None = None
        for i, (k, v) in enumerate(node.items()):
            new_key = self._key(k, path, record)
            new, changed = self.walk(v, _child(path, k), k, record, embed)
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
        return (out, True) if out is not None else (node, False)

    def _objects(self, items: list[dict[str, Any]], path: str, record: int, embed: int) -> tuple[Any, bool]:
        """A list of objects, column by column."""
        is_records = id(items) == self.records_id
        keys = dict.fromkeys(chain.from_iterable(items))
        if any(self._key(k, path, record) is not None for k in keys):
            return self._rows(items, path, record, embed, is_records)
        changes: dict[tuple[int, str], Any] = {}
        for key in keys:
            plan = self.plan_of(key)
            column = [item.get(key, _MISSING) for item in items]
            joined = _join(column)
            info = plan.info
            if joined is not None and (info is None or info.category is None):
                if plan.column is not None and plan.column.fullmatch(joined) is not None:
                    for i, value in enumerate(column):
                        new = self.visit(value, plan, i if is_records else record, (path, i, key), True)
                        if new is not None:
                            changes[(i, key)] = new
                    continue
                if (
                    (info is None or info.entity is None)
                    and MAYBE.search(joined) is None
                    and "{" not in joined
                    and "[" not in joined
                ):
                    continue  # nothing in this column can be personal data
            for i, value in enumerate(column):
                if value is _MISSING:
                    continue
                rec = i if is_records else record
                if type(value) is dict or type(value) is list:
                    new, changed = self.walk(value, _child(f"{path}[{i}]", key), key, rec, embed)
                else:
                    new, changed = self._scalar(value, plan, rec, (path, i, key), embed)
                if changed:
                    changes[(i, key)] = new
        if not changes:
            return items, False
        out = list(items)
        for (i, key), new in changes.items():
            if out[i] is items[i]:
                out[i] = dict(items[i])
            out[i][key] = new
        return out, True

    def _rows(
        self, items: list[dict[str, Any]], path: str, record: int, embed: int, is_records: bool
    ) -> tuple[Any, bool]:
        out: list[Any] | None = None
        for i, item in enumerate(items):
            new, changed = self._object(item, f"{path}[{i}]", i if is_records else record, embed)
            if changed:
                out = list(items) if out is None else out
                out[i] = new
        return (out, True) if out is not None else (items, False)


def _join(column: list[Any]) -> str | None:
    """The column's values joined by NUL when all are strings (else None)."""
    try:
        return "\x00".join(column)
    except TypeError:
        return None
