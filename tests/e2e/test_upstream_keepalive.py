"""An upstream that keeps its connections alive and writes bytes that answer no request: the
next caller gets its own answer, never those bytes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from support.gateways import RunningGateway, free_port, get, start_gateway, stop_gateway
from support.raw_upstream import answer, raw_upstream

pytestmark = pytest.mark.opensearch

JSON_TYPE = "application/json"


def _get(gateway: RunningGateway, case: str) -> httpx.Response:
    return get(gateway, f"/api/v1/regions/610902/persons/{case}")


# An upstream that keeps its connections alive and writes bytes that answer no request, a
# moment after an answer: a body after a 204 or a 304 (which have none, whatever their headers
# say: RFC 9110 6.4.1), or more than its Content-Length. Read as HTTP, those bytes are the next
# answer on the connection: another caller's request would get an answer written for this one
# (as with aiohttp's pool, which the gateway used until 2026-11-29: aio-libs/aiohttp#13656; the
# rules that prevent it are in gateway/upstream.py).
NEXT = b'{"next": true}'
STRAY = answer("200 OK", [("Content-Type", JSON_TYPE)], b'{"stray": true}', close=False)
STRAY_AFTER: dict[str, bytes | list[bytes]] = {
    status: [
        answer(f"{status} No Body", [("Content-Type", JSON_TYPE), ("Content-Length", str(len(STRAY)))], close=False),
        STRAY,
    ]
    for status in ("204", "304")
}
STRAY_AFTER["overlong"] = [answer("200 OK", [("Content-Type", JSON_TYPE)], NEXT, close=False), STRAY]
STRAY_AFTER["next"] = answer("200 OK", [("Content-Type", JSON_TYPE)], NEXT, close=False)


@pytest.fixture(scope="module")
def keep_alive_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    with raw_upstream(free_port(), STRAY_AFTER, keep_alive=True) as upstream:
        gateway = start_gateway(tmp_path_factory.mktemp("keep-alive"), upstream, index_prefix)
        try:
            yield gateway
        finally:
            stop_gateway(gateway)


@pytest.mark.parametrize("wait", [0.5, 0.0], ids=["stray-bytes-arrived", "next-request-at-once"])
@pytest.mark.parametrize("status", ["204", "304"])
def test_a_body_after_a_bodiless_answer_is_nobodys_answer(
    keep_alive_gateway: RunningGateway, status: str, wait: float
) -> None:
    """The status goes to the caller without a body, and the next request gets its own
    answer, not the bytes that followed: whether they arrived while the connection waited in
    the pool, or while the next request was on its way (under load, a connection is reused at
    once)."""
    response = _get(keep_alive_gateway, status)
    assert (response.status_code, response.content) == (int(status), b"")
    time.sleep(wait)
    assert _get(keep_alive_gateway, "next").content == NEXT


def test_bytes_after_a_whole_answer_are_nobodys_answer(keep_alive_gateway: RunningGateway) -> None:
    """An answer followed, once it was read, by another the upstream wrote unasked: the
    connection holding it is not reused, and the next request gets its own answer."""
    assert _get(keep_alive_gateway, "overlong").content == NEXT
    time.sleep(0.5)  # the stray answer has arrived on the pooled connection
    assert _get(keep_alive_gateway, "next").content == NEXT
