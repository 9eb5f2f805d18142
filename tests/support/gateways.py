"""Helpers shared by the tests: ports, waits, the node script, running gateways."""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from opensearchpy import OpenSearch
from opensearchpy.exceptions import TransportError

from gateway.devsetup import DevEnvironment, init_dev
from gateway.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPT = ROOT / "deploy" / "opensearch" / "node.sh"
OPENSEARCH_URL = "http://127.0.0.1:" + os.environ.get("MINGUARD_OS_PORT", "9200")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


def node(action: str) -> None:
    subprocess.run(["bash", str(NODE_SCRIPT), action], check=True)


@dataclass
class RunningGateway:
    url: str
    env: DevEnvironment
    proc: subprocess.Popen[bytes]
    log: Path

    def headers(self, key_id: str, **extra: str) -> dict[str, str]:
        return {"X-API-Key": self.env.key(key_id), **extra}


def start_gateway(
    directory: Path,
    upstream: str,
    prefix: str,
    opensearch_url: str = OPENSEARCH_URL,
    overrides: dict[str, dict[str, Any]] | None = None,
    file_size_limit: int | None = None,
    workers: int = 1,
) -> RunningGateway:
    """``file_size_limit``: RLIMIT_FSIZE for the gateway process, a disk that fills up (writes
    past that many bytes into any file fail with EFBIG; Python ignores SIGXFSZ)."""
    port = free_port()
    sections: dict[str, dict[str, Any]] = {"audit": {"spool_dir": "spool", "ship_interval": 0.2}}
    for section, values in (overrides or {}).items():
        sections.setdefault(section, {}).update(values)
    env = init_dev(
        directory,
        gateway_port=port,
        upstream_url=upstream,
        opensearch_url=opensearch_url,
        index_prefix=prefix,
        overrides=sections,
    )
    # A restart reuses the directory, its config and so its port (init_dev keeps what exists).
    port = load_settings(env.config).server.port
    log = directory / "gateway.log"
    command = [sys.executable, "-m", "gateway", "run", "--config", str(env.config), "--workers", str(workers)]
    with open(log, "ab") as out:
        limit = None if file_size_limit is None else (file_size_limit, file_size_limit)
        proc = subprocess.Popen(
            command,
            stdout=out,
            stderr=out,
            preexec_fn=None if limit is None else lambda: resource.setrlimit(resource.RLIMIT_FSIZE, limit),
        )
    gateway = RunningGateway(f"http://127.0.0.1:{port}", env, proc, log)
    try:
        wait_http(f"{gateway.url}/_minguard/health")
    except TimeoutError:
        proc.kill()
        raise RuntimeError(f"gateway did not start:\n{log.read_text(errors='replace')}") from None
    return gateway


@contextlib.contextmanager
def serving(
    directory: Path, upstream: str, prefix: str, opensearch: OpenSearch, *beside: str
) -> Iterator[RunningGateway]:
    """A gateway writing under `prefix` for the duration; then stopped, and its indices
    (`<prefix>-*` and the patterns `beside` them) and template deleted."""
    gateway = start_gateway(directory, upstream, prefix)
    try:
        yield gateway
    finally:
        stop_gateway(gateway)
        for pattern in (f"{prefix}-*", *beside):
            opensearch.indices.delete(index=pattern, ignore_unavailable=True)
        opensearch.indices.delete_index_template(name=prefix, ignore=[404])


def get(gateway: RunningGateway, path: str, key_id: str = "caseworker-hanbin") -> httpx.Response:
    """GET through the gateway as ``key_id``, with a purpose of use (required for important
    data, policies/conditions.yaml)."""
    return httpx.get(gateway.url + path, headers=gateway.headers(key_id, **{"X-Purpose-Of-Use": "test"}), timeout=10)


def stop_gateway(gateway: RunningGateway) -> None:
    gateway.proc.terminate()
    try:
        gateway.proc.wait(15)
    except subprocess.TimeoutExpired:
        gateway.proc.kill()
        gateway.proc.wait(5)


def audit_events(client: OpenSearch, prefix: str, request_id: str) -> list[dict[str, Any]]:
    client.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
    result = client.search(
        index=f"{prefix}-*",
        body={"query": {"term": {"event.id": request_id}}, "size": 10},
        ignore_unavailable=True,
    )
    return [hit["_source"] for hit in result["hits"]["hits"]]


def wait_for_events(client: OpenSearch, prefix: str, request_ids: list[str], seconds: float = 60.0) -> dict[str, int]:
    """Counts of events per request id once all have arrived (or the time is up)."""
    deadline = time.monotonic() + seconds
    counts: dict[str, int] = {}
    size = max(10, len(request_ids))
    while time.monotonic() < deadline:
        try:
            client.indices.refresh(index=f"{prefix}-*", ignore_unavailable=True)
            result = client.search(
                index=f"{prefix}-*",
                body={
                    "query": {"terms": {"event.id": request_ids}},
                    "size": 0,
                    "aggs": {"ids": {"terms": {"field": "event.id", "size": size}}},
                },
                ignore_unavailable=True,
            )
        except TransportError as exc:
            # 503 "no shard available": the shipper has just created the month's index and its
            # shard is still starting (seen on a loaded machine). Anything else is a real error.
            if exc.status_code != 503:
                raise
            time.sleep(0.5)
            continue
        buckets = result.get("aggregations", {}).get("ids", {}).get("buckets", [])
        counts = {b["key"]: b["doc_count"] for b in buckets}
        if len(counts) == len(set(request_ids)):
            return counts
        time.sleep(0.5)
    return counts
