"""Requests the HTTP server refuses before they are formed (gateway/server.py): what the parser
cannot read, and a header block cut off by the deadline. No stage runs, yet each has its audit
event: uvicorn's own 400 had none, and a slowloris client was only logged."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, wait_for_events
from support.odd_upstream import gateway_to_odd_upstream
from support.raw_requests import connect, read_all

pytestmark = pytest.mark.opensearch


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory, index_prefix: str) -> Iterator[RunningGateway]:
    overrides = {"server": {"header_timeout": 1.0}}
    with gateway_to_odd_upstream(tmp_path_factory.mktemp("unformed"), index_prefix, overrides) as running:
        yield running


def _answer(gateway: RunningGateway, sent: bytes, wait: float = 5.0) -> tuple[bytes, dict[str, str]]:
    """The status line and the JSON body of the answer to ``sent`` (the connection is closed)."""
    with connect(gateway) as conn:
        if sent:
            conn.sendall(sent)
        data = read_all(conn, wait)
    head, _, body = data.partition(b"\r\n\r\n")
    error: dict[str, str] = json.loads(body)["error"]
    return head.split(b"\r\n", 1)[0], error


def _event(opensearch: OpenSearch, index_prefix: str, request_id: str) -> dict[str, object]:
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    return event


@pytest.mark.parametrize(
    "sent",
    [
        b"CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\n",
        b"get /api/v1/regions/610902/persons HTTP/1.1\r\nHost: gw\r\n\r\n",
        b"GET /api/v1/regions/610902/pers\tons HTTP/1.1\r\nHost: gw\r\n\r\n",
        b"GET /api/v1/regions/610902/persons HTTP/1.2\r\nHost: gw\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(32),  # a TLS ClientHello on the plain port
        b"POST / HTTP/1.1\r\nHost: gw\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ],
)
def test_a_request_the_parser_cannot_read_is_refused_and_audited(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str, sent: bytes
) -> None:
    status, body = _answer(gateway, sent)
    assert status == b"HTTP/1.1 400 Bad Request"
    assert body["code"] == "malformed_request" and body["message_zh"]
    event = _event(opensearch, index_prefix, body["request_id"])
    assert event["event"]["outcome"] == "failure"  # type: ignore[index]
    assert event["minguard"]["error"]["code"] == "malformed_request"  # type: ignore[index]
    assert event["http"]["response"]["status_code"] == 400  # type: ignore[index]
    assert event["source"]["ip"] == "127.0.0.1"  # type: ignore[index]
    assert event["minguard"]["summary_zh"].startswith("未认证调用方 未成形的请求:拒绝/失败(请求无法按")  # type: ignore[index]


def test_a_header_block_cut_off_by_the_deadline_is_audited_and_a_silent_connection_is_not(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    silent_status, silent = _answer(gateway, b"")
    status, body = _answer(gateway, b"GET /api/v1/regions/610902/persons HTTP/1.1\r\nHost: gw\r\n")
    assert status == silent_status == b"HTTP/1.1 408 Request Timeout"
    assert body["code"] == silent["code"] == "header_timeout"
    event = _event(opensearch, index_prefix, body["request_id"])
    assert event["minguard"]["error"]["code"] == "header_timeout"  # type: ignore[index]
    assert event["http"]["response"]["status_code"] == 408  # type: ignore[index]
    # An idle keep-alive connection closed by the deadline is no request: no event, and no id that
    # would lead to none.
    assert "request_id" not in silent
