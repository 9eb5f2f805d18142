"""Column-wise CSV walk: an export is a table, so every column is decided as a whole.

``structured.walk_csv`` visits cell by cell (a few µs each in Python: 2 MB/s on a 5 MB
export). Here the rows are split (C-level ``str.split`` when the text has no quotes, else
the RFC 4180 parser with raw spans), and each column is handled as the JSON walker handles
one (``fastjson``): its header's plan once; clean keyed values in one batch
(``Run.keyed_column``); a column that no value of can hold anything — no header naming an
entity and no hit of ``scanner.MAYBE`` over the NUL-joined column, or a business column
that ``columns.business_clean`` clears — skipped whole; the rest value by value, each
distinct value detected once (``Run`` memoises). Untouched bytes stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .columns import SEPARATOR, business_clean
from .detect import Plan
from .fastjson import KeyedVisitor
from .scanner import MAYBE
from .structured import _csv_field, _splice, looks_like_header, parse_csv, sniff_delimiter

_ABSENT = frozenset({"", "false", "0", "null", "none", "否", "无"})
# (value, plan, record, path, scan) -> replacement; the same as ColumnWalker's visitor
ValueVisitor = Callable[[str, Plan, int, str, bool], "str | None"]
Categories = Callable[[int, str], None]


def walk_csv(
    text: str,
    visit: ValueVisitor,
    plan_of: Callable[[str | None], Plan],
    keyed_column: KeyedVisitor,
    category: Categories,
) -> tuple[str, bool, int]:
    """(text, changed, data rows), as ``structured.walk_csv`` returns them."""
    delimiter = sniff_delimiter(text)
    lines = _lines(text)
    if lines is not None:
        newline, raw = lines
        kept = [i for i, line in enumerate(raw) if line]  # empty lines are not rows
        rows = [raw[i].split(delimiter) for i in kept]
        spans = None
    else:
        fields = [r for r in parse_csv(text, delimiter) if not (len(r) == 1 and r[0].value == "")]
        rows = [[f.value for f in r] for r in fields]
        spans = fields
    header: list[str] = []
    first = 0
    if rows and looks_like_header(rows[0]):
        header = [v.strip().lstrip("\ufeff") for v in rows[0]]
        first = 1
    data = rows[first:]
    width = max((len(r) for r in data), default=0)
    changes: dict[tuple[int, int], str] = {}
    for col in range(width):
        name = header[col] if col < len(header) and header[col] else None
        _column(col, name, data, visit, plan_of, keyed_column, category, changes)
    if not changes:
        return text, False, len(data)
    if spans is not None:
        edits = []
        for (row, col), new in changes.items():
            f = spans[row + first][col]
            edits.append((f.start, f.end, _csv_field(new, f.quoted, delimiter)))
        return _splice(text, edits), True, len(data)
    out = list(raw)
    quote = re.compile(f'[{re.escape(delimiter)}"\r\n]')  # what ``_csv_field`` quotes for
    touched: dict[int, list[str]] = {}
    for (row, col), new in changes.items():
        cells = touched.setdefault(row, list(data[row]))
        cells[col] = '"' + new.replace('"', '""') + '"' if quote.search(new) else new
    for row, cells in touched.items():
        out[kept[row + first]] = delimiter.join(cells)
    return newline.join(out), True, len(data)


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
    col: int,
    name: str | None,
    data: list[list[str]],
    visit: ValueVisitor,
    plan_of: Callable[[str | None], Plan],
    keyed_column: KeyedVisitor,
    category: Categories,
    changes: dict[tuple[int, int], str],
) -> None:
    plan = plan_of(name)
    info = plan.info
    label = name if name else str(col + 1)
    present = [row for row, cells in enumerate(data) if col < len(cells)]
    values = [data[row][col] for row in present]
    if info is not None and info.category:
        for row, value in zip(present, values, strict=True):
            if value.strip().lower() not in _ABSENT:
                category(row, info.category)
    rest = list(range(len(values)))
    if plan.canonical is not None:
        clean = plan.canonical.fullmatch
        batch = [k for k, v in enumerate(values) if clean(v) is not None]
        if batch:
            rows = [present[k] for k in batch]

            def where(row: int) -> str:
                return f"row {row + 1} col {label}"

            news = keyed_column([values[k] for k in batch], plan, rows, where, rows)
            for row, new in zip(rows, news, strict=True):
                if new is not None:
                    changes[(row, col)] = new
            done = set(batch)
            rest = [k for k in rest if k not in done]
    elif info is None or info.entity is None:
        joined = SEPARATOR.join(values)
        if MAYBE.search(joined) is None or (info is not None and info.business and business_clean(joined)):
            return  # nothing in this column can be personal data
    for k in rest:  # Run memoises the detection of repeated values (relations, region codes)
        row = present[k]
        new = visit(values[k], plan, row, f"row {row + 1} col {label}", True)
        if new is not None and new != values[k]:
            changes[(row, col)] = new
