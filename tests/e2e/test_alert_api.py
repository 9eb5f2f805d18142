"""Alerts acknowledged and closed through the gateway's admin API, and `minguard detect ack|close`,
which calls it: the officer is the credential's subject, the policy decides, and every attempt
is an audit event (gateway/admin/detection.py, gateway/cli_detect.py)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from opensearchpy import OpenSearch
from typer.testing import CliRunner

from audit.detection.alerts import actions_index, alerts_index, integrity_alert, list_alerts, write_alerts
from audit.detection.definitions import load_rules
from audit.detection.query import Window
from gateway.cli import app
from gateway.devsetup import dev_token
from support.gateways import RunningGateway, audit_events, serving, wait_for_events

pytestmark = pytest.mark.opensearch


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, opensearch: OpenSearch, upstream_url: str
) -> Iterator[tuple[RunningGateway, str]]:
    prefix = f"mgalertapi-{uuid.uuid4().hex[:6]}"
    directory = tmp_path_factory.mktemp("alertapi") / "gw"
    with serving(directory, upstream_url, prefix, opensearch, alerts_index(prefix), actions_index(prefix)) as gateway:
        yield gateway, prefix


def new_alert(opensearch: OpenSearch, prefix: str) -> str:
    """A fresh alert (a reference-data integrity alert: the cheapest to make) in state new."""
    rule = next(r for r in load_rules() if r.id == "fund.approver_related")
    now = datetime.now(UTC)
    doc = integrity_alert(rule, Window(now - timedelta(days=1), now), uuid.uuid4().hex, "登记表被改动", now)
    write_alerts(opensearch, prefix, [doc])
    return str(doc["alert"]["id"])


def state(opensearch: OpenSearch, prefix: str, alert: str) -> str:
    (found,) = [a for a in list_alerts(opensearch, prefix) if a["id"] == alert]
    return str(found["state"])


def cli(gateway: RunningGateway, tmp_path: Path, key_id: str, *args: str) -> Any:
    credential = tmp_path / f"{key_id}.key"
    credential.write_text(gateway.env.key(key_id), encoding="utf-8")
    options = ["--credential-file", str(credential), "--config", str(gateway.env.config)]
    return CliRunner().invoke(app, ["detect", *args, *options])


def the_event(opensearch: OpenSearch, prefix: str, output: str) -> dict[str, Any]:
    """The audit event of the request whose id the command printed."""
    request_id = output.rstrip().removesuffix(")").rsplit(" ", 1)[-1]
    assert wait_for_events(opensearch, prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, prefix, request_id)
    return event


def test_an_officer_acknowledges_then_closes(
    served: tuple[RunningGateway, str], opensearch: OpenSearch, tmp_path: Path
) -> None:
    gateway, prefix = served
    alert = new_alert(opensearch, prefix)
    acked = cli(gateway, tmp_path, "audit-admin", "ack", alert)
    assert acked.exit_code == 0, acked.output
    assert acked.output.startswith(f"告警 {alert} 已确认 / alert {alert} is now acknowledged")
    assert state(opensearch, prefix, alert) == "acknowledged"
    event = the_event(opensearch, prefix, acked.output)
    assert (event["event"]["action"], event["event"]["outcome"]) == ("alert.alert_acknowledge", "success")
    assert event["minguard"]["console"]["alert_state"] == "acknowledged"
    closed = cli(gateway, tmp_path, "security-admin", "close", alert, "--comment", "已核实,系误报")
    assert closed.exit_code == 0, closed.output
    (stored,) = [a for a in list_alerts(opensearch, prefix) if a["id"] == alert]
    assert [(h["state"], h["officer"], h.get("via")) for h in stored["history"][1:]] == [
        ("acknowledged", "sunli", "api"),
        ("closed", "zhoujie", "api"),
    ]


def test_refusals_are_zh_cn_first_audited_and_change_nothing(
    served: tuple[RunningGateway, str], opensearch: OpenSearch, tmp_path: Path
) -> None:
    gateway, prefix = served
    alert = new_alert(opensearch, prefix)
    # A caseworker is no officer: the policy refuses, and the refusal is an audit event.
    caseworker = cli(gateway, tmp_path, "caseworker-hanbin", "ack", alert)
    assert caseworker.exit_code == 2 and caseworker.output.startswith("无权执行该管理操作")
    event = the_event(opensearch, prefix, caseworker.output)
    assert event["event"]["outcome"] == "failure" and event["user"]["id"] == "zhangwei"
    # Closing needs the officer's conclusion.
    no_comment = cli(gateway, tmp_path, "security-admin", "close", alert)
    assert no_comment.exit_code == 2
    assert no_comment.output.startswith("关闭告警须填写处置意见 / closing an alert needs a comment")
    unknown = cli(gateway, tmp_path, "security-admin", "ack", "f" * 32)
    assert unknown.exit_code == 2 and unknown.output.startswith("没有编号为 " + "f" * 32 + " 的告警 / no alert")
    assert state(opensearch, prefix, alert) == "new"


def test_what_is_typed_into_the_url_or_the_comment_is_not_recorded_in_clear(
    served: tuple[RunningGateway, str], opensearch: OpenSearch
) -> None:
    gateway, prefix = served
    headers = gateway.headers("security-admin")
    url = f"{gateway.url}/_minguard/alerts/11010519491231002X/acknowledge"
    answer = httpx.post(url, headers=headers, json={"comment": "电话 13912345678"}, timeout=10)
    assert answer.status_code == 400 and answer.json()["error"]["message_zh"] == "告警编号格式错误"
    bad_body = httpx.post(url.replace("11010519491231002X", "a" * 32), headers=headers, json={"comment": 5}, timeout=10)
    assert bad_body.status_code == 400
    request_id = answer.headers["x-request-id"]
    assert wait_for_events(opensearch, prefix, [request_id]) == {request_id: 1}
    (event,) = audit_events(opensearch, prefix, request_id)
    text = json.dumps(event, ensure_ascii=False)
    assert "11010519491231002X" not in text and "13912345678" not in text
    assert event["minguard"]["console"]["alert_id"] == "[未通过校验,未记录]"


def test_the_command_says_what_went_wrong_before_the_gateway(
    served: tuple[RunningGateway, str], tmp_path: Path
) -> None:
    gateway, _ = served
    base = ["detect", "ack", "a" * 32, "--config", str(gateway.env.config)]
    missing = CliRunner().invoke(app, [*base, "--credential-file", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and missing.output.startswith("无法读取凭据文件 / cannot read the credential file")
    key = tmp_path / "key"
    key.write_text(gateway.env.key("security-admin"), encoding="utf-8")
    away = CliRunner().invoke(app, [*base, "--credential-file", str(key), "--gateway", "http://127.0.0.1:9"])
    assert away.exit_code == 2 and away.output.startswith("无法连接网关 / cannot reach the gateway")


def test_a_token_names_the_officer_as_the_trail_keys_them(
    served: tuple[RunningGateway, str], opensearch: OpenSearch, tmp_path: Path
) -> None:
    """The credential file may hold a JWT; its subject, however spelt, is recorded folded, as user.id."""
    gateway, prefix = served
    alert = new_alert(opensearch, prefix)
    token = tmp_path / "token"
    token.write_text(dev_token(gateway.env.directory, "ZhouJie", ["security_admin"], "610900"), encoding="utf-8")
    options = ["--credential-file", str(token), "--config", str(gateway.env.config)]
    acked = CliRunner().invoke(app, ["detect", "ack", alert, *options])
    assert acked.exit_code == 0, acked.output
    (stored,) = [a for a in list_alerts(opensearch, prefix) if a["id"] == alert]
    assert stored["history"][-1]["officer"] == "zhoujie"
    event = the_event(opensearch, prefix, acked.output)
    assert (event["user"]["id"], event["minguard"]["principal"]["subject"]) == ("zhoujie", "ZhouJie")
