"""Whether a JSON text may hold a member that its parse lost to a duplicate key.

The walk sees the last of duplicate keys only; when nothing changed, the raw text goes out,
so the inspector re-writes a document whose raw text may carry members no one read.
"""

from __future__ import annotations

from typing import Any, cast


def hides_duplicates(raw: str | bytes, doc: Any) -> bool:
    """Could ``raw`` hold a member its parse ``doc`` lost to a duplicate key? A JSON parser
    keeps the last of duplicate keys; the walk sees only that one, so the raw text, which
    goes out when nothing changed, would carry the others unread (and parsers that keep the
    first would show them). Each member has one structural ':' and strings hold the rest,
    so the raw text's colons (counting the escape \\u003a, which only errs towards "yes")
    equal the parse's members plus its strings' colons exactly when no member was lost."""
    if isinstance(raw, bytes):
        colons = raw.count(b":") + raw.count(b"\\u003a") + raw.count(b"\\u003A")
    else:
        colons = raw.count(":") + raw.count("\\u003a") + raw.count("\\u003A")
    try:
        return colons != _colons(doc)
    except RecursionError:
        return True


def _colons(node: Any) -> int:
    """Members of every object in ``node`` plus the colons in its strings (keys included)."""
    kind = type(node)
    if kind is str:
        return cast(str, node).count(":")
    n = 0
    if kind is dict:
        for key, value in cast(dict[str, Any], node).items():
            n += 1 + key.count(":") + _colons(value)
    elif kind is list:
        for value in cast(list[Any], node):
            n += _colons(value)
    return n
