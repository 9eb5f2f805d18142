"""Rule files, windows, off-hours ranges and the search bodies they become (no OpenSearch)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from audit.detection.alerts import alert_document, alert_id, subject_key
from audit.detection.definitions import RULES_DIR, RuleError, load_rules, parse_rule
from audit.detection.query import (
    Hit,
    Window,
    evidence_body,
    hits,
    next_page,
    off_hours_ranges,
    outside_region,
    search_body,
    windows,
)

SH = ZoneInfo("Asia/Shanghai")


def _rule(tmp_path: Path, **changes: Any) -> Any:
    data: dict[str, Any] = {
        "id": "t.rule",
        "title_zh": "测试",
        "title_en": "test",
        "severity": "high",
        "window": "1h",
        "query": {"match_all": {}},
        "group_by": ["user.id"],
        "measure": {"type": "count"},
        "threshold": 3,
        "explanation_zh": "说明",
        **changes,
    }
    return parse_rule({k: v for k, v in data.items() if v is not None}, "test", tmp_path)


def test_shipped_rules_load_with_unique_ids_and_zh_explanations() -> None:
    rules = load_rules()
    assert len(rules) >= 14
    assert all(r.explanation_zh and r.title_zh for r in rules)
    standards = next(r for r in rules if r.id == "fund.amount_above_standard").amount_standards
    assert standards is not None and standards["linshi"] == 5000


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"severity": "urgent"}, "severity"),
        ({"window": "1w"}, "window"),
        ({"threshold": 0}, "threshold"),
        ({"measure": {"type": "cardinality"}}, "measure"),
        ({"measure": {"type": "count"}, "baseline": {"windows": 0, "factor": 2}}, "baseline"),
        ({"colour": "red"}, "unknown keys"),
        ({"query": None}, "query"),
        ({"off_hours": {"start": "25:00"}}, "off_hours"),
        ({"event_kind": "checkpoint"}, "event_kind"),
    ],
)
def test_broken_rules_are_named(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        _rule(tmp_path, **change)


def test_duplicate_ids_and_unknown_rule_are_refused(tmp_path: Path) -> None:
    body = yaml.safe_load((RULES_DIR / "misuse-bulk-access.yaml").read_text(encoding="utf-8"))
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate"):
        load_rules(tmp_path)
    (tmp_path / "b.yaml").unlink()
    with pytest.raises(RuleError, match="no rule"):
        load_rules(tmp_path, "nope")


def test_day_windows_are_local_calendar_days(tmp_path: Path) -> None:
    rule = _rule(tmp_path, window="1d")
    start = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
    got = windows(rule, start, start + timedelta(hours=20))  # to 05:30 next day, Shanghai
    assert [w.start for w in got] == [datetime(2026, 3, 2, tzinfo=SH), datetime(2026, 3, 3, tzinfo=SH)]
    assert all(w.end - w.start == timedelta(days=1) for w in got)
    # Re-running a sub-range finds the same windows, hence the same alert ids.
    assert windows(rule, start + timedelta(hours=3), start + timedelta(hours=4)) == got[:1]


def test_off_hours_ranges_cut_out_working_hours_and_keep_weekends() -> None:
    from audit.detection.definitions import OffHours

    monday = Window(datetime(2026, 3, 2, tzinfo=SH), datetime(2026, 3, 3, tzinfo=SH))
    ranges = off_hours_ranges(OffHours("08:00", "18:00", True), monday, "Asia/Shanghai")
    spans = [(r["range"]["@timestamp"]["gte"], r["range"]["@timestamp"]["lt"]) for r in ranges]
    assert spans == [
        ("2026-03-01T16:00:00.000Z", "2026-03-02T00:00:00.000Z"),  # 00:00-08:00 local
        ("2026-03-02T10:00:00.000Z", "2026-03-02T16:00:00.000Z"),  # 18:00-24:00 local
    ]
    saturday = Window(datetime(2026, 3, 7, tzinfo=SH), datetime(2026, 3, 8, tzinfo=SH))
    assert len(off_hours_ranges(OffHours("08:00", "18:00", True), saturday, "Asia/Shanghai")) == 1
    assert len(off_hours_ranges(OffHours("08:00", "18:00", False), saturday, "Asia/Shanghai")) == 2


def test_search_body_pages_groups_and_selects_by_threshold(tmp_path: Path) -> None:
    rule = _rule(
        tmp_path,
        group_by=["minguard.business.case_id", "minguard.business.operator"],
        measure={"type": "cardinality", "field": "minguard.business.step"},
        threshold=2,
        page_size=2,
    )
    window = Window(datetime(2026, 3, 2, 9, tzinfo=SH), datetime(2026, 3, 2, 10, tzinfo=SH))
    body = search_body(rule, window)
    assert body["size"] == 0
    group = body["aggs"]["g"]
    assert group["composite"] == {
        "size": 2,
        "sources": [
            {"k0": {"terms": {"field": "minguard.business.case_id"}}},
            {"k1": {"terms": {"field": "minguard.business.operator"}}},
        ],
    }
    # Exact counts well past the threshold, without the default's memory (benchmarks-detection.md).
    assert group["aggs"]["m"] == {"cardinality": {"field": "minguard.business.step", "precision_threshold": 100}}
    assert "select" not in group["aggs"]  # no scripts: the threshold is applied to the buckets
    first = {
        "aggregations": {
            "g": {
                "after_key": {"k0": "C1", "k1": "x"},
                "buckets": [
                    {"key": {"k0": "C1", "k1": "zhangwei"}, "doc_count": 2, "m": {"value": 2}},
                    {"key": {"k0": "C1", "k1": "x"}, "doc_count": 1, "m": {"value": 1}},
                ],
            }
        }
    }
    # A full page: the next one starts after its last key; a page that is not full is the last.
    after = next_page(rule, first)
    assert after == {"k0": "C1", "k1": "x"}
    assert search_body(rule, window, after)["aggs"]["g"]["composite"]["after"] == after
    last = {"aggregations": {"g": {"buckets": [{"key": {"k0": "C9", "k1": "li"}, "doc_count": 5, "m": {"value": 3}}]}}}
    assert next_page(rule, last) is None
    got = list(hits(rule, [first, last]))
    assert got == [
        Hit({"minguard.business.case_id": "C1", "minguard.business.operator": "zhangwei"}, 2.0, 2),
        Hit({"minguard.business.case_id": "C9", "minguard.business.operator": "li"}, 3.0, 5),
    ]
    time_filter = body["query"]["bool"]["filter"][1]["range"]["@timestamp"]
    assert time_filter == {"gte": "2026-03-02T01:00:00.000Z", "lt": "2026-03-02T02:00:00.000Z"}


def test_older_size_key_is_a_page_size_and_bad_page_sizes_are_refused(tmp_path: Path) -> None:
    assert _rule(tmp_path, size=10000).page_size == 10000
    assert _rule(tmp_path).page_size == 5000
    for bad in (0, 70000, "big", True):
        with pytest.raises(RuleError, match="page_size"):
            _rule(tmp_path, page_size=bad)


def test_baseline_looks_back_and_reads_current_and_earlier_counts(tmp_path: Path) -> None:
    rule = _rule(tmp_path, window="1d", baseline={"windows": 7, "factor": 3})
    window = Window(datetime(2026, 3, 9, tzinfo=SH), datetime(2026, 3, 10, tzinfo=SH))
    body = search_body(rule, window)
    assert body["query"]["bool"]["filter"][1]["range"]["@timestamp"]["gte"] == "2026-03-01T16:00:00.000Z"
    answer = {
        "aggregations": {
            "g": {
                "buckets": [
                    {
                        "key": {"k0": "610902001001"},
                        "doc_count": 14,
                        "cur": {"doc_count": 12, "evidence": {"hits": {"hits": [{"_id": "e1"}]}}},
                        "base": {"doc_count": 7},
                    }
                ]
            }
        }
    }
    (hit,) = hits(rule, [answer])
    assert hit == Hit({"user.id": "610902001001"}, 12.0, 12, [], baseline=1.0)  # 12 ≤ 3 × 4: not the second


def test_evidence_filters_on_the_subject_and_counts_all_its_events(tmp_path: Path) -> None:
    rule = _rule(tmp_path, threshold=10, off_hours={"start": "08:00", "end": "18:00"})
    window = Window(datetime(2026, 3, 2, 9, tzinfo=SH), datetime(2026, 3, 2, 10, tzinfo=SH))
    body = evidence_body(rule, window, {"user.id": "zhangwei"})
    assert body["size"] == 100 and body["_source"] is False and body["track_total_hits"] is True
    assert {"term": {"user.id": "zhangwei"}} in body["query"]["bool"]["filter"]
    # 09:00-10:00 on a Monday lies inside working hours: nothing can match.
    assert {"bool": {"should": [{"match_none": {}}], "minimum_should_match": 1}} in body["query"]["bool"]["filter"]


def test_outside_region_filter() -> None:
    assert outside_region({"minguard.principal.region": "610921", "minguard.target_region": "610902"})
    assert not outside_region({"minguard.principal.region": "610900", "minguard.target_region": "610902001"})
    assert not outside_region({"minguard.principal.region": "610902", "minguard.target_region": "610902"})
    # A township's code covers itself and its villages only, as authorization reads it.
    assert outside_region({"minguard.principal.region": "610902100", "minguard.target_region": "610902101"})
    assert not outside_region({"minguard.principal.region": "610902100", "minguard.target_region": "610902100001"})
    assert outside_region({"minguard.principal.region": "610902100200", "minguard.target_region": "610902100201"})


def test_alert_ids_depend_on_rule_window_and_subject_only(tmp_path: Path) -> None:
    rule = _rule(tmp_path)
    w = Window(datetime(2026, 3, 2, 9, tzinfo=SH), datetime(2026, 3, 2, 10, tzinfo=SH))
    hit = Hit({"user.id": "zhangwei"}, 5, 5, ["a", "b"])
    first = alert_document(rule, w, hit, datetime.now(UTC))
    again = alert_document(rule, w, Hit({"user.id": "zhangwei"}, 9, 9, ["c"]), datetime.now(UTC) + timedelta(hours=1))
    assert first["alert"]["id"] == again["alert"]["id"] == alert_id(rule.id, w, subject_key(hit.subjects))
    other = Window(w.end, w.end + timedelta(hours=1))
    assert alert_document(rule, other, hit, datetime.now(UTC))["alert"]["id"] != first["alert"]["id"]
    assert first["alert"]["state"] == "new" and first["alert"]["evidence"] == ["a", "b"]
    assert first["alert"]["evidence_total"] == 2 and first["alert"]["evidence_truncated"] is False
    capped = Hit({"user.id": "zhangwei"}, 500, 500, [f"e{i}" for i in range(100)], evidence_total=500)
    alert = alert_document(rule, w, capped, datetime.now(UTC))["alert"]
    assert (alert["evidence_total"], alert["evidence_truncated"], len(alert["evidence"])) == (500, True, 100)


def test_a_rule_reads_accesses_unless_it_names_the_lifecycle_entries(tmp_path: Path) -> None:
    window = Window(datetime(2026, 11, 30, tzinfo=UTC), datetime(2026, 11, 30, 1, tzinfo=UTC))

    def kinds(rule: Any) -> list[Any]:
        body = search_body(rule, window)
        return [f["term"]["event.kind"] for f in body["query"]["bool"]["filter"] if "event.kind" in f.get("term", {})]

    assert kinds(_rule(tmp_path)) == ["event"]
    assert kinds(_rule(tmp_path, event_kind="lifecycle")) == ["lifecycle"]
    (interrupted,) = load_rules(only="audit.process_interrupted")
    assert interrupted.event_kind == "lifecycle" and interrupted.group_by == ("minguard.instance",)
