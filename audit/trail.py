"""The audit trail as `audit verify` reads it back from OpenSearch: each instance's chain by seq,
from the signed checkpoint before a period to the one after it (audit/verify.py checks it).
Used by `minguard audit verify`, the 等保 report and the scheduled trail check."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from opensearchpy import OpenSearch

SEQ = "minguard.chain.seq"
INSTANCE = "minguard.chain.instance"


def _checkpoint(client: OpenSearch, index: str, instance: str, bound: dict[str, Any], before: bool) -> dict[str, Any]:
    """The instance's nearest checkpoint at or before (after) a bound on seq or @timestamp;
    empty if there is none."""
    body = {
        "size": 1,
        "query": {
            "bool": {
                "filter": [{"term": {INSTANCE: instance}}, {"term": {"event.kind": "checkpoint"}}, {"range": bound}]
            }
        },
        "sort": [{SEQ: {"order": "desc" if before else "asc", "unmapped_type": "long"}}],
    }
    hits = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)["hits"]["hits"]
    source: dict[str, Any] = hits[0]["_source"] if hits else {}
    return source


def _seq(checkpoint: dict[str, Any]) -> int:
    return int(checkpoint["minguard"]["chain"]["seq"])


def _at_seq(seq: int, before: bool) -> dict[str, Any]:
    return {SEQ: {"lte" if before else "gte": seq}}


def _at_time(time: datetime, before: bool) -> dict[str, Any]:
    return {"@timestamp": {"lte" if before else "gte": time.isoformat(timespec="milliseconds")}}


def _in_time(start: datetime | None, end: datetime | None) -> list[dict[str, Any]]:
    bounds = {k: v.isoformat(timespec="milliseconds") for k, v in (("gte", start), ("lte", end)) if v is not None}
    return [{"range": {"@timestamp": bounds}}] if bounds else []


def _running_at(checkpoint: dict[str, Any], time: datetime) -> bool:
    """Whether the instance that wrote this checkpoint (its last before `time`) should have
    written more since: not closed, and recent enough that a heartbeat was due by `time`."""
    from audit.verify import checkpoint_interval, parse_at, quiet_limit

    signed = checkpoint.get("minguard", {}).get("checkpoint", {})
    if not checkpoint or signed.get("final") is True:
        return False
    at = parse_at(signed.get("at")) or parse_at(checkpoint.get("@timestamp"))
    return at is not None and at >= time - quiet_limit(checkpoint_interval(signed))


def _seq_ranges(
    client: OpenSearch, index: str, start: datetime | None, end: datetime | None, instance: str | None
) -> Iterator[tuple[str, int, int | None]]:
    """Per instance, the seq range to read (None: to the chain's end).

    Two sources, because either can be emptied by deleting documents: the chained entries whose
    @timestamp is in the range (widened to the checkpoints around them by seq), and the
    instance's last checkpoint at or before `start` and first at or after `end` by @timestamp
    (a checkpoint's @timestamp is when it was written, so it follows seq). With heartbeats a
    running instance has one every interval, so a period whose entries were all deleted still
    lies between two checkpoints, and the seqs missing between them are reported.
    """
    in_time = _in_time(start, end)
    only = [{"term": {INSTANCE: instance}}] if instance else []
    by_seq = {"lo": {"min": {"field": SEQ}}, "hi": {"max": {"field": SEQ}}}
    body = {
        "size": 0,
        "query": {"bool": {"filter": [*in_time, *only, {"exists": {"field": SEQ}}]}},
        "aggs": {"instances": {"terms": {"field": INSTANCE, "size": 10000}, "aggs": by_seq}},
    }
    result = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)
    in_period = {
        b["key"]: (int(b["lo"]["value"]), int(b["hi"]["value"]))
        for b in result.get("aggregations", {}).get("instances", {}).get("buckets", [])
    }
    names = set(in_period)
    if start is not None:
        # Instances known from their checkpoints before the period, whatever survives in it.
        checkpoints = [{"term": {"event.kind": "checkpoint"}}, {"range": _at_time(start, before=True)}, *only]
        body = {
            "size": 0,
            "query": {"bool": {"filter": checkpoints}},
            "aggs": {"instances": {"terms": {"field": INSTANCE, "size": 10000}}},
        }
        result = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)
        names |= {b["key"] for b in result.get("aggregations", {}).get("instances", {}).get("buckets", [])}
    for name in sorted(names):
        before = _checkpoint(client, index, name, _at_time(start, True), before=True) if start else {}
        after = _checkpoint(client, index, name, _at_time(end, False), before=False) if end else {}
        running = start is not None and _running_at(before, start)
        if name not in in_period and not (before and after) and not running:
            continue  # it ended before the period: verifying the period it ended in judges that end
        lows = [_seq(before)] if before else []
        highs = [_seq(after)] if after else []
        if name in in_period:
            lo, hi = in_period[name]
            first = _checkpoint(client, index, name, _at_seq(lo, True), before=True)
            last = _checkpoint(client, index, name, _at_seq(hi, False), before=False)
            lows.append(_seq(first) if first else 1)
            highs.append(_seq(last) if last else hi)
        yield name, min(lows), max(highs) if highs else None


def read_trail(
    client: OpenSearch, prefix: str, start: datetime | None, end: datetime | None, instance: str | None = None
) -> Iterator[dict[str, Any]]:
    """Every event of the range, by instance and seq (scroll, so no 10 000 limit).

    The time range selects seq ranges, not events: `@timestamp` is when a request arrived and
    the chain is in write order, so events near the edges interleave. Each instance is read
    from the checkpoint before the period to the checkpoint after it (_seq_ranges), so every
    event in the range is checked against a signature, and deleting the events of the period
    leaves a gap between the two. Events without a chain in the time range are read too: they
    are reported as inserted.
    """
    from opensearchpy.helpers import scan

    index = f"{prefix}-*"
    for name, lo, hi in _seq_ranges(client, index, start, end, instance):
        seqs = {"gte": lo, "lte": hi} if hi is not None else {"gte": lo}
        query = {
            "query": {"bool": {"filter": [{"term": {INSTANCE: name}}, {"range": {SEQ: seqs}}]}},
            "sort": [{SEQ: {"order": "asc", "unmapped_type": "long"}}],
        }
        for hit in scan(client, query=query, index=index, preserve_order=True, ignore_unavailable=True):
            yield hit["_source"]
    in_time = _in_time(start, end)
    unchained: dict[str, Any] = {"filter": in_time, "must_not": [{"exists": {"field": SEQ}}]}
    if instance:
        unchained["filter"] = [*in_time, {"term": {"minguard.instance": instance}}]
    for hit in scan(client, query={"query": {"bool": unchained}}, index=index, ignore_unavailable=True):
        yield hit["_source"]
