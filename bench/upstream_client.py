"""Compare aiohttp.ClientSession, httpx.AsyncClient and the gateway's own client (gateway/upstream.py).

    .venv/bin/python bench/upstream_client.py [--seconds 10] [--concurrency 32] [--out docs/benchmarks-upstream-client.md]

The gateway forwards every request with one upstream client, so that client's cost per
request bounds the gateway's throughput. encode/httpx#3215 reports httpx.AsyncClient at
~480 req/s against aiohttp's ~3,200 req/s at 32 concurrent connections; this script
measures both on this machine, in one run, under the same conditions, and beside them the
client the gateway uses since 2026-11-29 (an asyncio Protocol with httptools' parser):

* Two upstreams, each started here as a subprocess pinned to CPU 1: the demo FastAPI app
  (realistic, but may itself be the bottleneck) and a trivial raw-asyncio server that
  answers every request with the same doc4k bytes (so only the client's cost shows).
* The clients run in this process, pinned to CPU 0, on uvloop (as the gateway does).
  ``concurrency`` workers each loop GET /api/v1/static/doc4k and read the whole body.
* Each measurement warms up, then counts for ``--seconds``; requests/s, p50/p99 latency
  and client CPU seconds per request (getrusage) come from that window only. Each client
  is measured 3 times per upstream, alternating aiohttp, httpx, aiohttp, ...; the medians
  are reported so one noisy run does not decide the result.
* Where sniffio is not installed, httpx is also measured with that failed import cached
  (see HTTPX_IMPORT_CACHED), against the static upstream only, to keep the run short.

With defaults the whole run takes about 3 minutes. The upstreams are started by bench/upstreams.py.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import importlib.util
import os
import platform
import resource
import statistics
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import httpx
import uvloop

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bench.upstreams import CLIENT_CPU, HOST, UPSTREAM_CPU, can_pin, demo_upstream, free_port, static_upstream  # noqa: E402
from gateway.settings import UpstreamSettings  # noqa: E402
from gateway.upstream import UpstreamPool  # noqa: E402

PATH = "/api/v1/static/doc4k"
REPEATS = 3
WARMUP_SECONDS = 1.5  # long enough to open every connection and settle the pools
REQUEST_TIMEOUT = 10.0  # a stuck request fails the run instead of hanging it
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

Fetch = Callable[[], Awaitable[bytes]]


# --------------------------------------------------------------------------- measurement

AIOHTTP, HTTPX, MINGUARD = "aiohttp", "httpx", "minguard (gateway/upstream.py)"
# httpcore 1.0.x runs `import sniffio` on every lock, event and semaphore setup, several
# times per request. anyio>=4.11 stopped installing sniffio, and Python does not cache a
# failed import, so where sniffio is absent each attempt searches sys.path again (stat
# calls and all). This variant caches the failure (a None entry in sys.modules), which is
# what encode/httpcore#1103 does, to show how much of httpx's cost is that, not design.
HTTPX_IMPORT_CACHED = "httpx (sniffio miss cached)"


@dataclass
class Result:
    client: str
    requests: int
    seconds: float
    latencies: list[float]  # seconds, one per request completed inside the window
    client_cpu: float  # CPU seconds (user + system) this process spent inside the window
    upstream_cpu: float  # CPU seconds the upstream process spent inside the window
    machine_cpu: float  # CPU seconds all CPUs were busy inside the window, whoever used them

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def p50_ms(self) -> float:
        return statistics.quantiles(self.latencies, n=100)[49] * 1000

    @property
    def p99_ms(self) -> float:
        return statistics.quantiles(self.latencies, n=100)[98] * 1000

    @property
    def cpu_us_per_request(self) -> float:
        return self.client_cpu / self.requests * 1e6

    @property
    def client_busy(self) -> float:
        return self.client_cpu / self.seconds

    @property
    def upstream_busy(self) -> float:
        return self.upstream_cpu / self.seconds

    @property
    def other_busy(self) -> float:
        # Other processes plus kernel work (loopback networking runs partly in softirq time,
        # which is charged to no process), in CPUs: how noisy the machine was.
        return max(0.0, self.machine_cpu - self.client_cpu - self.upstream_cpu) / self.seconds


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    # utime and stime are fields 14 and 15 of /proc/PID/stat; split after the ")" that
    # ends the command name, which may itself contain spaces.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _machine_cpu() -> float:
    # First line of /proc/stat: user nice system idle iowait irq softirq steal (guest time
    # is already inside user and nice). Busy is everything but idle and iowait.
    user, nice, system, _idle, _iowait, irq, softirq, steal = (
        int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


async def _drive(client: str, fetch: Fetch, concurrency: int, seconds: float, upstream_pid: int, size: int) -> Result:
    # perf_counter, not loop.time(): uvloop's clock has millisecond resolution and is only
    # updated once per loop iteration, far too coarse for latencies of a few milliseconds.
    clock = time.perf_counter
    start = clock() + WARMUP_SECONDS
    end = start + seconds
    latencies: list[float] = []

    async def worker() -> None:
        while (t0 := clock()) < end:
            body = await fetch()
            t1 = clock()
            # Checking the size proves the whole body was read, not just the headers.
            if len(body) != size:
                raise RuntimeError(f"{client}: got {len(body)} bytes, expected {size}")
            # Count what completes inside the window: that is the throughput it delivered.
            if start <= t1 < end:
                latencies.append(t1 - t0)

    def cpu_now() -> tuple[float, float, float]:
        return _own_cpu(), _process_cpu(upstream_pid), _machine_cpu()

    tasks = [asyncio.create_task(worker()) for _ in range(concurrency)]
    await asyncio.sleep(start - clock())
    before = cpu_now()
    await asyncio.sleep(end - clock())
    after = cpu_now()
    # Workers stop issuing at `end`; wait for the requests still in flight, boundedly.
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=REQUEST_TIMEOUT + 5)
    client_cpu, upstream_cpu, machine_cpu = (a - b for a, b in zip(after, before, strict=True))
    return Result(client, len(latencies), seconds, latencies, client_cpu, upstream_cpu, machine_cpu)


async def _measure_aiohttp(url: str, concurrency: int, seconds: float, upstream_pid: int, size: int) -> Result:
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def fetch() -> bytes:
            async with session.get(url) as resp:
                resp.raise_for_status()
                return await resp.read()

        return await _drive(AIOHTTP, fetch, concurrency, seconds, upstream_pid, size)


async def _measure_minguard(url: str, concurrency: int, seconds: float, upstream_pid: int, size: int) -> Result:
    origin, _, path = url.partition(PATH)
    pool = UpstreamPool(UpstreamSettings(url=origin, max_connections=concurrency, timeout=REQUEST_TIMEOUT))

    async def fetch() -> bytes:
        response = await pool.request("GET", PATH + path, [], b"")
        if response.status != 200:
            raise RuntimeError(f"{MINGUARD}: status {response.status}")
        body = bytearray()
        while chunk := await response.read_some():
            body += chunk
        return bytes(body)

    try:
        return await _drive(MINGUARD, fetch, concurrency, seconds, upstream_pid, size)
    finally:
        await pool.close()


async def _measure_httpx(
    client: str, url: str, concurrency: int, seconds: float, upstream_pid: int, size: int
) -> Result:
    # max_keepalive_connections is spelled out so that, like aiohttp, httpx keeps all
    # `concurrency` connections open; trust_env=False so a proxy variable in the
    # environment cannot reroute loopback traffic (aiohttp ignores them by default).
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT, trust_env=False) as http:

        async def fetch() -> bytes:
            resp = await http.get(url)
            resp.raise_for_status()
            return resp.content

        return await _drive(client, fetch, concurrency, seconds, upstream_pid, size)


async def _measure(client: str, url: str, concurrency: int, seconds: float, upstream_pid: int, size: int) -> Result:
    if client == AIOHTTP:
        return await _measure_aiohttp(url, concurrency, seconds, upstream_pid, size)
    if client == HTTPX:
        return await _measure_httpx(client, url, concurrency, seconds, upstream_pid, size)
    if client == MINGUARD:
        return await _measure_minguard(url, concurrency, seconds, upstream_pid, size)
    sys.modules["sniffio"] = None  # type: ignore[assignment]  # makes `import sniffio` fail at once
    try:
        return await _measure_httpx(client, url, concurrency, seconds, upstream_pid, size)
    finally:
        del sys.modules["sniffio"]


def _run_series(
    label: str, clients: list[str], url: str, pid: int, size: int, args: argparse.Namespace
) -> dict[str, Summary]:
    runs: dict[str, list[Result]] = {c: [] for c in clients}
    for i in range(REPEATS):
        for client in clients:  # alternating, so drift over time hits every client alike
            # A fresh uvloop per measurement: no pool, buffer or task leaks into the next.
            r = uvloop.run(_measure(client, url, args.concurrency, args.seconds, pid, size))
            runs[client].append(r)
            print(
                f"  [{label}] run {i + 1}/{REPEATS} {client:27} {r.rps:6.0f} req/s  p50 {r.p50_ms:6.2f} ms  "
                f"p99 {r.p99_ms:6.2f} ms  {r.cpu_us_per_request:5.0f} µs CPU/req  CPU busy: "
                f"client {r.client_busy:4.0%}  upstream {r.upstream_busy:4.0%}  other {r.other_busy:4.0%}",
                flush=True,
            )
    return {c: Summary.of(rs) for c, rs in runs.items()}


# --------------------------------------------------------------------------- reporting


@dataclass
class Summary:
    client: str
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_us: float
    client_busy: float
    upstream_busy: float
    other_busy: float
    rps_runs: list[float]

    @classmethod
    def of(cls, runs: list[Result]) -> Summary:
        med = statistics.median
        return cls(
            client=runs[0].client,
            rps=med(r.rps for r in runs),
            p50_ms=med(r.p50_ms for r in runs),
            p99_ms=med(r.p99_ms for r in runs),
            cpu_us=med(r.cpu_us_per_request for r in runs),
            client_busy=med(r.client_busy for r in runs),
            upstream_busy=med(r.upstream_busy for r in runs),
            other_busy=med(r.other_busy for r in runs),
            rps_runs=[r.rps for r in runs],
        )


def _table(rows: dict[str, Summary]) -> str:
    lines = [
        "| client | req/s | req/s per run | p50 ms | p99 ms | client CPU µs/req "
        "| CPU busy: client | upstream | other |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in rows.values():
        per_run = ", ".join(f"{v:,.0f}" for v in s.rps_runs)
        lines.append(
            f"| {s.client} | {s.rps:,.0f} | {per_run} | {s.p50_ms:.2f} | {s.p99_ms:.2f} | {s.cpu_us:,.0f} "
            f"| {s.client_busy:.0%} | {s.upstream_busy:.0%} | {s.other_busy:.0%} |"
        )
    return "\n".join(lines)


def _ratios(rows: dict[str, Summary]) -> str:
    a, x = rows[AIOHTTP], rows[HTTPX]
    text = (
        f"Ratio aiohttp/httpx: **{a.rps / x.rps:.1f}×** the requests/s; httpx spends "
        f"**{x.cpu_us / a.cpu_us:.1f}×** aiohttp's client CPU per request."
    )
    if HTTPX_IMPORT_CACHED in rows:
        c = rows[HTTPX_IMPORT_CACHED]
        text += (
            f" With the failed sniffio import cached, httpx does {c.rps:,.0f} req/s at {c.cpu_us:,.0f} µs/request: "
            f"aiohttp/httpx is still **{a.rps / c.rps:.1f}×**."
        )
    if MINGUARD in rows:
        m = rows[MINGUARD]
        text += (
            f" The gateway's own client: {m.rps:,.0f} req/s at {m.cpu_us:,.0f} µs/request; aiohttp spends "
            f"**{a.cpu_us / m.cpu_us:.1f}×** its client CPU per request."
        )
    return text


def _machine() -> dict[str, str]:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    versions = {pkg: importlib.metadata.version(pkg) for pkg in ("aiohttp", "httpx", "httpcore", "anyio", "uvloop")}
    return {
        "CPUs (nproc)": f"{len(os.sched_getaffinity(0))} usable of {os.cpu_count()}",
        "CPU model (/proc/cpuinfo)": model,
        "Kernel": platform.release(),
        "Python": platform.python_version(),
        **versions,
        "sniffio": "installed" if importlib.util.find_spec("sniffio") else "not installed",
        "Load average before the run (1, 5, 15 min)": ", ".join(f"{v:.2f}" for v in os.getloadavg()),
    }


def _conclusion(results: dict[str, dict[str, Summary]]) -> str:
    sa, sx = results["static"][AIOHTTP], results["static"][HTTPX]
    da, dx = results["demo"][AIOHTTP], results["demo"][HTTPX]
    static_ratio, demo_ratio, reported = sa.rps / sx.rps, da.rps / dx.rps, 3200 / 480
    other = max(s.other_busy for rows in results.values() for s in rows.values())
    text = (
        f"Against the trivial static upstream, where only the client's cost matters, aiohttp delivered "
        f"{static_ratio:.1f}× the requests/s of httpx ({sa.rps:,.0f} vs {sx.rps:,.0f}) and httpx spent "
        f"{sx.cpu_us / sa.cpu_us:.0f}× the client CPU per request ({sx.cpu_us:,.0f} vs {sa.cpu_us:,.0f} µs), "
        f"with its CPU {sx.client_busy:.0%} busy: httpx is CPU-bound in the client. "
        f"Against the FastAPI demo aiohttp delivered {demo_ratio:.1f}× the requests/s of httpx "
        f"({da.rps:,.0f} vs {dx.rps:,.0f}; {da.cpu_us:,.0f} vs {dx.cpu_us:,.0f} µs of client CPU per request); "
    )
    # Say what limited aiohttp against the demo: the demo itself, the shared machine, or the client.
    if da.upstream_busy > 0.9:
        text += f"there aiohttp is capped by the demo, which kept its CPU {da.upstream_busy:.0%} busy. "
    elif max(da.client_busy, da.upstream_busy) < 0.9 and other > 0.25:
        text += (
            f"neither aiohttp ({da.client_busy:.0%}) nor the demo ({da.upstream_busy:.0%}) had a full CPU, "
            f"because other work on the shared machine took up to {other:.0%} of a CPU during the runs. "
        )
    else:
        text += "the client set the pace there too. "
    if HTTPX_IMPORT_CACHED in results["static"]:
        sc = results["static"][HTTPX_IMPORT_CACHED]
        text += (
            f"Part of httpx's cost is an artefact of this environment (sniffio is not installed, so httpcore "
            f"repeats a failed import 4 to 10 times per request); with that failure cached httpx reaches "
            f"{sc.rps:,.0f} req/s, still {sa.rps / sc.rps:.1f}× behind aiohttp. "
        )
    if static_ratio >= 2:
        size = (
            "larger than"
            if static_ratio > 1.5 * reported
            else "smaller than"
            if static_ratio < reported / 1.5
            else "close to"
        )
        text += (
            f"This confirms the direction of encode/httpx#3215 (~3,200 vs ~480 req/s, {reported:.1f}×); the gap "
            f"measured here, {static_ratio:.1f}×, is {size} the one reported. For a gateway, whose throughput per "
            f"core is bounded by the upstream client's CPU per request, aiohttp.ClientSession is the better of the two libraries."
        )
    else:
        text += (
            f"This does not reproduce the {reported:.1f}× gap reported in encode/httpx#3215; the choice of "
            f"aiohttp.ClientSession would need other grounds."
        )
    if MINGUARD in results["static"]:
        sm, dm = results["static"][MINGUARD], results["demo"][MINGUARD]
        text += (
            f" The gateway's own client (gateway/upstream.py) spent {sm.cpu_us:,.0f} µs of client CPU per request "
            f"against the static upstream ({sa.cpu_us / sm.cpu_us:.1f}× less than aiohttp) and {dm.cpu_us:,.0f} "
            f"against the demo ({da.cpu_us / dm.cpu_us:.1f}× less): that is why the gateway now uses it."
        )
    if other > 0.25:
        text += (
            f" The machine was shared during the run (other work: up to {other:.0%} of a CPU), so absolute "
            f"requests/s are noisy; client CPU per request and the ratios are the sturdier figures."
        )
    return text


def _markdown(
    args: argparse.Namespace, pinned: bool, size: int, machine: dict[str, str], results: dict[str, dict[str, Summary]]
) -> str:
    machine_rows = "\n".join(f"| {k} | {v} |" for k, v in machine.items())
    command = f".venv/bin/python bench/upstream_client.py --seconds {args.seconds:g} --concurrency {args.concurrency}"
    pinning = (
        f"the upstream process pinned to CPU {UPSTREAM_CPU} and the client process to CPU {CLIENT_CPU} "
        "(`os.sched_setaffinity`)"
        if pinned
        else "no CPU pinning (fewer than two usable CPUs), so client and upstream share CPUs"
    )
    variant = (
        f"- Against the static upstream a third variant, **{HTTPX_IMPORT_CACHED}**, is plain httpx with "
        "`sys.modules['sniffio'] = None` during the run. httpcore 1.0.x imports sniffio lazily on every lock and "
        "semaphore setup (4 to 10 times per request); anyio ≥ 4.11 no longer installs it, and Python does not cache a failed import, so each "
        "attempt searches `sys.path` again. Caching the failure is what encode/httpcore#1103 proposes; the variant "
        "separates that artefact from httpx's design cost.\n"
        if HTTPX_IMPORT_CACHED in results["static"]
        else ""
    )
    return f"""# Upstream client benchmark: aiohttp vs httpx vs the gateway's own client

Generated by `{command}` on {time.strftime("%Y-%m-%d %H:%M %Z")}.
minguard used `aiohttp.ClientSession` for upstream requests because `httpx.AsyncClient` was reported
(encode/httpx#3215) to manage ~480 req/s where aiohttp managed ~3,200 req/s at 32 concurrent connections
on this kind of machine. Since 2026-11-29 it uses a client of its own, `gateway/upstream.py` (an asyncio
Protocol per connection, httptools' response parser: docs/architecture.md, §3.3), because that costs a
fraction of aiohttp's CPU per request. This page is the measurement behind both choices; rerun the command
to refresh it.

## Machine

| | |
|---|---|
{machine_rows}

## Method

- One run of the script starts both upstreams itself on free loopback ports, with {pinning}.
  - **Static**: a raw `asyncio.Protocol` server on uvloop that answers every request with the same
    {size}-byte doc4k document (fetched once from the demo), so the upstream costs next to nothing.
  - **Demo**: `python -m demo` (FastAPI on uvicorn with uvloop and httptools), `GET {PATH}`.
- Clients run in the script's process on uvloop, each measurement on a fresh event loop and client:
  - aiohttp: `ClientSession(connector=TCPConnector(limit={args.concurrency}))`, body read with `await resp.read()`;
  - httpx: `AsyncClient(limits=Limits(max_connections={args.concurrency}, max_keepalive_connections={args.concurrency}), trust_env=False)`,
    body read by the non-streaming `get` (`resp.content`);
  - {MINGUARD}: `UpstreamPool(UpstreamSettings(url=..., max_connections={args.concurrency}))`, as the forward
    stage makes it, body read with `read_some` until it returns nothing.
{variant}- {args.concurrency} concurrent workers each loop `GET {PATH}`, read the whole body and check its length.
  After a {WARMUP_SECONDS:g} s warm-up, a {args.seconds:g} s window counts the requests that complete in it
  (req/s), their latencies (p50, p99) and the client process's user + system CPU from `getrusage`
  (client CPU µs per request).
- "CPU busy" columns are CPU-seconds per second during the window: the client (`getrusage`), the upstream
  process (`/proc/PID/stat`; near 100 % means the upstream is the bottleneck) and everything else on the
  machine (`/proc/stat` minus those two: other processes and kernel networking work).
- Each client is measured {REPEATS} times per upstream, alternating the clients run by run; the tables give the
  median of each column and the req/s of every run.

## Results ({args.concurrency} concurrent connections)

### Trivial static upstream (raw asyncio on uvloop)

{_table(results["static"])}

{_ratios(results["static"])}

### Demo upstream (FastAPI on uvicorn)

{_table(results["demo"])}

{_ratios(results["demo"])}

## Conclusion

{_conclusion(results)}
"""


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=10.0, help="measured window per run (default 10)")
    parser.add_argument("--concurrency", type=int, default=32, help="concurrent workers and connections (default 32)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-upstream-client.md")
    args = parser.parse_args()

    # Both before pinning ourselves, which narrows our own affinity (and the CPU count shown);
    # the load average also shows what else was running when the run started.
    machine = _machine()
    pinned = can_pin()
    if pinned:
        os.sched_setaffinity(0, {CLIENT_CPU})
    static_clients = [AIOHTTP, HTTPX, MINGUARD]
    if importlib.util.find_spec("sniffio") is None:
        static_clients.append(HTTPX_IMPORT_CACHED)
    results: dict[str, dict[str, Summary]] = {}

    demo_port = free_port()
    with demo_upstream(demo_port, pinned) as demo:
        demo_url = f"http://{HOST}:{demo_port}{PATH}"
        with urllib.request.urlopen(demo_url) as resp:
            doc4k: bytes = resp.read()
        print(f"demo upstream on :{demo_port} (pid {demo.pid}); doc4k is {len(doc4k)} bytes", flush=True)
        # Both upstreams are pinned to the same CPU, so the static one runs only while it is
        # measured; the demo meanwhile sits idle, using no CPU.
        static_port = free_port()
        with static_upstream(static_port, pinned, doc4k) as static:
            print(f"static upstream on :{static_port} (pid {static.pid})", flush=True)
            static_url = f"http://{HOST}:{static_port}{PATH}"
            results["static"] = _run_series("static", static_clients, static_url, static.pid, len(doc4k), args)
        results["demo"] = _run_series("demo", [AIOHTTP, HTTPX, MINGUARD], demo_url, demo.pid, len(doc4k), args)

    for key, rows in results.items():
        print(f"\n{key} upstream, medians of {REPEATS} runs, {args.concurrency} connections:")
        print(_table(rows))
        print(_ratios(rows).replace("**", ""))

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(_markdown(args, pinned, len(doc4k), machine, results))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
