"""Reference loads run one at a time per feed across every worker and every gateway sharing
the cluster (gateway/references.py): a lease in OpenSearch, against the real node."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from opensearchpy import OpenSearch

from audit.detection import reference
from audit.detection.leases import LeaseStore, default_holder
from audit.signing import CheckpointSigner
from gateway.references import LoadBusy, ReferenceLoader
from gateway.settings import OpenSearchSettings
from gateway.stages.business import Business
from policies.keys import Pseudonymizer
from support.gateways import OPENSEARCH_URL

pytestmark = pytest.mark.opensearch

STAFF = {"a" * 32: {"staff_id": "zhangwei", "region": "610902"}}


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgref-{uuid.uuid4().hex[:8]}"
    yield name
    opensearch.indices.delete(index=f"{name}.*", ignore_unavailable=True)


def loader(prefix: str, wait: float = 30.0) -> ReferenceLoader:
    return ReferenceLoader(
        OpenSearchSettings(url=OPENSEARCH_URL, index_prefix=prefix),
        Business(Pseudonymizer(bytes(range(32)))),
        CheckpointSigner(Ed25519PrivateKey.generate()),
        wait=wait,
    )


def held_by(opensearch: OpenSearch, prefix: str, holder: str) -> LeaseStore:
    """The staff feed's lease, taken by `holder` (another gateway, or a worker of this host)."""
    store = LeaseStore(opensearch, reference.lease_index(prefix))
    store.ensure_index()
    assert store.acquire("staff", holder, datetime.now(UTC), timedelta(minutes=30), {"feed": "staff"}) is not None
    return store


def load(target: ReferenceLoader) -> Any:
    return asyncio.run(target.load("staff", STAFF, "sunli", uuid.uuid4().hex))


def test_a_load_waits_while_another_gateway_holds_the_feed(opensearch: OpenSearch, prefix: str) -> None:
    """Before, the lock was a file in one gateway's spool root: two gateways sharing the cluster
    loaded one feed at once, and the index could end holding neither file."""
    store = held_by(opensearch, prefix, "gw-02.example:4242")
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(load(loader(prefix))))
    thread.start()
    thread.join(1.5)
    assert thread.is_alive() and not opensearch.indices.exists(index=reference.reference_index(prefix, "staff"))
    lease = store.get("staff")
    assert lease is not None
    other = store.client.get(index=store.index, id="staff")
    store.client.index(
        index=store.index,
        id="staff",
        body={**lease, "state": "released"},
        params={"if_seq_no": other["_seq_no"], "if_primary_term": other["_primary_term"]},
    )
    thread.join(30)
    assert len(result) == 1 and result[0].count == 1  # type: ignore[attr-defined]
    assert store.get("staff")["state"] == "released"  # type: ignore[index]


def test_a_load_gives_up_with_load_busy_when_the_holder_keeps_the_feed(opensearch: OpenSearch, prefix: str) -> None:
    held_by(opensearch, prefix, "gw-02.example:4242")
    with pytest.raises(LoadBusy) as busy:
        load(loader(prefix, wait=1.0))
    assert busy.value.holder == "gw-02.example:4242"
    assert not opensearch.indices.exists(index=reference.reference_index(prefix, "staff"))


def test_a_lease_left_by_a_dead_worker_of_this_host_is_taken_over_at_once(opensearch: OpenSearch, prefix: str) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    host = default_holder().rpartition(":")[0]
    held_by(opensearch, prefix, f"{host}:{dead.stdout.strip()}")
    assert load(loader(prefix, wait=1.0)).count == 1


def test_a_lease_whose_pid_another_process_now_has_is_taken_over_at_once(opensearch: OpenSearch, prefix: str) -> None:
    # our own pid, alive, but started at another time than the holder's: a reused pid
    host = default_holder().rpartition(":")[0]
    held_by(opensearch, prefix, f"{host}:{os.getpid()}@1")
    assert load(loader(prefix, wait=1.0)).count == 1


def test_a_lease_of_a_live_process_of_this_host_is_waited_for(opensearch: OpenSearch, prefix: str) -> None:
    held_by(opensearch, prefix, default_holder())
    with pytest.raises(LoadBusy):
        load(loader(prefix, wait=1.0))


def test_a_failed_load_gives_the_lease_back(
    opensearch: OpenSearch, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> tuple[int, int]:
        raise OSError("node went away")

    monkeypatch.setattr(reference, "load", broken)
    with pytest.raises(OSError):
        load(loader(prefix))
    store = LeaseStore(opensearch, reference.lease_index(prefix))
    assert store.get("staff")["state"] == "released"  # type: ignore[index]
