"""Per-subject daily record counters (bulk-export limits), shared by every gateway process.

`QuotaStore.consume(key, amount, limit)` adds `amount` to the counter `key` (subject + day)
unless that would pass `limit`. Two implementations:

- `MemoryQuota`: one process (tests, `minguard policy explain`).
- `OpenSearchQuota`: one document per key in a quota index; updated with optimistic
  concurrency (GET, then index with if_seq_no/if_primary_term, or create; a 409 means another
  process won the race, so read again and retry). Works across processes and machines and
  needs no scripting plugin (the local node has no painless).

Within one process the calls for one key take turns, so only the processes race each other;
a 409 is retried with a growing, random pause. Contention is not an outage: a call that
cannot get its turn or win the race within `contention_budget` seconds is refused
(`QuotaResult.contended`), never decided on local counts, which other processes would be
deciding on at the same moment. (Giving records back releases nothing, so it is never refused.)

While OpenSearch cannot be reached the gateway keeps serving, as it does for the audit trail
(the spool absorbs the outage): each process checks against the last count it saw plus what it
released since, and adds what it released to the shared counter once the store answers again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from opensearchpy import AsyncOpenSearch
from opensearchpy.exceptions import ConflictError, NotFoundError, OpenSearchException, TransportError

log = logging.getLogger(__name__)

CONTENTION_BUDGET = 2.0  # seconds one call may wait for its turn and retry lost races
_BACKOFF_FIRST = 0.005  # seconds; doubles after each lost race, up to _BACKOFF_MAX
_BACKOFF_MAX = 0.2
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
    contended: bool = False  # refused because the shared counter stayed busy, not for the limit

    @property
    def marks(self) -> str:
        """How the count was settled, as the audit event's condition notes it."""
        return (" (local)" if self.degraded else "") + (" (contended)" if self.contended else "")


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


class _Contended(Exception):
    """The counter stayed busy for the whole budget. Deliberately not an OpenSearchException
    or OSError: those mean an outage and are counted locally."""


class OpenSearchQuota:
    def __init__(self, client: AsyncOpenSearch, index: str, contention_budget: float = CONTENTION_BUDGET) -> None:
        self._client = client
        self.index = index
        self._budget = contention_budget
        self._ready = False
        self._unreachable = False  # the last call to the store failed as an outage
        self._seen: dict[str, int] = {}  # last shared count seen per key
        # Counted here but not yet in the shared counter: released while the store was
        # unreachable, or given back while the counter was contended.
        self._pending: dict[str, int] = {}
        self._turns: dict[str, asyncio.Lock] = {}  # per key, while some call uses it
        self._users: dict[str, int] = {}  # calls holding or waiting for that lock

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
        deadline = asyncio.get_running_loop().time() + self._budget
        try:
            async with self._turn(key, deadline):
                try:
                    return await self._consume_retrying(key, amount, limit, deadline)
                except (OpenSearchException, OSError) as exc:
                    self._unreachable = True
                    log.warning("quota store unavailable (%s: %s); counting locally", type(exc).__name__, exc)
                    return self._consume_local(key, amount, limit)
        except _Contended as exc:
            # Giving records back releases nothing: keep it for the shared counter, as in an
            # outage. Waiting behind a call that is stuck on an outage is that outage too.
            if amount <= 0 or self._unreachable:
                return self._consume_local(key, amount, limit)
            log.warning("quota counter %r contended; refused: %s", key, exc)
            used = self._seen.get(key, 0) + self._pending.get(key, 0)
            return QuotaResult(False, used, limit, contended=True)

    @asynccontextmanager
    async def _turn(self, key: str, deadline: float) -> AsyncIterator[None]:
        """One call per key at a time in this process. Otherwise a burst of one subject's
        requests races itself on the shared document, and only one of them wins each round."""
        lock = self._turns.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            try:
                async with asyncio.timeout_at(deadline):
                    await lock.acquire()
            except TimeoutError:
                raise _Contended(f"no turn within {self._budget}s") from None
            try:
                yield
            finally:
                lock.release()
        finally:
            self._users[key] -= 1
            if not self._users[key]:  # nobody else holds or waits: forget the key
                del self._users[key], self._turns[key]

    async def _consume_retrying(self, key: str, amount: int, limit: int, deadline: float) -> QuotaResult:
        loop = asyncio.get_running_loop()
        delay = 0.05
        while True:
            try:
                return await self._consume_shared(key, amount, limit, deadline)
            except TransportError as exc:
                # A shard still starting (503) or a busy node (429) is not an outage: retried
                # within the call's budget (a fixed number of tries gave up in 0.35 s on a
                # loaded host, where a fresh index takes longer to answer).
                if exc.status_code not in (429, 503) or loop.time() + delay > deadline:
                    raise
                await asyncio.sleep(delay)
                delay = min(delay * 2, 0.4)

    def _consume_local(self, key: str, amount: int, limit: int) -> QuotaResult:
        used = self._seen.get(key, 0) + self._pending.get(key, 0)
        if used + amount > limit:
            return QuotaResult(False, used, limit, degraded=True)
        self._add_pending(key, amount)
        return QuotaResult(True, used + amount, limit, degraded=True)

    def _add_pending(self, key: str, amount: int) -> None:
        pending = self._pending.get(key, 0) + amount
        if pending:
            self._pending[key] = pending
        else:
            self._pending.pop(key, None)

    async def _consume_shared(self, key: str, amount: int, limit: int, deadline: float) -> QuotaResult:
        await self._ensure_index()
        doc_id = hashlib.sha256(key.encode("utf-8")).hexdigest()
        loop = asyncio.get_running_loop()
        lost = 0
        while True:
            current, version = await self._read(doc_id)
            self._unreachable = False
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
                # Another process updated the counter first: read it again after a random
                # pause, so that the processes that lost do not collide again at once.
                lost += 1
                pause = random.uniform(0, min(_BACKOFF_MAX, _BACKOFF_FIRST * 2**lost))
                if loop.time() + pause > deadline:
                    raise _Contended(f"lost {lost} races for the counter") from None
                await asyncio.sleep(pause)
                continue
            # Subtract only what this write carried: a call that gave up waiting for its turn
            # during an outage may have counted locally while the write was under way.
            self._add_pending(key, -carried)
            self._seen[key] = current + carried + amount
            return QuotaResult(True, current + carried + amount, limit)

    async def _read(self, doc_id: str) -> tuple[int, tuple[int, int] | None]:
        try:
            doc: dict[str, Any] = await self._client.get(index=self.index, id=doc_id)
        except NotFoundError:
            return 0, None
        return int(doc["_source"]["records"]), (int(doc["_seq_no"]), int(doc["_primary_term"]))
