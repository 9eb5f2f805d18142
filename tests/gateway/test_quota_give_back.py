"""A response withheld by the audit stage gives back what the release stage counted against
the caller's daily quota: retries during an audit outage must not use up the day."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from audit.spool import Spool
from classifiers.inspect import Inspector
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.audit import Audit
from gateway.stages.release import Release
from policies.bundle import PolicyFiles, PolicyStore
from policies.enforcer import Decision
from policies.masking import load_profiles
from policies.quota import MemoryQuota
from policies.routes import RouteMatch
from support.synth_people import make_id

INSPECTOR = Inspector()
PROFILES = load_profiles()
RECORDS = 3


def _exchange() -> Exchange:
    """A statistician's list (5,000 records a day) that the inspect stage has masked."""
    ex = Exchange(Request("GET", "/api/v1/regions/610902/persons", b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("li", "person", ("statistician",), "6109", "市民政局", "api_key", "st")
    ex.route = RouteMatch("person.list", "person", "list", {"region": "610902"}, "/api/v1/regions/610902/persons")
    ex.decision = Decision(True, "statistician, person, list, allow", "test", "allow")
    ex.purpose = "统计分析"
    body = json.dumps({"items": [{"sfzh": make_id(seq=f"{i:03d}"), "xm": "张三"} for i in range(RECORDS)]})
    ex.inspection = INSPECTOR.inspect(body.encode(), "application/json", None, PROFILES.get("statistician"))
    ex.level = ex.inspection.level
    ex.upstream = Response(200, [], body.encode())
    ex.response = Response(200, [], ex.inspection.body)
    return ex


def test_a_withheld_response_gives_its_records_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quota = MemoryQuota()
    release = Release(PolicyStore(PolicyFiles()), quota)
    spool = Spool(tmp_path, "gw", 1 << 20, 1 << 20)
    spool.open()
    audit = Audit(spool, INSPECTOR, PROFILES.get("strict"), withheld=release.give_back)

    async def scenario() -> tuple[Exchange, Exchange]:
        released = _exchange()
        await release(released)
        await audit(released)  # audited: the records count
        withheld = _exchange()
        await release(withheld)

        async def failing(event: dict[str, Any], wait_for_disk: bool = True) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(spool, "append", failing)
        await audit(withheld)
        return released, withheld

    released, withheld = asyncio.run(scenario())
    spool.close()
    assert released.failure is None and released.level.label != "general"
    assert withheld.failure is not None and withheld.failure.code == "audit_unavailable"
    assert list(quota.counts.values()) == [RECORDS]  # the withheld response's records came back
    assert any("given back" in c for c in withheld.conditions) and withheld.quota_charge is None
