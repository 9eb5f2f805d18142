"""Detection end to end: traffic through a real gateway → audit events in OpenSearch → rules →
alerts. Every planted case is found, with its events as evidence; the ordinary traffic raises
nothing (false-alarm budget 0 for every rule on this traffic)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch

from audit.detection.alerts import AlertError, actions_index, alerts_index, list_alerts, transition
from audit.detection.definitions import RULES_DIR, load_rules
from audit.detection.runner import run
from audit.signing import PUBLIC_KEY_FILE, load_public_key
from support.gateways import RunningGateway, audit_events, start_gateway, stop_gateway, wait_for_events
from support.planted import Planted, load_reference, run_scenario

pytestmark = pytest.mark.opensearch


def _rules_with_now_off_hours(directory: Path) -> Path:
    """The shipped rules, but working hours that exclude now (events carry the real clock)."""
    shutil.copytree(RULES_DIR, directory, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    path = directory / "misuse-off-hours.yaml"
    rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    from datetime import datetime

    hour = datetime.now(ZoneInfo("Asia/Shanghai")).hour
    rule["off_hours"] = (
        {"start": "00:00", "end": "01:00", "weekends": False}
        if hour >= 3
        else {"start": "22:00", "end": "23:00", "weekends": False}
    )
    rule["threshold"] = 15  # every user is "off hours" here; the planted user does 15 reads
    path.write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def scenario(
    tmp_path_factory: pytest.TempPathFactory, opensearch: OpenSearch, upstream_url: str
) -> Iterator[tuple[RunningGateway, str, Planted, Any, Any]]:
    prefix = f"mgdetect-{tmp_path_factory.mktemp('p').name[-6:].lower()}"
    base = tmp_path_factory.mktemp("detect")
    # The outsourced role's 08:00-18:00 window would refuse the planted case outside office hours.
    conditions = yaml.safe_load(
        (Path(__file__).parents[2] / "policies" / "conditions.yaml").read_text(encoding="utf-8")
    )
    conditions["roles"]["outsourced"].pop("hours", None)
    (base / "conditions.yaml").write_text(yaml.safe_dump(conditions, allow_unicode=True), encoding="utf-8")
    gateway = start_gateway(
        base / "gw", upstream_url, prefix, overrides={"policy": {"conditions": str(base / "conditions.yaml")}}
    )
    try:
        load_reference(gateway, upstream_url, base)  # staff register and death records
        planted, began, ended = run_scenario(gateway, upstream_url)
        ids = [i for i in planted.all_ids if i]
        counts = wait_for_events(opensearch, prefix, ids, seconds=90)
        assert len(counts) == len(set(ids)), "not every event reached OpenSearch"
        yield gateway, prefix, planted, began, ended
    finally:
        stop_gateway(gateway)
        for pattern in (
            f"{prefix}-*",
            alerts_index(prefix),
            actions_index(prefix),
            f"{prefix}.quota",
            f"{prefix}.ref-*",
        ):
            opensearch.indices.delete(index=pattern, ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def _signing_key(gateway: RunningGateway) -> Ed25519PublicKey:
    """The gateway's audit signing key, which `detect reference load` signed the reference data with."""
    return load_public_key(gateway.env.directory / "keys" / PUBLIC_KEY_FILE)


def _subjects(alert: dict[str, Any]) -> dict[str, str]:
    return dict(alert["subjects"])


def test_every_planted_case_is_found_and_nothing_else(
    scenario: tuple[RunningGateway, str, Planted, Any, Any], opensearch: OpenSearch, tmp_path: Path
) -> None:
    _, prefix, planted, began, ended = scenario
    rules = load_rules(_rules_with_now_off_hours(tmp_path / "rules"))
    key = _signing_key(scenario[0])
    result = run(opensearch, prefix, rules, began - timedelta(minutes=1), ended + timedelta(minutes=1), key)
    found: dict[str, list[dict[str, Any]]] = {}
    for doc in result.alerts:
        found.setdefault(doc["alert"]["rule"], []).append(doc["alert"])
    report: dict[str, Any] = {r: sorted(str(_subjects(a)) for a in alerts) for r, alerts in found.items()}
    missing = set(planted.expected) - set(found)
    if missing:  # say what the planted events looked like
        ids = [i for r in missing for e in planted.expected[r] for i in e.request_ids]
        seen = opensearch.search(index=f"{prefix}-*", body={"query": {"terms": {"event.id": ids}}, "size": 50})
        report["missing"] = [
            (h["_source"]["event"]["type"], h["_source"]["minguard"]["summary_zh"]) for h in seen["hits"]["hits"]
        ]
    assert set(found) == set(planted.expected), report  # every rule fires, and only on its plant
    ordinary = set(planted.ordinary_ids)
    for rule_id, expected in planted.expected.items():
        alerts = found[rule_id]
        assert sorted(str(_subjects(a)) for a in alerts) == sorted(str(e.subjects) for e in expected), (rule_id, report)
        for case in expected:
            alert = next(a for a in alerts if _subjects(a) == case.subjects)
            assert set(case.request_ids) <= set(alert["evidence"]), (rule_id, case.request_ids, alert["evidence"])
            assert alert["value"] >= alert["threshold"]
    # Evidence of a planted case that is not about a person's everyday work cites no ordinary event.
    assert not ordinary & set(found["misuse.repeated_denials"][0]["evidence"])
    assert result.created == len(result.alerts)


def test_rerun_does_not_duplicate_and_lifecycle_is_recorded(
    scenario: tuple[RunningGateway, str, Planted, Any, Any], opensearch: OpenSearch, tmp_path: Path
) -> None:
    gateway, prefix, _, began, ended = scenario
    rules = load_rules(only="fund.same_actor_multiple_steps")
    first = run(opensearch, prefix, rules, began, ended, _signing_key(gateway))
    again = run(opensearch, prefix, rules, began, ended, _signing_key(gateway))
    assert len(again.alerts) == len(first.alerts) >= 1 and again.created == 0
    stored = [a for a in list_alerts(opensearch, prefix) if a["rule"] == "fund.same_actor_multiple_steps"]
    assert len(stored) == 1
    alert = stored[0]["id"]
    with pytest.raises(AlertError, match="comment"):
        transition(opensearch, prefix, alert, "closed", "officer-li", None, via="console")
    # An officer quoting an ID number in a comment: it is stored redacted (alert and action record).
    transition(
        opensearch, prefix, alert, "acknowledged", "officer-li", "已调取案卷 11010519491231002X", via="cli:li@host"
    )
    with pytest.raises(AlertError, match="cannot become"):
        transition(opensearch, prefix, alert, "acknowledged", "officer-li", None, via="console")
    # The command line closes it through the gateway, with the security administrator's own key.
    credential = tmp_path / "officer.key"
    credential.write_text(gateway.env.key("security-admin") + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "gateway", "detect", "close", alert, "--comment", "已移交纪检 13912345678"]
    options = ["--credential-file", str(credential), "--config", str(gateway.env.config)]
    done = subprocess.run([*command, *options], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"告警 {alert} 已关闭")
    (closed,) = [a for a in list_alerts(opensearch, prefix, "closed") if a["id"] == alert]
    assert [(h["state"], h["officer"]) for h in closed["history"]] == [
        ("new", "minguard-detect"),
        ("acknowledged", "officer-li"),
        ("closed", "zhoujie"),
    ]
    assert closed["history"][1]["comment"].startswith("已调取案卷 ")
    # The gateway authenticated the officer, and the action is a chained audit event.
    api = closed["history"][2]
    assert api["officer_verified"] is True and api["via"] == "api"
    request_id = done.stdout.rstrip().removesuffix(")").rsplit(" ", 1)[-1]
    assert wait_for_events(opensearch, prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, prefix, request_id)
    assert event["event"]["action"] == "alert.alert_close" and event["user"]["id"] == "zhoujie"
    assert event["minguard"]["console"]["alert_id"] == alert and "seq" in event["minguard"]["chain"]
    assert "13912345678" not in json.dumps(event, ensure_ascii=False)
    opensearch.indices.refresh(index=actions_index(prefix))
    actions = opensearch.search(index=actions_index(prefix), body={"query": {"term": {"alert.id": alert}}, "size": 10})
    assert "11010519491231002X" not in json.dumps([closed, actions["hits"]["hits"]], ensure_ascii=False)
    assert sorted(h["_source"]["event"]["action"] for h in actions["hits"]["hits"]) == [
        "alert.acknowledged",
        "alert.closed",
    ]
    # The CLI's run over the same window finds only what is there already.
    command = [sys.executable, "-m", "gateway", "detect", "run", "--from", began.isoformat(), "--to", ended.isoformat()]
    done = subprocess.run(
        [*command, "--rule", "fund.same_actor_multiple_steps", "--config", str(gateway.env.config)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "新告警 0 条" in done.stdout
