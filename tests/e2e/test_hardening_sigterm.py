"""SIGTERM during load: the gateway stops taking connections, finishes what it accepted,
and every request it acknowledged has exactly one audit event (in OpenSearch once shipped,
or in the spool for the next start to ship)."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, start_gateway, stop_gateway, wait_for_events

pytestmark = pytest.mark.opensearch

PATH = "/api/v1/regions/610902/persons?size=3"


async def _load(gateway: RunningGateway, concurrency: int, stop_after: int) -> tuple[list[str], int]:
    """Requests until the gateway refuses connections; SIGTERM once `stop_after` were answered.
    Returns the acknowledged request ids and the number of responses cut short."""
    acknowledged: list[str] = []
    cut = 0
    headers = gateway.headers("caseworker-hanbin", **{"X-Purpose-Of-Use": "dibao-review"})
    done = asyncio.Event()

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal cut
        while not done.is_set():
            try:
                response = await client.get(gateway.url + PATH, headers=headers)
            except httpx.ConnectError:
                done.set()  # the listening socket is closed: the gateway is stopping
                return
            except (httpx.RemoteProtocolError, httpx.ReadError):
                # A keep-alive connection closed by the shutdown before this request was read
                # is not a request the gateway took; a cut response would show as ReadError
                # after the status line, which the counts below would reveal.
                cut += 1
                continue
            acknowledged.append(response.headers["x-request-id"])
            assert response.status_code == 200, response.text
            if len(acknowledged) == stop_after:
                gateway.proc.send_signal(signal.SIGTERM)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        await asyncio.wait_for(asyncio.gather(*(worker(client) for _ in range(concurrency))), 120)
    return acknowledged, cut


def test_sigterm_under_load_drains_and_loses_no_event(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    gateway = start_gateway(tmp_path, upstream_url, index_prefix)
    try:
        acknowledged, cut = asyncio.run(_load(gateway, concurrency=16, stop_after=150))
        # uvicorn shuts down gracefully (in-flight requests finished, lifespan shutdown: spool
        # flushed, shipper drained), then re-raises the signal, so the exit status says SIGTERM.
        assert gateway.proc.wait(30) in (0, -signal.SIGTERM)
    finally:
        stop_gateway(gateway)
    assert "Traceback" not in gateway.log.read_text(errors="replace")
    assert len(acknowledged) >= 150 and len(set(acknowledged)) == len(acknowledged)
    assert cut <= 16  # at most one refused request per connection, at the moment of shutdown
    restarted = start_gateway(tmp_path, upstream_url, index_prefix)  # ships whatever stayed in the spool
    try:
        counts = wait_for_events(opensearch, index_prefix, acknowledged, seconds=120)
    finally:
        stop_gateway(restarted)
    assert len(counts) == len(acknowledged) and set(counts.values()) == {1}
