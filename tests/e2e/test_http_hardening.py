"""Request shapes that trick proxies: each is refused before it reaches the upstream, and what
reaches the gateway's own code is audited."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, wait_for_events

pytestmark = pytest.mark.opensearch


def raw_request(gateway: RunningGateway, data: bytes) -> bytes:
    parts = urlsplit(gateway.url)
    with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=10) as conn:
        conn.sendall(data)
        chunks = []
        while True:
            try:
                chunk = conn.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.1 ") else 0


@pytest.mark.parametrize(
    "headers",
    [
        # CL.TE and TE.CL smuggling: one request to the gateway, two to a naive upstream.
        b"Content-Length: 6\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: 6\r\n",
        b"Content-Length: 6\r\nContent-Length: 7\r\n",
        b"Transfer-Encoding: xchunked\r\n",
    ],
)
def test_smuggling_shapes_are_refused(gateway: RunningGateway, headers: bytes) -> None:
    key = gateway.env.key("caseworker-hanbin").encode()
    smuggled = b"0\r\n\r\nGET /api/v1/regions/610921/persons HTTP/1.1\r\nHost: x\r\n\r\n"
    request = (
        b"POST /api/v1/regions/610902/cases HTTP/1.1\r\nHost: gw\r\nX-API-Key: "
        + key
        + b"\r\n"
        + headers
        + b"Connection: close\r\n\r\n"
        + smuggled
    )
    response = raw_request(gateway, request)
    assert 400 <= status_of(response) < 500
    assert b"HTTP/1.1 200" not in response  # no second, smuggled response


def test_oversized_headers_are_refused_and_audited(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    response = httpx.get(
        gateway.url + "/api/v1/regions/610902/persons",
        headers={**gateway.headers("caseworker-hanbin"), "X-Big": "a" * 200_000},
    )
    assert response.status_code == 431
    assert response.json()["error"]["code"] == "headers_too_large"
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}


def test_an_oversized_body_is_refused_and_audited(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    body = b"{" + b" " * (11 * 1024 * 1024) + b"}"
    response = httpx.post(
        gateway.url + "/api/v1/regions/610902/cases",
        content=body,
        headers={**gateway.headers("caseworker-hanbin"), "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"
    request_id = response.headers["x-request-id"]
    assert wait_for_events(opensearch, index_prefix, [request_id]) == {request_id: 1}


def test_management_endpoints_apply_the_request_limits(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """The body is read before the caller is identified: without the proxy's limit, anyone
    could make the gateway hold any amount of memory through the management endpoints."""
    url = gateway.url + "/_minguard/reidentify"
    big = b"x" * (11 * 1024 * 1024)
    declared = httpx.post(url, content=big, timeout=30)

    def chunks() -> Iterator[bytes]:  # no Content-Length: refused while being read
        for _ in range(11):
            yield b"x" * (1024 * 1024)

    streamed = httpx.post(url, content=chunks(), timeout=30)
    for response in (declared, streamed):
        assert response.status_code == 413 and response.json()["error"]["code"] == "request_too_large"
    headers = httpx.get(
        gateway.url + "/_minguard/audit/events?request_id=abc",
        headers={**gateway.headers("audit-admin"), "X-Big": "a" * 200_000},
    )
    assert headers.status_code == 431 and headers.json()["error"]["code"] == "headers_too_large"
    ids = [r.headers["x-request-id"] for r in (declared, streamed, headers)]
    assert wait_for_events(opensearch, index_prefix, ids) == dict.fromkeys(ids, 1)
