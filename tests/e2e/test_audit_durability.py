"""Issue 5's durability acceptance, against the real node: N requests, exactly N events,
through an OpenSearch outage and through a gateway crash."""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, node, start_gateway, stop_gateway, wait_for_events

pytestmark = pytest.mark.opensearch

PATH = "/api/v1/regions/610902/persons?size=3"


def load(gateway: RunningGateway, requests: int, concurrency: int, at: dict[int, Callable[[], None]]) -> list[str]:
    """Send `requests` requests; call at[n] (in a thread) when the n-th is sent. Returns the
    request ids of every request the gateway answered (acknowledged)."""
    acknowledged: list[str] = []
    counter = iter(range(requests))

    async def worker(client: httpx.AsyncClient) -> None:
        for n in counter:
            if n in at:
                threading.Thread(target=at[n]).start()
            try:
                headers = gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "dibao-review"})
                response = await client.get(gateway.url + PATH, headers=headers)
            except httpx.TransportError:
                continue  # not acknowledged: the gateway was down
            if response.status_code == 200:
                acknowledged.append(response.headers["x-request-id"])

    async def main() -> None:
        async with httpx.AsyncClient(timeout=30) as client:
            await asyncio.gather(*(worker(client) for _ in range(concurrency)))

    asyncio.run(main())
    return acknowledged


def test_n_requests_through_an_opensearch_outage_give_n_events(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    gateway = start_gateway(tmp_path, upstream_url, index_prefix)
    try:
        ids = load(gateway, 300, 8, at={60: lambda: node("stop"), 200: lambda: node("start")})
    finally:
        node("start")
        stop_gateway(gateway)  # graceful: drains what it can, the rest waits in the spool
    assert len(ids) == 300  # the spool kept data flowing while OpenSearch was away
    restarted = start_gateway(tmp_path, upstream_url, index_prefix)
    try:
        counts = wait_for_events(opensearch, index_prefix, ids, seconds=120)
    finally:
        stop_gateway(restarted)
    assert len(counts) == 300 and set(counts.values()) == {1}


def test_a_killed_gateway_loses_no_acknowledged_event(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    gateway = start_gateway(tmp_path, upstream_url, index_prefix)
    ids = load(gateway, 300, 8, at={150: lambda: gateway.proc.send_signal(signal.SIGKILL)})
    gateway.proc.wait(10)
    assert 100 <= len(ids) < 300
    restarted = start_gateway(tmp_path, upstream_url, index_prefix)  # same spool: ships the rest
    try:
        counts = wait_for_events(opensearch, index_prefix, ids, seconds=120)
    finally:
        stop_gateway(restarted)
    assert len(counts) == len(ids) and set(counts.values()) == {1}
