"""Region scope of a request judged as the scope stage judges it, for the tests of region codes named
beside the path (gateway/stages/scope.py)."""

from __future__ import annotations

from classifiers.catalog import Catalog
from gateway.stages.scope import named_regions, outside_region

CATALOG = Catalog.load()


FORM = ["application/x-www-form-urlencoded"]


JSON = ["application/json; charset=utf-8"]


MULTIPART = ["multipart/form-data; boundary=b1"]


def region_key(name: str) -> bool:
    info = CATALOG.lookup(name)
    return name.casefold() == "region" or (info is not None and info.region)


def code_only(name: str) -> bool:
    info = CATALOG.lookup(name)
    return name.casefold() != "region" and info is not None and info.region_code_only


def refusal(query: bytes, body: bytes = b"", types: list[str] | None = None, target: str = "610902") -> str | None:
    verdict = outside_region(target, named_regions(query, body, types or [], region_key), code_only)
    return verdict.code if verdict is not None else None
