"""Helpers of bench/gateway.py: pinned processes, their CPU time and peak RSS, and wrk."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def ensure_tools() -> None:
    """nginx and wrk from Debian's packages, installed when missing (the bench runs as root)."""
    if shutil.which("wrk") and shutil.which("nginx"):
        return
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "nginx", "wrk"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def pinned(cores: str, command: list[str]) -> list[str]:
    """Prefix a command with taskset when there is more than one core to choose from."""
    if (os.cpu_count() or 1) > 1 and shutil.which("taskset"):
        return ["taskset", "-c", cores, *command]
    return command


def start(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen(
            command, stdout=out, stderr=out, env={**os.environ, **(env or {})}, start_new_session=True
        )


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def wait_http(url: str, headers: dict[str, str] | None = None, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer 200 within {seconds} s")


def tree(pid: int) -> list[int]:
    """pid and all its descendants (uvicorn's workers, nginx's workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def machine_jiffies() -> tuple[int, int]:
    """(busy, all) clock ticks of every CPU since boot (/proc/stat): busy is all but idle and
    iowait. Two readings give how busy the machine was in between, whoever ran."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    total = sum(fields[:8])  # user nice system idle iowait irq softirq steal (guest is in user)
    return total - fields[3] - fields[4], total


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICK


def peak_rss_mb(pids: list[int]) -> dict[int, float]:
    """VmHWM (peak resident set) per process, in MB."""
    out = {}
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    out[pid] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return out


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # socket errors + non-2xx/3xx


def _ms(text: str) -> float:
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    if m is None:
        raise ValueError(f"unparsed wrk latency {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def wrk(url: str, connections: int, seconds: int, headers: dict[str, str], cores: str) -> WrkResult:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(pinned(cores, [*command, url]), capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"([0-9]+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) ([0-9]+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: ([0-9]+)", out)
    return WrkResult(rps, p50, p99, requests, errors + (int(non2xx.group(1)) if non2xx else 0))


class BacklogWatch:
    """The gateway's audit spool backlog (`/_minguard/ready`) while a load runs: its peak, and
    how long the shipper takes to bring it to zero once the load stops (it keeps up if the
    peak stays small and the drain is quick)."""

    def __init__(self, ready_url: str) -> None:
        self._url = ready_url
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _backlog(self) -> int | None:
        try:
            with urllib.request.urlopen(self._url, timeout=2) as r:
                return int(json.load(r)["spool_backlog_bytes"])
        except urllib.error.HTTPError as not_ready:  # 503 still reports the backlog (nearly full)
            try:
                return int(json.load(not_ready)["spool_backlog_bytes"])
            except (ValueError, KeyError):
                return None
        except (OSError, ValueError, KeyError):
            return None

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._backlog() or 0)
            self._stop.wait(0.2)

    def finish(self, limit: float = 60.0) -> tuple[int, float | None]:
        """Stop watching; the peak backlog in bytes and the seconds to drain it (None: not within limit)."""
        self._stop.set()
        self._thread.join(5)
        started = time.monotonic()
        while time.monotonic() - started < limit:
            if self._backlog() == 0:
                return self.peak, time.monotonic() - started
            time.sleep(0.1)
        return self.peak, None
