"""Issue 5's durability acceptance, against the real node: N requests, exactly N events,
through an OpenSearch outage and through a gateway crash."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from opensearchpy import OpenSearch

from audit.opensearch import index_for
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


def _metric(gateway: RunningGateway, name: str) -> float:
    text = httpx.get(f"{gateway.url}/_minguard/metrics", timeout=10).text
    (value,) = [line.split()[1] for line in text.splitlines() if line.startswith(name + " ")]
    return float(value)


def test_a_write_blocked_audit_index_is_visible_and_shipping_resumes_when_lifted(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch
) -> None:
    """The audit administrator (or the flood-stage watermark) blocks writes to the audit index:
    the gateway keeps serving, the events wait in the spool, /ready, the metrics and the log say
    so in zh-CN, and once the block is lifted everything arrives without a restart."""
    prefix = f"mgblock-{uuid.uuid4().hex[:8]}"
    index = index_for(prefix, datetime.now(UTC).isoformat())
    gateway = start_gateway(tmp_path, upstream_url, prefix)
    try:
        first = load(gateway, 1, 1, at={})
        assert len(wait_for_events(opensearch, prefix, first)) == 1
        opensearch.indices.put_settings(index=index, body={"index.blocks.write": True})
        try:
            ids = load(gateway, 10, 2, at={})
            assert len(ids) == 10  # still serving: the spool takes the events
            deadline = time.monotonic() + 30
            while (ready := httpx.get(f"{gateway.url}/_minguard/ready", timeout=10)).json()["opensearch"][
                "failing_since"
            ] is None and time.monotonic() < deadline:
                time.sleep(0.2)
            assert ready.status_code == 200 and ready.json()["spool_writable"]
            shipping = ready.json()["opensearch"]
            assert not shipping["connected"] and shipping["failed_attempts"] >= 1
            assert "审计索引被设置为禁止写入" in shipping["message_zh"] and "不会丢失" in shipping["message_zh"]
            assert ready.json()["spool_backlog_bytes"] > 0
            time.sleep(1.1)
            assert _metric(gateway, "minguard_audit_ship_failing_seconds") >= 1
            assert _metric(gateway, "minguard_audit_ship_failures_total") >= 1
            assert "审计事件暂无法写入 OpenSearch" in gateway.log.read_text(encoding="utf-8")
            assert not wait_for_events(opensearch, prefix, ids, seconds=1)
        finally:
            opensearch.indices.put_settings(index=index, body={"index.blocks.write": False})
        counts = wait_for_events(opensearch, prefix, ids, seconds=60)  # no restart
        assert len(counts) == 10 and set(counts.values()) == {1}
        deadline = time.monotonic() + 30
        while httpx.get(f"{gateway.url}/_minguard/ready", timeout=10).json()["opensearch"]["failing_since"]:
            assert time.monotonic() < deadline, "shipping did not recover"
            time.sleep(0.2)
        shipping = httpx.get(f"{gateway.url}/_minguard/ready", timeout=10).json()["opensearch"]
        assert shipping["connected"] and shipping["message_zh"] is None
        assert _metric(gateway, "minguard_audit_ship_failing_seconds") == 0
        assert "审计事件恢复写入 OpenSearch" in gateway.log.read_text(encoding="utf-8")
    finally:
        stop_gateway(gateway)
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])
