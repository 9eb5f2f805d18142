"""The shared daily record counter under contention: lost races are retried and, past the
budget, refused; only a store that cannot be reached is counted locally, and what was counted
locally reaches the shared counter whatever else the process does meanwhile."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from opensearchpy import AsyncOpenSearch, OpenSearch
from opensearchpy.exceptions import ConflictError, ConnectionError

from policies.quota import OpenSearchQuota, QuotaResult
from support.gateways import OPENSEARCH_URL

KEY = "zhangwei|2026-11-30"
LIMIT = 100

pytestmark = pytest.mark.opensearch


class Flaky(AsyncOpenSearch):
    """The real node, with the failures a test needs switched on and off."""

    def __init__(self) -> None:
        super().__init__(hosts=[OPENSEARCH_URL], maxsize=50)
        self.down = False  # reads fail as if the node could not be reached
        self.conflicts = False  # every update loses the race to another process
        self.hold = False  # updates wait for `finish` (after setting `writing`)
        self.writing = asyncio.Event()
        self.finish = asyncio.Event()

    async def get(self, *, index: Any, id: Any, params: Any = None, headers: Any = None) -> Any:
        if self.down:
            raise ConnectionError("N/A", "connection refused (test)", OSError(111, "Connection refused"))
        return await super().get(index=index, id=id, params=params, headers=headers)

    async def index(self, *, index: Any, body: Any, id: Any = None, params: Any = None, headers: Any = None) -> Any:
        if self.conflicts:
            raise ConflictError(409, "version_conflict_engine_exception", {})
        if self.hold:
            self.writing.set()
            await self.finish.wait()
        return await super().index(index=index, body=body, id=id, params=params, headers=headers)


@pytest.fixture
def index(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgtest-quota-{uuid.uuid4().hex[:8]}"
    yield name
    opensearch.indices.delete(index=name, ignore_unavailable=True)


def _shared(opensearch: OpenSearch, index: str) -> int:
    hits = opensearch.search(index=index, body={"query": {"match_all": {}}})["hits"]["hits"]
    return sum(int(hit["_source"]["records"]) for hit in hits)


def test_workers_racing_never_release_more_than_the_limit(opensearch: OpenSearch, index: str) -> None:
    """Eight processes (a store and a client each), 400 requests of one record at once."""

    async def scenario() -> list[QuotaResult]:
        clients = [AsyncOpenSearch(hosts=[OPENSEARCH_URL], maxsize=100) for _ in range(8)]
        try:
            stores = [OpenSearchQuota(client, index) for client in clients]
            await stores[0].consume(KEY, 0, LIMIT)  # the index exists before the race
            return await asyncio.gather(*(stores[i % 8].consume(KEY, 1, LIMIT) for i in range(400)))
        finally:
            for client in clients:
                await client.close()

    results = asyncio.run(scenario())
    released = sum(r.allowed for r in results)
    assert not any(r.degraded for r in results)  # the node never went away
    assert 0 < released <= LIMIT
    opensearch.indices.refresh(index=index)
    assert _shared(opensearch, index) == released
    # Everything refused was refused for the limit, or (fail closed) because the counter was busy.
    assert all(r.allowed or r.used >= LIMIT or r.contended for r in results)


def test_contention_is_refused_not_counted_locally(index: str) -> None:
    async def scenario() -> tuple[QuotaResult, float, QuotaResult, QuotaResult]:
        client = Flaky()
        try:
            store = OpenSearchQuota(client, index, contention_budget=0.3)
            assert (await store.consume(KEY, 5, LIMIT)).used == 5
            client.conflicts = True
            start = time.monotonic()
            refused = await store.consume(KEY, 1, LIMIT)
            elapsed = time.monotonic() - start
            # Giving records back releases nothing: kept for the shared counter, not lost.
            given_back = await store.consume(KEY, -2, LIMIT)
            client.conflicts = False
            settled = await store.consume(KEY, 0, LIMIT)
            return refused, elapsed, given_back, settled
        finally:
            await client.close()

    refused, elapsed, given_back, settled = asyncio.run(scenario())
    assert (refused.allowed, refused.contended, refused.degraded, refused.used) == (False, True, False, 5)
    assert elapsed < 2  # retried within the budget, not for ever
    assert given_back.allowed and given_back.degraded
    assert (settled.allowed, settled.degraded, settled.used) == (True, False, 3)


def test_a_call_waiting_behind_a_stuck_one_is_refused(opensearch: OpenSearch, index: str) -> None:
    async def scenario() -> tuple[QuotaResult, QuotaResult, QuotaResult]:
        client = Flaky()
        try:
            store = OpenSearchQuota(client, index, contention_budget=0.3)
            await store.consume(KEY, 10, LIMIT)
            client.hold = True
            stuck = asyncio.create_task(store.consume(KEY, 1, LIMIT))
            await client.writing.wait()
            # Bounded here too, so that an implementation without a budget fails, not hangs.
            waiting = await asyncio.wait_for(store.consume(KEY, 1, LIMIT), 5)
            given_back = await asyncio.wait_for(store.consume(KEY, -2, LIMIT), 5)
            client.finish.set()
            assert (await stuck).allowed
            client.hold = False
            settled = await store.consume(KEY, 0, LIMIT)
            return waiting, given_back, settled
        finally:
            await client.close()

    waiting, given_back, settled = asyncio.run(scenario())
    assert (waiting.allowed, waiting.contended, waiting.degraded) == (False, True, False)
    # The give-back, kept locally while the stuck update was under way, is not lost by it.
    assert given_back.allowed and given_back.degraded
    assert settled.used == 9
    opensearch.indices.refresh(index=index)
    assert _shared(opensearch, index) == 9


def test_records_counted_locally_during_a_write_reach_the_shared_counter(opensearch: OpenSearch, index: str) -> None:
    """While one call's update is under way, the node stops answering for another call, which
    counts its records locally. The first call's success must not throw them away."""

    async def scenario() -> tuple[QuotaResult, QuotaResult]:
        client = Flaky()
        try:
            store = OpenSearchQuota(client, index)
            await store.consume(KEY, 2, LIMIT)
            client.hold = True
            writing = asyncio.create_task(store.consume(KEY, 3, LIMIT))
            await client.writing.wait()
            client.down = True
            local = asyncio.create_task(store.consume(KEY, 4, LIMIT))
            await asyncio.sleep(0.1)  # let it get as far as it can while the update is held
            client.finish.set()
            assert (await writing).allowed
            counted_locally = await local
            client.down = client.hold = False
            settled = await store.consume(KEY, 0, LIMIT)  # the node answers again
            return counted_locally, settled
        finally:
            await client.close()

    counted_locally, settled = asyncio.run(scenario())
    assert counted_locally.allowed and counted_locally.degraded
    assert settled.used == 9 and not settled.degraded
    opensearch.indices.refresh(index=index)
    assert _shared(opensearch, index) == 9
