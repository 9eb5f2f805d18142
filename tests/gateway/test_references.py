"""Reference loads run one at a time across the gateway's workers (gateway/references.py): a
load waits while another process holds the spool root's lock file."""

from __future__ import annotations

import asyncio
import fcntl
import threading
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from audit.chain import CheckpointSigner
from audit.detection import integrity, reference
from gateway.references import ReferenceLoader
from gateway.settings import OpenSearchSettings
from gateway.stages.business import Business
from policies.keys import Pseudonymizer


def test_a_load_waits_for_the_lock_another_worker_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = threading.Event()

    def load(client: object, prefix: str, name: str, docs: dict[str, Any]) -> tuple[int, int]:
        written.set()
        return len(docs), 0

    monkeypatch.setattr(reference, "load", load)
    monkeypatch.setattr(integrity, "record_load", lambda *args: {"digest": "d" * 64})
    lock = tmp_path / "reference-load.lock"
    loader = ReferenceLoader(
        OpenSearchSettings(),
        Business(Pseudonymizer(bytes(range(32)))),
        CheckpointSigner(Ed25519PrivateKey.generate()),
        lock,
    )
    result: list[object] = []
    with open(lock, "a") as other_worker:
        fcntl.flock(other_worker, fcntl.LOCK_EX)
        thread = threading.Thread(target=lambda: result.append(asyncio.run(loader.load("staff", {"a": {}}, "u", "r"))))
        thread.start()
        assert not written.wait(0.5)  # nothing written while the other worker loads
    thread.join(10)
    assert written.is_set() and len(result) == 1
