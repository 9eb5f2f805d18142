"""Server-sent events (``text/event-stream``) whose data spans several ``data:`` lines.

A client joins an event's ``data:`` lines with "\\n" before it reads them (the HTML standard's
event stream interpretation), so a JSON document may be written a member a line::

    data: {"xm":
    data: "张伟", "sfzh":
    data: "610902199001011235"}

Scanned as text, no line of it parses as JSON, and a name on its own line has no key: it went
out in clear. This module finds each event's data as the client reads it (``Data``) and writes
masked data back as ``data:`` lines (``written``). An event of one ``data:`` line is left to the
scan of the whole stream, which already reads ``data: {...}`` as JSON.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A line and its end: CRLF, LF or CR end a line of an event stream.
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
# A data field: "data", then a colon and at most one space the value does not keep.
_DATA = re.compile(r"data(?::( ?)|$)")


class Data(NamedTuple):
    start: int  # the first data line's start in the stream
    end: int  # the last data line's end, before its line break
    text: str  # the lines' values joined with "\n", as the client reads them
    newline: str  # what ends the first data line (the masked lines end so)
    others: str  # the other fields between the data lines (an id: between them), kept after


def joined(stream: str) -> list[Data]:
    """Each event of ``stream`` with more than one ``data:`` line, in order."""
    out: list[Data] = []
    values: list[str] = []
    others: list[str] = []
    pending: list[str] = []  # fields after a data line: between data lines once another follows
    start = end = 0
    newline = "\n"
    at = 0
    while at <= len(stream):
        line = _LINE.match(stream, at)
        if line is None:  # cannot happen: the pattern matches the empty string
            break
        text, ending = line.group(1), line.group(2)
        field = _DATA.match(text)
        if field is not None:
            if not values:
                start, newline, others = line.start(), ending or "\n", []
            others += pending
            pending = []
            values.append(text[field.end() :] if field.group(1) is not None else "")
            end = line.start() + len(text)
        elif text:
            if values:
                pending.append(text + (ending or newline))
        else:  # a blank line dispatches the event
            if len(values) > 1:
                out.append(Data(start, end, "\n".join(values), newline, "".join(others)))
            values, pending = [], []
        if not ending:
            break
        at = line.end()
    if len(values) > 1:  # a stream cut off before its last blank line: the client reads it all the same
        out.append(Data(start, end, "\n".join(values), newline, "".join(others)))
    return out


def written(data: Data, text: str, others: str) -> str:
    """``data``'s lines in the stream with ``text`` for its value: a ``data:`` line for each of
    its lines, then ``others`` for the other fields that stood between them."""
    lines = data.newline.join("data: " + line for line in text.split("\n"))
    if not others:
        return lines
    return lines + data.newline + others.rstrip("\r\n")
