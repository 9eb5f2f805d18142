"""A column of a list of objects handled at once, where the JSON walker would visit its values
one by one: its category recorded for every record holding a value (``category``), its clean
keyed values handed to the run as one column (``keyed``), and the row lists of whole columns
(``every``).
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any, cast

from .columns import whole_column
from .detect import Plan
from .jsonvalues import _ABSENT, _MISSING, _embedded_json, _present
from .valuepaths import path_of

# (values, plan, record of each, path of a position, position of each) -> replacements
# (values, plan, records, where, indices, the values joined by NUL when the column matched whole)
KeyedVisitor = Callable[[list[str], Plan, list[int], Callable[[int], str], list[int], "str | None"], "list[str | None]"]
Categories = Callable[[list[int], str], None]  # (records, category)


class ColumnBatch:
    """The columns of one walk handled at once (``jsoncolumns.columns``)."""

    def __init__(self, keyed_column: KeyedVisitor, category_rows: Categories) -> None:
        self.keyed_column = keyed_column
        self.category_rows = category_rows
        self._every_rows: dict[int, list[int]] = {}

    def category(self, column: Sequence[Any], joined: str, category: str, is_records: bool, record: int) -> bool:
        """Record ``category`` for every record with a value present in the column, at once;
        False (nothing recorded) when a value may be embedded JSON, which is walked instead.
        Values still visited one by one afterwards add it again, harmlessly."""
        if ("{" in joined or "[" in joined) and any(type(v) is str and _embedded_json(v) for v in column):
            return False
        distinct = set(column)
        if all(type(v) is str or v is None or v is _MISSING for v in distinct):
            # Strings and nulls (the usual case): each distinct value is read once.
            absent = {v for v in distinct if type(v) is not str or v.strip().lower() in _ABSENT}
            if not absent:
                rows = self.every(len(column)) if is_records else [record]
            else:
                rows = [i if is_records else record for i, v in enumerate(column) if v not in absent]
        else:  # numbers and booleans: 0 == 0.0 == False in a set, yet only 0.0 is present
            rows = [i if is_records else record for i, v in enumerate(column) if _present(v)]
        self.category_rows(rows, category)
        return True

    def keyed(
        self,
        items: list[dict[str, Any]],
        column: Sequence[Any],
        joined: str,
        plan: Plan,
        path: str,
        key: str,
        record: int,
        is_records: bool,
        labels: list[str] | None,
    ) -> tuple[list[int], bool]:
        """Hand the column's clean keyed values (and integers: masked, they become strings)
        to ``keyed_column`` at once and write their masks into ``items``; returns the
        positions left for the value-by-value walk, and whether anything changed."""
        whole = plan.column is not None and whole_column(plan.column, joined)
        if whole and set(map(type, column)) == {str}:
            texts: list[str | None] = list(column)  # all strings: nothing to convert
        else:
            texts = [v if type(v) is str else str(v) if type(v) is int else None for v in column]
        if whole:
            batch = self.every(len(texts))
        else:
            clean = plan.canonical.fullmatch if plan.canonical is not None else None
            batch = [
                i
                for i, t in enumerate(texts)
                if t is not None and clean is not None and clean(t) is not None and not _embedded_json(t)
            ]
        if not batch:
            return list(range(len(column))), False

        def where(i: int) -> str:
            return path_of((path, i if labels is None else labels[i], key))

        values = cast(list[str], texts) if whole else [texts[i] or "" for i in batch]  # whole: no None
        records = batch if is_records else [record] * len(batch)
        news = self.keyed_column(values, plan, records, where, batch, joined if whole else None)
        # Identity tests, compiled to a loop: list.count(None) and `in` compared each mask
        # with None through the generic comparison (~150 instructions a value).
        changed = not all(n is None for n in news)
        if len(batch) == len(column) and all(n is not None for n in news):
            # Every object gets its mask: one C-level pass instead of a Python loop.
            deque(map(operator.setitem, items, repeat(key), news), maxlen=0)
            return [], changed
        for i, new in zip(batch, news, strict=True):
            if new is not None:
                items[i][key] = new
        if len(batch) == len(column):
            return [], changed
        done = set(batch)
        return [i for i in range(len(column)) if i not in done], changed

    def every(self, n: int) -> list[int]:
        """[0, 1, ... n-1], one list per length and walk: the row lists of whole columns are
        then one object, which grading turns into a set once (records.Records.combinations).
        Nobody changes these lists."""
        rows = self._every_rows.get(n)
        if rows is None:
            rows = self._every_rows[n] = list(range(n))
        return rows
