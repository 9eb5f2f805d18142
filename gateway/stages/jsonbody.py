"""A JSON request body, parsed once for every check that reads it.

Authorize reads `_method` among its top-level members (query.check_json), the region keys
anywhere in it (scope.named_regions) and the actor a write names (approval.actor_verdict); the
business stage reads a write's fields. Each parsed the body again, four times for a JSON
application on a region route. It is parsed here once and
kept on the exchange, every member in order and a key sent twice kept twice: one parser reads
the first, another the last ({"regionCode": "610921", "regionCode": "610902"}), and the region
check must see both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..exchange import Exchange


class JsonObject(list[tuple[str, Any]]):
    """A JSON object as its members in order, a key sent twice kept twice."""


def loads(text: str | bytes) -> Any:
    """JSON with its objects as JsonObject; ValueError (UnicodeDecodeError too) or
    RecursionError when it is none."""
    return json.loads(text, object_pairs_hook=JsonObject)


@dataclass(frozen=True, slots=True)
class ParsedBody:
    doc: Any  # a JsonObject, a list or a scalar; None when the body is no JSON
    ok: bool  # False: the body does not parse (or nests deeper than the parser goes)


def parse(body: bytes) -> ParsedBody:
    try:
        return ParsedBody(loads(body), True)
    except (ValueError, RecursionError):
        return ParsedBody(None, False)


def request_json(ex: Exchange) -> ParsedBody:
    """The request body as JSON, parsed on the first call and kept for the next."""
    if ex.request_json is None:
        ex.request_json = parse(ex.request.body)
    return ex.request_json
