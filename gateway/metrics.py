"""Prometheus metrics for `/_minguard/metrics`: requests, decisions, data levels, masking, the
audit path and the upstream's latency.

Every label takes its values from a small fixed set (decision, status class, data level,
masking profile, failure code): nothing a caller sends, and no personal value, ever becomes a
label. Each proxied exchange is counted after the audit stage, in plain ints that reach the
registry in batches (`GatewayMetrics.flush`: before every scrape, and within a second).

Several workers (`minguard run --workers N`) share one port, so a scrape reaches one worker at
random; per-worker scraping cannot work there. `minguard run` therefore switches prometheus_client
to its multiprocess mode for N > 1 (`prepare_multiprocess_dir`: an empty directory per run under
the spool root, in PROMETHEUS_MULTIPROC_DIR, set before any worker imports prometheus_client);
a scrape then adds up the files of all workers. With one worker the ordinary registry is used.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

if TYPE_CHECKING:
    from audit.shipper import Shipper
    from audit.spool import Spool

    from .exchange import Exchange

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST
# Upstream latency buckets (seconds): the demo upstream answers in ~1-5 ms, real ones in 10-500 ms.
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# How long counts may wait in a worker before the registry has them: a scrape of this worker
# flushes first, one of another worker (several workers, multiprocess mode) may miss the
# last second's exchanges.
FLUSH_SECONDS = 1.0
_LIVE_GAUGE_FILE = re.compile(r"^gauge_live\w*?_(\d+)\.db$")


def prepare_multiprocess_dir(spool_dir: Path, instance: str) -> Path:
    """An empty metrics directory for this run: files left by an earlier run would add its
    counts to this one's. Per instance, so two replicas sharing a spool root do not collide."""
    path = spool_dir / "_metrics" / instance
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, mode=0o700)
    os.environ[MULTIPROC_ENV] = str(path)
    return path


def _reap_dead_workers(directory: str) -> None:
    """Drop the live-gauge files of workers that are gone (uvicorn has no hook to call
    mark_process_dead), so a restarted worker's old backlog is not added to the new one's."""
    for name in os.listdir(directory):
        match = _LIVE_GAUGE_FILE.match(name)
        if match is None:
            continue
        pid = int(match.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]
        except PermissionError:
            pass  # alive, owned by someone else


class GatewayMetrics:
    def __init__(self, spool: Spool, shipper: Shipper, lost: Callable[[], int]) -> None:
        self._spool = spool
        self._shipper = shipper
        self._lost = lost
        self._multiproc_dir = os.environ.get(MULTIPROC_ENV)
        # A registry of our own: several Gateways in one process (tests) must not collide.
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "minguard_requests",
            "Proxied requests by decision, HTTP status class and data level released",
            ["decision", "status_class", "level"],
            registry=r,
        )
        self.refusals = Counter(
            "minguard_refusals", "Requests the gateway answered itself, by failure code", ["code"], registry=r
        )
        self.masked = Counter("minguard_masked_values", "Values masked, by masking profile", ["profile"], registry=r)
        self.clear = Counter(
            "minguard_clear_values", "Sensitive values released in clear, by masking profile", ["profile"], registry=r
        )
        self.upstream = Histogram(
            "minguard_upstream_seconds", "Time spent with the upstream per request", buckets=_BUCKETS, registry=r
        )
        self.backlog = Gauge(
            "minguard_audit_spool_backlog_bytes",
            "Audit spool bytes not yet shipped to OpenSearch",
            registry=r,
            multiprocess_mode="livesum",
        )
        self.shipped = Counter("minguard_audit_shipped_events", "Audit events shipped to OpenSearch", registry=r)
        self.duplicates = Counter(
            "minguard_audit_duplicate_events", "Audit events OpenSearch already had (409 on resend)", registry=r
        )
        self.rejected = Counter(
            "minguard_audit_rejected_events", "Audit events OpenSearch refused (set aside)", registry=r
        )
        self.lost = Counter("minguard_audit_lost_events", "Audit events lost (deferred queue overflow)", registry=r)
        self.ship_failures = Counter(
            "minguard_audit_ship_failures",
            "Attempts to ship audit events that OpenSearch refused or missed",
            registry=r,
        )
        self.failing = Gauge(
            "minguard_audit_ship_failing_seconds",
            "How long shipping audit events has been failing (a write block, an outage); 0 when it works",
            registry=r,
            multiprocess_mode="livemax",
        )
        self._seen = {"shipped": 0, "duplicates": 0, "rejected": 0, "lost": 0, "ship_failures": 0}
        # Labelled children by label values: `labels()` validates and locks on every call,
        # which cost more than the increment itself. The label sets are small and fixed.
        self._children: dict[tuple[Counter, tuple[str, ...]], Counter] = {}
        # What exchanges counted since the last flush, in plain ints: one dict update per
        # exchange, where prometheus_client's counters, histogram and gauge took a lock per
        # increment and walked the buckets (37,000 instructions per request in bench/pipeline.py, 1.4 %).
        # Flushed within FLUSH_SECONDS (a timer, for the other workers' scrapes) and before
        # every scrape of this worker, which therefore sees every exchange counted.
        self._pending: dict[tuple[str, str, str, str | None, str | None], list[int]] = {}
        self._latencies: list[float] = []
        self._flush_timer: asyncio.TimerHandle | None = None

    def _child(self, metric: Counter, *values: str) -> Counter:
        child = self._children.get((metric, values))
        if child is None:
            child = self._children[(metric, values)] = metric.labels(*values)
        return child

    def observe(self, ex: Exchange) -> None:
        failure, response, inspection = ex.failure, ex.response, ex.inspection
        status = failure.status if failure is not None else (response.status if response is not None else 0)
        allowed = failure is None and ex.decision is not None and ex.decision.allowed
        profile = ex.masking_profile if inspection is not None else None
        key = (
            "allowed" if allowed else "denied",
            f"{status // 100}xx",
            ex.level.label,
            failure.code if failure is not None else None,
            profile,
        )
        counts = self._pending.get(key)
        if counts is None:
            counts = self._pending[key] = [0, 0, 0]
        counts[0] += 1
        if inspection is not None and profile is not None:
            counts[1] += inspection.masked
            counts[2] += inspection.clear
        if ex.upstream_ms is not None:
            self._latencies.append(ex.upstream_ms / 1000.0)
        if self._flush_timer is None:
            self._flush_timer = asyncio.get_running_loop().call_later(FLUSH_SECONDS, self.flush)

    def flush(self) -> None:
        """Carry what exchanges counted into the registry, and the audit path's totals."""
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        pending, self._pending = self._pending, {}
        for (decision, status_class, level, code, profile), (requests, masked, clear) in pending.items():
            self._child(self.requests, decision, status_class, level).inc(requests)
            if code is not None:
                self._child(self.refusals, code).inc(requests)
            if profile is not None and masked:
                self._child(self.masked, profile).inc(masked)
            if profile is not None and clear:
                self._child(self.clear, profile).inc(clear)
        latencies, self._latencies = self._latencies, []
        for seconds in latencies:
            self.upstream.observe(seconds)
        self.sync()

    def sync(self) -> None:
        """Carry the shipper's running totals into counters (they live in audit/, which knows
        nothing of Prometheus). Called with every flush: a few integer compares."""
        self.backlog.set(self._spool.backlog_bytes)
        since = self._shipper.failing_since
        self.failing.set(0 if since is None else max(0.0, time.time() - since))
        totals = {
            "shipped": self._shipper.shipped,
            "duplicates": self._shipper.duplicates,
            "rejected": self._shipper.rejected,
            "lost": self._lost(),
            "ship_failures": self._shipper.failures,
        }
        for name, total in totals.items():
            delta = total - self._seen[name]
            if delta > 0:
                counter: Counter = getattr(self, name)
                counter.inc(delta)
                self._seen[name] = total

    def after(self, stage: Callable[[Exchange], Awaitable[None]]) -> Callable[[Exchange], Awaitable[None]]:
        """Wrap the audit stage: count each exchange once it has been audited."""

        async def audited(ex: Exchange) -> None:
            await stage(ex)
            self.observe(ex)

        return audited

    def exposition(self) -> bytes:
        self.flush()
        if self._multiproc_dir is None:
            return generate_latest(self.registry)
        _reap_dead_workers(self._multiproc_dir)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=self._multiproc_dir)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
