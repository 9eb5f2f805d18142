"""JSON values as the column-wise walk (fastjson.py) reads them.

A list of objects as columns (``_by_column``, ``_MISSING`` where an object lacks a key), a
column of column-wise records, a pandas index, a value that is present or that may be JSON
in a string, the scalars inside a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any, Final

_MISSING: Final = object()

_ABSENT = frozenset({"", "false", "0", "null", "none", "否", "无"})  # as Run.edits reads a value


def _held(value: Any) -> bool:
    """Is a field's value there (not missing, null or empty)?"""
    return value is not _MISSING and value is not None and value != ""


def _by_column(items: list[dict[str, Any]]) -> Iterable[tuple[str, Sequence[Any]]]:
    """(key, the values under it in each object, _MISSING where absent), key by key in order
    of first appearance. Records of one response usually share their keys in one order:
    then the columns are one C-level transposition instead of a lookup per value."""
    first = tuple(items[0])
    if set(map(tuple, items)) == {first}:
        return zip(first, zip(*map(dict.values, items), strict=True), strict=True)
    return ((key, [item.get(key, _MISSING) for item in items]) for key in dict.fromkeys(chain.from_iterable(items)))


def _column(value: Any) -> bool:
    """Is a value a column of column-wise records: a list, or an object by row index, of
    values that are no objects or lists?"""
    if type(value) is list:
        cells: Iterable[Any] = value
    elif type(value) is dict and _by_row_index(value):
        cells = value.values()
    else:
        return False
    return bool(value) and not any(type(cell) is dict or type(cell) is list for cell in cells)


def _by_row_index(node: dict[str, Any]) -> bool:
    """Are the object's keys a row index ("0", "17")? Short: a longer run of digits may be an
    ID number or a phone, a key to scan and no index."""
    return all(k.isascii() and k.isdigit() and len(k) < 10 for k in node)


def _leaves(node: Any) -> list[Any]:
    """The scalars anywhere inside a JSON value."""
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in _leaves(value)]
    return [node]


def _present(value: Any) -> bool:
    """Would ``Run.edits`` count this value as present (its key's category applies)?
    The text it reads is the string, an integer's digits, true/false, a float's repr."""
    kind = type(value)
    if kind is str:
        return value.strip().lower() not in _ABSENT
    if kind is int:
        return bool(value)
    if kind is bool:
        return bool(value)
    if kind is float:
        return repr(value) not in _ABSENT
    return False  # null or missing: never visited


def _embedded_json(text: str) -> bool:
    """Could ``text`` be a JSON document: an object or an array, or one encoded a second time
    (``"{\\"xm\\": …}"``, a JSON string holding the document, as a client that serialises
    twice sends it) or more (``"\\"{\\\\\\"xm…}\\""``: quotes and escapes before the brace)?"""
    first = text[:1]
    if first == '"':
        return text.lstrip('"\\')[:1] in ("{", "[") and text.rstrip('"\\')[-1:] in ("}", "]")
    return first in "{[" and text[-1:] in "}]"
