"""A gateway restarted with other settings says so in the trail: its start entry names what
changed since the slot's previous start, and each clean stop is an entry too
(gateway/process_events.py, against the real node)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from opensearchpy import OpenSearch

from audit.detection.alerts import actions_index, alerts_index
from audit.detection.definitions import load_rules
from audit.detection.runner import run
from audit.signing import PUBLIC_KEY_FILE, load_public_key
from support.gateways import start_gateway, stop_gateway

pytestmark = pytest.mark.opensearch


def lifecycle(opensearch: OpenSearch, prefix: str, count: int) -> list[dict[str, Any]]:
    """The start and stop entries, in chain order, once `count` of them arrived."""
    deadline = time.monotonic() + 60
    while True:
        opensearch.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
        body = {"query": {"term": {"event.kind": "lifecycle"}}, "size": 50, "sort": [{"minguard.chain.seq": "asc"}]}
        found = opensearch.search(index=f"{prefix}-*", body=body, ignore_unavailable=True)["hits"]["hits"]
        if len(found) >= count or time.monotonic() > deadline:
            return [hit["_source"] for hit in found]
        time.sleep(0.5)


def test_a_restart_with_a_lowered_spool_bound_and_a_new_api_key_is_named(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch
) -> None:
    prefix = f"mgproc-{uuid.uuid4().hex[:6]}"
    directory = tmp_path / "gw"
    try:
        stop_gateway(start_gateway(directory, upstream_url, prefix))
        gateway = start_gateway(directory, upstream_url, prefix)
        config = yaml.safe_load(gateway.env.config.read_text(encoding="utf-8"))
        stop_gateway(gateway)
        # What an insider might do between two starts: less room before sensitive data is
        # withheld, and an API key of their own with the security administrator's role.
        config["audit"]["max_spool_bytes"] = 65536
        first = config["identity"]["api_keys"][0]
        config["identity"]["api_keys"].append(
            first | {"id": "extra-admin", "sha256": "7a" * 32, "roles": ["security_admin"]}
        )
        gateway.env.config.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        stop_gateway(start_gateway(directory, upstream_url, prefix))
        entries = lifecycle(opensearch, prefix, 6)
    finally:
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])
    assert [e["event"]["action"] for e in entries] == ["gateway.start", "gateway.stop"] * 3
    starts = [e["minguard"]["gateway"] for e in entries if e["event"]["action"] == "gateway.start"]
    assert [s["first_start"] for s in starts] == [True, False, False]
    assert [s.get("previous_run") for s in starts] == [None, {"stop_recorded": True}, {"stop_recorded": True}]
    assert starts[1]["changed_count"] == 0 and starts[1]["config_sha256"] == starts[0]["config_sha256"]
    assert starts[2]["changed_settings"] == ["audit.max_spool_bytes", "identity.api_keys[extra-admin]"]
    assert starts[2]["previous_config_sha256"] == starts[1]["config_sha256"] != starts[2]["config_sha256"]
    summary = entries[4]["minguard"]["summary_zh"]
    assert "与上次启动相比配置有变更:audit.max_spool_bytes、identity.api_keys[extra-admin]" in summary
    assert "7a7a" not in str(entries)  # names and digests, never values
    assert all(
        e["minguard"]["gateway"]["uptime_seconds"] > 0 for e in entries if e["event"]["action"] == "gateway.stop"
    )


def test_a_killed_gateway_is_named_by_the_next_start_and_raises_an_alert(
    tmp_path: Path, upstream_url: str, opensearch: OpenSearch
) -> None:
    prefix = f"mgproc-{uuid.uuid4().hex[:6]}"
    directory = tmp_path / "gw"
    began = datetime.now(UTC) - timedelta(minutes=1)
    try:
        gateway = start_gateway(directory, upstream_url, prefix)
        killed = gateway.proc.pid
        gateway.proc.kill()  # SIGKILL: no stop entry, no closing checkpoint
        gateway.proc.wait(10)
        stop_gateway(start_gateway(directory, upstream_url, prefix))
        entries = lifecycle(opensearch, prefix, 3)
        key = load_public_key(directory / "keys" / PUBLIC_KEY_FILE)
        rules = load_rules(only="audit.process_interrupted")
        result = run(opensearch, prefix, rules, began, datetime.now(UTC) + timedelta(minutes=1), key)
    finally:
        for pattern in (f"{prefix}-*", alerts_index(prefix), actions_index(prefix)):
            opensearch.indices.delete(index=pattern, ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])
    assert [e["event"]["action"] for e in entries] == ["gateway.start", "gateway.start", "gateway.stop"]
    first, second = (e["minguard"]["gateway"] for e in entries[:2])
    assert first["pid"] == killed
    assert second["previous_run"] == {"stop_recorded": False, "pid": killed, "started_at": entries[0]["@timestamp"]}
    assert entries[1]["event"]["type"] == ["start", "error"]
    assert f"上次运行(进程 {killed}," in entries[1]["minguard"]["summary_zh"]
    # The detection rule over lifecycle entries: one alert for the instance, citing that start.
    (alert,) = [doc["alert"] for doc in result.alerts]
    assert alert["rule"] == "audit.process_interrupted"
    assert dict(alert["subjects"]) == {"minguard.instance": entries[1]["minguard"]["instance"]}
    assert alert["evidence"] == [entries[1]["event"]["id"]]
