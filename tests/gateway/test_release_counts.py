"""What a response counts for against the record limits (release stage): its records, or the
persons it names by ID number if they are more."""

from __future__ import annotations

import asyncio
import json

import pytest

from classifiers.inspect import Inspector
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.release import Release
from policies.bundle import PolicyFiles, PolicyStore
from policies.masking import load_profiles
from policies.quota import MemoryQuota
from policies.routes import RouteMatch
from support.synth_people import make_id

INSPECTOR = Inspector()
CASEWORKER = load_profiles().get("caseworker")


def _released(body: dict[str, object]) -> Exchange:
    path = "/api/v1/regions/610902/persons"
    ex = Exchange(Request("GET", path, b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区", "api_key", "cw")
    ex.route = RouteMatch("person.list", "person", "list", {"region": "610902"}, path)
    ex.purpose = "救助审核"
    ex.inspection = INSPECTOR.inspect(json.dumps(body, ensure_ascii=False).encode(), "j", None, CASEWORKER)
    ex.level = ex.inspection.level
    ex.response = Response(200, [], ex.inspection.body)
    asyncio.run(Release(PolicyStore(PolicyFiles()), MemoryQuota())(ex))
    return ex


def _people(n: int) -> list[dict[str, str]]:
    return [{"xm": "张伟", "sfzh": make_id("610902", "19500101", f"{i:03d}"), "regionCode": "610902"} for i in range(n)]


@pytest.mark.parametrize(
    "body",
    [
        {"persons": _people(201)},  # under a key the inspector does not read as the answer's list
        {"code": 0, "data": json.dumps(_people(201), ensure_ascii=False)},  # the list inside a JSON string
        {"data": {"page": {"content": {"rows": _people(201)}}}},  # a page nested deeper
    ],
)
def test_persons_beyond_the_records_count_against_the_limit_per_response(body: dict[str, object]) -> None:
    """The caseworker's limit is 200 a response. These 201 records counted as one record,
    and went out whole."""
    ex = _released(body)
    assert ex.failure is not None and ex.failure.code == "too_many_records", ex.failure


def test_a_list_within_the_limit_goes_out() -> None:
    ex = _released({"persons": _people(200)})
    assert ex.failure is None
    assert ex.inspection is not None and len(ex.inspection.persons) == 200
