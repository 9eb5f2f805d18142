"""The gateway's pipeline in-process: CPU per request, and the inspector's time inside it.

    .venv/bin/python bench/pipeline.py [--requests 3000] [--profile]

`bench/gateway.py` measures the server as deployed; its figures move with everything else on
the machine. This drives the gateway's ASGI app directly (no HTTP server: the request is a
scope, the response is collected) with 32 requests in flight, as wrk does, against the demo
upstream in a process of its own and the local OpenSearch node (the audit stage and the
shipper run as in `minguard run`, with the same heap settings). It prints this process's CPU
per request and the inspector's median and mean time per call inside the pipeline, to
compare with the inspector alone on the same document (`bench/classify.py`, demo row): the
difference is what the rest of the pipeline's work costs the inspector (caches, memory).
`--profile` adds a cProfile listing (compiled modules show as one call each).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import uvloop

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bench.gateway import DOC4K, bench_policy, free_port  # noqa: E402
from gateway.app import Gateway  # noqa: E402
from gateway.devsetup import init_dev  # noqa: E402
from gateway.settings import load_settings  # noqa: E402
from gateway.stages.inspect import Inspect  # noqa: E402

IN_FLIGHT = 32
Message = dict[str, Any]


class TimedInspector:
    """The inspector with a stopwatch: what each call took inside the running pipeline."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.detector = inner.detector  # the inspect stage asks it about header names
        self.ns: list[int] = []

    def inspect(self, *args: Any) -> Any:
        started = time.perf_counter_ns()
        try:
            return self.inner.inspect(*args)
        finally:
            self.ns.append(time.perf_counter_ns() - started)


async def _lifespan(app: Gateway, stop: asyncio.Event) -> tuple[asyncio.Task[None], asyncio.Event]:
    started, ready = False, asyncio.Event()

    async def receive() -> Message:
        nonlocal started
        if not started:
            started = True
            return {"type": "lifespan.startup"}
        await stop.wait()
        return {"type": "lifespan.shutdown"}

    async def send(message: Message) -> None:
        if message["type"] == "lifespan.startup.complete":
            ready.set()

    task = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send))
    return task, ready


def _request(app: Gateway, key: bytes, statuses: dict[int, int]) -> Callable[[], Awaitable[None]]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": DOC4K,
        "raw_path": DOC4K.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"x-api-key", key), (b"x-purpose-of-use", b"bench")],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8080),
    }

    async def one() -> None:
        body_sent = False

        async def receive() -> Message:
            nonlocal body_sent
            if not body_sent:
                body_sent = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects
            raise AssertionError("unreachable")

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                statuses[message["status"]] = statuses.get(message["status"], 0) + 1

        await app(dict(scope), receive, send)

    return one


async def measure(app: Gateway, key: bytes, timed: TimedInspector, requests: int, profile: bool) -> None:
    stop = asyncio.Event()
    life, ready = await _lifespan(app, stop)
    await asyncio.wait_for(ready.wait(), 60)
    statuses: dict[int, int] = {}
    one = _request(app, key, statuses)

    async def client(n: int) -> None:
        for _ in range(n):
            await one()

    await asyncio.gather(*(client(20) for _ in range(IN_FLIGHT)))  # warm-up: connection pool, caches
    statuses.clear()
    timed.ns.clear()
    per_client = requests // IN_FLIGHT
    profiler = cProfile.Profile() if profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler is not None:
        profiler.enable()
    await asyncio.gather(*(client(per_client) for _ in range(IN_FLIGHT)))
    if profiler is not None:
        profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    done = per_client * IN_FLIGHT
    stop.set()
    await life
    if set(statuses) != {200}:
        raise SystemExit(f"not every request was answered 200: {statuses}")
    print(
        f"{done} requests, {IN_FLIGHT} in flight: {cpu / done * 1e6:.0f} µs CPU per request, {done / wall:,.0f} req/s"
    )
    print(
        f"inspector inside the pipeline: median {statistics.median(timed.ns) / 1000:.0f} µs, "
        f"mean {statistics.fmean(timed.ns) / 1000:.0f} µs"
    )
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    os_port = os.environ.get("MINGUARD_OS_PORT", "9200")
    subprocess.run(["bash", str(ROOT / "deploy/opensearch/node.sh"), "start"], check=True)
    port = free_port()
    upstream = subprocess.Popen(
        [sys.executable, "-m", "demo", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(url + DOC4K, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        directory = Path(tempfile.mkdtemp(prefix="mgpipeline-"))
        env = init_dev(
            directory,
            gateway_port=free_port(),
            upstream_url=url,
            opensearch_url=f"http://127.0.0.1:{os_port}",
            index_prefix=f"mgpipeline-{uuid.uuid4().hex[:8]}",
            overrides={"audit": {"spool_dir": "spool"}, **bench_policy(directory / "policy")},
        )
        app = Gateway(load_settings(env.config), settle_heap=True)  # the heap settings of `minguard run`
        # A bench may reach into the app: the inspect stage's inspector gets a stopwatch.
        inspect = next(s for s in app.proxy._stages if isinstance(s, Inspect))
        timed = TimedInspector(inspect._inspector)
        inspect._inspector = timed  # type: ignore[assignment]
        uvloop.run(measure(app, env.key("caseworker-hanbin").encode(), timed, args.requests, args.profile))
    finally:
        upstream.terminate()
        upstream.wait(10)


if __name__ == "__main__":
    main()
