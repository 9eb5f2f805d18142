"""Hardening cases of issue 9 not covered elsewhere: JSON in GB18030 (declared, undeclared,
and without a Content-Type), slow clients holding connections open, and the deadline for a
request's header block (slowloris)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, wait_for_events
from support.odd_upstream import ID_NUMBER, MOBILE, gateway_to_odd_upstream
from support.raw_requests import connect, read_all

pytestmark = pytest.mark.opensearch

CASE = "/api/v1/regions/610902/persons/gb18030json"


@pytest.fixture(scope="module")
def odd_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    with gateway_to_odd_upstream(tmp_path_factory.mktemp("gb18030"), index_prefix) as gateway:
        yield gateway


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=GB18030", "application/json; charset=gbk", "application/json", ""],
)
def test_gb18030_json_is_masked_and_stays_gb18030(
    odd_gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, content_type: str
) -> None:
    response = httpx.get(
        odd_gateway.url + CASE,
        params={"type": content_type},
        headers=odd_gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"}),
        timeout=10,
    )
    if content_type.endswith("gbk"):
        # '𠀀' (U+20000) is not in GBK: a body that does not decode in its declared charset is
        # refused, never passed through uninspected.
        assert response.status_code == 502
        assert ID_NUMBER.encode() not in response.content
        return
    assert response.status_code == 200, response.text
    text = response.content.decode("gb18030")
    doc = json.loads(text)
    assert ID_NUMBER not in text and MOBILE not in text
    assert doc["items"][0]["idNumber"] == ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    assert doc["items"][0]["caseNo"] == "DB610902202300017" and doc["备注"] == "𠀀"
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}


def test_slow_clients_do_not_starve_others(gateway: RunningGateway) -> None:
    """Within the header deadline (server.header_timeout, 10 s by default) slow connections cost
    a socket each and never block the event loop: a normal request is served at once while a
    hundred of them trickle headers, and none of them reaches the pipeline or the upstream."""
    headers = gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"})
    with ExitStack() as stack:
        slow = [stack.enter_context(connect(gateway)) for _ in range(100)]
        for conn in slow:
            conn.sendall(b"GET /api/v1/regions/610902/persons HTTP/1.1\r\nHost: gw\r\n")
        for i in range(3):
            time.sleep(1)
            for conn in slow:
                conn.sendall(f"X-Trickle-{i}: 1\r\n".encode())
            started = time.monotonic()
            response = httpx.get(gateway.url + "/api/v1/regions/610902/persons?size=1", headers=headers, timeout=5)
            assert response.status_code == 200
            assert time.monotonic() - started < 1.0
        # No slow client got an answer: nothing was dispatched for an incomplete header block.
        assert not any(_answered(conn) for conn in slow)


def _answered(conn: socket.socket) -> bool:
    conn.settimeout(0.01)
    try:
        return conn.recv(1) != b""
    except (TimeoutError, BlockingIOError):
        return False


@pytest.fixture(scope="module")
def strict_gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    overrides = {"server": {"header_timeout": 1.0}}
    with gateway_to_odd_upstream(tmp_path_factory.mktemp("header-timeout"), index_prefix, overrides) as gateway:
        yield gateway


def test_a_header_block_not_complete_in_time_gets_408_and_the_connection_closes(strict_gateway: RunningGateway) -> None:
    with connect(strict_gateway) as trickling, connect(strict_gateway) as silent:
        trickling.sendall(b"GET /api/v1/regions/610902/persons HTTP/1.1\r\nHost: gw\r\n")
        started = time.monotonic()
        for i in range(4):  # still sending, but never finishing the block
            time.sleep(0.4)
            try:
                trickling.sendall(f"X-Trickle-{i}: 1\r\n".encode())
            except OSError:
                break
        answer = read_all(trickling, 5)
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"header_timeout" in answer
        assert time.monotonic() - started < 4
        # A connection that never sends anything is closed the same way.
        assert read_all(silent, 5).startswith(b"HTTP/1.1 408")
    log = strict_gateway.log.read_text(errors="replace")
    assert "not complete after 1.0 s" in log


def test_the_header_deadline_does_not_cut_keep_alive_requests_or_slow_upstreams(strict_gateway: RunningGateway) -> None:
    headers = strict_gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "test"})
    with httpx.Client(base_url=strict_gateway.url, headers=headers, timeout=10) as client:
        for _ in range(3):  # one connection, with pauses shorter than the deadline between requests
            assert client.get(CASE).status_code == 200
            time.sleep(0.6)
        # A request whose headers arrived in time is not cut while it is served, however long
        # the upstream takes (this case answers after 3 s, three times the header deadline).
        response = client.get("/api/v1/regions/610902/persons/slow")
        assert response.status_code == 200
        assert client.get(CASE).status_code == 200  # and the connection goes on after it
