"""The gateway runs scheduled detection when configured, and stops it cleanly (real processes)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest
from opensearchpy import OpenSearch

from support.gateways import start_gateway, stop_gateway


@pytest.mark.opensearch
def test_gateway_evaluates_due_slots_and_shuts_down(tmp_path: Path, upstream_url: str, opensearch: OpenSearch) -> None:
    prefix = f"mgsched-{uuid.uuid4().hex[:8]}"
    detection = {"schedule": True, "every_minutes": 1, "delay_seconds": 0, "catch_up": 3}
    gateway = start_gateway(tmp_path, upstream_url, prefix, overrides={"detection": detection})
    try:
        leases: list[dict[str, object]] = []
        for _ in range(120):  # the first tick runs at start: the last three one-minute slots
            if opensearch.indices.exists(index=f"{prefix}.detect-leases"):
                opensearch.indices.refresh(index=f"{prefix}.detect-leases")
                found = opensearch.search(index=f"{prefix}.detect-leases", body={"size": 10})["hits"]["hits"]
                leases = [h["_source"] for h in found if h["_source"]["state"] == "done"]
                if len(leases) >= 3:
                    break
            time.sleep(0.25)
        assert len(leases) >= 3, gateway.log.read_text(errors="replace")[-2000:]
        assert all(lease["outcome"]["rules"] >= 14 for lease in leases)  # type: ignore[index]
    finally:
        began = time.monotonic()
        stop_gateway(gateway)
        opensearch.indices.delete(index=f"{prefix}-*,{prefix}.*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])
    log = gateway.log.read_text(errors="replace")
    # uvicorn ends with the signal it was stopped by (-15) once the shutdown is complete.
    assert gateway.proc.returncode in (0, -15) and "Application shutdown complete" in log, log[-2000:]
    assert '"level": "ERROR"' not in log and "Traceback" not in log, log[-2000:]
    assert time.monotonic() - began < 10
