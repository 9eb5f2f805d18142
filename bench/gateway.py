"""Throughput, latency, CPU and memory of the gateway against its baselines, in one run.

    MINGUARD_OS_PORT=9200 .venv/bin/python bench/gateway.py [--seconds 8] [--connections 32]
                                                           [--out docs/benchmarks-gateway.md]
                                                           [--index docs/benchmarks.md]

Started here, each pinned with taskset (server under test on CPU 0; wrk, the upstreams and
the nginx static server on CPU 1; OpenSearch unpinned, as it runs):
  static   nginx serving the same bytes the demo upstream serves (4 KB doc, 64 KB list)
  (a)      the upstreams directly: static nginx, and the demo upstream (FastAPI)
  (b)      nginx as a pass-through proxy in front of the static upstream
  (c)      bench/passthrough.py: uvicorn + gateway.stages.forward.Forward, every stage off
  (d)      the full gateway (`minguard run`): identify (API key), authorize, forward,
           inspect + mask (caseworker), release, audit to the real OpenSearch node, with
           1 worker (CPU 0) and 2 workers (CPUs 0-1)
First, what the machine's two CPUs give over one with nothing else running (bench/cores.py).
For each: req/s, p50/p99 latency (wrk --latency), CPU per request (utime+stime of the server's
processes over the measured window / requests) and peak RSS per process (VmHWM). Then peak
RSS of the 1-worker gateway holding 1,000 connections, the inspector alone on a 5 MB CSV
export (MB/s), and a py-spy profile of the 1-worker gateway under load. nginx and wrk are
installed from Debian's packages when missing. About 3-4 minutes.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bench import cores, nginx_conf, procs, report  # noqa: E402
from bench.procs import WrkResult  # noqa: E402
from bench.upstreams import free_port  # noqa: E402
from gateway.devsetup import init_dev  # noqa: E402

SERVER, LOAD, BOTH = "0", "1", "0,1"
PY = sys.executable
DOC4K = "/api/v1/static/doc4k"
DOC64K = "/api/v1/regions/610902/persons"  # a route the caseworker of 610902 may list


def bench_policy(directory: Path) -> dict[str, dict[str, str]]:
    """Config overrides for a policy with the benchmark's route added: the 4 KB document holds
    one person of each district, so no region fits it, and the shipped policy has no route
    without a region that a caseworker may read (policies/enforcer.py: in_scope). The route
    goes to a resource of its own that only this copy lets the caseworker list; masking,
    grading and audit are the caseworker's as on any route."""
    from gateway.settings import POLICY_DIR

    directory.mkdir(parents=True, exist_ok=True)
    routes = directory / "routes.yaml"
    routes.write_text(
        (POLICY_DIR / "routes.yaml").read_text(encoding="utf-8")
        + f"  - {{name: static.doc4k, method: GET, path: {DOC4K}, resource: benchmark, action: list}}\n",
        encoding="utf-8",
    )
    policy = directory / "policy.csv"
    policy.write_text(
        (POLICY_DIR / "policy.csv").read_text(encoding="utf-8").rstrip("\n")
        + "\np, caseworker, *, benchmark, ^list$, allow\n",
        encoding="utf-8",
    )
    return {"policy": {"routes": str(routes), "policy": str(policy)}}


def documents(root: Path) -> dict[str, int]:
    from demo.app import _doc4k
    from demo.generate import generate
    from demo.models import to_json
    from demo.views import compact_json

    # What the route answers: persons of its own district (the release stage withholds a
    # region route's response that carries records of another region).
    region = DOC64K.split("/")[4]
    people = [
        p for p in generate(seed=64, persons_per_district=160).persons.values() if p.region_code.startswith(region)
    ]
    items, body = [], b""
    for p in people:
        items.append(to_json(p))
        body = compact_json({"total": len(items), "items": items})
        if len(body) >= 64 * 1024:
            break
    out = {DOC4K: _doc4k(), DOC64K: body}
    for path, data in out.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {path: len(data) for path, data in out.items()}


class Bench:
    def __init__(self, work: Path, seconds: int, connections: int) -> None:
        self.work, self.seconds, self.connections = work, seconds, connections
        self.procs: list[subprocess.Popen[bytes]] = []
        self.rows: list[report.Row] = []

    def start(
        self, name: str, command: list[str], url: str, env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        proc = procs.start(command, self.work / f"{name}.log", env)
        self.procs.append(proc)
        procs.wait_http(url)
        return proc

    def measure(self, case: str, size: str, url: str, pid: int, headers: dict[str, str] | None = None) -> WrkResult:
        headers = headers or {}
        procs.wrk(url, self.connections, 2, headers, LOAD)  # warm-up: pools, caches, JIT-less but GC settles
        pids = procs.tree(pid)
        each0 = {p: procs.cpu_seconds([p]) for p in pids}
        machine0, started = procs.machine_jiffies(), time.monotonic()
        result = procs.wrk(url, self.connections, self.seconds, headers, LOAD)
        elapsed = time.monotonic() - started
        each = {p: procs.cpu_seconds([p]) - each0.get(p, 0.0) for p in procs.tree(pid)}
        machine1 = procs.machine_jiffies()
        busy = (machine1[0] - machine0[0]) / max(machine1[1] - machine0[1], 1)
        rss = procs.peak_rss_mb(procs.tree(pid))
        cpu_us = sum(each.values()) * 1e6 / max(result.requests, 1)
        # Each process's share of a CPU: how evenly the workers were given the connections.
        shares = {p: seconds / elapsed for p, seconds in each.items()}
        row = report.Row(case, size, result, cpu_us, rss, os.getloadavg()[0], busy, shares)
        self.rows.append(row)
        print(report.line(row), flush=True)
        return result

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            procs.stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-gateway.md")
    parser.add_argument("--index", type=Path, default=ROOT / "docs" / "benchmarks.md", help="headline figures go here")
    args = parser.parse_args()
    procs.ensure_tools()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 65536)), hard))  # 1,000 connections
    os_port = os.environ.get("MINGUARD_OS_PORT", "9200")
    subprocess.run(["bash", str(ROOT / "deploy/opensearch/node.sh"), "start"], check=True)
    two_cpus, _, _ = cores.scaling()  # before any server of the bench starts
    work = Path(tempfile.mkdtemp(prefix="mgbench-"))
    sizes = documents(work / "www")
    bench = Bench(work, args.seconds, args.connections)
    started = time.monotonic()
    prefix = f"mgbench-{uuid.uuid4().hex[:8]}"
    try:
        ports = {name: free_port() for name in ("static", "demo", "nginx", "pass", "gw1", "gw2")}
        url = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        static = bench.start(
            "static",
            procs.pinned(LOAD, ["nginx", "-c", str(nginx_conf.static(work / "static", ports["static"], work / "www"))]),
            url["static"] + DOC4K,
        )
        demo = bench.start(
            "demo", procs.pinned(LOAD, [PY, "-m", "demo", "--port", str(ports["demo"])]), url["demo"] + DOC4K
        )
        nginx = bench.start(
            "nginx",
            procs.pinned(
                SERVER, ["nginx", "-c", str(nginx_conf.proxy(work / "proxy", ports["nginx"], ports["static"]))]
            ),
            url["nginx"] + DOC4K,
        )
        uvicorn = [PY, "-m", "uvicorn", "--loop", "uvloop", "--http", "httptools", "--log-level", "warning"]
        passthrough = bench.start(
            "pass",
            procs.pinned(
                SERVER, [*uvicorn, "--no-server-header", "--port", str(ports["pass"]), "bench.passthrough:app"]
            ),
            url["pass"] + DOC4K,
            env={"MINGUARD_BENCH_UPSTREAM": url["static"], "PYTHONPATH": str(ROOT)},
        )
        for size, path in (("4 KB", DOC4K), ("64 KB", DOC64K)):
            bench.measure("a static nginx", size, url["static"] + path, static.pid)
            if path == DOC4K:
                bench.measure("a demo upstream", size, url["demo"] + path, demo.pid)
            bench.measure("b nginx proxy", size, url["nginx"] + path, nginx.pid)
            bench.measure("c bare pass-through", size, url["pass"] + path, passthrough.pid)
        procs.stop(nginx)
        procs.stop(passthrough)

        profile: list[str] = []
        rss_1000: dict[int, float] = {}
        backlog: tuple[int, float | None] = (0, None)
        for workers in (1, 2):
            name = f"gw{workers}"
            env = init_dev(
                work / name,
                gateway_port=ports[name],
                upstream_url=url["static"],
                opensearch_url=f"http://127.0.0.1:{os_port}",
                index_prefix=prefix,
                overrides={"audit": {"spool_dir": "spool"}, **bench_policy(work / name / "policy")},
            )
            headers = {"X-API-Key": env.key("caseworker-hanbin"), "X-Purpose-Of-Use": "bench"}
            cpus = SERVER if workers == 1 else BOTH
            command = [PY, "-m", "gateway", "run", "--config", str(env.config), "--workers", str(workers)]
            gw = procs.start(procs.pinned(cpus, command), work / f"{name}.log")
            bench.procs.append(gw)
            procs.wait_http(url[name] + DOC4K, headers)
            for size, path in (("4 KB", DOC4K), ("64 KB", DOC64K)):
                if workers == 2 and path != DOC4K:
                    continue
                watch = procs.BacklogWatch(url[name] + "/_minguard/ready") if workers == 1 and path == DOC4K else None
                bench.measure(
                    f"d gateway, {workers} worker{'s' if workers > 1 else ''}", size, url[name] + path, gw.pid, headers
                )
                if watch is not None:
                    backlog = watch.finish()
            if workers == 1:
                procs.wrk(url[name] + DOC4K, 1000, 5, headers, LOAD)
                rss_1000 = procs.peak_rss_mb(procs.tree(gw.pid))
                profile = report.profile(gw.pid, url[name] + DOC4K, headers, work, LOAD)
            procs.stop(gw)
        failed = [f"{row.case} {row.size}: {row.wrk.errors}" for row in bench.rows if row.wrk.errors]
        if failed:  # a rate of refusals is not a rate of answers: nothing is written
            raise SystemExit("requests failed or were refused, so no figures are written: " + "; ".join(failed))
        # The inspector alone on a ~5.9 MB export, in a fresh process pinned to CPU 0 as the
        # servers under test were (this process is not pinned, and holds the run's leftovers).
        export = "from bench.classify import csv_export; print(*csv_export('caseworker'))"
        out = subprocess.run(procs.pinned(SERVER, [PY, "-c", export]), cwd=ROOT, capture_output=True, check=True)
        csv_mb, csv_rate = map(float, out.stdout.split())
        doc = report.markdown(
            bench.rows, sizes, rss_1000, backlog, csv_mb, csv_rate, profile, args, time.monotonic() - started, two_cpus
        )
        args.out.write_text(doc, encoding="utf-8")
        report.update_index(args.index, report.index_lines(bench.rows, csv_rate, two_cpus))
        print(doc)
    finally:
        bench.stop_all()
        report.drop_indices(os_port, prefix)


if __name__ == "__main__":
    main()
