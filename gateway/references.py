"""Reference data for the fund rules, loaded through the gateway (POST /_minguard/reference/<name>).

The staff register and the death records decide what `fund.approver_related`,
`fund.payee_staff_account` and `fund.paid_after_death` can see, so changing them is an act the
trail must hold like any other: the officer is the credential's subject, the policy decides
(resource `reference`), and the load is one audit event in the hash chain. The gateway holds
both keys a load needs, the pseudonymisation key (the feeds' ID numbers, households, addresses
and cards become the tokens the business fields carry) and the audit signing key (the load's
signed record, audit/detection/integrity.py), so nothing else has to.

The feeds are CSV, UTF-8 (audit/detection/reference.py names their columns). The clear values
exist only in this process while a load runs; neither the audit event nor any error names one.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from audit.detection import integrity, reference
from audit.detection.leases import RELEASED, Held, LeaseStore, default_holder
from audit.opensearch import make_sync_client
from audit.signing import CheckpointSigner

from .settings import OpenSearchSettings
from .stages.business import Business

NAMES = tuple(reference.COLUMNS)
_DOCUMENTS = {"staff": reference.staff_documents, "deaths": reference.death_documents}
# A load holds its feed's lease this long at most: a holder that died on another host is taken
# over after it (one on this host at once). 250,000 death records load in a few minutes.
LEASE = timedelta(minutes=30)
WAIT_SECONDS = 120.0  # a load waits this long for another to finish, then 409


@dataclasses.dataclass(frozen=True)
class Loaded:
    count: int
    removed: int
    digest: str


class LoadBusy(Exception):
    """Another load of the feed holds its lease, on this gateway or another sharing the cluster."""

    def __init__(self, holder: str, expires_at: str) -> None:
        super().__init__(f"another load holds the lease ({holder}, until {expires_at})")
        self.holder, self.expires_at = holder, expires_at


class ReferenceLoader:
    def __init__(
        self, settings: OpenSearchSettings, tokens: Business, signer: CheckpointSigner, wait: float = WAIT_SECONDS
    ) -> None:
        self._client = make_sync_client(settings, timeout=120)  # 100,000 death records are a few bulks
        self._prefix = settings.index_prefix
        self._tokens = tokens
        self._signer = signer
        # One load of a feed at a time: two interleaved loads would leave the index holding
        # neither file (the integrity check would then alert). A lease in OpenSearch serialises
        # them across workers and gateways sharing the cluster; the asyncio lock keeps this
        # worker's waiting loads off the thread pool.
        self._leases = LeaseStore(self._client, reference.lease_index(self._prefix))
        self._lock = asyncio.Lock()
        self._wait = wait

    def documents(self, name: str, body: bytes) -> dict[str, dict[str, Any]]:
        """The feed as the index will hold it; ReferenceError (naming lines, never values) if it
        cannot be read. An empty feed is refused: it would empty the index, and the rules that
        join with it would go silent."""
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise reference.ReferenceError(f"not UTF-8 (byte {exc.start})") from None
        docs = _DOCUMENTS[name](reference.parse_rows(text, name, name), self._tokens)
        if not docs:
            raise reference.ReferenceError(f"{name}: no rows")
        return docs

    async def load(self, name: str, docs: dict[str, dict[str, Any]], loaded_by: str, request_id: str) -> Loaded:
        """Replace the index's content with `docs` and sign the load (OpenSearch errors propagate)."""

        def work() -> Loaded:
            held = self._hold(name)
            try:
                _, removed = reference.load(self._client, self._prefix, name, docs)
                record = integrity.record_load(
                    self._client, self._prefix, name, docs, self._signer, loaded_by, request_id
                )
            finally:
                self._leases.settle(held, datetime.now(UTC), RELEASED, {"feed": name, "request_id": request_id})
            return Loaded(len(docs), removed, str(record["digest"]))

        async with self._lock:
            return await asyncio.to_thread(work)

    def _hold(self, name: str) -> Held:
        """The feed's lease, waited for up to `wait` seconds; LoadBusy if another keeps it."""
        self._leases.ensure_index()
        holder = default_holder()
        deadline = time.monotonic() + self._wait
        pause = 0.2
        while True:
            held = self._leases.acquire(name, holder, datetime.now(UTC), LEASE, {"feed": name})
            if held is not None:
                return held
            if time.monotonic() + pause > deadline:
                other = self._leases.get(name) or {}
                raise LoadBusy(str(other.get("holder", "?")), str(other.get("expires_at", "?")))
            time.sleep(pause)
            pause = min(pause * 2, 2.0)
