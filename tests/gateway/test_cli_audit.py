"""`minguard audit verify` against the real OpenSearch node: which seqs it reads for a period,
and how it judges where each chain ends."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk
from typer.testing import CliRunner

import audit.chain
from audit.chain import ChainSealer
from audit.opensearch import index_for, index_template
from audit.signing import CheckpointSigner
from audit.trail import read_trail
from audit.verify import verify_trail
from gateway.cli import app
from support.gateways import OPENSEARCH_URL

pytestmark = pytest.mark.opensearch

SIGNER = CheckpointSigner(Ed25519PrivateKey.generate())
START = datetime(2026, 11, 10, tzinfo=UTC)
MINUTES = 30  # one event and one heartbeat checkpoint a minute


def stamp(time: datetime) -> str:
    return time.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def build(monkeypatch: pytest.MonkeyPatch, closed: bool) -> list[dict[str, Any]]:
    """The trail a gateway running from START for MINUTES minutes leaves: each minute an event
    at :10 and the timer's heartbeat at :30 (checkpoints are stamped when made)."""
    sealer = ChainSealer(SIGNER)
    sealer.resume("gw", None)
    events: list[dict[str, Any]] = []
    for minute in range(MINUTES):
        at = START + timedelta(minutes=minute)
        e = {
            "@timestamp": stamp(at + timedelta(seconds=10)),
            "event": {"id": uuid.uuid4().hex, "kind": "event", "outcome": "success"},
            "user": {"id": "zhangwei", "roles": ["caseworker"]},
            "minguard": {"instance": "gw"},
        }
        sealer.seal(e)
        events.append(e)
        if closed and minute == MINUTES - 1:
            sealer.closing()
        monkeypatch.setattr(audit.chain, "now_timestamp", lambda at=at: stamp(at + timedelta(seconds=30)))
        events.append(sealer.checkpoint(force=True) or {})
    monkeypatch.undo()
    return events


@dataclass
class Store:
    client: OpenSearch
    prefix: str
    events: list[dict[str, Any]]

    def delete(self, keep: Any) -> list[dict[str, Any]]:
        """Delete the stored events `keep` says no to, as an OpenSearch administrator could."""
        gone = [e for e in self.events if not keep(e)]
        for e in gone:
            self.client.delete(index=index_for(self.prefix, e["@timestamp"]), id=e["event"]["id"])
        self.client.indices.refresh(index=f"{self.prefix}-*")
        return gone

    def verify(self, start: datetime | None, end: datetime | None) -> Any:
        return verify_trail(read_trail(self.client, self.prefix, start, end), [SIGNER.public_key], end)


@pytest.fixture
def store(opensearch: OpenSearch, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Store]:
    prefix = f"mgverify-{uuid.uuid4().hex[:8]}"
    opensearch.indices.put_index_template(name=prefix, body=index_template(prefix))
    events = build(monkeypatch, closed=getattr(request, "param", False))
    actions = [
        {"_op_type": "create", "_index": index_for(prefix, e["@timestamp"]), "_id": e["event"]["id"], "_source": e}
        for e in events
    ]
    try:
        bulk(opensearch, actions, refresh=True)
        yield Store(opensearch, prefix, events)
    finally:
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def minute(n: int, second: int = 0) -> datetime:
    return START + timedelta(minutes=n, seconds=second)


def kinds(report: Any) -> list[tuple[str, int | None]]:
    return sorted((f.kind, f.seq) for f in report.findings)


# -- the seqs a period reads --------------------------------------------------------------------
def test_a_period_whose_entries_were_all_deleted_is_not_clean(store: Store) -> None:
    period = (minute(10), minute(20))
    before = store.verify(*period)
    assert before.clean, [f.message for f in before.findings]
    gone = store.delete(lambda e: not period[0] <= datetime.fromisoformat(e["@timestamp"]) <= period[1])
    assert len(gone) == 20  # minutes 10-19: their events and heartbeats
    report = store.verify(*period)
    assert not report.clean
    assert [s.instance for s in report.instances] == ["gw"]  # known from the checkpoints around the period
    # Read from the heartbeat of minute 9 (seq 20) to that of minute 20 (seq 42): seq 21-40 are gone.
    assert ("deleted", 21) in kinds(report) and ("deleted", 42) in kinds(report)
    assert (report.instances[0].first_seq, report.instances[0].last_seq) == (20, 42)


def test_entries_deleted_at_the_edges_of_a_period_are_found(store: Store) -> None:
    """The surviving entries of the period no longer reach its edges; the checkpoints by time do."""
    period = (minute(10), minute(20))
    first_event = 21  # minute 10's event; its heartbeat (seq 22) stays
    last_minutes = range(37, 41)  # minutes 18-19, heartbeats included

    def kept(e: dict[str, Any]) -> bool:
        seq = e["minguard"]["chain"]["seq"]
        return seq != first_event and seq not in last_minutes

    store.delete(kept)
    assert kinds(store.verify(*period)) == [("deleted", 21), ("deleted", 37), ("deleted", 42)]


def test_an_instance_idle_or_stopped_before_the_period_is_not_judged_by_it(store: Store) -> None:
    report = store.verify(minute(40), minute(50))  # the trail ends at minute 29 (no final checkpoint)
    assert report.clean and report.instances == []


def test_an_instance_running_into_the_period_must_reach_it(store: Store) -> None:
    """Cut back to minute 20: a verification of minutes 21-25 has no entry of the instance left,
    but its last heartbeat before the period shows it was running."""
    store.delete(lambda e: datetime.fromisoformat(e["@timestamp"]) < minute(20, 40))
    report = store.verify(minute(21), minute(25))
    assert [s.instance for s in report.instances] == ["gw"]
    assert kinds(report) == [("interrupted", 42)]


# -- the command --------------------------------------------------------------------------------
runner = CliRunner()


def run_verify(store: Store, tmp_path: Path, *args: str) -> Any:
    config = tmp_path / "minguard.yaml"
    config.write_text(
        f"opensearch: {{url: '{OPENSEARCH_URL}', index_prefix: {store.prefix}}}\n"
        f"keys: {{dir: {tmp_path / 'keys'}, generate_missing: false}}\n",
        encoding="utf-8",
    )
    key = tmp_path / "audit-signing.pub.pem"
    pem = SIGNER.public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    key.write_bytes(pem)
    return runner.invoke(app, ["audit", "verify", "--config", str(config), "--public-key", str(key), *args])


@pytest.mark.parametrize("store", [True], indirect=True)
def test_verify_passes_a_trail_closed_by_a_final_checkpoint(store: Store, tmp_path: Path) -> None:
    result = run_verify(store, tmp_path)
    assert result.exit_code == 0, result.output
    assert "正常关闭" in result.output and "final: clean shutdown" in result.output
    assert "结论:通过" in result.output


@pytest.mark.parametrize("store", [True], indirect=True)
def test_verify_reports_a_trail_cut_off_just_after_a_checkpoint(store: Store, tmp_path: Path) -> None:
    cut = next(e for e in store.events if e["minguard"]["chain"]["seq"] == 24)  # minute 11's heartbeat
    assert cut["event"]["kind"] == "checkpoint"
    store.delete(lambda e: e["minguard"]["chain"]["seq"] <= 24)
    result = run_verify(store, tmp_path, "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [(f["kind"], f["seq"], f["event_id"]) for f in report["findings"]] == [
        ("interrupted", 24, cut["event"]["id"])
    ]
    assert report["findings"][0]["kind_zh"] == "中断"
    assert report["ends_judged_at"] is not None
    text = run_verify(store, tmp_path)
    assert text.exit_code == 1 and "[中断 interrupted] 实例 gw 记录止于 2026-11-10T00:11:30.000Z" in text.output


def test_verify_judges_a_past_period_against_its_own_end(store: Store, tmp_path: Path) -> None:
    """A gateway still running after the period: the checkpoint just after --to is recent enough."""
    result = run_verify(store, tmp_path, "--from", "2026-11-10T00:05:00Z", "--to", "2026-11-10T00:10:00Z")
    assert result.exit_code == 0, result.output


def test_verify_of_an_empty_trail_checks_nothing_and_says_so(store: Store, tmp_path: Path) -> None:
    """A misspelt prefix or a range without entries must not read as 通过 with exit 0."""
    empty = Store(store.client, f"{store.prefix}-typo", [])
    result = run_verify(empty, tmp_path)
    assert result.exit_code == 2, result.output
    assert "结论:未校验" in result.output and "结论:通过" not in result.output
    in_json = run_verify(store, tmp_path, "--from", "2030-01-01T00:00:00Z", "--to", "2030-01-02T00:00:00Z", "--json")
    assert in_json.exit_code == 2 and json.loads(in_json.stdout)["checked"] is False
    assert json.loads(run_verify(store, tmp_path, "--json").stdout)["checked"] is True
