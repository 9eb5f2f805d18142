"""The audit stage (gateway/stages/audit.py) through a real sealed spool.

An event the canonical encoder refuses is still written: without its content parts, marked
`audit_event_unserialisable` (the upstream has already performed the write by then). What an
officer typed into a console filter is redacted like the alert comment."""

from __future__ import annotations

import asyncio
import json
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from audit.chain import ChainSealer
from audit.signing import CheckpointSigner
from audit.spool import Spool
from classifiers.inspect import Inspector
from classifiers.levels import DataLevel
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.audit import UNSERIALISABLE, Audit
from gateway.stages.audit_event import _second, _timestamp
from policies.enforcer import Decision
from policies.masking import load_profiles
from policies.routes import RouteMatch

INSPECTOR = Inspector()
PROFILES = load_profiles()
SIGNER = CheckpointSigner(Ed25519PrivateKey.generate())
PATH = "/api/v1/regions/610902/cases/C1/payments"
ID_NUMBER = "11010519491231002X"  # the standard's worked example: synthetic
MOBILE = "13912345678"


def _spool(tmp_path: Path) -> Spool:
    # Sealed like the gateway's: only the canonical encoder refuses non-finite floats.
    spool = Spool(tmp_path, "gw", 1 << 20, 1 << 24, sealer=ChainSealer(SIGNER))
    spool.open()
    return spool


def _payment(amount: float) -> Exchange:
    """A payment the upstream has performed, with a business amount JSON cannot carry."""
    body = json.dumps({"amount": amount, "period": "2026-03", "operator": "svc-payment"}).encode()
    ex = Exchange(Request("POST", PATH, b"", [], "127.0.0.1", 40000, "http", body))
    ex.principal = Principal("svc-payment", "service", ("payment",), "6109", "市民政局", "api_key", "pay")
    ex.route = RouteMatch("case.pay", "payment", "pay", {"region": "610902", "caseId": "C1"}, PATH)
    ex.decision = Decision(True, "payment, payment, pay, allow", "test", "allow")
    ex.upstream = Response(201, [], b'{"paymentId": "PM1"}')
    ex.response = Response(201, [], b'{"paymentId": "PM1"}')
    ex.inspection = INSPECTOR.inspect(ex.response.body, "application/json", None, PROFILES.get("strict"))
    ex.business = {"step": "pay", "case_id": "C1", "amount": amount, "upstream_status": 201}
    ex.console = {"filters": ["user=x"]}
    return ex


def _events(spool: Spool) -> list[dict[str, Any]]:
    """What is on disk, synced or not (read() stops at the last group sync)."""
    lines = [line for path in sorted(spool.directory.glob("*.jsonl")) for line in path.read_text().splitlines()]
    return [e for e in map(json.loads, lines) if e["event"]["kind"] == "event"]


@pytest.mark.parametrize("amount", [float("inf"), float("-inf"), float("nan")])
def test_an_unencodable_business_value_still_leaves_an_event(tmp_path: Path, amount: float) -> None:
    spool = _spool(tmp_path)
    audit = Audit(spool, INSPECTOR, PROFILES.get("strict"))
    ex = _payment(amount)
    asyncio.run(audit(ex))
    events = _events(spool)
    spool.close()
    assert len(events) == 1 and audit.lost == 0
    event = events[0]
    assert event["event"]["id"] == ex.request_id and event["event"]["action"] == "payment.pay"
    assert event["event"]["outcome"] == "success" and event["event"]["reason"] is None
    assert event["minguard"]["error"]["code"] == UNSERIALISABLE
    assert "business" not in event["minguard"] and "console" not in event["minguard"]
    assert "审计事件无法编码" in event["minguard"]["summary_zh"]
    # The event was durable, so the upstream's answer goes out.
    assert ex.failure is None and ex.response is not None and ex.audit_error is None


def test_a_write_refused_after_the_upstream_performed_it_says_so(tmp_path: Path) -> None:
    """Refused on its answer (records of another region, a daily limit), the write was still
    made: an officer reading "拒绝" alone would take it for one that never happened."""
    spool = _spool(tmp_path)
    audit = Audit(spool, INSPECTOR, PROFILES.get("strict"))
    performed, refused_before = _payment(100.0), _payment(100.0)
    for ex in (performed, refused_before):
        ex.fail(403, "records_outside_region", "records of another region", "响应含辖区外记录")
    refused_before.upstream = None  # refused before the upstream was asked
    for ex in (performed, refused_before):
        asyncio.run(audit(ex))
    events = {e["event"]["id"]: e["minguard"]["summary_zh"] for e in _events(spool)}
    spool.close()
    assert "上游已执行该写操作(上游 HTTP 201),仅其响应被拦截" in events[performed.request_id]
    assert "上游已执行" not in events[refused_before.request_id]


def test_a_sensitive_release_waits_for_the_fallback_and_stays_fail_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = _spool(tmp_path)
    audit = Audit(spool, INSPECTOR, PROFILES.get("strict"))
    released, withheld = _payment(float("inf")), _payment(float("nan"))
    for ex in (released, withheld):
        ex.level = DataLevel.IMPORTANT
    real_append = spool.append
    waited: list[bool] = []

    async def recording(event: dict[str, Any], wait_for_disk: bool = True) -> None:
        waited.append(wait_for_disk)
        await real_append(event, wait_for_disk)

    async def failing_when_encodable(event: dict[str, Any], wait_for_disk: bool = True) -> None:
        if "business" not in event["minguard"]:
            raise OSError(28, "No space left on device")
        await real_append(event, wait_for_disk)

    async def scenario() -> None:
        monkeypatch.setattr(spool, "append", recording)
        await audit(released)
        # The fallback cannot be written either: the important data is withheld as ever.
        monkeypatch.setattr(spool, "append", failing_when_encodable)
        await audit(withheld)
        monkeypatch.setattr(spool, "append", real_append)
        await audit.flush_deferred()

    asyncio.run(scenario())
    events = _events(spool)
    spool.close()
    assert waited == [True, True]  # the refused event, then its fallback: both waited for the disk
    assert released.failure is None and released.response is not None
    assert withheld.failure is not None and withheld.failure.code == "audit_unavailable"
    assert withheld.response is None
    assert [e["event"]["id"] for e in events] == [released.request_id, withheld.request_id]
    assert all(e["minguard"]["error"]["code"] == UNSERIALISABLE for e in events) and audit.lost == 0
    # The deferred refusal keeps its own failure code beside the audit's.
    assert events[1]["event"]["reason"] == "audit_unavailable"
    assert "audit_unavailable" in events[1]["minguard"]["error"]["message"]


def test_console_filters_are_redacted_like_the_comment(tmp_path: Path) -> None:
    spool = _spool(tmp_path)
    audit = Audit(spool, INSPECTOR, PROFILES.get("strict"))
    path = "/_minguard/console/search"
    ex = Exchange(Request("POST", path, b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("sunli", "person", ("security_admin",), "6109", "市民政局", "api_key", "sa")
    ex.route = RouteMatch("console.query", "console", "query", {}, path)
    ex.decision = Decision(True, "security_admin, console, query, allow", "test", "allow")
    ex.response = Response(200, [], b"")
    ex.console = {"filters": [f"user={MOBILE}", f"state={ID_NUMBER}", "region=610902"], "comment": ID_NUMBER}
    asyncio.run(audit(ex))
    (event,) = _events(spool)
    spool.close()
    text = json.dumps(event, ensure_ascii=False)
    assert MOBILE not in text and ID_NUMBER not in text
    filters = event["minguard"]["console"]["filters"]
    assert filters[0].startswith("user=") and filters[1].startswith("state=")
    assert filters[2] == "region=610902"  # nothing to redact: kept as it is


def test_timestamps_are_isoformat_to_the_millisecond() -> None:
    # What the event's @timestamp was before it was formatted once per second.
    def reference(epoch: float) -> str:
        return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    rng = random.Random(20261129)
    edges = (0.0, 0.5, 0.0005, 0.9995, 0.0000005, 0.0000015, 0.9999994999, 0.9999995, 0.99999951)
    for _ in range(20000):
        epoch = rng.randint(-(10**9), 4 * 10**9) + (rng.random() if rng.random() < 0.5 else rng.choice(edges))
        assert _timestamp(epoch) == reference(epoch), epoch


def test_the_date_and_time_of_a_second_are_formatted_once() -> None:
    _second.cache_clear()
    stamps = {_timestamp(1764428473 + i / 100) for i in range(100)}
    assert len(stamps) == 100 and _second.cache_info().misses == 1


def test_the_event_counts_the_records_the_limits_counted(tmp_path: Path) -> None:
    """Persons under a key the inspector does not know as a record list counted as one record in
    the event, while the release stage's limits counted each: the export-volume rule, which sums
    `minguard.data.records`, saw one record for a page of three persons."""
    entries = [{"xm": name, "sjhm": f"1391234567{i}"} for i, name in enumerate(("张伟", "李娜", "王芳"))]
    body = json.dumps({"payload": {"entries": entries}}, ensure_ascii=False).encode()
    ex = Exchange(Request("GET", PATH, b"", [], "127.0.0.1", 40000, "http", b""))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区民政局", "api_key", "review")
    ex.route = RouteMatch("case.read", "case", "read", {"region": "610902", "caseId": "C1"}, PATH)
    ex.decision = Decision(True, "caseworker, case, read, allow", "test", "allow")
    ex.upstream = ex.response = Response(200, [], body)
    ex.inspection = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert ex.inspection.records < 3 <= ex.inspection.persons_apart  # the shape this is about
    spool = _spool(tmp_path)
    asyncio.run(Audit(spool, INSPECTOR, PROFILES.get("strict"))(ex))
    (event,) = _events(spool)
    spool.close()
    assert event["minguard"]["data"]["records"] == 3
    assert " 3 条记录" in event["minguard"]["summary_zh"]
