"""The 等保 report's audit section from evidence alone: the gateway's starts, what changed and
which previous runs ended without their stop entry (compliance/sections_audit.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from compliance.evidence import Evidence
from compliance.sections_audit import security_audit

BEIJING = timezone(timedelta(hours=8))


def start(timestamp: str, **gateway: Any) -> dict[str, Any]:
    return {
        "@timestamp": timestamp,
        "minguard": {"instance": "gw-1", "gateway": {"config_sha256": "ab" * 32} | gateway},
    }


def test_starts_count_changes_and_interrupted_runs() -> None:
    end = datetime(2026, 11, 30, tzinfo=BEIJING)
    ev = Evidence(end - timedelta(days=30), end, end, "mg-*", "v1")
    killed = {"stop_recorded": False, "pid": 4242, "started_at": "2026-11-20T01:00:00.000Z"}
    ev.starts = [
        start("2026-11-21T02:00:00.000Z", first_start=False, changed_count=0, previous_run=killed),
        start(
            "2026-11-20T03:00:00.000Z",
            first_start=False,
            changed_count=1,
            changed_settings=["audit.x"],
            previous_run={"stop_recorded": True},
        ),
        start("2026-11-10T00:00:00.000Z", first_start=True),
    ]
    section = security_audit(ev)
    facts = dict(section.facts)
    assert facts["期间内网关进程启动次数(gateway.start)"] == "3"
    assert facts["其中配置、策略文件或密钥与上次启动不同"] == "1"
    assert facts["其中上次运行没有停止记录(审计进程曾中断)"] == "1"
    table = next(t for t in section.tables if t.title_zh.startswith("网关启动与配置变更"))
    assert table.rows == [
        [
            "2026-11-21T10:00:00+08:00",
            "gw-1",
            "ab" * 8,
            "无变更",
            "没有停止记录(进程 4242,启动于 2026-11-20T09:00:00+08:00):被终止、崩溃或主机断电",
        ],
        ["2026-11-20T11:00:00+08:00", "gw-1", "ab" * 8, "audit.x", "正常停止"],
        ["2026-11-10T08:00:00+08:00", "gw-1", "ab" * 8, "首次启动(本实例无上次记录)", "—"],
    ]
