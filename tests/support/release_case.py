"""A response through the release stage alone, as a caseworker of 汉滨区 (610902) with a declared
purpose reads it on a region route: inspected with the caseworker's profile, then released."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from classifiers.inspect import Inspector
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.release import Release
from policies.bundle import PolicyFiles, PolicyStore
from policies.masking import load_profiles
from policies.quota import MemoryQuota
from policies.routes import RouteMatch

INSPECTOR = Inspector()
CASEWORKER = load_profiles().get("caseworker")


def released(body: bytes, media_type: str, region: str = "610902") -> Exchange:
    """The exchange after release: `failure` set if it was withheld. A fresh daily count each call."""
    path = f"/api/v1/regions/{region}/persons"
    ex = Exchange(Request("GET", path, b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区", "api_key", "cw")
    ex.route = RouteMatch("person.list", "person", "list", {"region": region}, path)
    ex.purpose = "救助审核"
    ex.inspection = INSPECTOR.inspect(body, media_type, None, CASEWORKER)
    ex.level = ex.inspection.level
    ex.response = Response(200, [], ex.inspection.body)
    asyncio.run(Release(PolicyStore(PolicyFiles()), MemoryQuota())(ex))
    return ex


def judged(body: bytes, media_type: str, code: str | None, region: str = "610902") -> None:
    """Released (``code`` None), or withheld by the region check with 502 ``code``, on the route of
    ``region``."""
    ex = released(body, media_type, region)
    if code is None:
        assert ex.failure is None and ex.response is not None, ex.failure
    else:
        assert ex.failure is not None and ex.failure.code == code, ex.failure
        assert ex.failure.status == 502 and ex.condition_failed == "region_scope"


def items_json(*records: dict[str, Any]) -> bytes:
    """The records as a JSON list response, ``{"items": [...]}``."""
    return json.dumps({"items": list(records)}, ensure_ascii=False).encode()
