"""Tamper evidence end to end: a real gateway chains and signs its events, they land in the real
OpenSearch node, and every kind of tampering done directly in OpenSearch is reported exactly."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch
from opensearchpy.helpers import scan

from audit.chain import event_hash
from audit.opensearch import index_for, index_template
from audit.signing import key_id, verifying_keys
from audit.verify import verify_trail
from compliance.mlps import FAIL, PASS, collect
from gateway.settings import Settings, load_settings
from support.gateways import RunningGateway, start_gateway, stop_gateway, wait_for_events, wait_http

pytestmark = pytest.mark.opensearch

REQUESTS = 15  # per gateway run; two runs, so the chain also has to survive a restart
# Each run: the gateway's start entry, the requests, its stop entry, the closing checkpoint.
PER_RUN = REQUESTS + 3
ENTRIES = 2 * PER_RUN


@dataclass
class Trail:
    gateway: RunningGateway
    instance: str
    events: list[dict[str, Any]]  # as read back from OpenSearch, by seq

    def seq(self, n: int) -> dict[str, Any]:
        return next(e for e in self.events if e["minguard"]["chain"]["seq"] == n)


def send_requests(gateway: RunningGateway) -> list[str]:
    cases = [
        ("caseworker-hanbin", "/api/v1/regions/610902/persons?size=3"),  # allowed, masked
        ("caseworker-hanbin", "/api/v1/regions/610921/persons"),  # 403
        (None, "/api/v1/regions/610902/persons"),  # 401
    ]
    ids = []
    for i in range(REQUESTS):
        credential, path = cases[i % len(cases)]
        response = httpx.get(gateway.url + path, headers=gateway.headers(credential) if credential else {}, timeout=30)
        ids.append(response.headers["x-request-id"])
    return ids


def read_instance(client: OpenSearch, prefix: str, instance: str) -> list[dict[str, Any]]:
    client.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
    query = {"query": {"term": {"minguard.instance": instance}}}
    events = [hit["_source"] for hit in scan(client, query=query, index=f"{prefix}-*", ignore_unavailable=True)]
    return sorted(events, key=lambda e: e["minguard"].get("chain", {}).get("seq", 0))


def wait_for_entries(client: OpenSearch, prefix: str, instance: str, count: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 60
    events = read_instance(client, prefix, instance)
    while len(events) < count and time.monotonic() < deadline:
        time.sleep(0.5)
        events = read_instance(client, prefix, instance)
    return events


def restart(gateway: RunningGateway) -> RunningGateway:
    """Start a stopped gateway again on its config (start_gateway would pick a new port)."""
    command = [sys.executable, "-m", "gateway", "run", "--config", str(gateway.env.config)]
    with open(gateway.log, "ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=out)
    restarted = RunningGateway(gateway.url, gateway.env, proc, gateway.log)
    try:
        wait_http(f"{gateway.url}/_minguard/health")
    except TimeoutError:
        stop_gateway(restarted)
        raise
    return restarted


@pytest.fixture(scope="module")
def trail(
    tmp_path_factory: pytest.TempPathFactory, upstream_url: str, index_prefix: str, opensearch: OpenSearch
) -> Iterator[Trail]:
    instance = f"tamper-{uuid.uuid4().hex[:8]}"  # not dev-<port>: a port can come round again in a session
    directory = tmp_path_factory.mktemp("tamper-gateway")
    gateway = start_gateway(directory, upstream_url, index_prefix, overrides={"server": {"instance": instance}})
    ids: list[str] = []
    for run in range(2):  # the same spool slot both times: one chain across the restart
        if run:
            # The second run hashes with SM3 (audit.chain_alg) and signs with a new key
            # (`minguard keys rotate-signing`): one chain, two algorithms, two keys.
            config = yaml.safe_load(gateway.env.config.read_text(encoding="utf-8"))
            config["audit"]["chain_alg"] = "sm3"
            gateway.env.config.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
            rotation = [sys.executable, "-m", "gateway", "keys", "rotate-signing", str(gateway.env.directory / "keys")]
            rotated = subprocess.run(rotation, capture_output=True, text=True, timeout=60)
            assert rotated.returncode == 0 and "signing key rotated" in rotated.stdout, rotated.stderr
            gateway = restart(gateway)
        try:
            ids += send_requests(gateway)
            assert len(wait_for_events(opensearch, index_prefix, ids)) == len(ids)
        finally:
            stop_gateway(gateway)  # writes a closing checkpoint and ships it
    events = wait_for_entries(opensearch, index_prefix, instance, ENTRIES)
    yield Trail(gateway, instance, events)


def public_keys(trail: Trail) -> list[Ed25519PublicKey]:
    """The current signing key's public half and the rotated-out one's."""
    return verifying_keys(trail.gateway.env.directory / "keys")


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "gateway", "audit", "verify", "--config", str(config), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_the_trail_read_back_from_opensearch_verifies(trail: Trail) -> None:
    assert [e["minguard"]["chain"]["seq"] for e in trail.events] == list(range(1, ENTRIES + 1))
    checkpoints = [e for e in trail.events if e["event"]["kind"] == "checkpoint"]
    assert [c["minguard"]["chain"]["seq"] for c in checkpoints] == [PER_RUN, ENTRIES]
    assert [c["minguard"]["checkpoint"]["count"] for c in checkpoints] == [REQUESTS + 2, REQUESTS + 2]
    # The process's own start and stop are entries of the chain; the restart changed the algorithm.
    lifecycle = [
        (e["minguard"]["chain"]["seq"], e["event"]["action"]) for e in trail.events if e["event"]["kind"] == "lifecycle"
    ]
    assert lifecycle == [
        (1, "gateway.start"),
        (REQUESTS + 2, "gateway.stop"),
        (PER_RUN + 1, "gateway.start"),
        (PER_RUN + REQUESTS + 2, "gateway.stop"),
    ]
    assert trail.seq(1)["minguard"]["gateway"]["first_start"] is True
    assert trail.seq(PER_RUN + 1)["minguard"]["gateway"]["changed_settings"] == [
        "audit.chain_alg",
        "keys.audit_signing_key_id",
    ]
    key_ids = [c["minguard"]["checkpoint"]["key_id"] for c in checkpoints]
    assert key_ids == [key_id(k) for k in reversed(public_keys(trail))]  # the old key, then the new
    algs = [e["minguard"]["chain"]["alg"] for e in trail.events]
    assert algs == ["sha256"] * PER_RUN + ["sm3"] * PER_RUN
    # _source re-canonicalises to the bytes that were hashed, floats included
    assert any(isinstance(e["minguard"].get("upstream", {}).get("duration_ms"), float) for e in trail.events)
    assert all(event_hash(e, e["minguard"]["chain"]["alg"]) == e["minguard"]["chain"]["hash"] for e in trail.events)
    report = verify_trail(trail.events, public_keys(trail))
    assert report.clean, [f.message for f in report.findings]
    (summary,) = report.instances
    assert (summary.entries, summary.checkpoints, summary.unsigned) == (ENTRIES, 2, 0)


def test_the_cli_verifies_the_trail(trail: Trail) -> None:
    result = run_cli(trail.gateway.env.config, "--instance", trail.instance)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "结论:通过" in result.stdout and "Result: clean" in result.stdout
    result = run_cli(trail.gateway.env.config, "--instance", trail.instance, "--from", "2000-01-01", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["clean"] and report["instances"][0]["entries"] == ENTRIES


# -- tampering, each in a fresh copy of the trail -----------------------------------------
def where(prefix: str, event: dict[str, Any]) -> dict[str, str]:
    return {"index": index_for(prefix, event["@timestamp"]), "id": event["event"]["id"]}


def delete_one(client: OpenSearch, prefix: str, t: Trail) -> list[tuple[str, int | None, str | None]]:
    client.delete(**where(prefix, t.seq(5)))
    return [("deleted", 5, None)]


def edit_one(client: OpenSearch, prefix: str, t: Trail) -> list[tuple[str, int | None, str | None]]:
    target = t.seq(7)
    client.update(**where(prefix, target), body={"doc": {"user": {"id": "someone-else"}}})
    return [("altered", 7, target["event"]["id"])]


def swap_two(client: OpenSearch, prefix: str, t: Trail) -> list[tuple[str, int | None, str | None]]:
    a, b = t.seq(3), t.seq(REQUESTS + 4)
    for event, seq in ((a, REQUESTS + 4), (b, 3)):
        client.update(**where(prefix, event), body={"doc": {"minguard": {"chain": {"seq": seq}}}})
    return [("reordered", REQUESTS + 4, a["event"]["id"]), ("reordered", 3, b["event"]["id"])]


def insert_forged(client: OpenSearch, prefix: str, t: Trail) -> list[tuple[str, int | None, str | None]]:
    forged = copy.deepcopy(t.seq(9))
    forged["event"]["id"] = "f0" * 16
    forged["user"]["id"] = "nobody"
    forged["minguard"]["chain"]["hash"] = event_hash(forged, "sha256")  # whoever forges can hash too
    unchained = copy.deepcopy(t.seq(10))
    unchained["event"]["id"] = "f1" * 16
    del unchained["minguard"]["chain"]
    for event in (forged, unchained):
        client.create(**where(prefix, event), body=event)
    return [("inserted", 9, forged["event"]["id"]), ("inserted", None, unchained["event"]["id"])]


Tamper = Callable[[OpenSearch, str, Trail], list[tuple[str, int | None, str | None]]]


@contextmanager
def copied(opensearch: OpenSearch, trail: Trail, copy_prefix: str, tmp_path: Path) -> Iterator[Path]:
    """The trail copied under another prefix; yields a config reading that copy."""
    opensearch.indices.put_index_template(name=copy_prefix, body=index_template(copy_prefix))
    try:
        for event in trail.events:
            opensearch.create(**where(copy_prefix, event), body=event)
        config = yaml.safe_load(trail.gateway.env.config.read_text(encoding="utf-8"))
        config["opensearch"]["index_prefix"] = copy_prefix
        config["keys"]["dir"] = str(trail.gateway.env.directory / "keys")
        (tmp_path / "copy.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        yield tmp_path / "copy.yaml"
    finally:
        opensearch.indices.delete(index=f"{copy_prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=copy_prefix, ignore=[404])


@pytest.mark.parametrize("tamper", [delete_one, edit_one, swap_two, insert_forged], ids=lambda f: f.__name__)
def test_tampering_in_opensearch_is_reported_exactly(
    trail: Trail, opensearch: OpenSearch, index_prefix: str, tmp_path: Path, tamper: Tamper
) -> None:
    copy_prefix = f"{index_prefix}x{tamper.__name__.replace('_', '')}"
    with copied(opensearch, trail, copy_prefix, tmp_path) as config:
        expected = tamper(opensearch, copy_prefix, trail)
        events = read_instance(opensearch, copy_prefix, trail.instance)
        report = verify_trail(events, public_keys(trail))
        got = sorted((f.kind, f.seq or 0, f.event_id or "") for f in report.findings)
        assert got == sorted((k, s or 0, i or "") for k, s, i in expected), [f.message for f in report.findings]

        result = run_cli(config, "--instance", trail.instance, "--json")
        assert result.returncode == 1, result.stdout + result.stderr
        findings = json.loads(result.stdout)["findings"]
        assert sorted((f["kind"], f["seq"] or 0, f["event_id"] or "") for f in findings) == got


def test_the_gateway_hosts_spool_shows_a_cut_the_trail_cannot(
    trail: Trail, opensearch: OpenSearch, index_prefix: str, tmp_path: Path
) -> None:
    """Everything after the first run's closing checkpoint deleted: the trail alone ends with a
    clean shutdown (docs/audit-chain.md §4); the spool on the gateway host shipped more."""
    spool = str(load_settings(trail.gateway.env.config).audit.spool_dir)
    last = ENTRIES
    with copied(opensearch, trail, f"{index_prefix}xcut", tmp_path) as config:
        intact = run_cli(config, "--instance", trail.instance, "--spool", spool, "--json")
        assert intact.returncode == 0, intact.stdout + intact.stderr
        assert json.loads(intact.stdout)["anchors"] == [
            {"instance": trail.instance, "seq": last, "hash": trail.seq(last)["minguard"]["chain"]["hash"]}
        ]
        held = run_cli(config, "--instance", trail.instance, "--spool", spool)
        assert "链尾已与网关主机的审计缓存比对" in held.stdout and "无法从记录本身发现" not in held.stdout
        for seq in range(PER_RUN + 1, last + 1):
            opensearch.delete(**where(f"{index_prefix}xcut", trail.seq(seq)), refresh=True)
        alone = run_cli(config, "--instance", trail.instance)
        assert alone.returncode == 0, alone.stdout + alone.stderr  # the gap this closes
        assert "无法从记录本身发现;在网关主机上加 --spool" in alone.stdout
        anchored = run_cli(config, "--instance", trail.instance, "--spool", spool)
        assert anchored.returncode == 1, anchored.stdout + anchored.stderr
        assert f"第 {PER_RUN + 1}–{last} 条被删除" in anchored.stdout
        assert "结论:通过" not in anchored.stdout
        ranged = run_cli(config, "--spool", spool, "--to", "2030-01-01")
        assert ranged.returncode == 2 and "--to" in ranged.stderr


def test_the_report_holds_the_trail_against_the_spool_beside_it(
    trail: Trail, opensearch: OpenSearch, index_prefix: str, tmp_path: Path
) -> None:
    """The 等保 report's tamper check, run beside the gateway, compares the trail with the
    spool's anchor as `audit verify --spool` does: a tail cut back to a clean shutdown's
    checkpoint fails it. Where no spool is at hand the report says so."""
    spool = load_settings(trail.gateway.env.config).audit.spool_dir
    last = ENTRIES
    start = datetime.fromisoformat(trail.seq(1)["@timestamp"].replace("Z", "+00:00")) - timedelta(minutes=1)
    end = datetime.now(UTC) + timedelta(minutes=1)
    copy_prefix = f"{index_prefix}xreport"
    with copied(opensearch, trail, copy_prefix, tmp_path) as config:
        elsewhere = load_settings(config)  # its spool_dir is not on this host
        assert not elsewhere.audit.spool_dir.exists()
        beside = elsewhere.model_copy(update={"audit": elsewhere.audit.model_copy(update={"spool_dir": spool})})

        def tamper_check(settings: Settings) -> tuple[str, str]:
            report = collect(settings, opensearch, start, end)
            return next((c.verdict, c.reason_zh) for s in report.sections for c in s.checks if c.id == "audit.tamper")

        verdict, reason = tamper_check(beside)
        assert verdict == PASS and f"{trail.instance} 第 {last} 条" in reason, reason
        verdict, reason = tamper_check(elsewhere)
        assert verdict == PASS and "没有网关主机的审计缓存" in reason, reason
        for seq in range(PER_RUN + 1, last + 1):
            opensearch.delete(**where(copy_prefix, trail.seq(seq)), refresh=True)
        verdict, reason = tamper_check(elsewhere)
        assert verdict == PASS and "没有网关主机的审计缓存" in reason, reason  # the gap the anchor closes
        verdict, reason = tamper_check(beside)
        assert verdict == FAIL and f"第 {PER_RUN + 1}–{last} 条被删除" in reason, reason
