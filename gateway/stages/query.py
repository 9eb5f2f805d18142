"""Query strings the gateway refuses before anything else reads them.

A parameter sent twice is read as the first value by one framework, the last by another and
a list by a third; a gateway cannot know which one the upstream picks, so it refuses (400).
Names are compared after percent-decoding and case-folding, and `;` counts as a separator
too, because some servers split on it. Overlong query strings are refused with 414.
"""

from __future__ import annotations

from urllib.parse import unquote_plus


class QueryError(ValueError):
    def __init__(self, status: int, code: str, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message_zh = status, code, message_zh


def check_query(query: bytes, max_bytes: int) -> None:
    if len(query) > max_bytes:
        raise QueryError(414, "query_too_long", f"query string exceeds {max_bytes} bytes", "查询字符串过长")
    seen: set[str] = set()
    for part in query.replace(b";", b"&").split(b"&"):
        if not part:
            continue
        name = unquote_plus(part.split(b"=", 1)[0].decode("latin-1"), errors="replace")
        # "name[]" and "name" reach the same parameter in several frameworks.
        key = name.strip().casefold().removesuffix("[]")
        if key in seen:
            raise QueryError(
                400,
                "duplicate_query_parameter",
                f"query parameter {name!r} is repeated",
                "查询参数重复,已拒绝",
            )
        seen.add(key)
