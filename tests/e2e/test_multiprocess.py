"""Three gateway processes as replicas behind one (imagined) load balancer: one OpenSearch node,
one policy set, one key set. A load is spread across them; one replica is killed with SIGKILL
and restarted mid-load. Then: every acknowledged request is audited exactly once, every
replica's chain verifies with the one shared checkpoint key, and a per-day quota holds across
replicas under concurrent requests."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from opensearchpy import OpenSearch

from audit.signing import PUBLIC_KEY_FILE, load_public_key
from audit.trail import read_trail
from audit.verify import verify_trail
from gateway.keyset import provision
from support.gateways import RunningGateway, start_gateway, stop_gateway, wait_for_events, wait_http

pytestmark = pytest.mark.opensearch

POLICIES = Path(__file__).resolve().parents[2] / "policies"
PURPOSE = {"X-Purpose-Of-Use": "e2e"}
LOAD = 240  # requests spread over the three replicas
QUOTA_RECORDS = 40  # caseworker's records per day in this test's policy set
QUOTA_REQUESTS = 16  # of 5 records each, all at once: exactly 8 fit
# (key id, path): allowed and masked, refused by policy, unauthenticated.
MIX: list[tuple[str | None, str]] = [
    ("reviewer-hanbin", "/api/v1/regions/610902/persons?size=2"),
    ("caseworker-hanbin", "/api/v1/regions/610921/persons"),
    (None, "/api/v1/regions/610902/persons"),
]


def shared_policies(directory: Path) -> dict[str, str]:
    """One policy set for all replicas, with a daily record limit for caseworkers."""
    directory.mkdir(parents=True)
    names = {"model": "model.conf", "policy": "policy.csv", "routes": "routes.yaml"}
    names |= {"masking": "masking.yaml", "conditions": "conditions.yaml"}
    for name in names.values():
        shutil.copy(POLICIES / name, directory / name)
    conditions = directory / "conditions.yaml"
    text = conditions.read_text(encoding="utf-8")
    limit = f"  caseworker:\n    max_records_per_day: {QUOTA_RECORDS}\n"
    conditions.write_text(text.replace("  caseworker:\n", limit), encoding="utf-8")
    return {key: str(directory / name) for key, name in names.items()}


def restart(gateway: RunningGateway) -> RunningGateway:
    """The same config again: same port, instance and spool slot, as a supervisor would."""
    command = [sys.executable, "-m", "gateway", "run", "--config", str(gateway.env.config)]
    with open(gateway.log, "ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=out)
    restarted = RunningGateway(gateway.url, gateway.env, proc, gateway.log)
    wait_http(f"{gateway.url}/_minguard/health")
    return restarted


class Replicas:
    def __init__(self, gateways: list[RunningGateway]) -> None:
        self.gateways = gateways
        self.lock = threading.Lock()

    def send(self, i: int) -> str | None:
        """One request to replica i % 3; its request id if a response came back."""
        with self.lock:
            gw = self.gateways[i % len(self.gateways)]
        key_id, path = MIX[i % len(MIX)]
        headers = gw.headers(key_id, **PURPOSE) if key_id else {}
        try:
            response = httpx.get(gw.url + path, headers=headers, timeout=30)
        except httpx.TransportError:
            return None  # the replica is down: not acknowledged, nothing promised
        return response.headers["x-request-id"]

    def quota(self, i: int) -> int:
        gw = self.gateways[i % len(self.gateways)]
        url = gw.url + "/api/v1/regions/610902/persons?size=5"
        return httpx.get(url, headers=gw.headers("caseworker-hanbin", **PURPOSE), timeout=60).status_code


@pytest.fixture(scope="module")
def replicas(
    tmp_path_factory: pytest.TempPathFactory, upstream_url: str, index_prefix: str, opensearch: OpenSearch
) -> Iterator[tuple[Replicas, str, Path]]:
    base = tmp_path_factory.mktemp("multiprocess")
    run = uuid.uuid4().hex[:8]
    quota_index = f"{index_prefix}.quota-mp-{run}"
    # The key set must be common (gateway/keyset.py): made before any replica starts, as a
    # deployment provisions it with `minguard keys init`; replicas creating keys at once would race.
    provision(base / "keys")
    overrides: dict[str, dict[str, Any]] = {
        "policy": {**shared_policies(base / "policies"), "quota_index": quota_index},
        "keys": {"dir": str(base / "keys"), "generate_missing": False},
    }
    gateways: list[RunningGateway] = []
    try:
        for name in "abc":
            per = {**overrides, "server": {"instance": f"mp-{run}-{name}"}}
            gateways.append(start_gateway(base / name, upstream_url, index_prefix, overrides=per))
        yield Replicas(gateways), f"mp-{run}-", base / "keys"
    finally:
        for gw in gateways:
            stop_gateway(gw)
        opensearch.indices.delete(index=quota_index, ignore_unavailable=True)


def test_load_with_a_replica_killed_mid_way(
    replicas: tuple[Replicas, str, Path], opensearch: OpenSearch, index_prefix: str
) -> None:
    group, instance_prefix, keys = replicas
    victim = group.gateways[1]
    third = LOAD // 3
    with ThreadPoolExecutor(8) as pool:
        before = list(pool.map(group.send, range(third)))
        during = pool.map(group.send, range(third, 2 * third))  # queued and in flight at the kill
        os.kill(victim.proc.pid, signal.SIGKILL)  # no shutdown: no drain, no closing checkpoint
        victim.proc.wait(10)
        down = list(during)
        with group.lock:
            group.gateways[1] = restart(victim)
        after = list(pool.map(group.send, range(2 * third, LOAD)))
    assert None in down, "the killed replica never refused a connection: the kill came too late"
    assert None not in before + after
    acknowledged = [rid for rid in before + down + after if rid is not None]
    counts = wait_for_events(opensearch, index_prefix, acknowledged, seconds=90)
    assert len(counts) == len(acknowledged), "acknowledged requests without an audit event"
    assert set(counts.values()) == {1}, "audit events stored more than once"

    # Quota under concurrency, with the restarted replica taking part.
    with ThreadPoolExecutor(QUOTA_REQUESTS) as pool:
        statuses = list(pool.map(group.quota, range(QUOTA_REQUESTS)))
    assert statuses.count(200) == QUOTA_RECORDS // 5
    assert statuses.count(429) == QUOTA_REQUESTS - QUOTA_RECORDS // 5

    # Stopped cleanly, each replica signs its last events; then every chain must verify.
    for gw in group.gateways:
        stop_gateway(gw)
    opensearch.indices.refresh(index=f"{index_prefix}-*")
    key = load_public_key(keys / PUBLIC_KEY_FILE)
    for name in "abc":
        instance = instance_prefix + name
        events = list(read_trail(opensearch, index_prefix, None, None, instance))
        report = verify_trail(events, [key])
        assert report.clean, report.to_json()["findings"]
        (summary,) = report.instances
        assert summary.instance == instance and summary.unsigned == 0
        assert summary.first_seq == 1 and summary.entries == len(events) == summary.last_seq
    # No event id twice anywhere in the trail (the kill made the shipper resend).
    dupes = opensearch.search(
        index=f"{index_prefix}-*",
        body={
            "size": 0,
            "query": {"prefix": {"minguard.instance": instance_prefix}},
            "aggs": {"ids": {"terms": {"field": "event.id", "min_doc_count": 2, "size": 10}}},
        },
    )
    assert dupes["aggregations"]["ids"]["buckets"] == []
