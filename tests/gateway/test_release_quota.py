"""The daily quota in the release stage: a counter that stayed busy refuses (fail closed)."""

from __future__ import annotations

import asyncio
import json

from classifiers.inspect import Inspector
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.release import Release
from policies.bundle import PolicyFiles, PolicyStore
from policies.masking import load_profiles
from policies.quota import MemoryQuota, QuotaResult
from policies.routes import RouteMatch

INSPECTOR = Inspector()


class Busy:
    """A shared counter that other processes kept changing for the whole budget."""

    async def consume(self, key: str, amount: int, limit: int) -> QuotaResult:
        return QuotaResult(False, 40, limit, contended=True)


def test_a_busy_counter_withholds_the_response() -> None:
    path = "/api/v1/regions/610902/persons"
    ex = Exchange(Request("GET", path, b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("li", "person", ("statistician",), "6109", "市民政局", "api_key", "st")
    ex.route = RouteMatch("person.list", "person", "list", {"region": "610902"}, path)
    ex.purpose = "统计分析"
    body = json.dumps({"items": [{"xm": "张三", "regionCode": "610902002001"}]}, ensure_ascii=False).encode()
    ex.inspection = INSPECTOR.inspect(body, "application/json", None, load_profiles().get("statistician"))
    ex.level = ex.inspection.level
    ex.response = Response(200, [], ex.inspection.body)

    asyncio.run(Release(PolicyStore(PolicyFiles()), Busy())(ex))

    assert ex.response is None and ex.failure is not None
    assert (ex.failure.status, ex.failure.code) == (429, "daily_quota_contended")
    assert ex.condition_failed == "max_records_per_day:statistician"
    assert "max_records_per_day:statistician 40/5000 (contended)" in ex.conditions
    assert ex.quota_charge is None


def test_one_account_spelt_two_ways_shares_its_daily_count() -> None:
    """A key names the statistician "chenjing", the identity provider's token "ChenJing": one
    person, whose records count against one daily limit, not two."""
    quota = MemoryQuota()
    release = Release(PolicyStore(PolicyFiles()), quota)
    body = json.dumps({"items": [{"xm": "张三", "regionCode": "610902002001"}]}, ensure_ascii=False).encode()
    for subject in ("chenjing", "ChenJing", " ｃｈｅｎｊｉｎｇ"):
        path = "/api/v1/regions/610902/persons"
        ex = Exchange(Request("GET", path, b"", [], "127.0.0.1", 40000, "http"))
        ex.principal = Principal(subject, "person", ("statistician",), "610900", "市民政局", "jwt", "idp")
        ex.route = RouteMatch("person.list", "person", "list", {"region": "610902"}, path)
        ex.purpose = "统计分析"
        ex.inspection = INSPECTOR.inspect(body, "application/json", None, load_profiles().get("statistician"))
        ex.level = ex.inspection.level
        ex.response = Response(200, [], ex.inspection.body)
        asyncio.run(release(ex))
        assert ex.failure is None
    assert list(quota.counts.values()) == [3]
