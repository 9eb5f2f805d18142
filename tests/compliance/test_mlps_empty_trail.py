"""A fresh deployment: the index prefix has no audit index yet. OpenSearch then answers a
search with no `aggregations` at all; the report must say the trail is empty (zh-CN first) and
judge the checks that rest on it 不符合 or 无法判定, and the other readers of the trail (detection,
audit search, the chain reader, the alert list) must find nothing rather than fail."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from opensearchpy import OpenSearch

from audit.detection.alerts import list_alerts
from audit.detection.definitions import load_rules
from audit.detection.runner import run
from audit.opensearch import index_template
from audit.search import Query, search
from audit.trail import read_trail
from compliance.mlps import FAIL, UNDETERMINED, MlpsReport, collect
from compliance.render import to_html, to_json
from compliance.trail import Trail
from gateway.settings import Settings, load_settings
from policies.keys import Pseudonymizer
from support.gateways import OPENSEARCH_URL
from support.signing import SIGNER

pytestmark = pytest.mark.opensearch
START, END = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
# Checks whose only evidence is the period's events: nothing to judge them by.
UNDETERMINED_CHECKS = {
    "audit.fields",
    "access.surplus",
    "access.escalation",
    "identity.authenticated",
    "identity.strong",
    "pi.purpose",
    "pi.inspected",
    "detection.handled",
}
# Checks that an empty trail fails: the control itself needs audit records.
FAILED_CHECKS = {"audit.users", "audit.tamper", "integrity.chain", "retention.setting"}


def _config(tmp_path: Path, prefix: str) -> Path:
    data = {
        "opensearch": {"url": OPENSEARCH_URL, "index_prefix": prefix},
        "keys": {"dir": "keys", "generate_missing": True},
    }
    path = tmp_path / "minguard.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.fixture
def fresh(tmp_path: Path, opensearch: OpenSearch) -> Iterator[Settings]:
    prefix = f"mgfresh-{uuid.uuid4().hex[:8]}"
    assert not opensearch.indices.get(index=f"{prefix}*", ignore_unavailable=True, allow_no_indices=True)
    yield load_settings(_config(tmp_path, prefix))
    opensearch.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


def _verdicts(report: MlpsReport) -> dict[str, str]:
    return {c.id: c.verdict for s in report.sections for c in s.checks}


def test_report_over_a_prefix_without_indices_says_the_trail_is_empty(fresh: Settings, opensearch: OpenSearch) -> None:
    report = collect(fresh, opensearch, START, END)
    assert report.notice_zh.startswith(f"审计索引 {fresh.opensearch.index_prefix}-* 中没有任何审计事件")
    got = _verdicts(report)
    assert {k: got[k] for k in UNDETERMINED_CHECKS} == dict.fromkeys(UNDETERMINED_CHECKS, UNDETERMINED)
    assert {k: got[k] for k in FAILED_CHECKS} == dict.fromkeys(FAILED_CHECKS, FAIL)
    assert report.verdict == FAIL and report.counts()[UNDETERMINED] == len(UNDETERMINED_CHECKS)
    data = to_json(report)
    assert data["notice_zh"] == report.notice_zh and data["counts"][UNDETERMINED] == len(UNDETERMINED_CHECKS)
    audit = next(s for s in data["sections"] if s["id"] == "security_audit")
    assert {c["verdict_en"] for c in audit["checks"] if c["id"] == "audit.fields"} == {"not determinable"}
    assert report.notice_zh in to_html(report)


def test_report_with_events_only_before_the_period_names_the_oldest(fresh: Settings, opensearch: OpenSearch) -> None:
    prefix = fresh.opensearch.index_prefix
    opensearch.indices.put_index_template(name=prefix, body=index_template(prefix))
    try:
        event = {"@timestamp": "2025-12-30T08:00:00.000Z", "event": {"kind": "event", "id": "e1"}}
        opensearch.index(index=f"{prefix}-2025.12", body=event, params={"refresh": "true"})
        report = collect(fresh, opensearch, START, END)
        assert report.notice_zh.startswith("报告期间内没有审计事件") and "2025-12-30" in report.notice_zh
        assert _verdicts(report)["pi.purpose"] == UNDETERMINED
    finally:
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def test_command_line_writes_the_empty_report(fresh: Settings, tmp_path: Path) -> None:
    config = tmp_path / "minguard.yaml"
    out = tmp_path / "r.json"
    span = ["--from", START.isoformat(), "--to", END.isoformat()]
    command = [sys.executable, "-m", "gateway", "report", "mlps", "--config", str(config), *span, "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("审计索引") and "无法判定 8" in done.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["verdict"] == FAIL


def test_every_trail_reader_finds_nothing(fresh: Settings, opensearch: OpenSearch, tmp_path: Path) -> None:
    prefix = fresh.opensearch.index_prefix
    trail = Trail(opensearch, prefix, START, END)
    assert trail.terms("user.id") == {} and trail.routes() == [] and trail.masking_by_role() == {}
    assert trail.histogram("60m", "minguard.data.level") == [] and trail.distinct("user.id") == 0
    assert set(trail.missing_fields().values()) == {0}
    assert trail.sums({"records": "minguard.data.records"}) == {"records": 0.0, "events": 0.0}
    assert trail.oldest_event() is None and trail.checkpoints() == 0
    result = run(opensearch, prefix, load_rules(), START, END, SIGNER.public_key)
    assert result.alerts == [] and result.created == 0
    assert list_alerts(opensearch, prefix) == []
    pseudonymizer = Pseudonymizer.from_dir(tmp_path / "keys", generate=True)
    assert list(search(opensearch, prefix, Query(user="zhangwei"), pseudonymizer)) == []
    assert list(read_trail(opensearch, prefix, START, END)) == []
