from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opensearchpy import OpenSearch
from opensearchpy.exceptions import OpenSearchException

from audit.opensearch import index_for, index_template, make_client
from audit.shipper import REJECTED_FILE, Shipper
from audit.spool import Position, Spool
from gateway.settings import OpenSearchSettings
from support.gateways import OPENSEARCH_URL

pytestmark = pytest.mark.opensearch


def event(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "@timestamp": "2026-11-28T10:00:00.000Z",
        "event": {"id": f"ship-{n}-{uuid.uuid4().hex[:6]}", "kind": "event", "outcome": "success"},
        "user": {"id": "zhangwei", "roles": ["caseworker"]},
        **extra,
    }


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgship-{uuid.uuid4().hex[:8]}"
    yield name
    opensearch.indices.delete(index=f"{name}-*", ignore_unavailable=True)
    opensearch.indices.delete_index_template(name=name, ignore=[404])


def count(opensearch: OpenSearch, prefix: str) -> int:
    opensearch.indices.refresh(index=f"{prefix}-*")
    return int(opensearch.count(index=f"{prefix}-*")["count"])


def run_shipper(tmp_path: Path, prefix: str, events: list[dict[str, Any]], reset_cursor: bool = False) -> Shipper:
    async def scenario() -> Shipper:
        spool = Spool(tmp_path, "gw", 1 << 20, 1 << 24)
        spool.open()
        for e in events:
            await spool.append(e)
        if reset_cursor:  # as after a crash between bulk and cursor commit
            (spool.directory / "cursor.json").unlink(missing_ok=True)
        client = make_client(OpenSearchSettings(url=OPENSEARCH_URL, index_prefix=prefix))
        shipper = Shipper(spool, client, prefix, batch=50, interval=0.1)
        while await shipper.ship_once():
            pass
        await client.close()
        spool.close()
        return shipper

    return asyncio.run(scenario())


def test_replays_after_a_crash_are_not_duplicated(tmp_path: Path, prefix: str, opensearch: OpenSearch) -> None:
    events = [event(n) for n in range(120)]
    first = run_shipper(tmp_path, prefix, events)
    assert first.shipped == 120 and count(opensearch, prefix) == 120
    replay = run_shipper(tmp_path, prefix, [], reset_cursor=True)
    assert replay.duplicates == 120
    assert count(opensearch, prefix) == 120


def test_a_rejected_event_is_set_aside_and_the_rest_ship(tmp_path: Path, prefix: str, opensearch: OpenSearch) -> None:
    events = [event(0), event(1, unexpected_field="not in the strict mapping"), event(2)]
    shipper = run_shipper(tmp_path, prefix, events)
    assert shipper.rejected == 1
    assert count(opensearch, prefix) == 2
    (rejected,) = (tmp_path / "gw" / REJECTED_FILE).read_text(encoding="utf-8").splitlines()
    record = json.loads(rejected)
    assert record["event"]["event"]["id"] == events[1]["event"]["id"]
    assert "strict" in json.dumps(record["error"])


def test_a_write_blocked_index_keeps_the_batch_until_the_block_is_lifted(
    tmp_path: Path, prefix: str, opensearch: OpenSearch
) -> None:
    """403 cluster_block_exception concerns the index, not the events: nothing is set aside and
    the cursor stays, so the events arrive once the audit administrator lifts the block."""
    events = [event(n) for n in range(5)]
    index = index_for(prefix, events[0]["@timestamp"])
    opensearch.indices.create(index=index, body={"settings": {"index.blocks.write": True}})
    try:

        async def blocked() -> tuple[Position, Position, Shipper]:
            spool = Spool(tmp_path, "gw", 1 << 20, 1 << 24)
            spool.open()
            for e in events:
                await spool.append(e)
            before = spool.read_cursor()
            client = make_client(OpenSearchSettings(url=OPENSEARCH_URL, index_prefix=prefix))
            shipper = Shipper(spool, client, prefix, batch=50, interval=0.1)
            with pytest.raises(OpenSearchException, match="cluster_block_exception"):
                await shipper.ship_once()
            after = spool.read_cursor()
            await client.close()
            spool.close()
            return before, after, shipper

        before, after, shipper = asyncio.run(blocked())
        assert shipper.rejected == 0 and shipper.shipped == 0
        assert after == before
        assert not (tmp_path / "gw" / REJECTED_FILE).exists()
    finally:
        opensearch.indices.put_settings(index=index, body={"index.blocks.write": False})
    shipper = run_shipper(tmp_path, prefix, [])
    assert shipper.shipped == 5 and shipper.rejected == 0
    assert count(opensearch, prefix) == 5


@pytest.mark.parametrize(
    "block",
    ["index.blocks.write", "index.blocks.read_only_allow_delete"],  # 403; 429 as at the flood-stage watermark
)
def test_the_running_shipper_backs_off_behind_a_write_block_and_resumes_by_itself(
    tmp_path: Path, prefix: str, opensearch: OpenSearch, block: str
) -> None:
    """Requests keep writing while the audit index refuses writes: the shipper must not send the
    refused batch again for every one of them, and must deliver everything once the block is
    lifted, without a restart."""
    index = index_for(prefix, event(0)["@timestamp"])
    opensearch.indices.create(index=index, body={"settings": {block: True}})

    async def scenario() -> tuple[int, Shipper]:
        spool = Spool(tmp_path, "gw", 1 << 20, 1 << 24)
        spool.open()
        client = make_client(OpenSearchSettings(url=OPENSEARCH_URL, index_prefix=prefix))
        attempts = 0  # requests to OpenSearch: the bulk, or the mapping update a read-only index refuses
        perform = client.transport.perform_request

        async def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal attempts
            attempts += 1
            return await perform(*args, **kwargs)

        client.transport.perform_request = counted  # type: ignore[method-assign]
        shipper = Shipper(spool, client, prefix, batch=50, interval=0.1)
        shipper.start()
        try:
            for n in range(60):  # 60 requests over 1.2 s, as a busy gateway writes
                await spool.append(event(n))
                await asyncio.sleep(0.02)
            blocked = attempts
            await asyncio.to_thread(opensearch.indices.put_settings, index=index, body={block: False})
            async with asyncio.timeout(20):
                while shipper.shipped < 60:
                    await asyncio.sleep(0.1)
        finally:
            await shipper.stop(drain_seconds=1)
            await client.close()
            spool.close()
        return blocked, shipper

    try:
        blocked, shipper = asyncio.run(scenario())
    finally:
        opensearch.indices.put_settings(index=index, body={block: False})
    # backing off from 0.2 s: about three attempts in 1.2 s (two requests each at most; a slow
    # machine stretching the writes over 6 s makes five), not one or two per write (60-120)
    assert 1 <= blocked <= 16, blocked
    assert shipper.shipped == 60 and shipper.rejected == 0 and shipper.last_error is None
    assert count(opensearch, prefix) == 60


def test_an_index_read_only_at_start_gets_the_new_fields_once_the_block_is_lifted(
    tmp_path: Path, prefix: str, opensearch: OpenSearch
) -> None:
    """This month's index, made by an older version, lacks a field in its strict mapping, and a
    read-only block refuses the mapping update at start (403, which ensure_template takes for
    missing rights) as well as the events. Once the block is lifted the events carrying the new field are delivered,
    not set aside: the shipper adds the mapping to the index that refused them, and sends those again (only
    those: the events of the batch that had landed are no duplicates)."""
    events = [event(n, minguard={"business": {"county": "610902"}}) for n in range(3)] + [event(3), event(4)]
    index = index_for(prefix, events[0]["@timestamp"])
    mappings = index_template(prefix)["template"]["mappings"]
    del mappings["properties"]["minguard"]["properties"]["business"]["properties"]["county"]
    opensearch.indices.create(index=index, body={"mappings": mappings})
    opensearch.indices.put_settings(index=index, body={"index.blocks.read_only": True})
    try:

        async def blocked() -> None:
            spool = Spool(tmp_path, "gw", 1 << 20, 1 << 24)
            spool.open()
            for e in events:
                await spool.append(e)
            client = make_client(OpenSearchSettings(url=OPENSEARCH_URL, index_prefix=prefix))
            shipper = Shipper(spool, client, prefix, batch=50, interval=0.1)
            with pytest.raises(OpenSearchException):
                await shipper.ship_once()  # the template is installed, the index refuses both
            opensearch.indices.put_settings(index=index, body={"index.blocks.read_only": None})
            while await shipper.ship_once():
                pass
            assert (shipper.shipped, shipper.rejected, shipper.duplicates) == (5, 0, 0)
            await client.close()
            spool.close()

        asyncio.run(blocked())
    finally:
        opensearch.indices.put_settings(index=index, body={"index.blocks.read_only": None})
    assert count(opensearch, prefix) == 5
    assert not (tmp_path / "gw" / REJECTED_FILE).exists()
