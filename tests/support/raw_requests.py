"""Requests sent byte for byte to a running gateway (http.client, so that paths reach it exactly
as written: httpx would resolve dot segments and re-encode before sending), and the audit event of
one it refused."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from opensearchpy import OpenSearch

from support.gateways import RunningGateway, audit_events, wait_for_events

PURPOSE = ("X-Purpose-Of-Use", "bypass-test")
OWN = "/api/v1/regions/610902/persons"
JSON_TYPE = ("Content-Type", "application/json")
FORM_TYPE = ("Content-Type", "application/x-www-form-urlencoded")


def raw(
    gateway: RunningGateway, method: str, target: str, headers: list[tuple[str, str]], body: bytes = b""
) -> tuple[int, dict[str, Any], str]:
    """Send `target` byte for byte (and `body`, if any); returns status, JSON body (or {}),
    request id."""
    parts = urlsplit(gateway.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=15)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for name, value in headers:
            conn.putheader(name, value)
        if body:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body or None)
        response = conn.getresponse()
        body = response.read()
        request_id = response.getheader("x-request-id") or ""
        try:
            data = json.loads(body)
        except ValueError:
            data = {}
        return response.status, data if isinstance(data, dict) else {"items": data}, request_id
    finally:
        conn.close()


def connect(gateway: RunningGateway) -> socket.socket:
    """A plain TCP connection to the gateway, for bytes no HTTP client would send."""
    parts = urlsplit(gateway.url)
    return socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=10)


def read_all(conn: socket.socket, seconds: float) -> bytes:
    """What the gateway sends until it closes the connection, or ``seconds`` pass in silence."""
    conn.settimeout(seconds)
    data = b""
    try:
        while chunk := conn.recv(4096):
            data += chunk
    except TimeoutError:
        pass
    return data


def key(gateway: RunningGateway, key_id: str = "caseworker-hanbin") -> tuple[str, str]:
    return ("X-API-Key", gateway.env.key(key_id))


def refused_unforwarded(opensearch: OpenSearch, index_prefix: str, request_id: str) -> dict[str, Any]:
    """The one audit event of a request the gateway refused before the upstream saw it."""
    wait_for_events(opensearch, index_prefix, [request_id])
    (event,) = audit_events(opensearch, index_prefix, request_id)
    assert event["event"]["type"] == ["access", "denied"]
    assert "upstream" not in event["minguard"]
    return event


def other_region_person(upstream_url: str) -> str:
    with urllib.request.urlopen(upstream_url + "/api/v1/regions/610921/persons?size=1", timeout=10) as r:
        return str(json.loads(r.read())["items"][0]["personId"])
