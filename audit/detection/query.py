"""From a rule and one window to OpenSearch search bodies, and from their answers to hits.

Everything is counted by OpenSearch: a composite aggregation over the subject fields, read
page by page (`after_key`), with the measure per group. Every group is evaluated, whatever the
volume: a terms aggregation with a `size` silently dropped the groups beyond it (at 10 million
events a day, docs/benchmarks-detection.md). Python compares each page's groups with the
threshold, then fetches the evidence (the ids of up to 100 events, and how many there are)
for each hit with one more small search.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from policies.enforcer import region_prefix

from .definitions import OffHours, Rule

EVIDENCE = 100  # ids of audit events kept per alert (the alert also says how many there were)
ATTRIBUTE_VALUES = 50  # values collected per group of an attribute field (attribute_fields)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Hit:
    subjects: dict[str, str]
    value: float
    events: int  # audit events in the bucket
    evidence: list[str] = field(default_factory=list)
    evidence_total: int | None = None  # events matching the evidence search (≥ len(evidence))
    baseline: float | None = None
    peer_baseline: float | None = None
    attributes: dict[str, list[str]] = field(default_factory=dict)  # values seen, see attribute_fields
    last: datetime | None = None  # the latest event (rules with reference.event_after)
    since: datetime | None = None  # evidence from this moment on (set by the reference join)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def windows(rule: Rule, start: datetime, end: datetime) -> list[Window]:
    """The rule's windows that overlap [start, end), each whole: aligned to multiples of the
    window since 1970-01-01 00:00 in the rule's time zone (so 1d = a local calendar day), so
    that re-running any range finds the same windows and the same alert ids."""
    tz = ZoneInfo(rule.timezone)
    origin = datetime(1970, 1, 1, tzinfo=tz)
    size = rule.window
    first = origin + size * ((start.astimezone(tz) - origin) // size)
    out: list[Window] = []
    cursor = first
    while cursor < end:
        # Wall-clock arithmetic in a zone without DST (Asia/Shanghai) is exact.
        out.append(Window(cursor, cursor + size))
        cursor += size
    return out


def off_hours_ranges(off: OffHours, window: Window, tz_name: str) -> list[dict[str, Any]]:
    """The parts of the window outside working hours, as @timestamp ranges."""
    tz = ZoneInfo(tz_name)
    start, end = window.start.astimezone(tz), window.end.astimezone(tz)
    (h1, m1), (h2, m2) = (map(int, off.start.split(":")), map(int, off.end.split(":")))
    working: list[tuple[datetime, datetime]] = []
    day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    while day < end:
        if not (off.weekends and day.weekday() >= 5):
            working.append((day.replace(hour=h1, minute=m1), day.replace(hour=h2, minute=m2)))
        day += timedelta(days=1)
    ranges, cursor = [], start
    for w_start, w_end in working:
        if w_end <= cursor or w_start >= end:
            continue
        if w_start > cursor:
            ranges.append((cursor, w_start))
        cursor = max(cursor, w_end)
    if cursor < end:
        ranges.append((cursor, end))
    return [{"range": {"@timestamp": {"gte": iso(a), "lt": iso(b)}}} for a, b in ranges]


def _amount_above(standards: dict[str, float]) -> dict[str, Any]:
    return {
        "bool": {
            "should": [
                {
                    "bool": {
                        "filter": [
                            {"term": {"minguard.business.program": program}},
                            {"range": {"minguard.business.amount": {"gt": amount}}},
                        ]
                    }
                }
                for program, amount in sorted(standards.items())
            ],
            "minimum_should_match": 1,
        }
    }


def _filters(rule: Rule, window: Window, since: datetime) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = [
        {"term": {"event.kind": rule.event_kind}},
        {"range": {"@timestamp": {"gte": iso(since), "lt": iso(window.end)}}},
        rule.query,
    ]
    if rule.off_hours is not None:
        ranges = off_hours_ranges(rule.off_hours, window, rule.timezone) or [{"match_none": {}}]
        filters.append({"bool": {"should": ranges, "minimum_should_match": 1}})
    if rule.amount_standards:
        filters.append(_amount_above(rule.amount_standards))
    return filters


def attribute_fields(rule: Rule) -> list[str]:
    """Fields whose values each hit collects (not subjects): what a reference join compares,
    and the peer-group field of a baseline."""
    wanted = set(rule.reference.event_fields) if rule.reference else set()
    if rule.baseline is not None and rule.baseline.peers:
        wanted.add(rule.baseline.peers)
    return sorted(wanted - set(rule.group_by))


def _measure(rule: Rule) -> dict[str, Any]:
    spec: dict[str, Any] = {"field": rule.measure_field}
    if rule.measure == "cardinality":
        # Exact counting well past the threshold, then HyperLogLog: with the default (3000) a
        # terms aggregation over 400,000 person tokens asked for 1.9 GB and tripped the request
        # breaker at one million events (docs/benchmarks-detection.md).
        spec["precision_threshold"] = max(100, 4 * int(rule.threshold))
    return {rule.measure: spec}


def _inner(rule: Rule, window: Window) -> dict[str, Any]:
    inner: dict[str, Any] = {}
    if rule.baseline is not None:
        cur: dict[str, Any] = {"filter": {"range": {"@timestamp": {"gte": iso(window.start)}}}}
        base: dict[str, Any] = {"filter": {"range": {"@timestamp": {"lt": iso(window.start)}}}}
        if rule.measure == "cardinality":
            # Distinct values per earlier window (not over the whole lookback, which would
            # understate a baseline of the same people day after day).
            metric = {"m": _measure(rule)}
            cur["aggs"] = metric
            per = {"field": "@timestamp", "fixed_interval": rule.window_text, "time_zone": rule.timezone}
            base["aggs"] = {"per": {"date_histogram": {**per, "min_doc_count": 1}, "aggs": metric}}
        inner = {"cur": cur, "base": base}
    elif rule.measure != "count":
        inner = {"m": _measure(rule)}
    for i, name in enumerate(attribute_fields(rule)):
        inner[f"a{i}"] = {"terms": {"field": name, "size": ATTRIBUTE_VALUES}}
    if rule.reference is not None and rule.reference.event_after:
        inner["last"] = {"max": {"field": "@timestamp"}}
    return inner


def search_body(rule: Rule, window: Window, after: dict[str, Any] | None = None) -> dict[str, Any]:
    """One page of groups: a composite aggregation over the subject fields (sources k0, k1…),
    the measure in each group, from `after` (the previous page's after_key) on.

    The threshold is applied to each page's groups in Python (`hits`), not with a
    bucket_selector: that needs the painless scripting module, which a minimal node (the local
    one) lacks. A composite page cannot be cut by min_doc_count or ordered by the measure, so
    every group comes back once, in key order; `page_size` bounds one request's memory.
    """
    lookback = rule.window * rule.baseline.windows if rule.baseline else timedelta(0)
    sources = [{f"k{i}": {"terms": {"field": name}}} for i, name in enumerate(rule.group_by)]
    composite: dict[str, Any] = {"size": rule.page_size, "sources": sources}
    if after is not None:
        composite["after"] = after
    inner = _inner(rule, window)
    group: dict[str, Any] = {"composite": composite, **({"aggs": inner} if inner else {})}
    filters = _filters(rule, window, window.start - lookback)
    return {"size": 0, "track_total_hits": False, "query": {"bool": {"filter": filters}}, "aggs": {"g": group}}


def next_page(rule: Rule, answer: dict[str, Any]) -> dict[str, Any] | None:
    """The `after` of the next page, or None when this page was the last (not full)."""
    group = answer.get("aggregations", {}).get("g", {})
    if len(group.get("buckets", [])) < rule.page_size:
        return None
    after: dict[str, Any] | None = group.get("after_key")
    return after


def evidence_body(
    rule: Rule, window: Window, subjects: dict[str, str], since: datetime | None = None
) -> dict[str, Any]:
    """The first EVIDENCE events of one hit: the rule's filters in the window, and its subject."""
    filters = _filters(rule, window, window.start) + [{"term": {k: v}} for k, v in subjects.items()]
    if since is not None:
        filters.append({"range": {"@timestamp": {"gte": iso(since)}}})
    return {
        "size": EVIDENCE,
        "_source": False,
        "track_total_hits": True,  # the alert says how many events there are beyond the ids it keeps
        "query": {"bool": {"filter": filters}},
        "sort": [{"@timestamp": "asc"}, {"event.id": "asc"}],
    }


def outside_region(subjects: dict[str, str]) -> bool:
    """The target region is not under the caller's own, as authorization reads it (610900
    covers 6109xx; a township's 9-digit code covers only itself and its villages)."""
    own = region_prefix(subjects.get("minguard.principal.region", ""))
    return not subjects.get("minguard.target_region", "").startswith(own)


SUBJECT_FILTERS = {"outside_region": outside_region}


def _current(rule: Rule, bucket: dict[str, Any]) -> tuple[float, int]:
    """(value, events) of a bucket in the evaluated window."""
    if rule.baseline is None:
        value = bucket["doc_count"] if rule.measure == "count" else bucket["m"]["value"] or 0
        return float(value), int(bucket["doc_count"])
    cur = bucket["cur"]
    return float(cur["doc_count"] if rule.measure == "count" else cur["m"]["value"] or 0), int(cur["doc_count"])


def _own_baseline(rule: Rule, bucket: dict[str, Any]) -> float:
    windows = rule.baseline.windows if rule.baseline else 1
    if rule.measure == "count":
        return float(bucket["base"]["doc_count"]) / windows
    return sum(float(b["m"]["value"] or 0) for b in bucket["base"]["per"]["buckets"]) / windows


def _peer_mean(totals: dict[str, list[float]], groups: list[str], own: float) -> float | None:
    """The highest average, over the subject's peer groups, of the other members' values."""
    means = [(totals[g][0] - own) / (totals[g][1] - 1) for g in groups if g in totals and totals[g][1] > 1]
    return max(means) if means else None


def _attributes(rule: Rule, names: list[str], subjects: dict[str, str], bucket: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i, name in enumerate(names):
        terms = bucket[f"a{i}"]
        if terms.get("sum_other_doc_count", 0):  # never silently: a join may miss a value beyond the cap
            log.warning(
                "%s %s: more than %d values of %s; only these compared", rule.id, subjects, ATTRIBUTE_VALUES, name
            )
        out[name] = [str(x["key"]) for x in terms["buckets"]]
    return out


def hits(rule: Rule, answers: Iterable[dict[str, Any]]) -> Iterator[Hit]:
    """The groups of every page at or above the threshold (and, with a baseline, above factor ×
    the subject's own earlier windows and, if it has peers active in the window, above
    peer_factor × their average).

    Hits are yielded page by page, except with peers: their average needs every page, so the
    pages add up a sum and a count per peer group and only the candidates wait for the end.
    """
    keep = SUBJECT_FILTERS[rule.subject_filter] if rule.subject_filter else None
    names = attribute_fields(rule)
    peers = rule.baseline.peers if rule.baseline is not None else None
    totals: dict[str, list[float]] = {}  # peer group -> [sum of values, members active in the window]
    waiting: list[tuple[Hit, list[str]]] = []
    for answer in answers:
        for subjects, bucket in _leaves(rule, answer):
            if keep is not None and not keep(subjects):
                continue
            attrs = _attributes(rule, names, subjects, bucket)
            value, events = _current(rule, bucket)
            groups = attrs.get(peers, []) if peers else []
            for group in groups if events else []:
                total = totals.setdefault(group, [0.0, 0])
                total[0] += value
                total[1] += 1
            if value < rule.threshold:
                continue
            own = None
            if rule.baseline is not None:
                own = _own_baseline(rule, bucket)
                if value <= rule.baseline.factor * own:
                    continue
            last = bucket.get("last", {}).get("value")
            moment = datetime.fromtimestamp(last / 1000, UTC) if isinstance(last, int | float) else None
            hit = Hit(subjects, value, events, [], baseline=own, attributes=attrs, last=moment)
            if peers:
                waiting.append((hit, groups))
            else:
                yield hit
    peer_factor = rule.baseline.peer_factor if rule.baseline is not None else 1.0
    for hit, groups in waiting:
        peer = _peer_mean(totals, groups, hit.value)
        if peer is None or hit.value > peer_factor * peer:
            yield dataclasses.replace(hit, peer_baseline=peer)


def _leaves(rule: Rule, answer: dict[str, Any]) -> Iterator[tuple[dict[str, str], dict[str, Any]]]:
    for bucket in answer.get("aggregations", {}).get("g", {}).get("buckets", []):
        key = bucket["key"]
        yield {name: str(key[f"k{i}"]) for i, name in enumerate(rule.group_by)}, bucket
