"""Walk structured bodies value by value; the visitor decides each value's replacement.

Walkers know about syntax only (paths, keys, records, quoting); what is sensitive and how
it is masked is the visitor's business (see ``classifiers.inspect``). Untouched parts of
CSV, form and text bodies are kept byte for byte. JSON is walked column by column in
``classifiers.fastjson``; the JSON helpers it shares (record lists, paths) live here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote_plus, unquote_plus

from .normalise import fold

RECORD_FIELDS = ("items", "data", "list", "records", "rows", "results")
ENVELOPE = -1  # record index of values outside the record list (paging info, messages)
_PLAIN_KEY: Final = re.compile(r"^[^.\[\]'\"\s]+$")


@dataclass(frozen=True, slots=True)
class Cell:
    path: str
    key: str | None
    text: str
    record: int
    scan: bool  # False for JSON floats/booleans: they only tell which categories are present


Visitor = Callable[[Cell], "str | None"]


# The first two digits of every province-level 行政区划代码 (GB/T 2260): 11-15 华北, 21-23 东北,
# 31-37 华东, 41-46 中南, 50-54 西南, 61-65 西北, 71 台湾, 81-82 香港、澳门.
_PROVINCE_SPANS = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 82))
_PROVINCES = frozenset(str(n) for first, last in _PROVINCE_SPANS for n in range(first, last + 1))


# What people group a code's digits with ("6109-02", "610 902", "6109/02"); fold() turns
# full-width forms and other spaces into these.
_CODE_SEPARATORS = str.maketrans("", "", " -._/")


def region_code(value: Any) -> str:
    """The 行政区划代码 a region value is written as (6, 9 or 12 digits), read through
    full-width digits, invisible characters and the separators digits are grouped with; ""
    when it is none (a name such as 紫阳县, a float, anything else). A string or an integer;
    nothing else is a code."""
    kind = type(value)
    if kind is int:
        digits = str(value)
    elif kind is str:
        digits = value.strip()
        if not (digits.isascii() and digits.isdigit()):  # the usual case needs no folding
            digits = fold(digits).text.translate(_CODE_SEPARATORS)
    else:
        return ""
    if len(digits) in (6, 9, 12) and digits.isascii() and digits.isdigit():
        return digits
    return ""


# The codes of every province, prefecture and county of the mainland (GB/T 2260).
_DIVISIONS_PATH = Path(__file__).parent / "entities" / "gb2260.txt"


def _division_codes() -> frozenset[str]:
    with _DIVISIONS_PATH.open(encoding="utf-8") as fh:
        return frozenset(line.split()[0] for line in fh if line.strip() and not line.startswith("#"))


_DIVISIONS = _division_codes()


def division_code(value: Any) -> str:
    """``region_code``, when it is a code of GB/T 2260 (a county or above, or a 9- or 12-digit
    code under one); "" for any other number (a postcode, an amount, a row id)."""
    code = region_code(value)
    return code if code[:6] in _DIVISIONS else ""


def nested_region_code(value: Any) -> bool:
    """Could a value found inside a region key's object or element be a 行政区划代码? 6, 9 or
    12 digits under a province's code: beside the code such an object may carry a row id
    (``{"xzqh": {"id": 100234, "dm": …}}``), which must not be read as a region elsewhere."""
    return region_code(value)[:2] in _PROVINCES


# ----------------------------------------------------------------------------- JSON
def json_records(doc: Any) -> tuple[list[Any] | None, str | None]:
    """The record list and the name of the field holding it (None for a top-level array)."""
    if isinstance(doc, list):
        return doc, None
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in RECORD_FIELDS and isinstance(value, list):
                return value, key
        inner = doc.get("data")
        if isinstance(inner, dict):  # {"code":0,"data":{"records":[...],"total":n}}
            for key, value in inner.items():
                if key in RECORD_FIELDS and isinstance(value, list):
                    return value, f"data.{key}"
    return None, None


def _child(path: str, key: str) -> str:
    if _PLAIN_KEY.match(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


# ----------------------------------------------------------------------------- CSV
@dataclass(frozen=True, slots=True)
class _Field:
    start: int
    end: int
    value: str
    quoted: bool


def sniff_delimiter(text: str) -> str:
    """The delimiter the first line holds most of. A title line above the header ("家庭成员",
    as one cell of a tab-separated export) holds none: the line after it says, where a comma
    taken by default made each tab-separated line one field, and the names under 姓名 went
    out in clear."""
    start = 0
    for _ in range(2):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        counts = {d: line.count(d) for d in (",", "\t", ";", "|")}
        best = max(counts, key=lambda d: counts[d])
        if counts[best] or end < 0:
            return best if counts[best] else ","
        start = end + 1
    return ","


def parse_csv(text: str, delimiter: str) -> list[list[_Field]]:
    """RFC 4180 rows with each field's raw span; lenient about stray quotes."""
    quoted_re = re.compile(r'"((?:[^"]|"")*)"')
    plain_re = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    rows: list[list[_Field]] = []
    row: list[_Field] = []
    pos, n = 0, len(text)
    while pos < n:
        m = quoted_re.match(text, pos) if text[pos] == '"' else None
        if m is not None and (m.end() == n or text[m.end()] in (delimiter, "\r", "\n")):
            row.append(_Field(pos, m.end(), m.group(1).replace('""', '"'), True))
        else:
            m = plain_re.match(text, pos)
            if m is None:  # cannot happen: the pattern matches the empty string
                raise RuntimeError("CSV field pattern failed to match")
            row.append(_Field(pos, m.end(), m.group(), False))
        pos = m.end()
        if pos < n and text[pos] == delimiter:
            pos += 1
            if pos == n:
                row.append(_Field(pos, pos, "", False))
            continue
        if pos < n:
            pos += 2 if text.startswith("\r\n", pos) else 1
        rows.append(row)
        row = []
    if row:
        rows.append(row)
    return rows


def looks_like_header(values: list[str]) -> bool:
    return all(sum(c.isdigit() for c in v) < 6 and "@" not in v for v in values)


def walk_csv(text: str, visit: Visitor) -> tuple[str, bool, int]:
    """Visit every data cell with its column header as key; returns (text, changed, rows)."""
    delimiter = sniff_delimiter(text)
    rows = [r for r in parse_csv(text, delimiter) if not (len(r) == 1 and r[0].value == "")]
    header: list[str] = []
    if rows and looks_like_header([f.value for f in rows[0]]):
        header = [f.value.strip().lstrip("\ufeff") for f in rows[0]]
        rows = rows[1:]
    edits: list[tuple[int, int, str]] = []
    for number, row in enumerate(rows, start=1):
        for col, f in enumerate(row):
            name = header[col] if col < len(header) and header[col] else None
            path = f"row {number} col {name if name else col + 1}"
            new = visit(Cell(path, name, f.value, number - 1, True))
            if new is not None and new != f.value:
                edits.append((f.start, f.end, _csv_field(new, f.quoted, delimiter)))
    return _splice(text, edits), bool(edits), len(rows)


def _csv_field(value: str, quoted: bool, delimiter: str) -> str:
    if quoted or any(c in value for c in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    if not edits:
        return text
    parts: list[str] = []
    last = 0
    for start, end, new in sorted(edits):
        parts.append(text[last:start])
        parts.append(new)
        last = end
    parts.append(text[last:])
    return "".join(parts)


# ----------------------------------------------------------------------------- form / text
def walk_form(
    text: str,
    visit: Visitor,
    encoding: str = "utf-8",
    json_text: Callable[[str], str | None] | None = None,
    beside: Callable[[list[tuple[str, str, str, int, bool]]], dict[int, str]] | None = None,
) -> tuple[str, bool, int]:
    """application/x-www-form-urlencoded: each value under its field name, and the names
    themselves as values (``sfzh[<ID number>]=1``, a bare ``<ID number>`` without ``=``).
    ``json_text``: a value that is JSON (``data=[{…}, {…}]``) walked as a document, masked or
    itself, None when it does not parse; scanned as text, its keys were no evidence and its
    region fields went unjudged. ``beside``: the fields (key, field, value, record, changed)
    read beside each other once walked, {a field's index: its mask} (``formnames``)."""
    parts = text.split("&")
    changed = False
    records: dict[str, int] = {}  # the index of an indexed field (items[0]) -> its record
    fields: list[tuple[str, str, str, int, bool]] = []
    placed: list[tuple[int, str, str]] = []  # each field's part, raw key and value's encoding
    for i, part in enumerate(parts):
        raw_key, sep, raw_value = part.partition("=")
        key, key_encoding = unquote_escapes(raw_key, encoding)
        new_key = visit(Cell(f"form.{key}#key", None, key, 0, True)) if key.strip() else None
        if new_key is not None and new_key != key:
            raw_key = quote_plus(new_key, safe="*", encoding=key_encoding)
            parts[i] = raw_key + sep + raw_value
            changed = True
        if not sep:
            continue
        value, value_encoding = unquote_escapes(raw_value, encoding)
        new = json_text(value) if json_text is not None and value.lstrip()[:1] in ("{", "[") else None
        field, record = key, 0
        if new is None:
            field, record = form_field(key, records)
            new = visit(Cell(f"form.{key}", field, value, record, True))
        if new is not None and new != value:
            parts[i] = f"{raw_key}={quote_plus(new, safe='*', encoding=value_encoding)}"
            changed = True
        fields.append((key, field, value, record, new is not None and new != value))
        placed.append((i, raw_key, value_encoding))
    for at, new in (beside(fields) if beside is not None and changed else {}).items():
        i, raw_key, value_encoding = placed[at]
        parts[i] = f"{raw_key}={quote_plus(new, safe='*', encoding=value_encoding)}"
    return ("&".join(parts) if changed else text), changed, max(1, len(records))


# The names in a form field's name that frameworks bind to members (Spring's items[0].xm,
# PHP's and Rails' items[0][xm], qs's list.0.xm).
_FORM_NAME_PARTS = re.compile(r"[^.\[\]]+")


def form_field(key: str, records: dict[str, int]) -> tuple[str, int]:
    """The field a form value is of, and its record: an indexed field (``items[1].xzqhmc``,
    ``items[1][xzqhmc]``, ``list.1.xzqhmc``) is the field named last (``xzqhmc``) of the
    record its first index names, numbered from 1 in ``records``; the fields with no index
    before their name are record 0. Read whole, ``items[1].xzqhmc`` named no field: its
    region went unjudged, and the fields of every index were one record."""
    if "." not in key and "[" not in key:
        return key, 0
    parts = _FORM_NAME_PARTS.findall(key)
    names = [i for i, part in enumerate(parts) if not part.strip().isdigit()]
    if not names:
        return key, 0
    last = names[-1]
    index = next((i for i in range(last) if parts[i].strip().isdigit()), None)
    if index is None:
        return parts[last], 0  # sfzh[]=…, person.xm=…, xzqhdm[0]=…: one field of the form's own
    prefix = "\x00".join(part.strip() for part in parts[: index + 1])
    return parts[last], records.setdefault(prefix, len(records) + 1)


def unquote_escapes(raw: str, encoding: str) -> tuple[str, str]:
    """A URL's or a form's escaped text, and the encoding its escapes are in: ``encoding``,
    else GB18030 (GBK's superset) when they are none of ``encoding``'s text but GB18030's:
    legacy systems escape GBK (xm=%D5%C5%C8%FD is 张三), and read as UTF-8 the name was
    replacement characters that no pattern finds."""
    if "%" not in raw:
        return unquote_plus(raw, encoding=encoding), encoding
    try:
        return unquote_plus(raw, encoding=encoding, errors="strict"), encoding
    except UnicodeDecodeError:
        pass
    try:
        return unquote_plus(raw, encoding="gb18030", errors="strict"), "gb18030"
    except UnicodeDecodeError:
        return unquote_plus(raw, encoding=encoding), encoding


def walk_text(text: str, visit: Visitor) -> tuple[str, bool, int]:
    new = visit(Cell("text", None, text, 0, True))
    return (new, True, 1) if new is not None and new != text else (text, False, 1)
