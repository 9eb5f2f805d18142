"""Per-subject daily record counters (bulk-export limits), shared by every gateway process.

`QuotaStore.consume(key, amount, limit)` adds `amount` to the counter `key` (subject + day)
unless that would pass `limit`. Two implementations:

- `MemoryQuota`: one process (tests, `minguard policy explain`).
- `OpenSearchQuota`: one document per key in a quota index; updated with optimistic
  concurrency (GET, then index with if_seq_no/if_primary_term, or create; a 409 means another
  process won the race, so read again and retry). Works across processes and machines and
  needs no scripting plugin (the local node has no painless).

While OpenSearch cannot be reached the gateway keeps serving, as it does for the audit trail
(the spool absorbs the outage): each process checks against the last count it saw plus what it
released since, and adds what it released to the shared counter once the store answers again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass
from typing import Any, Protocol

from opensearchpy import AsyncOpenSearch
from opensearchpy.exceptions import ConflictError, NotFoundError, OpenSearchException, TransportError

log = logging.getLogger(__name__)

_RETRIES = 20
_MAPPING = {
    "mappings": {
        "dynamic": "strict",
        "properties": {"key": {"type": "keyword"}, "records": {"type": "long"}},
    },
    "settings": {"number_of_shards": 1, "number_of_replicas": 0},
}


@dataclass(frozen=True, slots=True)
class QuotaResult:
    allowed: bool
    used: int  # the count after this call (unchanged when refused)
    limit: int
    degraded: bool = False  # decided without the shared store


class QuotaStore(Protocol):
    async def consume(self, key: str, amount: int, limit: int) -> QuotaResult: ...


class MemoryQuota:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    async def consume(self, key: str, amount: int, limit: int) -> QuotaResult:
        used = self.counts.get(key, 0)
        if used + amount > limit:
            return QuotaResult(False, used, limit)
        self.counts[key] = used + amount
        return QuotaResult(True, used + amount, limit)


class OpenSearchQuota:
    def __init__(self, client: AsyncOpenSearch, index: str) -> None:
        self._client = client
        self.index = index
        self._ready = False
        self._seen: dict[str, int] = {}  # last shared count seen per key
        self._pending: dict[str, int] = {}  # released while the store was unreachable

    async def _ensure_index(self) -> None:
        if self._ready:
            return
        try:
            await self._client.indices.create(index=self.index, body=_MAPPING)
        except TransportError as exc:
            if exc.error != "resource_already_exists_exception":
                raise
        # Another process may have created it a moment ago: wait until its shard can answer,
        # or the first reads would fail and be counted locally for no reason.
        await self._client.cluster.health(index=self.index, params={"wait_for_status": "yellow"})
        self._ready = True

    async def consume(self, key: str, amount: int, limit: int) -> QuotaResult:
        try:
            attempt = 0
            while True:
                try:
                    return await self._consume_shared(key, amount, limit)
                except TransportError as exc:
                    # A shard still starting (503) or a busy node (429) is not an outage.
                    if exc.status_code not in (429, 503) or attempt == 3:
                        raise
                    attempt += 1
                    await asyncio.sleep(0.05 * 2**attempt)
        except (OpenSearchException, OSError) as exc:
            log.warning("quota store unavailable (%s: %s); counting locally", type(exc).__name__, exc)
            used = self._seen.get(key, 0) + self._pending.get(key, 0)
            if used + amount > limit:
                return QuotaResult(False, used, limit, degraded=True)
            self._pending[key] = self._pending.get(key, 0) + amount
            return QuotaResult(True, used + amount, limit, degraded=True)

    async def _consume_shared(self, key: str, amount: int, limit: int) -> QuotaResult:
        await self._ensure_index()
        doc_id = hashlib.sha256(key.encode("utf-8")).hexdigest()
        for _ in range(_RETRIES):
            current, version = await self._read(doc_id)
            self._seen[key] = current
            carried = self._pending.get(key, 0)  # already released: added whatever the limit says
            if current + carried + amount > limit:
                return QuotaResult(False, current + carried, limit)
            if amount + carried == 0:
                return QuotaResult(True, current, limit)
            body = {"key": key, "records": current + carried + amount}
            try:
                if version is None:
                    await self._client.create(index=self.index, id=doc_id, body=body)
                else:
                    await self._client.index(
                        index=self.index,
                        id=doc_id,
                        body=body,
                        params={"if_seq_no": version[0], "if_primary_term": version[1]},
                    )
            except ConflictError:
                continue  # another process updated the counter first: read it again
            self._pending.pop(key, None)
            self._seen[key] = current + carried + amount
            return QuotaResult(True, current + carried + amount, limit)
        raise TransportError(409, "quota_contention", f"counter {key!r} kept changing")

    async def _read(self, doc_id: str) -> tuple[int, tuple[int, int] | None]:
        try:
            doc: dict[str, Any] = await self._client.get(index=self.index, id=doc_id)
        except NotFoundError:
            return 0, None
        return int(doc["_source"]["records"]), (int(doc["_seq_no"]), int(doc["_primary_term"]))
