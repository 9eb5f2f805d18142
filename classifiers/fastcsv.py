"""Column-wise CSV walk: an export is a table, so every column is decided as a whole.

``structured.walk_csv`` visits cell by cell (a few µs each in Python: 2 MB/s on a 5 MB
export). Here the rows are split (without quotes and with as many fields on every line:
one ``str.split`` of all lines and a slice per column; else ``str.split`` per line, or the
RFC 4180 parser with raw spans), and each column is handled as the JSON walker handles
one (``fastjson``): its header's plan once; clean keyed values in one batch
(``Run.keyed_column``); a column that no value of can hold anything — no header naming an
entity and no hit of ``scanner.MAYBE`` over the NUL-joined column, or a business column
that ``columns.business_clean`` clears — skipped whole; the rest value by value, each
distinct value detected once (``Run`` memoises) and skipped when nothing is found in it.
Untouched bytes stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import repeat
from typing import TypeVar, cast

from .columns import SEPARATOR, business_clean, maybe, whole_column
from .detect import Plan
from .fastjson import KeyedVisitor
from .scanner import Match
from .structured import _csv_field, _splice, looks_like_header, parse_csv, sniff_delimiter

_V = TypeVar("_V", str, "str | None")
_ABSENT = frozenset({"", "false", "0", "null", "none", "否", "无"})
# (value, plan, record, path, scan) -> replacement; the same as ColumnWalker's visitor
ValueVisitor = Callable[[str, Plan, int, str, bool], "str | None"]
Categories = Callable[[list[int], str], None]  # (rows, category)
Regions = Callable[[list[str]], None]  # the values of a region key's column
Detected = Callable[[str, Plan], list[Match]]  # what detection finds in a value (memoised, records nothing)


def walk_csv(
    text: str,
    visit: ValueVisitor,
    plan_of: Callable[[str | None], Plan],
    keyed_column: KeyedVisitor,
    category: Categories,
    detected: Detected,
    regions: Regions,
) -> tuple[str, bool, int]:
    """(text, changed, data rows), as ``structured.walk_csv`` returns them."""
    delimiter = sniff_delimiter(text)
    lines = _lines(text)
    spans = None
    table: list[list[str]] | None = None  # column by column, header row included
    rows: list[list[str]] = []
    if lines is not None:
        newline, raw = lines
        kept = [i for i, line in enumerate(raw) if line]  # empty lines are not rows
        table = _table(raw, kept, delimiter)
        if table is None:
            rows = [raw[i].split(delimiter) for i in kept]
    else:
        fields = [r for r in parse_csv(text, delimiter) if not (len(r) == 1 and r[0].value == "")]
        rows = [[f.value for f in r] for r in fields]
        spans = fields
    top = [column[0] for column in table] if table is not None else rows[0] if rows else None
    header: list[str] = []
    first = 0
    if top is not None and looks_like_header(top):
        header = [v.strip().lstrip("\ufeff") for v in top]
        first = 1
    data = rows[first:]
    columns = [column[first:] for column in table] if table is not None else None
    count = len(columns[0]) if columns is not None else len(data)
    width = (len(columns) if count else 0) if columns is not None else max(map(len, data), default=0)
    changed: list[tuple[int, list[int], list[str | None]]] = []  # (column, rows, new values)
    every_row = list(range(count))  # shared by the columns: Records converts it to a set once
    for col in range(width):
        name = header[col] if col < len(header) and header[col] else None
        if columns is not None:
            present, values = every_row, columns[col]
        else:
            present = [row for row, cells in enumerate(data) if col < len(cells)]
            values = [data[row][col] for row in present]
        plan = plan_of(name)
        if plan.info is not None and plan.info.region:
            regions(values)
        new = _column(name or str(col + 1), plan, present, values, visit, keyed_column, category, detected)
        if new is not None:
            changed.append((col, present, new))
    if not changed:
        return text, False, count
    if spans is not None:
        edits = []
        for col, present, new in changed:
            for row, value in zip(present, new, strict=True):
                if value is not None:
                    f = spans[row + first][col]
                    edits.append((f.start, f.end, _csv_field(value, f.quoted, delimiter)))
        return _splice(text, edits), True, count
    quote = re.compile(f'[{re.escape(delimiter)}"\r\n]')  # what ``_csv_field`` quotes for
    out = list(raw)
    if columns is not None:  # the data lines are contiguous (see _table): rebuilt at once
        for col, _, new in changed:
            if new.count(None):
                filled = [n if n is not None else v for n, v in zip(new, columns[col], strict=True)]
            else:
                filled = cast(list[str], new)  # every value masked: no None left
            columns[col] = _quoted(filled, quote)
        out[kept[first] : kept[-1] + 1] = map(delimiter.join, zip(*columns, strict=True))
        return newline.join(out), True, count
    touched: dict[int, list[str]] = {}
    for col, present, new in changed:
        for row, value in zip(present, _quoted(new, quote), strict=True):
            if value is not None:
                touched.setdefault(row, list(data[row]))[col] = value
    for row, row_cells in touched.items():
        out[kept[row + first]] = delimiter.join(row_cells)
    return newline.join(out), True, count


def _table(raw: list[str], kept: list[int], delimiter: str) -> list[list[str]] | None:
    """The lines' fields column by column when the lines are contiguous (no empty line in
    between) and all have as many fields: one split of all of them at once and a slice per
    column, instead of a list per line and a transpose. None: split line by line."""
    if not kept or kept[-1] - kept[0] != len(kept) - 1:
        return None
    lines = raw[kept[0] : kept[-1] + 1]
    counts = set(map(str.count, lines, repeat(delimiter)))
    if len(counts) != 1:
        return None
    width = counts.pop() + 1
    flat = delimiter.join(lines).split(delimiter)
    return [flat[col::width] for col in range(width)]


def _quoted(values: list[_V], quote: re.Pattern[str]) -> list[_V]:
    """Values as CSV fields: quoted where they hold the delimiter, a quote or a line end
    (checked once over the column first: masks rarely do)."""
    if quote.search(SEPARATOR.join(filter(None, values))) is None:  # '' and None need no quotes
        return values
    return ['"' + v.replace('"', '""') + '"' if v is not None and quote.search(v) else v for v in values]


def _lines(text: str) -> tuple[str, list[str]] | None:
    """The lines of a text without quotes, all ended alike ("\\r\\n" or "\\n"); None when
    quoting or mixed line ends need the full parser."""
    if '"' in text:
        return None
    crs = text.count("\r")
    if crs == 0:
        return "\n", text.split("\n")
    if crs == text.count("\r\n") and text.count("\n") == crs:
        return "\r\n", text.split("\r\n")
    return None


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
        category([row for row, v in zip(present, values, strict=True) if v not in absent], info.category)
    out: list[str | None] = [None] * len(values)
    changed = False
    rest: list[int] | range = range(len(values))
    joined = SEPARATOR.join(values)
    if plan.canonical is not None:
        if plan.column is not None and whole_column(plan.column, joined):
            batch: list[int] | range = range(len(values))
        else:
            clean = plan.canonical.fullmatch
            batch = [k for k, v in enumerate(values) if clean(v) is not None]
        if batch:
            rows = present if len(batch) == len(values) else [present[k] for k in batch]

            def where(row: int) -> str:
                return f"row {row + 1} col {label}"

            news = keyed_column(
                values if len(batch) == len(values) else [values[k] for k in batch], plan, rows, where, rows
            )
            if len(batch) == len(values):
                if news.count(None) == len(news):
                    return None
                return news
            for k, new in zip(batch, news, strict=True):
                if new is not None:
                    out[k] = new
                    changed = True
            done = set(batch)
            rest = [k for k in rest if k not in done]
    elif (info is None or info.entity is None) and (
        not maybe(joined) or (info is not None and info.business and business_clean(joined))
    ):
        return None  # nothing in this column can be personal data
    # Exports repeat values (relations, region codes): a value in which detection finds
    # nothing changes and records nothing (its category, if any, is recorded above).
    distinct = {values[k] for k in rest}
    quiet = {v for v in distinct if not detected(v, plan)}
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
