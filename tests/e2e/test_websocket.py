"""WebSocket is not proxied, and every attempt is audited like a refused request."""

from __future__ import annotations

import time
from typing import Any

import pytest
from opensearchpy import OpenSearch
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from support.gateways import RunningGateway

pytestmark = pytest.mark.opensearch


def _events(opensearch: OpenSearch, prefix: str, path: str, seconds: float = 60) -> list[dict[str, Any]]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        opensearch.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
        found = opensearch.search(
            index=f"{prefix}-*", body={"query": {"term": {"url.original": path}}}, ignore_unavailable=True
        )["hits"]["hits"]
        if found:
            return [hit["_source"] for hit in found]
        time.sleep(0.5)
    return []


@pytest.mark.parametrize(
    ("key", "status", "code", "user"),
    [("caseworker-hanbin", 403, "websocket_unsupported", "zhangwei"), (None, 401, None, None)],
)
def test_a_websocket_attempt_is_refused_and_audited(
    gateway: RunningGateway,
    opensearch: OpenSearch,
    index_prefix: str,
    key: str | None,
    status: int,
    code: str | None,
    user: str | None,
) -> None:
    path = f"/api/v1/regions/610902/persons/ws-{status}"
    headers = gateway.headers(key) if key else {}
    with pytest.raises(InvalidStatus) as refused:
        connect(gateway.url.replace("http://", "ws://") + path, additional_headers=headers, open_timeout=10)
    assert refused.value.response.status_code == 403  # uvicorn answers a closed handshake with 403
    [event] = _events(opensearch, index_prefix, path)
    assert event["http"]["response"]["status_code"] == status
    assert event["event"]["outcome"] == "failure"
    assert event.get("user", {}).get("id") == user
    if code is not None:
        assert event["minguard"]["error"]["code"] == code
