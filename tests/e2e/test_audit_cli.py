"""The officer's and the audit administrator's commands against the real trail."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest
from opensearchpy import OpenSearch

from support.gateways import RunningGateway, wait_for_events

pytestmark = pytest.mark.opensearch


def minguard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gateway", *args], capture_output=True, text=True, timeout=120)


def test_search_retention_and_backup_drill(gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str) -> None:
    denied = httpx.get(gateway.url + "/api/v1/regions/610921/persons", headers=gateway.headers("caseworker-hanbin"))
    request_id = denied.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    config = str(gateway.env.config)

    found = minguard("audit", "search", "--config", config, "--user", "zhangwei", "--denied", "--format", "csv")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("时间,用户,角色") and any(request_id in line for line in lines[1:])

    bad = minguard("audit", "search", "--config", config, "--person", "110105194912310021")
    assert bad.returncode == 2 and "身份证号码校验失败" in bad.stderr

    retention = minguard("audit", "retention", "--config", config)
    assert retention.returncode == 0, retention.stderr
    assert "保留期 retention: 184 天" in retention.stdout and "无 none" in retention.stdout  # this month is kept

    drill = minguard("audit", "backup-drill", "--config", config)
    assert drill.returncode == 0, drill.stdout + drill.stderr
    assert "恢复演练成功" in drill.stdout


def test_search_output_does_not_let_a_sent_path_act_on_the_terminal(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """url.original is the path as sent, percent-decoded, also in the event of a request the
    path check refuses (400 bad_path): U+009B (a one-byte CSI, which terminals act on like
    ESC [) and U+202E, and json.dumps escapes only C0 controls, so `audit search --format json`
    wrote them to the officer's terminal as they were. Now they are JSON escapes: the same
    value to any JSON reader, nothing to a terminal."""
    sent = "/api/v1/regions/610902/persons/%C2%9B2J%E2%80%AEfdp.exe"
    answer = httpx.get(gateway.url + sent, headers=gateway.headers("caseworker-hanbin"))
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_path"
    request_id = answer.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [request_id])
    config = str(gateway.env.config)
    found = minguard("audit", "search", "--config", config, "--user", "zhangwei", "--format", "json")
    assert found.returncode == 0, found.stderr
    assert "\x9b" not in found.stdout and "\u202e" not in found.stdout
    (event,) = [e for e in json.loads(found.stdout) if e["event"]["id"] == request_id]
    assert event["url"]["original"] == "/api/v1/regions/610902/persons/\x9b2J\u202efdp.exe"  # exact


def test_search_lists_the_gateway_s_starts_with_lifecycle(gateway: RunningGateway, opensearch: OpenSearch) -> None:
    """Accesses only, before: the CLI showed no start or stop of the gateway, so an officer
    working from it could not see an interrupted audit process (the console and report could)."""
    config = str(gateway.env.config)
    for _ in range(60):
        found = minguard("audit", "search", "--config", config, "--lifecycle", "--format", "csv")
        assert found.returncode == 0, found.stderr
        lines = [line for line in found.stdout.splitlines() if line]
        if len(lines) > 1:
            break
    assert lines[0] == "时间,事件,实例,进程,版本,上次运行有停止记录,配置变更项,摘要"
    assert all(",gateway.st" in line for line in lines[1:]) and any("网关启动" in line for line in lines[1:])
    accesses = minguard("audit", "search", "--config", config, "--format", "csv").stdout.splitlines()
    assert not any("网关启动" in line for line in accesses)
    mixed = minguard("audit", "search", "--config", config, "--lifecycle", "--user", "zhangwei")
    assert mixed.returncode == 2 and "--lifecycle" in mixed.stderr
