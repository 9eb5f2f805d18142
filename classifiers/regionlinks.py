"""The region a returned link names: a record's own region where it carries no field of it.

REST answers link each record to its resource (HAL's ``_links.self.href``, a ``url`` or
``link`` member, an HTML ``<a href>``), and those paths carry the region the resource lies in
as the gateway's own routes do (``/api/v1/regions/610921/persons/1``), or a filter under a
region key (``/persons/1?xzqhdm=610921``). A record of 汉阴县's that named its region only
there went out on 汉滨区's route. Only a value that is wholly a link is read (a remark that
quotes one is text), and only what says a region: a GB/T 2260 code in the segment right after
a segment of region words (``regions``, ``areas``, ``xzqh`` …), or a query parameter under a
region key of the catalog, read as under that key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any
from urllib.parse import parse_qsl

from .catalog import KeyInfo
from .detect import Plan
from .structured import division_code

# What a link is: an absolute URL or a path, its query, no spaces.
_LINK = re.compile(r"(?:https?://[^/?#\s]+)?(/[^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?")
# Path segments after which REST paths name a region (the gateway's routes: /regions/{region}).
_REGION_SEGMENTS = frozenset(
    {"regions", "region", "areas", "area", "divisions", "division", "districts", "district", "counties", "county"}
    | {"xzqh", "xzqhs", "qh", "adcode", "adcodes"}
)

# (the values, only a GB/T 2260 code says anything?) of each region a link names.
LinkedRegion = tuple[str, bool]


def may_be_link(value: str) -> bool:
    """The test every value passes through first: a path or an absolute URL. Its first
    character only, for most values (slices of seven and eight characters are new strings)."""
    first = value[:1]
    return first == "/" or (first == "h" and value.startswith(("http://", "https://")))


def linked_regions(value: str, key_info: Callable[[str], KeyInfo | None]) -> list[LinkedRegion]:
    """The regions the link ``value`` names (none when it is no link): each code after a segment
    of region words, as under areaCode (only a GB/T 2260 code says anything); each query
    parameter under a region key, as under that key."""
    link = _LINK.fullmatch(value)
    if link is None:
        return []
    out: list[LinkedRegion] = []
    segments = link.group(1).split("/")
    for before, segment in pairwise(segments):
        if before.lower() in _REGION_SEGMENTS and division_code(segment):
            out.append((segment, True))
    query = link.group(2)
    if query and "=" in query:
        for name, text in parse_qsl(query):
            info = key_info(name)
            if info is not None and info.region:
                out.append((text, info.region_code_only))
    return out


def column_links(
    column: Sequence[Any], rows: Sequence[int], plan_of: Callable[[str | None], Plan]
) -> list[tuple[str, bool, int]]:
    """``linked_regions`` of each link of a column, with its row: a column holding nothing
    personal is not visited value by value (fastjson.py, fastcsv.py), nor is a value found
    clean before. ``plan_of``: the walk's plan of a key (a query parameter is read as under it)."""

    def key_info(key: str) -> KeyInfo | None:
        return plan_of(key).info

    out: list[tuple[str, bool, int]] = []
    for value, row in zip(column, rows, strict=True):
        if type(value) is str and may_be_link(value):
            out += [(text, code_only, row) for text, code_only in linked_regions(value, key_info)]
    return out
