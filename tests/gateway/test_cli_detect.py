"""`minguard detect`: how alerts are listed, and what notify says without a channel (gateway/cli_detect.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from opensearchpy import OpenSearch
from typer.testing import CliRunner

from audit.detection.alerts import integrity_alert
from audit.detection.definitions import load_rules
from audit.detection.query import Window
from gateway.cli import app
from gateway.cli_detect import alert_line
from support.gateways import OPENSEARCH_URL


def test_an_integrity_alert_is_listed_without_value_or_threshold() -> None:
    """Raised when reference data was altered: it has neither, and the listing crashed on it."""
    rule = next(r for r in load_rules() if r.id == "fund.approver_related")
    now = datetime(2026, 11, 29, 8, tzinfo=UTC)
    alert = integrity_alert(rule, Window(now - timedelta(days=1), now), "staff", "登记表被改动", now)["alert"]
    line = alert_line(alert)
    assert "参考数据完整性" in line and alert["id"] in line


def test_notify_without_a_channel_says_so(tmp_path: Path) -> None:
    config = tmp_path / "minguard.yaml"
    config.write_text("opensearch: {url: 'http://127.0.0.1:9'}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["detect", "notify", "--config", str(config)])
    assert result.exit_code == 2
    assert "detection.notify 未配置" in result.output


@pytest.mark.opensearch
def test_an_unknown_state_is_said_zh_cn_first(tmp_path: Path, opensearch: OpenSearch) -> None:
    """The security officer reads these: zh-CN first, English after, as the other commands do
    (ack and close go through the gateway: tests/e2e/test_alert_api.py)."""
    config = tmp_path / "minguard.yaml"
    config.write_text(f"opensearch: {{url: '{OPENSEARCH_URL}', index_prefix: mgnoalerts}}\n", encoding="utf-8")
    state = CliRunner().invoke(app, ["detect", "alerts", "--config", str(config), "--state", "open"])
    assert state.exit_code == 2 and state.output.startswith("未知的告警状态 'open'")


def test_an_alert_line_shows_what_a_caller_sent_without_letting_it_act() -> None:
    """A payment's operator is only what the payment service's body claims
    (minguard.business.operator, docs/policies.md §4); grouped on, it is an alert's subject,
    and `detect alerts` wrote it to the officer's terminal as it was: an escape sequence
    cleared the screen or recoloured the line, a line break forged another alert."""
    rule = next(r for r in load_rules() if r.id == "fund.approver_related")
    now = datetime(2026, 11, 29, 8, tzinfo=UTC)
    alert = integrity_alert(rule, Window(now - timedelta(days=1), now), "staff", "登记表被改动", now)["alert"]
    alert["subjects"] = {"minguard.business.operator": "\x1b[2J\x1b]0;ok\x07wangfang\r\nfake\u202eline"}
    line = alert_line(alert)
    assert not any(ch in line for ch in "\x1b\x07\r\n\u202e")
    assert "<U+001B>[2J<U+001B>]0;ok<U+0007>wangfang<U+000D><U+000A>fake<U+202E>line" in line
