"""A record's region in the link the upstream returns with it (release stage, region scope, on a
汉滨区 caseworker's route): a REST resource's path (/api/v1/regions/610921/persons/1, HAL's
_links.self.href, an HTML <a href>) or a query parameter under a region key (?xzqhdm=610921)
named 汉阴县's record, which carried no region field of its own and went out."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.release_case import judged

OUTSIDE = "records_outside_region"


def _json(record: dict[str, Any]) -> bytes:
    return json.dumps({"items": [{"xm": "张伟", **record}]}, ensure_ascii=False).encode()


def _row(href: str) -> bytes:
    return (
        f'<table><tr><th>姓名</th><th>详情</th></tr><tr><td>张伟</td><td><a href="{href}">详情</a></td></tr></table>'
    ).encode()


def _two(own: str, other: str) -> bytes:
    """Two records: a column of links, which holds nothing personal (walked column by column)."""
    items = [{"xm": "张伟", "href": own}, {"xm": "李娜", "href": other}]
    return json.dumps({"items": items}, ensure_ascii=False).encode()


_LINKS = [
    (_two("/api/v1/regions/610902/persons/1", "/api/v1/regions/610921/persons/2"), "application/json", OUTSIDE),
    (_two("/api/v1/regions/610902/persons/1", "/api/v1/regions/610902/persons/2"), "application/json", None),
    (_json({"link": "/api/v1/regions/610921/persons/1"}), "application/json", OUTSIDE),
    (
        _json({"_links": {"self": {"href": "https://mz.example.gov.cn/api/v1/regions/610921/persons/1"}}}),
        "application/json",
        OUTSIDE,
    ),
    (_json({"url": "https://mz.example.gov.cn/api/v1/persons/1?regionCode=610921"}), "application/json", OUTSIDE),
    (_json({"url": "/persons/1?page=1&xzqhdm=610921101"}), "application/json", OUTSIDE),
    (_json({"detail": "/api/v1/areas/610921000000/cases/7"}), "application/json", OUTSIDE),
    (_row("/api/v1/regions/610921/persons/1"), "text/html", OUTSIDE),
    (_row("/persons/1?xzqhdm=610921"), "text/html", OUTSIDE),
    # Look-alikes: the caller's own county; a link naming no region, or six digits after a
    # segment of no region (a person's id, a case's number), or a region word without a code
    # after it; a link of another county's beside a record's own finer code is its parent's.
    (_json({"link": "/api/v1/regions/610902/persons/1"}), "application/json", None),
    (_json({"url": "/persons/1?regionCode=610902001"}), "application/json", None),
    (_json({"link": "/api/v1/persons/610921"}), "application/json", None),
    (_json({"link": "/api/v1/cases/610921/regions"}), "application/json", None),
    (_json({"link": "/api/v1/regions/all/persons"}), "application/json", None),
    (_json({"url": "/persons?id=610921&page=2"}), "application/json", None),
    (_json({"xzqhdm": "610902001", "link": "/api/v1/regions/610900/persons/1"}), "application/json", None),
    (_json({"remark": "见 /api/v1/regions/610921/persons/1"}), "application/json", None),
    (_row("/api/v1/regions/610902/persons/1"), "text/html", None),
    (
        json.dumps({"next": "/api/v1/regions/610902/persons?page=2", "items": [{"xm": "张伟"}]}).encode(),
        "application/json",
        None,
    ),
]


def _csv(*hrefs: str, quoted: bool = False) -> bytes:
    """An export with a column of links (nothing personal in it: skipped by the CSV walk's
    detection); quoted fields go through the RFC 4180 parser."""
    rows = [f'"张伟","{href}"' if quoted else f"张伟,{href}" for href in hrefs]
    return "\n".join(["姓名,详情", *rows, ""]).encode()


_CSV_LINKS = [
    (_csv("/api/v1/regions/610902/persons/1", "/api/v1/regions/610921/persons/2"), OUTSIDE),
    (_csv("/api/v1/regions/610921/persons/2", quoted=True), OUTSIDE),
    (_csv("https://mz.example.gov.cn/api/v1/persons/1?xzqhdm=610921"), OUTSIDE),
    # Look-alikes: the caller's own county; dates and links naming no region.
    (_csv("/api/v1/regions/610902/persons/1", "/api/v1/regions/610902/persons/2"), None),
    (_csv("/api/v1/persons/610921", "2024/03/01"), None),
    (_csv("/api/v1/regions/610902/persons/1", quoted=True), None),
]


@pytest.mark.parametrize(("body", "code"), _CSV_LINKS)
def test_the_region_a_link_in_an_export_names_is_the_row_s(body: bytes, code: str | None) -> None:
    """A CSV answer's column of links, as JSON's: walked column by column, a column holding
    nothing personal was never read, and 汉阴县's row went out."""
    judged(body, "text/csv", code)


@pytest.mark.parametrize(("body", "media_type", "code"), _LINKS)
def test_the_region_a_returned_link_names_is_the_record_s(body: bytes, media_type: str, code: str | None) -> None:
    judged(body, media_type, code)


def test_a_column_of_links_found_clean_before_is_read_again() -> None:
    """A value in which detection found nothing is remembered and not visited again: 汉阴县's
    links went out from the second answer on, read only the first time."""
    items = [{"xm": name, "href": "/api/v1/regions/610921/persons"} for name in ("张伟", "李娜", "王强")]
    body = json.dumps({"items": items}, ensure_ascii=False).encode()
    for _ in range(3):
        judged(body, "application/json", OUTSIDE)
