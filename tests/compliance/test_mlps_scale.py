"""The 等保 report over a busy bureau: more users, denials and alerts than one page of an
aggregation or one search holds. Verdicts must rest on every one of them, not on the first
thousand (docs/report-mlps.md). The data is written straight into the node in the gateway's
event shape; no gateway runs, so the chain checks fail and are not looked at here."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk

from audit.detection.alerts import actions_index, alerts_index, ensure_indices
from audit.opensearch import index_template
from compliance.evidence import USER_ROWS
from compliance.mlps import FAIL, PARTIAL, PASS, MlpsReport, collect
from compliance.trail import Trail
from gateway.devsetup import init_dev
from gateway.settings import NotifySettings, Settings, load_settings
from support.gateways import OPENSEARCH_URL

pytestmark = pytest.mark.opensearch

STAFF = 1000  # users with 2 events each: with the others, more than USER_ROWS
PROBES = 500  # users with 12 refused probes each, every one alerted
READERS = 500  # users refused the audit log twice each
SILENT = "zz-silent"  # 10 refused probes and no alert: fewer than any alerted prober
INTRUDER = "zz-intruder"  # read the audit log once, successfully, without being audit admin


@dataclass
class Busy:
    settings: Settings
    client: OpenSearch
    prefix: str
    start: datetime
    end: datetime

    def report(self) -> MlpsReport:
        return collect(self.settings, self.client, self.start, self.end)


def _verdict(report: MlpsReport, check: str) -> tuple[str, str]:
    found = next(c for s in report.sections for c in s.checks if c.id == check)
    return found.verdict, found.reason_zh


def _event(prefix: str, at: datetime, user: str, **fields: Any) -> dict[str, Any]:
    event_id = uuid.uuid4().hex
    doc: dict[str, Any] = {
        "@timestamp": at.isoformat(timespec="milliseconds"),
        "event": {"id": event_id, "kind": "event", "type": "allowed", "outcome": "success"},
        "user": {"id": user},
    }
    doc["event"].update(fields.pop("event", {}))
    doc.update(fields)
    return {"_op_type": "create", "_index": f"{prefix}-{at:%Y.%m}", "_id": event_id, "_source": doc}


def _alert(
    prefix: str, n: int, rule: str, state: str, raised: datetime, subjects: dict[str, str], hours: float
) -> dict[str, Any]:
    """An alert document as audit/detection/alerts.py writes it, closed `hours` after it was raised."""
    at = raised.isoformat(timespec="milliseconds")
    history = [{"at": at, "state": "new", "officer": "minguard-detect", "comment": None}]
    if state == "closed":
        closed = (raised + timedelta(hours=hours)).isoformat(timespec="milliseconds")
        history.append({"at": closed, "state": "closed", "officer": "sec01", "comment": "已核实"})
    window = {"start": (raised - timedelta(hours=1)).isoformat(), "end": raised.isoformat()}
    alert: dict[str, Any] = {"id": f"a{n:06d}", "rule": rule, "title_zh": rule, "state": state, "severity": "high"}
    alert |= {"window": window, "subjects": subjects, "history": history}
    return {
        "_op_type": "create",
        "_index": alerts_index(prefix),
        "_id": alert["id"],
        "_source": {"@timestamp": at, "alert": alert},
    }


def _world(base: Path, client: OpenSearch, tag: str) -> Busy:
    prefix = f"mgscale-{tag}-{uuid.uuid4().hex[:8]}"
    client.indices.put_index_template(name=prefix, body=index_template(prefix))
    ensure_indices(client, prefix)
    settings = load_settings(init_dev(base / tag, opensearch_url=OPENSEARCH_URL, index_prefix=prefix).config)
    now = datetime.now(UTC)
    return Busy(settings, client, prefix, now - timedelta(days=30), now + timedelta(minutes=1))


def _clean(client: OpenSearch, prefix: str) -> None:
    for pattern in (f"{prefix}-*", alerts_index(prefix), actions_index(prefix)):
        client.indices.delete(index=pattern, ignore_unavailable=True)
    client.indices.delete_index_template(name=prefix, ignore=[404])


@pytest.fixture(scope="module")
def client() -> Iterator[OpenSearch]:
    found = OpenSearch(hosts=[OPENSEARCH_URL], timeout=60)
    yield found
    found.close()


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory, client: OpenSearch) -> Iterator[Busy]:
    """Many users: each configured account has one event, fewer than any other user."""
    busy = _world(tmp_path_factory.mktemp("crowded"), client, "users")
    try:
        at = busy.end - timedelta(days=1)
        p = busy.prefix
        denied = {"event": {"type": "denied", "outcome": "failure"}, "minguard": {"error": {"code": "forbidden"}}}
        audit_log = {"minguard": {"resource": "audit_log"}}
        docs = [_event(p, at, f"staff{u:04d}") for u in range(STAFF) for _ in range(2)]
        docs += [_event(p, at, k.subject) for k in busy.settings.identity.api_keys]
        docs += [_event(p, at, f"probe{u:03d}", **denied) for u in range(PROBES) for _ in range(12)]
        docs += [_event(p, at, SILENT, **denied) for _ in range(10)]
        refused = {**audit_log, "event": {"type": "denied", "outcome": "failure"}}
        docs += [_event(p, at, f"reader{u:03d}", **refused) for u in range(READERS) for _ in range(2)]
        docs += [_event(p, at, INTRUDER, **audit_log)]
        alerts = [
            _alert(p, u, "misuse.repeated_denials", "closed", at, {"user.id": f"probe{u:03d}"}, 1)
            for u in range(PROBES)
        ]
        bulk(client, docs + alerts, refresh="wait_for", chunk_size=2000)
        yield busy
    finally:
        _clean(client, busy.prefix)


@pytest.fixture(scope="module")
def alerted(tmp_path_factory: pytest.TempPathFactory, client: OpenSearch) -> Iterator[Busy]:
    """More than 10,000 alerts of the period, one of them left new for ten days."""
    busy = _world(tmp_path_factory.mktemp("alerted"), client, "alerts")
    try:
        raised = busy.end - timedelta(days=10)
        p = busy.prefix
        docs = [_event(p, raised, "zhangwei")]
        docs += [_alert(p, n, "misuse.bulk_access", "closed", raised, {"user.id": f"u{n}"}, 2) for n in range(10_000)]
        docs += [_alert(p, 10_000 + n, "misuse.after_hours", "closed", raised, {}, h) for n, h in enumerate((1, 2, 6))]
        docs.append(_alert(p, 20_000, "misuse.bulk_access", "new", raised, {"user.id": "u-stale"}, 0))
        bulk(client, docs, refresh="wait_for", chunk_size=2000)
        yield busy
    finally:
        _clean(client, busy.prefix)


def test_a_configured_account_outside_the_top_users_is_not_surplus(crowded: Busy) -> None:
    report = crowded.report()
    assert _verdict(report, "access.surplus")[0] == PASS, _verdict(report, "access.surplus")


def test_every_user_is_counted_and_the_table_says_it_is_cut(crowded: Busy) -> None:
    users = STAFF + PROBES + READERS + 2 + len({k.subject for k in crowded.settings.identity.api_keys})
    report = crowded.report()
    verdict, reason = _verdict(report, "audit.users")
    assert verdict == PASS and f"{users} 个用户" in reason, reason
    table = next(t for t in report.section("security_audit").tables if t.title_zh.startswith("各用户审计事件数"))
    assert len(table.rows) == USER_ROWS
    assert f"仅列出事件数最多的 {USER_ROWS} 个用户,共 {users} 个" in table.title_zh


def test_frequent_denials_without_an_alert_are_found_beyond_the_first_page(crowded: Busy) -> None:
    verdict, reason = _verdict(crowded.report(), "access.escalation")
    assert verdict == PARTIAL and SILENT in reason and "probe" not in reason, reason
    trail = Trail(crowded.client, crowded.prefix, crowded.start, crowded.end)
    denials = trail.pairs("user.id", "minguard.error.code", {"exists": {"field": "minguard.error.code"}})
    assert len(denials) == PROBES + 1 and denials[0] == ("probe000", "forbidden", 12)  # every one, most first


def test_a_successful_audit_log_read_is_found_beyond_the_first_page(crowded: Busy) -> None:
    verdict, reason = _verdict(crowded.report(), "audit.control")
    assert verdict == FAIL and INTRUDER in reason, reason


def test_a_stale_alert_among_more_than_ten_thousand_fails_detection(alerted: Busy) -> None:
    report = alerted.report()
    verdict, reason = _verdict(report, "detection.handled")
    assert verdict == FAIL and "1 条告警超过 7 天未处理" in reason, reason
    rows = {row[0]: row for row in report.section("detection").tables[0].rows}
    assert rows["misuse.bulk_access"] == ["misuse.bulk_access", 1, 0, 10_000, "2.0"]
    assert rows["misuse.after_hours"] == ["misuse.after_hours", 0, 0, 3, "2.0"]


def test_a_severe_alert_never_pushed_fails_the_alarm_check(alerted: Busy) -> None:
    """10,003 closed alerts and one high alert left new: with a duty channel configured, that one
    was never pushed (8.1.3.5 报警); without a channel, no alert is ever pushed."""
    assert _verdict(alerted.report(), "detection.alarm")[0] == PARTIAL  # no detection.notify
    detection = alerted.settings.detection.model_copy(
        update={"notify": NotifySettings(url="https://duty.mz.example/hooks/minguard")}
    )
    pushed = replace(alerted, settings=alerted.settings.model_copy(update={"detection": detection}))
    verdict, reason = _verdict(pushed.report(), "detection.alarm")
    assert verdict == FAIL and "1 条高/严重级别告警" in reason, reason
    index = alerts_index(alerted.prefix)
    original = alerted.client.get(index=index, id="a020000")["_source"]
    stamped = {**original, "alert": {**original["alert"], "notified_at": original["@timestamp"]}}
    alerted.client.index(index=index, id="a020000", body=stamped, params={"refresh": "true"})
    try:
        verdict, reason = _verdict(pushed.report(), "detection.alarm")
        assert verdict == PASS and "10004 条高/严重级别告警均已推送或已处置" in reason, reason
    finally:
        alerted.client.index(index=index, id="a020000", body=original, params={"refresh": "true"})


def test_the_alarm_check_counts_the_severities_the_channel_is_given(alerted: Busy) -> None:
    """A channel given critical alerts only never receives the stale high one: that is the
    configuration, not a failed push."""
    notify = NotifySettings(url="https://duty.mz.example/hooks/minguard", min_severity="critical")
    detection = alerted.settings.detection.model_copy(update={"notify": notify})
    critical_only = replace(alerted, settings=alerted.settings.model_copy(update={"detection": detection}))
    verdict, reason = _verdict(critical_only.report(), "detection.alarm")
    assert verdict == PASS and "期间内 0 条严重级别告警均已推送或已处置" in reason, reason
