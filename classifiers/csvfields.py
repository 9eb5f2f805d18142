"""The fields of an export without quotes, cut and written back in whole blocks and columns.

How a block's lines end, its fields in one list or column by column (one split of the whole
block, a slice per column), and masked values quoted as CSV fields where they need it.
"""

from __future__ import annotations

from itertools import repeat
from typing import cast

from .columns import SEPARATOR


def _grid(block: str, newline: str, delimiter: str) -> tuple[list[str], int] | None:
    """The block's fields in one list, each line end a field "\\n" of its own after its
    line's fields (``a,b⏎c,d⏎`` -> ``a b \\n c d \\n ''``), and the fields per line, when
    every line ends with ``newline`` and has as many fields, at least two: one replace and one
    split of the whole block, where splitting it into lines, then fields, and joining the
    lines back made several strings per line. None: take it line by line (``_table``)."""
    if not block.endswith(newline):
        return None
    # The lines hold no "\n" but their ends' (see _newline), so every "\n" field is a line
    # end; Python keeps one "\n" string, so they cost no allocation, and count by identity.
    marked = block.replace(newline, f"{delimiter}\n{delimiter}")
    rows = (len(marked) - len(block)) // (3 - len(newline))  # line ends replaced
    flat = marked.split(delimiter)
    width = flat.index("\n")
    step = width + 1
    if width < 2 or len(flat) != rows * step + 1 or flat[width::step].count("\n") != rows:
        return None  # lines of other widths, or an empty line
    return flat, width


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


def _filled(new: list[str | None], old: list[str]) -> list[str]:
    """A column's masks, with its old value where a mask is None."""
    if all(n is not None for n in new):  # identity tests: see fastjson
        return cast(list[str], new)  # every value masked: no None left
    return [n if n is not None else v for n, v in zip(new, old, strict=True)]


def _quoted(values: list[str], delimiter: str) -> list[str]:
    """Values as CSV fields: quoted where they hold the delimiter, a quote or a line end
    (what ``_csv_field`` quotes for; checked once over the column first: masks rarely do)."""
    if not _needs_quotes(SEPARATOR.join(values), delimiter):
        return values
    return ['"' + v.replace('"', '""') + '"' if _needs_quotes(v, delimiter) else v for v in values]


def _quoted_some(values: list[str | None], delimiter: str) -> list[str | None]:
    """``_quoted`` for new values where None leaves a value as it is. A separate function, so
    that a column of strings (a table's, filled) is joined as it is, without filter()'s
    iterator and the list str.join makes of it."""
    if not _needs_quotes(SEPARATOR.join(filter(None, values)), delimiter):  # '' and None need none
        return values
    return ['"' + v.replace('"', '""') + '"' if v is not None and _needs_quotes(v, delimiter) else v for v in values]


def _needs_quotes(text: str, delimiter: str) -> bool:
    # Four substring tests: ~1 µs over a column, where one regex with a class took ~45.
    return delimiter in text or '"' in text or "\r" in text or "\n" in text


def _newline(text: str) -> str | None:
    """How the lines of a text without quotes end ("\\r\\n" or "\\n", all alike); None
    when quoting or mixed line ends need the full parser."""
    if '"' in text:
        return None
    # Line by line with finds of one character (a memchr each), where three counts over the
    # whole text (str.count of one character reads it a character at a time, of "\r\n" slower
    # still) cost ~15 instructions a character of an export.
    cr = text.find("\r")
    if cr < 0:
        return "\n"
    start = 0
    while cr >= 0:
        # This "\r" ends a line: a "\n" right after it, and none in the line before it.
        if text.find("\n", start, cr + 2) != cr + 1:
            return None
        start = cr + 2
        cr = text.find("\r", start)
    return "\r\n" if text.find("\n", start) < 0 else None
