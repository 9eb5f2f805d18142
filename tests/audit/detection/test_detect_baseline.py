"""Baselines of a cardinality rule: the subject's own earlier days and its peers (no OpenSearch)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from audit.detection.definitions import RuleError, load_rules, parse_rule
from audit.detection.query import Window, hits, search_body

SH = ZoneInfo("Asia/Shanghai")
RULE = next(r for r in load_rules() if r.id == "misuse.bulk_above_baseline")


def _bucket(user: str, today: int, history: list[int], roles: list[str]) -> dict[str, Any]:
    return {
        "key": {"k0": user},
        "doc_count": today + sum(history),
        "cur": {"doc_count": today, "m": {"value": today}},
        "base": {"per": {"buckets": [{"m": {"value": v}} for v in history]}},
        "a0": {"buckets": [{"key": r} for r in roles]},
    }


def _found(*buckets: dict[str, Any]) -> dict[str, float]:
    # Two pages, as the engine reads them: peers are averaged over all of them.
    pages = [{"aggregations": {"g": {"buckets": list(buckets[i : i + 2])}}} for i in range(0, len(buckets), 2)]
    return {h.subjects["user.id"]: h.value for h in hits(RULE, pages)}


def test_far_above_own_history_and_peers_fires() -> None:
    found = _found(
        _bucket("zhangwei", 200, [20] * 7, ["caseworker"]),
        _bucket("liqiang", 30, [25] * 7, ["caseworker"]),
        _bucket("sunli", 40, [30] * 7, ["caseworker"]),
    )
    assert found == {"zhangwei": 200}


def test_within_own_history_or_like_peers_or_below_threshold_does_not_fire() -> None:
    # A statistician who always reads ~150 people a day: not above their own baseline.
    assert _found(_bucket("chenjing", 160, [150] * 7, ["statistician"])) == {}
    # A new user, but every caseworker read as many today (e.g. an annual review campaign).
    assert _found(*(_bucket(f"u{i}", 120 + i, [], ["caseworker"]) for i in range(4))) == {}
    # Far above history and peers, but under the absolute floor of 50.
    assert _found(_bucket("a", 45, [1] * 7, ["caseworker"]), _bucket("b", 2, [], ["caseworker"])) == {}


def test_own_baseline_averages_over_all_windows_even_silent_ones() -> None:
    # Seven earlier days, two of them with 140 people: average 40, so 130 is above 3 × 40.
    assert _found(_bucket("x", 130, [140, 140], ["reviewer"])) == {"x": 130}
    assert _found(_bucket("x", 110, [140, 140], ["reviewer"])) == {}


def test_search_body_counts_distinct_persons_per_earlier_day_and_collects_roles() -> None:
    window = Window(datetime(2026, 11, 28, tzinfo=SH), datetime(2026, 11, 29, tzinfo=SH))
    body = search_body(RULE, window)
    group = body["aggs"]["g"]
    assert group["composite"]["sources"] == [{"k0": {"terms": {"field": "user.id"}}}]
    per = group["aggs"]["base"]["aggs"]["per"]["date_histogram"]
    assert per["fixed_interval"] == "1d" and per["time_zone"] == "Asia/Shanghai"
    assert group["aggs"]["a0"] == {"terms": {"field": "user.roles", "size": 50}}
    since = body["query"]["bool"]["filter"][1]["range"]["@timestamp"]["gte"]
    assert since == "2026-11-20T16:00:00.000Z"  # seven days before the window, Beijing midnight


@pytest.mark.parametrize(
    "baseline",
    [{"windows": 7, "factor": 3, "peers": 5}, {"windows": 7, "factor": 3, "peers": "user.roles", "peer_factor": 0}],
)
def test_bad_peer_baselines_are_refused(tmp_path: Path, baseline: dict[str, Any]) -> None:
    data = {
        "id": "t", "title_zh": "t", "title_en": "t", "severity": "low", "window": "1d", "query": {"match_all": {}},
        "group_by": ["user.id"], "measure": {"type": "cardinality", "field": "f"}, "threshold": 1,
        "explanation_zh": "t", "baseline": baseline,
    }  # fmt: skip
    with pytest.raises(RuleError, match="peer"):
        parse_rule(data, "t", tmp_path)


def test_bad_references_are_refused(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "id": "t", "title_zh": "t", "title_en": "t", "severity": "low", "window": "1d", "query": {"match_all": {}},
        "group_by": ["user.id"], "measure": {"type": "count"}, "threshold": 1, "explanation_zh": "t",
    }  # fmt: skip
    for bad in ({"index": "payroll", "any_of": [{"a": "b"}]}, {"index": "staff", "any_of": []}, {"index": "staff"}):
        with pytest.raises(RuleError, match="reference"):
            parse_rule({**data, "reference": bad}, "t", tmp_path)


def test_peers_on_later_pages_count_and_idle_peers_do_not() -> None:
    # zhangwei comes on the first page; the busy colleagues who make 200 ordinary on later ones.
    busy = [_bucket(f"u{i}", 100, [90] * 7, ["caseworker"]) for i in range(3)]
    assert _found(_bucket("zhangwei", 200, [20] * 7, ["caseworker"]), _bucket("x", 1, [], ["reviewer"]), *busy) == {}
    # Colleagues with history but no query today are not "active peers": they do not pull the mean down.
    idle = [_bucket(f"idle{i}", 0, [60] * 7, ["caseworker"]) for i in range(5)]
    assert _found(_bucket("zhangwei", 200, [20] * 7, ["caseworker"]), busy[0], *idle) == {}
    assert _found(_bucket("zhangwei", 200, [20] * 7, ["caseworker"]), *idle) == {"zhangwei": 200}
