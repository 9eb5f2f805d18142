"""Who a row without keys is, for the JSON walk (``fastjson.ColumnWalker``): its cells shaped like
a full name (``["张伟", <ID number>]``: a name there is the row's when its other cells say a
person), and mobiles masked in part beside a person's name or ID number (``["张**",
"138****8000"]``, ``{"a": "张伟", "b": "138****8000"}``: ``masked_rows``) in a row of plain cells,
in an object under keys that say nothing, and in a column of such objects; a full name beside a
person's ID number in an object under keys that say nothing (``object_names``). Each mobile is judged
as a mobile's key's value, and the full names beside it under keys that say nothing as names.
Also a chart's axis of names (ECharts' ``{"xAxis": {"data": ["张伟", "李娜"]}}``: ``axis``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from .detect import Plan
from .entities.name_lists import is_day_or_place
from .jsonkeys import ObjectKeys
from .jsonrows import name_cells
from .jsonshapes import PlanOf
from .jsonvalues import _by_column
from .masked_rows import LABEL as MOBILE_LABEL
from .masked_rows import masked_mobile
from .masked_rows import mobiles as masked_mobiles
from .name_headings import full_name
from .structured import _child
from .valuepaths import ValueVisitor

# An ECharts option's members holding the labels of a category axis or a legend.
CHART_AXES: Final = frozenset(["xAxis", "yAxis", "legend", "radiusAxis", "angleAxis", "singleAxis"])
# Keys of an answer's message, status or type, whose words (成功, 申请) may be of a name's shape: a
# value under one is no row's name ({"msg": "成功", "data": <ID number>}, {"type": "申请", …}).
_WORD_KEYS: Final = frozenset(
    (
        *("msg", "message", "errmsg", "errMsg", "error", "status", "state", "result", "tip", "info"),
        *("type", "category", "kind", "lx", "zt", "lb"),
    )
)
# Keys the catalog leaves out whose pinyin initials name a person as often as anything else (赡养人,
# 受益人 or 使用人 syr; 供养人 gyr; 扶养人 fyr; 子女 zn): masked by no key alone, a full name under one
# is masked beside a person's number in its object, where the object names no one else, as under a
# key that says nothing; beside keys the catalog knows too, unlike those.
BY_CONTENT: Final = frozenset(("syr", "gyr", "fyr", "zn"))
# The key such a key's values are walked under beside its own ID number's key (zn beside znsfzh):
# a name's, weak (a surname is required: 有, 无, 2 stay).
OWNER_KEY: Final = "name"
_ID: Final = "RESIDENT_ID"


def owners(keys: Sequence[str] | dict[str, Any], plan_of: PlanOf) -> frozenset[str]:
    """The keys of ``BY_CONTENT`` among ``keys`` beside their own ID number's (``{"zn": "张小伟",
    "znsfzh": <ID number>, "xm": "张伟", …}``: the child's name and number in the parent's record,
    which names someone else, so the object rule is off). The caller asks only where a key of
    ``BY_CONTENT`` stands (one C-level test)."""
    found = [
        key
        for key in BY_CONTENT.intersection(keys)
        if any(
            other != key and other.startswith(key) and (info := plan_of(other).info) is not None and info.entity == _ID
            for other in keys
        )
    ]
    return frozenset(found)


_AXIS_MAX = 500  # labels of an axis read for names (a longer one is a series of dates or codes)


class RowCells:
    """The rows without keys of one walk."""

    def __init__(self, visit: ValueVisitor, plan_of: PlanOf, keys: ObjectKeys, member_name_plan: Plan) -> None:
        self.visit = visit
        self.plan_of = plan_of
        self.keys = keys
        self.member_name_plan = member_name_plan

    def unknown_key(self, key: str | None) -> bool:
        """Is a list under no key, or one the catalog does not know (a row's cells may then be
        read for who the row is)?"""
        return key is None or self.plan_of(key).info is None

    def name_cells(self, node: list[Any]) -> list[int]:
        """The cells of a row without a header shaped like a full name (``jsonrows.name_cells``)
        and clean of findings as a key would be (``ObjectKeys.name_shaped``)."""
        return [i for i in name_cells(node) if self.keys.name_shaped(node[i])]

    def row_mobiles(
        self, node: list[Any], items: list[Any] | None, cells: list[int], path: str, record: int
    ) -> list[Any] | None:
        """``items`` (None: ``node`` unchanged) with ``cells``, mobiles masked in part beside a
        person's name or ID number in a row without a key (``masked_rows``), judged as a mobile's
        key's values."""
        plan = self.plan_of(MOBILE_LABEL)
        for i in cells:
            if items is None or items[i] is node[i]:
                masked = self.visit(node[i], plan, record, f"{path}[{i}]", True)
                if masked is not None:
                    items = list(node) if items is None else items
                    items[i] = masked
        return items

    def object_mobiles(
        self, node: dict[str, Any], out: dict[str, Any] | None, unread: list[str], path: str, record: int
    ) -> dict[str, Any] | None:
        """``out`` (None: ``node`` unchanged) with the members of ``unread`` that are mobiles masked
        in part beside a person's name or ID number among the object's values (``masked_rows``)
        judged as a mobile's key's values."""
        if not any(masked_mobile(node[k]) for k in unread):
            return out
        values = list(node.values())
        keys = list(node)
        wanted = set(unread)
        cells = [i for i in masked_mobiles(values) if keys[i] in wanted]
        if not cells:
            return out
        plan = self.plan_of(MOBILE_LABEL)
        for i in cells:
            masked = self.visit(values[i], plan, record, _child(path, keys[i]), True)
            if masked is not None:
                out = dict(node) if out is None else out
                out[list(out)[i]] = masked
        # {"a": "张伟", "b": "138****8000"}: a full name beside it under a key that says nothing is the row's
        for i in self.name_cells(values):
            if self.unknown_key(keys[i]) and (out is None or out[list(out)[i]] is values[i]):
                masked = self.visit(values[i], self.member_name_plan, record, _child(path, keys[i]), True)
                if masked is not None:
                    out = dict(node) if out is None else out
                    out[list(out)[i]] = masked
        return out

    def object_names(
        self, node: dict[str, Any], out: dict[str, Any] | None, named: list[str], path: str, record: int
    ) -> dict[str, Any] | None:
        """``out`` (None: ``node`` unchanged) with the members of ``named``, full names, masked as
        names when the object is a row under keys that say nothing: its other members identified
        a person and named no one (``{"a": "张伟", "b": <ID number>}``, as a row of plain cells,
        ``name_cells``), no key is one the catalog knows (but for ``BY_CONTENT``'s) and no value an object or a list (an
        envelope's ``{"msg": "成功", "data": {"sfzh": …}}`` and ``{"msg": "成功", "sfzh": …}`` keep their
        word). A member whose key was masked is left (it is written under that key)."""
        if not all(type(v) is not dict and type(v) is not list for v in node.values()):
            return out
        if not all(self.unknown_key(k) for k in node):
            # beside known keys, only those that name a person as often as not (BY_CONTENT)
            named = [k for k in named if k in BY_CONTENT and self.unknown_key(k)]
        for k in named:
            value = node[k]
            if k in _WORD_KEYS or not self.keys.name_shaped(value):
                continue
            if out is not None and out.get(k) is not value:
                continue
            masked = self.visit(value, self.member_name_plan, record, _child(path, k), True)
            if masked is not None:
                out = dict(node) if out is None else out
                out[k] = masked
        return out

    def column_names(
        self, items: list[dict[str, Any]], path: str, record: int, is_records: bool, labels: list[str] | None
    ) -> bool:
        """Mask as names the columns of a list of objects, under keys that say nothing, whose values
        are all full names (``[{"a": "张伟", "b": <ID number>}, {"a": "李娜", "b": <ID number>}]``),
        when the column pass identified persons and named no one (the caller's test): the object
        rule (``object_names``) for a list, which the column pass walks without rows. As there, no
        key may be one the catalog knows: beside ``sfzh`` a column of relations (孙子女, of a full
        name's shape) is more likely than one of names. A column of places, units or weekdays, or
        with one value that is no full name, is kept (as an axis); whether any changed."""
        columns = list(_by_column(items))
        if not all(self.unknown_key(key) for key, _ in columns):
            # beside known keys, only those that name a person as often as not (BY_CONTENT)
            columns = [(key, column) for key, column in columns if key in BY_CONTENT and self.unknown_key(key)]
        changed = False
        for key, column in columns:
            if key in _WORD_KEYS:
                continue
            if not all(type(v) is str and 1 < len(v) < 5 and full_name(v) and not is_day_or_place(v) for v in column):
                continue
            if not all(self.keys.name_shaped(v) for v in column):
                continue
            for i, value in enumerate(column):
                at: int | str = i if labels is None else labels[i]
                masked = self.visit(value, self.member_name_plan, i if is_records else record, (path, at, key), True)
                if masked is not None:
                    items[i][key] = masked
                    changed = True
        return changed

    def column_mobiles(
        self,
        items: list[dict[str, Any]],
        key: str,
        column: Sequence[Any],
        path: str,
        record: int,
        is_records: bool,
        labels: list[str] | None,
    ) -> bool:
        """Mask the values of a column under no key the catalog knows that are mobiles masked in
        part beside a person's name or ID number in their own object (``masked_rows``), as a
        mobile's key's values; whether any changed."""
        plan: Plan | None = None
        changed = False
        for i, value in enumerate(column):
            if not masked_mobile(value):
                continue
            item = items[i]
            values = list(item.values())
            if list(item).index(key) not in masked_mobiles(values):
                continue
            plan = self.plan_of(MOBILE_LABEL) if plan is None else plan
            at: int | str = i if labels is None else labels[i]
            masked = self.visit(value, plan, i if is_records else record, (path, at, key), True)
            if masked is not None:
                item[key] = masked
                changed = True
            names = list(item)
            for k in self.name_cells(values):  # [{"a": "张伟", "b": "138****8000"}]: the row's name
                if self.unknown_key(names[k]):
                    masked = self.visit(
                        values[k], self.member_name_plan, i if is_records else record, (path, at, names[k]), True
                    )
                    if masked is not None:
                        item[names[k]] = masked
                        changed = True
        return changed

    def axis(self, node: dict[str, Any], path: str, record: int) -> dict[str, Any] | None:
        """A chart's axis (or legend) whose labels are all full names (``{"data": ["张伟",
        "李娜"]}``: a chart of amounts per person), the labels masked as names; None for any other
        (months, districts, categories: one label that is no full name keeps them all)."""
        masked = self.labels(node.get("data"), f"{path}.data", record)
        return None if masked is None else {**node, "data": masked}

    def labels(self, labels: Any, path: str, record: int) -> list[Any] | None:
        """A chart's labels (an axis's, ``axis``; Chart.js's ``{"labels": ["张伟", "李娜"],
        "datasets": [...]}``; a relation graph's nodes', ``jsongraph``) masked as names when they
        are all full names and no weekday (周一) or county-level city (张家港); None otherwise."""
        if type(labels) is not list or not 1 < len(labels) <= _AXIS_MAX:
            return None
        for label in labels:
            # 周一 … 周日 are of a name's shape: an axis of weekdays was masked as names
            if type(label) is not str or not 1 < len(label) < 5 or not full_name(label) or is_day_or_place(label):
                return None
        if not all(self.keys.name_shaped(label) for label in labels):
            return None
        masked = list(labels)
        for i, label in enumerate(labels):
            new = self.visit(label, self.member_name_plan, record, f"{path}[{i}]", True)
            if new is not None:
                masked[i] = new
        return masked
