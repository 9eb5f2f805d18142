"""The 等保 report over the planted-traffic data set (tests/support/planted.py), sent through a
real gateway into the real node. Every piece of evidence is broken on purpose once and the
verdict that rests on it must change."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import yaml
from opensearchpy import OpenSearch

from audit.detection.alerts import actions_index, alerts_index, list_alerts, transition
from audit.detection.definitions import load_rules
from audit.detection.runner import run
from audit.lifecycle import restore_drill
from compliance.evidence import requests_from_metrics
from compliance.mlps import FAIL, PARTIAL, PASS, MlpsReport, collect
from compliance.render import to_html, to_json, to_pdf
from gateway.settings import ApiKey, Settings, load_settings
from support.gateways import RunningGateway, start_gateway, stop_gateway, wait_for_events
from support.planted import Traffic, run_scenario
from support.signing import SIGNER

pytestmark = pytest.mark.opensearch
ROOT = Path(__file__).resolve().parents[2]
SECTIONS = {
    "security_audit",
    "retention",
    "access_control",
    "identity",
    "integrity",
    "confidentiality",
    "personal_information",
    "detection",
}


@dataclass
class World:
    gateway: RunningGateway
    settings: Settings
    prefix: str
    start: datetime
    end: datetime
    counted: int
    before_drill: MlpsReport
    report: MlpsReport

    def collect(self, settings: Settings | None = None, counted: int | None = -1) -> MlpsReport:
        requests = self.counted if counted == -1 else counted
        return collect(settings or self.settings, _client(), self.start, self.end, requests_counted=requests)


_CLIENTS: list[OpenSearch] = []


def _client() -> OpenSearch:
    return _CLIENTS[0]


def _admin_traffic(t: Traffic, some_event: str) -> None:
    """The three administrators at work: the audit admin reads the trail, the security admin
    reloads the policy, the system admin tries to read the trail (refused)."""
    t.call("audit-admin", "GET", f"/_minguard/audit/events?request_id={some_event}")
    t.call("security-admin", "POST", "/_minguard/policy/reload", {})
    t.call("system-admin", "GET", f"/_minguard/audit/events?request_id={some_event}")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, opensearch: OpenSearch, upstream_url: str) -> Iterator[World]:
    _CLIENTS[:] = [opensearch]
    prefix = f"mgreport-{uuid.uuid4().hex[:8]}"  # unique: snapshots and drill records outlive the run
    base = tmp_path_factory.mktemp("report")
    conditions = yaml.safe_load((ROOT / "policies" / "conditions.yaml").read_text(encoding="utf-8"))
    conditions["roles"]["outsourced"].pop("hours", None)  # the planted case runs at any hour
    (base / "conditions.yaml").write_text(yaml.safe_dump(conditions, allow_unicode=True), encoding="utf-8")
    launched = datetime.now(UTC)  # the period holds the gateway's start entry even if the scenario waits
    gateway = start_gateway(
        base / "gw", upstream_url, prefix, overrides={"policy": {"conditions": str(base / "conditions.yaml")}}
    )
    try:
        planted, began, _ = run_scenario(gateway, upstream_url)
        traffic = Traffic(gateway, upstream_url)
        _admin_traffic(traffic, planted.all_ids[0])
        with urllib.request.urlopen(f"{gateway.url}/_minguard/metrics", timeout=10) as answer:
            counted = requests_from_metrics(answer.read().decode())
        ids = [i for i in planted.all_ids + traffic.sent if i]
    finally:
        stop_gateway(gateway)  # a clean stop signs the chain's tail and drains the spool
    try:
        counts = wait_for_events(opensearch, prefix, ids, seconds=90)
        assert len(counts) == len(set(ids)), "not every event reached OpenSearch"
        start, end = min(began, launched) - timedelta(minutes=1), datetime.now(UTC) + timedelta(minutes=1)
        run(opensearch, prefix, load_rules(), start, end, SIGNER.public_key)
        settings = load_settings(gateway.env.config)
        before = collect(settings, opensearch, start, end, requests_counted=counted)
        restore_drill(opensearch, prefix)
        report = collect(settings, opensearch, start, end, requests_counted=counted)
        yield World(gateway, settings, prefix, start, end, counted, before, report)
    finally:
        for pattern in (f"{prefix}-*", alerts_index(prefix), actions_index(prefix), f"{prefix}.quota"):
            opensearch.indices.delete(index=pattern, ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def _verdict(report: MlpsReport, check: str) -> str:
    return next(c.verdict for s in report.sections for c in s.checks if c.id == check)


def _reason(report: MlpsReport, check: str) -> str:
    return next(c.reason_zh for s in report.sections for c in s.checks if c.id == check)


def test_every_section_is_present_with_verdicts_from_the_planted_data(world: World) -> None:
    report = world.report
    assert {s.id for s in report.sections} == SECTIONS
    assert all(s.checks and s.requirement_zh and s.sources_zh for s in report.sections)
    expected = {
        "audit.users": PASS,
        "audit.requests": PASS,
        "audit.fields": PASS,
        "audit.tamper": PASS,
        "audit.backup": PASS,
        "audit.control": PASS,
        "retention.setting": PASS,
        "access.separation": PASS,
        "access.least_privilege": PASS,
        "access.surplus": PASS,  # every demo principal, administrators included, did something
        "access.escalation": PASS,  # liqiang's ten probes raised misuse.repeated_denials
        "identity.authenticated": PASS,
        "identity.strong": FAIL,  # the planted traffic uses API keys only
        "integrity.chain": PASS,
        "confidentiality.tls": FAIL,  # plain http to the demo upstream and the local node
        "confidentiality.keys": PASS,
        "confidentiality.sm": PARTIAL,  # the shipped masking uses AES-GCM and HMAC-SHA-256
        "pi.purpose": PASS,
        "pi.inspected": PASS,
        "detection.handled": PARTIAL,  # fresh alerts, not yet handled
        "detection.alarm": PARTIAL,  # no detection.notify: alerts are seen in the console only
    }
    got = {c.id: c.verdict for s in report.sections for c in s.checks}
    assert got == expected, {k: (_reason(report, k), v) for k, v in got.items() if expected.get(k) != v}
    assert "wuhao" in _reason(report, "audit.control")  # the system admin's refused attempt is named
    audit = report.section("security_audit")
    users = next(t for t in audit.tables if t.title_zh == "各用户审计事件数")
    assert {"zhangwei", "liqiang", "sunli", "wuhao", "zhoujie"} <= {row[0] for row in users.rows}
    # Item d: the gateway's start in the period, a first start of its spool slot.
    (started,) = next(t for t in audit.tables if t.title_zh.startswith("网关启动与配置变更")).rows
    assert started[3] == "首次启动(本实例无上次记录)" and started[0].endswith("+00:00")
    assert ("期间内网关进程启动次数(gateway.start)", "1") in audit.facts
    personal = report.section("personal_information")
    routes = {row[0]: row for row in personal.tables[0].rows}
    assert routes["person.list"][3] > 0 and "RESIDENT_ID" in routes["person.list"][5]
    assert "BIRTH_DATE" in routes["person.list"][5]  # every entity the events count, birth dates too
    assert routes["legacy.dibao"][3] == 0  # a route nobody used is listed too
    assert {"volume", "denials", "alerts"} <= set(report.charts) and all("<svg" in v for v in report.charts.values())


def test_no_snapshot_before_the_drill_then_compliant(world: World) -> None:
    assert _verdict(world.before_drill, "audit.backup") == FAIL
    assert _verdict(world.report, "audit.backup") == PASS


def test_counters_higher_than_events_break_request_coverage(world: World) -> None:
    assert world.counted > 0
    assert _verdict(world.collect(counted=world.counted + 5), "audit.requests") == FAIL
    assert "5 次请求没有审计事件" in _reason(world.collect(counted=world.counted + 5), "audit.requests")
    assert _verdict(world.collect(counted=None), "audit.requests") == PARTIAL


def test_a_deleted_event_fails_tamper_evidence(world: World, opensearch: OpenSearch) -> None:
    index = f"{world.prefix}-*"
    query = {"bool": {"filter": [{"term": {"event.kind": "event"}}, {"term": {"user.id": "zhaomin"}}]}}
    hit = opensearch.search(index=index, body={"query": query, "size": 1})["hits"]["hits"][0]
    opensearch.delete(index=hit["_index"], id=hit["_id"], params={"refresh": "true"})
    try:
        broken = world.collect()
        assert _verdict(broken, "audit.tamper") == FAIL
        assert "删除" in _reason(broken, "audit.tamper") or "缺失" in _reason(broken, "audit.tamper")
    finally:
        opensearch.index(index=hit["_index"], id=hit["_id"], body=hit["_source"], params={"refresh": "true"})
    assert _verdict(world.collect(), "audit.tamper") == PASS


def test_a_principal_without_events_is_a_surplus_account(world: World) -> None:
    idle = ApiKey(id="idle", sha256="0" * 64, subject="xiaoli", kind="person", roles=["caseworker"], region="610902")
    identity = world.settings.identity.model_copy(update={"api_keys": [*world.settings.identity.api_keys, idle]})
    report = world.collect(world.settings.model_copy(update={"identity": identity}))
    assert _verdict(report, "access.surplus") == PARTIAL
    assert "xiaoli" in _reason(report, "access.surplus")


def test_retention_below_six_months_is_not_compliant(world: World, opensearch: OpenSearch) -> None:
    original = opensearch.indices.get_index_template(name=world.prefix)["index_templates"][0]["index_template"]
    short = json.loads(json.dumps(original))
    short["_meta"]["retention_days"] = 90
    opensearch.indices.put_index_template(name=world.prefix, body=short)
    try:
        report = world.collect()
        assert _verdict(report, "retention.setting") == FAIL
        assert "90" in _reason(report, "retention.setting")
    finally:
        opensearch.indices.put_index_template(name=world.prefix, body=original)
    assert _verdict(world.collect(), "retention.setting") == PASS


def test_separation_violation_in_a_policy_copy(world: World, tmp_path: Path) -> None:
    text = (ROOT / "policies" / "policy.csv").read_text(encoding="utf-8")
    text = text.replace("p, system_admin, *, audit_log, .*, deny\n", "p, system_admin, *, audit_log, ^query$, allow\n")
    (tmp_path / "policy.csv").write_text(text, encoding="utf-8")
    policy = world.settings.policy.model_copy(update={"policy": tmp_path / "policy.csv"})
    report = world.collect(world.settings.model_copy(update={"policy": policy}))
    assert _verdict(report, "access.separation") == FAIL
    assert "audit_log.query" in _reason(report, "access.separation")
    assert _verdict(report, "audit.control") == FAIL  # someone besides the audit admin controls the trail


def test_closing_every_alert_makes_detection_compliant(world: World, opensearch: OpenSearch) -> None:
    for alert in list_alerts(opensearch, world.prefix):
        if alert["state"] != "closed":
            transition(opensearch, world.prefix, alert["id"], "closed", "officer-test", "已核实,误报", via="console")
    report = world.collect()
    assert _verdict(report, "detection.handled") == PASS
    rows = report.section("detection").tables[0].rows
    assert rows and all(row[1] == 0 and row[3] > 0 and row[4] != "-" for row in rows)


def test_pdf_renders_with_chinese_text(world: World) -> None:
    pdf = pdfium.PdfDocument(to_pdf(world.report))
    assert len(pdf) >= 3
    page = pdf[0]
    text = page.get_textpage().get_text_range()
    assert "网络安全等级保护" in text and "结论汇总" in text
    image = page.render(scale=1.5).to_pil().convert("L")
    dark = sum(image.histogram()[:200])
    assert dark > 0.01 * image.width * image.height  # text, tables and badges, not a blank page
    if os.environ.get("MINGUARD_DOC_IMAGES"):  # refresh the screenshots in docs/img
        for n in range(min(3, len(pdf))):
            pdf[n].render(scale=1.4).to_pil().save(ROOT / "docs" / "img" / f"report-mlps-page{n + 1}.png")


def test_html_and_json_forms(world: World) -> None:
    html = to_html(world.report)
    assert html.count("<svg") >= 3 and "http://" not in html.split("<body>")[0]  # no external assets
    data = to_json(world.report)
    json.dumps(data, ensure_ascii=False)
    assert {s["id"] for s in data["sections"]} == SECTIONS
    assert data["verdict"] == FAIL and data["counts"][FAIL] >= 1
    check = data["sections"][0]["checks"][0]
    assert set(check) == {"id", "name_zh", "verdict", "verdict_en", "reason_zh"}


def test_command_line_writes_each_format(world: World, tmp_path: Path) -> None:
    base = [sys.executable, "-m", "gateway", "report", "mlps", "--config", str(world.gateway.env.config)]
    beijing = ZoneInfo("Asia/Shanghai")  # as an officer writes the period
    start, end = world.start.astimezone(beijing), world.end.astimezone(beijing)
    span = ["--from", start.isoformat(), "--to", end.isoformat(), "--requests", str(world.counted)]
    for name in ("r.json", "r.html"):
        done = subprocess.run(
            [*base, *span, "--out", str(tmp_path / name)], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert "总体结论" in done.stdout
    data: dict[str, Any] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {s["id"] for s in data["sections"]} == SECTIONS
    assert data["start"].endswith("+08:00") and data["generated"].endswith("+08:00")  # one clock on the page
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    bad = subprocess.run([*base, *span, "--out", str(tmp_path / "r.txt")], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "format" in bad.stderr


def test_requests_counter_is_read_from_the_exposition() -> None:
    text = io.StringIO()
    text.write("# HELP minguard_requests_total Proxied requests\n# TYPE minguard_requests_total counter\n")
    text.write('minguard_requests_total{decision="allowed",level="general",status_class="2xx"} 3.0\n')
    text.write('minguard_requests_total{decision="denied",level="general",status_class="4xx"} 2.0\n')
    text.write('minguard_requests_created{decision="allowed",level="general",status_class="2xx"} 1.7e9\n')
    assert requests_from_metrics(text.getvalue()) == 5
