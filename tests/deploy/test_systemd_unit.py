"""deploy/systemd/minguard.service: accepted by `systemd-analyze verify` (the only complaint
allowed is the binary not being installed on the test machine) and hardened (`systemd-analyze
security` exposure at most 2.0 of 10)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parents[2] / "deploy" / "systemd" / "minguard.service"


def directives() -> dict[str, str]:
    found = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            found[key.strip()] = value.strip()
    return found


def test_runs_unprivileged_with_a_kept_state_directory() -> None:
    d = directives()
    assert d["User"] == "minguard" and d["StateDirectory"] == "minguard"
    assert d["ProtectSystem"] == "strict" and d["NoNewPrivileges"] == "yes" and d["CapabilityBoundingSet"] == ""
    assert d["KillSignal"] == "SIGTERM" and int(d["TimeoutStopSec"]) >= 10  # room to drain the spool


needs_systemd = pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze absent")


@needs_systemd
def test_systemd_analyze_verify() -> None:
    result = subprocess.run(["systemd-analyze", "verify", str(UNIT)], capture_output=True, text=True)
    complaints = [
        line for line in (result.stdout + result.stderr).splitlines() if line and "is not executable" not in line
    ]
    assert complaints == []


@needs_systemd
def test_exposure_is_low() -> None:
    result = subprocess.run(["systemd-analyze", "security", "--offline=yes", str(UNIT)], capture_output=True, text=True)
    match = re.search(r"Overall exposure level for \S+: ([0-9.]+)", result.stdout)
    assert match is not None, result.stdout + result.stderr
    assert float(match.group(1)) <= 2.0
