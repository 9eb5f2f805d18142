"""The gateway's use of the chain (gateway/app.py): the timer's heartbeat while it runs, and a
final checkpoint when it stops cleanly."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from opensearchpy import OpenSearch

from audit.signing import PUBLIC_KEY_FILE, load_public_key
from audit.verify import verify_trail
from gateway.app import Gateway
from gateway.devsetup import init_dev
from gateway.settings import load_settings
from support.gateways import OPENSEARCH_URL, free_port

pytestmark = pytest.mark.opensearch


def spool_lines(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(directory.glob("*/*.jsonl")) for line in path.read_bytes().splitlines()]


def test_a_clean_stop_closes_the_chain_with_a_final_checkpoint(
    tmp_path: Path, opensearch: OpenSearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"mgchaingw-{uuid.uuid4().hex[:8]}"
    env = init_dev(tmp_path, gateway_port=free_port(), opensearch_url=OPENSEARCH_URL, index_prefix=prefix)
    settings = load_settings(env.config)
    gateway = Gateway(settings)
    monkeypatch.setattr(gateway.sealer, "interval", 0.05)  # a heartbeat every 50 ms instead of every minute

    async def run() -> None:
        await gateway.startup()
        try:
            await asyncio.sleep(0.3)  # idle: no request at all
        finally:
            await gateway.shutdown()

    try:
        asyncio.run(run())
    finally:
        opensearch.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])
    trail = spool_lines(settings.audit.spool_dir)
    checkpoints = [e["minguard"]["checkpoint"] for e in trail if e["event"]["kind"] == "checkpoint"]
    # An idle gateway: its start, heartbeats, its stop, then the closing checkpoint.
    assert len(checkpoints) >= 3 and len(trail) == len(checkpoints) + 2
    assert (trail[0]["event"]["action"], trail[-2]["event"]["action"]) == ("gateway.start", "gateway.stop")
    assert trail[-1]["event"]["kind"] == "checkpoint"
    assert [c["final"] for c in checkpoints] == [False] * (len(checkpoints) - 1) + [True]
    assert {c["interval"] for c in checkpoints} == {0.05}
    key = load_public_key(settings.keys.dir / PUBLIC_KEY_FILE)
    report = verify_trail(trail, [key], end=datetime.now(UTC) + timedelta(days=1))
    assert report.clean, [f.message for f in report.findings]
    assert [s.closed for s in report.instances] == [True]
