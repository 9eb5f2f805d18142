"""The daily trail check of scheduled detection (audit/detection/trail_check.py), real node: the
slot that ends a day verifies that day's chains and raises one alert per instance that fails."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk

import audit.chain
from audit.chain import ChainSealer
from audit.detection.definitions import load_rules
from audit.detection.leases import LeaseStore
from audit.detection.schedule import Scheduler, due_slots, leases_index
from audit.detection.trail_check import days_to_check
from audit.opensearch import index_for, index_template
from support.gateways import OPENSEARCH_URL
from support.signing import SIGNER

pytestmark = pytest.mark.opensearch

SH = ZoneInfo("Asia/Shanghai")
EVERY, DELAY, LEASE = timedelta(minutes=15), timedelta(minutes=2), timedelta(minutes=10)
DAY_START = datetime(2026, 11, 23, 10, 0, tzinfo=SH)  # a morning's work on the 23rd
AFTER_MIDNIGHT = datetime(2026, 11, 24, 0, 5, tzinfo=SH)  # the slot 23:45-24:00 is due


def stamp(time: datetime) -> str:
    return time.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def day_trail(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Twenty minutes of one gateway: an event a minute, each followed by its heartbeat."""
    sealer = ChainSealer(SIGNER)
    sealer.resume("gw", None)
    events: list[dict[str, Any]] = []
    for minute in range(20):
        at = DAY_START + timedelta(minutes=minute)
        e = {
            "@timestamp": stamp(at + timedelta(seconds=10)),
            "event": {"id": uuid.uuid4().hex, "kind": "event", "type": ["access", "allowed"]},
            "user": {"id": "zhangwei", "roles": ["caseworker"]},
            "minguard": {"instance": "gw", "summary_zh": "zhangwei 查看 1 人"},
        }
        sealer.seal(e)
        events.append(e)
        if minute == 19:
            sealer.closing()
        monkeypatch.setattr(audit.chain, "now_timestamp", lambda at=at: stamp(at + timedelta(seconds=30)))
        events.append(sealer.checkpoint(force=True) or {})
    monkeypatch.undo()
    return events


@pytest.fixture
def stored(opensearch: OpenSearch, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    prefix = f"mgtrail-{uuid.uuid4().hex[:8]}"
    opensearch.indices.put_index_template(name=prefix, body=index_template(prefix))
    events = day_trail(monkeypatch)
    actions = [
        {"_op_type": "create", "_index": index_for(prefix, e["@timestamp"]), "_id": e["event"]["id"], "_source": e}
        for e in events
    ]
    bulk(opensearch, actions, refresh=True)
    yield prefix, events
    opensearch.indices.delete(index=f"{prefix}-*,{prefix}.*", ignore_unavailable=True)
    opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def tick(prefix: str, now: datetime) -> dict[str, Any]:
    client = OpenSearch(hosts=[OPENSEARCH_URL], timeout=30)
    rules = load_rules(only="misuse.repeated_denials")
    scheduler = Scheduler(
        client, prefix, rules, EVERY, DELAY, LEASE, 1, reference_key=SIGNER.public_key, chain_keys=[SIGNER.public_key]
    )
    try:
        (slot_run,) = scheduler.tick(now)
        lease = LeaseStore(client, leases_index(prefix)).get(slot_run.slot.key)
        assert lease is not None
        return dict(lease["outcome"])
    finally:
        client.close()


def trail_alerts(opensearch: OpenSearch, prefix: str) -> list[dict[str, Any]]:
    if not opensearch.indices.exists(index=f"{prefix}.alerts"):
        return []
    opensearch.indices.refresh(index=f"{prefix}.alerts")
    hits = opensearch.search(index=f"{prefix}.alerts", body={"size": 100})["hits"]["hits"]
    return [h["_source"]["alert"] for h in hits if h["_source"]["alert"]["rule"] == "audit.trail_tampered"]


def test_a_day_whose_records_were_deleted_and_edited_raises_one_alert(
    opensearch: OpenSearch, stored: tuple[str, list[dict[str, Any]]]
) -> None:
    """Before, a deletion or an edit of the trail was found only when someone ran `audit verify`
    or the 等保 report over that period: nothing watched the trail as the rules watch accesses."""
    prefix, events = stored
    deleted, edited = events[10], events[14]
    opensearch.delete(index=index_for(prefix, deleted["@timestamp"]), id=deleted["event"]["id"])
    opensearch.update(
        index=index_for(prefix, edited["@timestamp"]),
        id=edited["event"]["id"],
        body={"doc": {"user": {"id": "someone-else"}}},
    )
    opensearch.indices.refresh(index=f"{prefix}-*")
    assert tick(prefix, AFTER_MIDNIGHT)["trail_alerts"] == 1
    (alert,) = trail_alerts(opensearch, prefix)
    assert alert["severity"] == "critical" and alert["subjects"] == {"minguard.instance": "gw"}
    assert (alert["window"]["start"], alert["window"]["end"]) == (
        "2026-11-22T16:00:00.000Z",
        "2026-11-23T16:00:00.000Z",
    )
    assert alert["value"] == 2 and alert["evidence"] == [edited["event"]["id"]]
    assert "缺失" in alert["explanation_zh"] and "已被修改" in alert["explanation_zh"]


def test_an_intact_day_raises_nothing_and_other_slots_do_not_verify(
    opensearch: OpenSearch, stored: tuple[str, list[dict[str, Any]]]
) -> None:
    prefix, _ = stored
    assert tick(prefix, AFTER_MIDNIGHT)["trail_alerts"] == 0
    assert "trail_alerts" not in tick(prefix, DAY_START + timedelta(minutes=20))  # 10:00-10:15: not a day's end
    assert trail_alerts(opensearch, prefix) == []
    assert due_slots(AFTER_MIDNIGHT, EVERY, DELAY, 1)[0].end == datetime(2026, 11, 24, tzinfo=SH)


def test_an_older_day_is_verified_again_every_30_days(
    opensearch: OpenSearch, stored: tuple[str, list[dict[str, Any]]]
) -> None:
    """Before, each day was verified once, the night after: an edit made to it later was found
    only by `audit verify` or the 等保 report over that period."""
    prefix, events = stored
    assert tick(prefix, AFTER_MIDNIGHT)["trail_alerts"] == 0  # intact that night
    edited = events[6]
    opensearch.update(
        index=index_for(prefix, edited["@timestamp"]),
        id=edited["event"]["id"],
        body={"doc": {"minguard": {"summary_zh": "无访问"}}},
    )
    opensearch.indices.refresh(index=f"{prefix}-*")
    assert tick(prefix, AFTER_MIDNIGHT + timedelta(days=29))["trail_alerts"] == 0  # not due that night
    assert tick(prefix, AFTER_MIDNIGHT + timedelta(days=30))["trail_alerts"] == 1
    (alert,) = trail_alerts(opensearch, prefix)
    assert alert["window"]["start"] == "2026-11-22T16:00:00.000Z" and alert["evidence"] == [edited["event"]["id"]]
    assert tick(prefix, AFTER_MIDNIGHT + timedelta(days=60))["trail_alerts"] == 1  # found again: the same alert
    assert len(trail_alerts(opensearch, prefix)) == 1


@pytest.mark.parametrize(
    ("retention_days", "days_back"),
    [
        (184, [0, 30, 60, 90, 120, 150]),  # the 180th day back: its month's index may be deleted
        (185, [0, 30, 60, 90, 120, 150]),
        (215, [0, 30, 60, 90, 120, 150, 180]),
    ],
)
def test_older_days_are_checked_while_retention_keeps_a_month_before_them(
    retention_days: int, days_back: list[int]
) -> None:
    day_end = datetime(2026, 11, 24, tzinfo=SH)
    windows = days_to_check(day_end, retention_days)
    assert [(day_end - w.end).days for w in windows] == days_back
    assert all(w.end - w.start == timedelta(days=1) for w in windows)
