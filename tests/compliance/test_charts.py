"""The report's charts (compliance/charts.py) drawn without complaint: the assessor runs the
report in a terminal, where a font warning reads like an error."""

from __future__ import annotations

import subprocess
import sys

DRAW = """
from datetime import UTC, datetime, timedelta
from compliance import charts
from compliance.evidence import Evidence
now = datetime(2026, 11, 29, tzinfo=UTC)
ev = Evidence(now - timedelta(days=1), now, now, "mg-*", "v1")
ev.volume = [("2026-11-28T00:00", {"important": 2, "general": 1})]
ev.denials = [("2026-11-28T00:00", {"forbidden": 1})]
drawn = charts.draw(ev)
assert all("<svg" in svg for svg in drawn.values()), drawn.keys()
"""


def test_charts_are_drawn_without_font_warnings() -> None:
    # A fresh process: matplotlib warns about a missing font weight once per process only.
    result = subprocess.run([sys.executable, "-c", DRAW], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "findfont" not in result.stderr, result.stderr
