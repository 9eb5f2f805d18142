"""The upstreams the benchmarks run against, each started as a subprocess on a free loopback port:
the demo FastAPI app, and a raw asyncio server that answers every request with the same bytes, so
that only the client's cost shows. Where two CPUs are usable, an upstream is pinned to its own.

    .venv/bin/python -m bench.upstreams PORT < body    # the static upstream, as the benchmarks start it
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import cast

import uvloop

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
CLIENT_CPU, UPSTREAM_CPU = 0, 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def can_pin() -> bool:
    # Pinning needs two CPUs we are allowed to use; on a smaller machine we just share.
    return hasattr(os, "sched_setaffinity") and {CLIENT_CPU, UPSTREAM_CPU} <= os.sched_getaffinity(0)


def _pin_to_upstream_cpu() -> None:
    # Runs in the child before exec, so every thread the upstream ever starts inherits it.
    os.sched_setaffinity(0, {UPSTREAM_CPU})


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"upstream exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=1.0) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"upstream did not answer {url} within {timeout:.0f} s")


@contextmanager
def _upstream(argv: list[str], port: int, pin: bool, stdin: bytes | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Start an upstream, wait until it answers, and stop it on exit."""
    proc = subprocess.Popen(
        argv,
        cwd=ROOT,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        preexec_fn=_pin_to_upstream_cpu if pin else None,
    )
    try:
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        wait_until_up(f"http://{HOST}:{port}/api/v1/health", proc)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def demo_upstream(port: int, pin: bool) -> AbstractContextManager[subprocess.Popen[bytes]]:
    return _upstream([sys.executable, "-m", "demo", "--host", HOST, "--port", str(port)], port, pin)


def static_upstream(port: int, pin: bool, body: bytes) -> AbstractContextManager[subprocess.Popen[bytes]]:
    return _upstream([sys.executable, "-m", "bench.upstreams", str(port)], port, pin, stdin=body)


class _StaticHTTP(asyncio.Protocol):
    """Answers every HTTP/1.1 request on a keep-alive connection with one fixed response.

    No routing, no parsing beyond finding the end of each request: the clients only send
    body-less GETs, and the point is that this server costs next to nothing per request.
    """

    def __init__(self, response: bytes) -> None:
        self._response = response
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's TCP transport does not subclass asyncio.Transport, but has its interface.
        self._transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while (end := self._buffer.find(b"\r\n\r\n")) >= 0:
            self._buffer = self._buffer[end + 4 :]
            assert self._transport is not None
            self._transport.write(self._response)


async def serve_static(port: int, body: bytes) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    response = head.encode() + body
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _StaticHTTP(response), HOST, port, backlog=1024)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    uvloop.run(serve_static(int(sys.argv[1]), sys.stdin.buffer.read()))
