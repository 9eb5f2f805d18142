"""One CSV column decided as a whole, as the JSON walker decides one (fastjson.py).

Its category noted for every row that fills it, its clean keyed values masked in one batch
(``Run.keyed_column``), a column in which nothing can be personal data skipped whole, and the
rest visited value by value, a value in which detection finds nothing not at all.
"""

from __future__ import annotations

from collections.abc import Callable

from . import tokens
from .columnbatch import KeyedVisitor
from .columns import SEPARATOR, business_clean, maybe, whole_column
from .detect import Plan
from .scanner import Match

_ABSENT = frozenset({"", "false", "0", "null", "none", "否", "无"})
# (value, plan, record, path, scan) -> replacement; the same as ColumnWalker's visitor
ValueVisitor = Callable[[str, Plan, int, str, bool], "str | None"]
Categories = Callable[[list[int], str], None]  # (rows, category)

# What detection finds in a value (memoised, records nothing); the value's tokens.plain, when known.
Detected = Callable[[str, Plan, bool | None], list[Match]]


def _column(
    label: str,
    plan: Plan,
    present: list[int],
    values: list[str],
    visit: ValueVisitor,
    keyed_column: KeyedVisitor,
    category: Categories,
    detected: Detected,
) -> list[str | None] | None:
    """One column's new values, aligned with ``values`` (None: nothing changed)."""
    info = plan.info
    if info is not None and info.category:
        absent = {v for v in set(values) if v.strip().lower() in _ABSENT}
        # A column every row fills gives its rows as they are: the list the block's other
        # facts share, which grading reads as one group (records.py), not a set of its own.
        holding = [row for row, v in zip(present, values, strict=True) if v not in absent] if absent else present
        category(holding, info.category)
    out: list[str | None] = [None] * len(values)
    changed = False
    rest: list[int] | range = range(len(values))
    joined = SEPARATOR.join(values)
    if plan.canonical is not None:
        whole = plan.column is not None and whole_column(plan.column, joined)
        if whole:
            batch: list[int] | range = range(len(values))
        else:
            clean = plan.canonical.fullmatch
            batch = [k for k, v in enumerate(values) if clean(v) is not None]
        if batch:
            rows = present if len(batch) == len(values) else [present[k] for k in batch]

            def where(row: int) -> str:
                return f"row {row + 1} col {label}"

            news = keyed_column(
                values if len(batch) == len(values) else [values[k] for k in batch],
                plan,
                rows,
                where,
                rows,
                joined if whole else None,
            )
            if len(batch) == len(values):
                if all(n is None for n in news):
                    return None
                return news
            for k, new in zip(batch, news, strict=True):
                if new is not None:
                    out[k] = new
                    changed = True
            done = set(batch)
            rest = [k for k in rest if k not in done]
    elif (info is None or info.entity is None) and (
        (not maybe(joined) and (plan.declared is None or not plan.declared(joined)))
        or (info is not None and info.business and joined.isascii() and business_clean(joined))
    ):
        return None  # nothing in this column can be personal data
    # Exports repeat values (relations, region codes): a value in which detection finds
    # nothing changes and records nothing (its category, if any, is recorded above); text in
    # base64, a URL with an escape or a name in it, a JWT or a data URI is visited, to be read
    # decoded (tokens.plain).
    # (``set`` of the list itself when no value was batched: one C-level pass, not a step per index)
    distinct = set(values) if type(rest) is range else {values[k] for k in rest}
    quiet = {v for v in distinct if tokens.plain(v) and not detected(v, plan, True)}
    if len(quiet) == len(distinct):  # nothing found in any of them: no visit would change a thing
        return out if changed else None
    for k in rest:
        value = values[k]
        if value in quiet:
            continue
        row = present[k]
        new = visit(value, plan, row, f"row {row + 1} col {label}", True)
        if new is not None and new != value:
            out[k] = new
            changed = True
    return out if changed else None
