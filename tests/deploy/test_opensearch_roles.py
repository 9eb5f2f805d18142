"""deploy/opensearch/security/roles.yml against the index names the code really uses: a role
whose pattern misses an index fails only on a secured cluster, which the tests do not run."""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest
import yaml

from audit.detection import reference
from audit.detection.alerts import actions_index, alerts_index
from audit.detection.integrity import loads_index
from audit.detection.schedule import leases_index
from audit.lifecycle import OPS_INDEX
from audit.opensearch import index_for

ROLES = Path(__file__).resolve().parents[2] / "deploy" / "opensearch" / "security" / "roles.yml"
PREFIX = "minguard-audit"  # the default opensearch.index_prefix, which the roles assume
MONTH = index_for(PREFIX, "2026-11-28T10:00:00.000Z")


def allowed(role: str, index: str) -> set[str]:
    """The actions the role grants on the index (OpenSearch patterns here use only `*`)."""
    roles: dict[str, Any] = yaml.safe_load(ROLES.read_text(encoding="utf-8"))
    return {
        action
        for grant in roles[role]["index_permissions"]
        if any(fnmatchcase(index, pattern) for pattern in grant["index_patterns"])
        for action in grant["allowed_actions"]
    }


@pytest.mark.parametrize("index", [MONTH, OPS_INDEX, alerts_index(PREFIX), actions_index(PREFIX)])
def test_the_auditor_reads_the_trail_the_alerts_and_their_handling(index: str) -> None:
    assert "read" in allowed("minguard_auditor", index)
    assert not allowed("minguard_auditor", index) - {"read", "indices:admin/mappings/get"}  # nothing more


@pytest.mark.parametrize("index", [alerts_index(PREFIX), actions_index(PREFIX), f"{PREFIX}.console-sessions"])
def test_the_console_reads_and_writes_alerts_and_sessions(index: str) -> None:
    assert {"read", "indices:data/write/index"} <= allowed("minguard_console", index)


@pytest.mark.parametrize("index", [alerts_index(PREFIX), leases_index(PREFIX)])
def test_detection_writes_alerts_and_leases(index: str) -> None:
    assert {"read", "indices:data/write/index"} <= allowed("minguard_detection", index)


@pytest.mark.parametrize(
    "index",
    [
        reference.reference_index(PREFIX, "staff"),
        reference.reference_index(PREFIX, "deaths"),
        loads_index(PREFIX),
        reference.lease_index(PREFIX),
    ],
)
def test_the_reference_loader_writes_the_feeds_their_records_and_leases(index: str) -> None:
    assert {"read", "indices:data/write/index", "indices:admin/create"} <= allowed("minguard_reference_loader", index)
