"""Audit path benchmark: what the audit stage adds to a request, and how fast the shipper drains.

    .venv/bin/python -m bench.audit_ingest [--events 50000] [--out docs/benchmarks-audit.md]

Needs the local OpenSearch node (bash deploy/opensearch/node.sh start). In one run it measures:
  1. the audit stage on the request path (build the event, seal and write it to the spool, and
     for a response releasing important data wait for the group sync), for a general-level and
     an important-level response, at 1 and at 32 concurrent requests, against a baseline of the
     same loop with the append replaced by a no-op — figures are stated as differences;
  2. the disk under the spool alone: event-sized appends and one fdatasync, 1 and 32 lines per
     sync (the floor under the important-data figures);
  3. the shipper alone: a spool pre-filled with N events, drained into one local node with
     bulk `create`, events/s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from opensearchpy import OpenSearch

from audit.opensearch import make_client
from audit.shipper import Shipper
from audit.spool import Spool
from classifiers.inspect import Inspector
from classifiers.levels import DataLevel
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.settings import OpenSearchSettings
from gateway.stages.audit import Audit
from policies.enforcer import Decision
from policies.masking import load_profiles
from policies.routes import RouteMatch

_INSPECTOR = Inspector()
_STRICT = load_profiles().get("strict")
URL = "http://127.0.0.1:" + os.environ.get("MINGUARD_OS_PORT", "9200")


def exchange(level: DataLevel = DataLevel.IMPORTANT) -> Exchange:
    """A typical allowed list request, as the pipeline leaves it before the audit stage."""
    ex = Exchange(Request("GET", "/api/v1/regions/610902/persons", b"size=10", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区民政局", "api_key", "cw")
    ex.route = RouteMatch("person.list", "person", "list", {"region": "610902"}, "/api/v1/regions/610902/persons")
    ex.decision = Decision(True, "caseworker, own, person, ^(read|list|search)$, allow", "8dcb01ee7566", "allow")
    ex.upstream = Response(200, [], b"")
    ex.upstream_ms = 3.2
    ex.response = Response(200, [], b"x" * 4900)
    # An inspected response (an uninspected one counts as core and waits for the disk).
    ex.inspection = _INSPECTOR.inspect(b'{"items": []}', "application/json", None, _STRICT)
    ex.level = level
    ex.person_tokens = tuple(f"p1:{uuid.uuid4().hex}" for _ in range(10))
    ex.masking_profile = "caseworker"
    return ex


async def request_path(
    spool_dir: Path, concurrency: int, requests: int, append: bool, level: DataLevel
) -> tuple[list[float], float]:
    """Per-request times of the audit stage in ms, and the process's CPU time per request
    in ms (all threads: the group sync's too)."""
    spool = Spool(spool_dir, f"bench-{concurrency}-{append}-{level.name}", 64 << 20, 4 << 30)
    spool.open()
    profiles = load_profiles()
    audit = Audit(spool, Inspector(), profiles.get("strict"))
    if not append:

        async def no_append(event: dict[str, Any], wait_for_disk: bool = True) -> None:
            # Gives up the loop once where a real append waits (for the sync): with 32
            # requests in flight both sides then count the other requests' turns alike.
            if wait_for_disk:
                await asyncio.sleep(0)

        spool.append = no_append  # type: ignore[method-assign]
    latencies: list[float] = []

    async def worker(count: int) -> None:
        for _ in range(count):
            ex = exchange(level)
            started = time.perf_counter()
            await audit(ex)
            latencies.append((time.perf_counter() - started) * 1000.0)

    cpu = time.process_time()
    await asyncio.gather(*(worker(requests // concurrency) for _ in range(concurrency)))
    cpu = time.process_time() - cpu
    spool.close()
    return latencies, cpu * 1000.0 / len(latencies)


async def ship(spool_dir: Path, events: int, prefix: str) -> tuple[float, int]:
    spool = Spool(spool_dir, "bench-ship", 64 << 20, 4 << 30)
    spool.open()
    profiles = load_profiles()
    audit = Audit(spool, Inspector(), profiles.get("strict"))
    # Fill in groups so the fill itself is quick (group commit).
    for start in range(0, events, 500):
        await asyncio.gather(*(audit(exchange()) for _ in range(min(500, events - start))))
    client = make_client(OpenSearchSettings(url=URL, index_prefix=prefix))
    shipper = Shipper(spool, client, prefix, batch=2000, interval=1.0)
    started = time.perf_counter()
    shipped = 0
    while True:
        sent = await shipper.ship_once()
        if sent == 0:
            break
        shipped += sent
    seconds = time.perf_counter() - started
    await client.close()
    spool.close()
    return seconds, shipped


def disk_sync(directory: Path, lines_per_sync: int, rounds: int = 1000, line_bytes: int = 1500) -> list[float]:
    """The disk alone, in ms: append ``lines_per_sync`` event-sized lines to a file in the
    spool's directory, then one fdatasync; what a group sync of that many events costs
    without the gateway around it (the floor under the important-data rows)."""
    path = directory / f"disk-sync-{lines_per_sync}.bin"
    data = (b"x" * (line_bytes - 1) + b"\n") * lines_per_sync
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    samples: list[float] = []
    try:
        for _ in range(rounds):
            started = time.perf_counter()
            os.write(fd, data)
            os.fdatasync(fd)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return samples


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def machine() -> str:
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=4_000)
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks-audit.md"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mg-bench-audit-"))
    prefix = f"mgbench-{uuid.uuid4().hex[:8]}"
    lines: list[str] = []
    try:
        rows = []
        for level, label in ((DataLevel.GENERAL, "general (一般)"), (DataLevel.IMPORTANT, "important (重要)")):
            for concurrency in (1, 32):
                base, base_cpu = asyncio.run(request_path(work, concurrency, args.requests, False, level))
                full, full_cpu = asyncio.run(request_path(work, concurrency, args.requests, True, level))
                added = statistics.median(full) - statistics.median(base)
                rows.append(
                    f"| {label} | {concurrency} | {statistics.median(base):.3f} | {statistics.median(full):.3f} | "
                    f"{percentile(full, 0.99):.3f} | {added:.3f} | {full_cpu - base_cpu:.3f} |"
                )
        disk = {n: disk_sync(work, n) for n in (1, 32)}
        disk_rows = [
            f"| {n} | {statistics.median(samples):.3f} | {percentile(samples, 0.99):.3f} |"
            for n, samples in disk.items()
        ]
        seconds, shipped = asyncio.run(ship(work, args.events, prefix))
        rate = shipped / seconds
        lines = [
            "# Audit path benchmark",
            "",
            f"Produced by `bench/audit_ingest.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
            f"Machine: {machine()}; one local OpenSearch node (512 MB heap) on the same machine;",
            "load average at the end of the run: {:.2f} {:.2f} {:.2f}.".format(*os.getloadavg()),
            "",
            "## The audit stage on the request path",
            "",
            "Per-request time of the audit stage in ms: the event built from the exchange, path and",
            "query redacted, the event sealed into the hash chain and written to the spool segment",
            "(page cache) before the response may leave; for a response releasing important or core",
            "data the stage also waits for the group `fdatasync` that covers its event (power-loss",
            "durability), for general data the sync follows straight after without holding the",
            "response. Baseline: the same loop with the spool append replaced by a no-op (which gives",
            "up the event loop once where the real append waits for the sync), measured in the same",
            "run. Each request's exchange is built",
            "before its timer starts, but with 32 requests in flight on one event loop a request's",
            "time also holds the turns of the other 31 (building their exchanges, sealing their",
            "events): the 32-request rows measure the loop's queue as much as the stage. The last",
            "column is the stage's cost to the server: process CPU time per request (every thread),",
            "with the spool minus without.",
            "",
            "| data level released | concurrent requests | baseline median | with spool median | with spool p99 | added by the spool (median) | CPU added per request |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            "## The disk under it",
            "",
            "The same disk alone, in the same run: event-sized lines (1,500 bytes) appended to a file",
            "in the spool's directory, then one `fdatasync`, with nothing else around it. A response",
            "releasing important or core data may leave only once its event is on disk (fail closed:",
            "GB/T 22239-2019 8.1.4.3 and the gateway's fail-closed rule), so its audit stage can never cost",
            "less than one such sync; with 32 requests in flight each one waits, on average, for the",
            "end of the sync already running and then for the one that covers its own event.",
            "",
            "| lines per sync | median ms | p99 ms |",
            "|---|---|---|",
            *disk_rows,
            "",
            "The goal of under 0.2 ms added per request holds for general data (the event is written",
            "to the page cache on the request path and synced straight after, off it). For important",
            "and core data it is bounded below by this disk's sync: meeting it there needs storage",
            "whose sync is faster (NVMe with power-loss protection, a battery-backed controller",
            "cache), or a decision that such responses may leave before their event is synced; the",
            "gateway does not make that trade on its own.",
            "",
            "## The shipper alone",
            "",
            f"{shipped} events pre-spooled, then shipped with bulk `create` (batches of 2,000) into the",
            f"local node: **{rate:,.0f} events/s** ({seconds:.1f} s).",
            "",
        ]
        text = "\n".join(lines)
        print(text)
        args.out.write_text(text, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        OpenSearch(hosts=[URL]).indices.delete(index=f"{prefix}-*", ignore_unavailable=True)


if __name__ == "__main__":
    main()
