"""Facts read from the audit trail in OpenSearch for one period: counts and aggregations only.

Every figure is an aggregation over `<index_prefix>-*` filtered to access events
(`event.kind: event`, docs/audit-events.md) with `@timestamp` in [start, end); nothing is pulled
event by event into Python, so a month of a busy bureau costs a handful of queries.

A `terms` aggregation returns only its top `size` buckets and drops the rest without saying so.
Anything a verdict rests on is therefore read completely: by a composite aggregation paged to its
end (`composite`), or by a query filtered to exactly the values in question.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from opensearchpy import OpenSearch

# GB/T 22239 8.1.4.3 b: date/time, user, event type, success, other information.
# Fields every access event must carry, and those an identified caller's event must carry too.
REQUIRED_FIELDS = (
    "@timestamp",
    "event.id",
    "event.type",
    "event.action",
    "event.outcome",
    "http.request.method",
    "http.response.status_code",
    "source.ip",
    "minguard.instance",
    "minguard.summary_zh",
    "minguard.chain.hash",
)
PRINCIPAL_FIELDS = ("user.id", "user.roles", "minguard.principal.credential", "minguard.decision.policy_version")
# Every entity the inspector counts (minguard.data.entities, docs/audit-events.md).
ENTITIES = (
    "RESIDENT_ID",
    "MOBILE",
    "LANDLINE",
    "BANK_CARD",
    "EMAIL",
    "PERSON_NAME",
    "ADDRESS",
    "BIRTH_DATE",
    "USCC",
    "PASSPORT",
    "SOCIAL_SECURITY_CARD",
    "REGISTER_NUMBER",
    "LICENCE_PLATE",
    "IMAGE",
)
ADMIN_ROUTE_PREFIX = "admin."  # management endpoints: audited, but not in the request counters
ESCALATION_CODES = ("forbidden", "separation_of_duties", "unknown_route", "level_not_permitted", "actor_mismatch")
PAGE = 1000  # buckets per page of a composite aggregation
MISSING = "-"  # how a missing value shows in a table


def iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


def aggregation(result: dict[str, Any], name: str) -> dict[str, Any]:
    """One aggregation of a search reply, empty when there is none. OpenSearch leaves
    `aggregations` out altogether when the index pattern matches no index (a fresh deployment
    before its first event, a prefix with no audit index yet): that is an empty trail, not an
    error."""
    found: dict[str, Any] = result.get("aggregations", {}).get(name, {})
    return found


def buckets(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The buckets of one aggregation; none when the reply has no aggregations (see `aggregation`)."""
    found: list[dict[str, Any]] = aggregation(result, name).get("buckets", [])
    return found


def composite(
    client: OpenSearch,
    index: str,
    query: dict[str, Any],
    fields: tuple[str, ...],
    *,
    missing: bool = True,
    aggs: dict[str, Any] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every bucket of a composite aggregation over keyword `fields`, page after page: unlike
    `terms`, nothing is left out however many values there are. A bucket's "key" maps each field
    to its value (None for a missing one, if `missing`); `aggs` are computed in each bucket."""
    sources = [{f"k{n}": {"terms": {"field": f, "missing_bucket": missing}}} for n, f in enumerate(fields)]
    after: dict[str, Any] | None = None
    while True:
        paging: dict[str, Any] = {"sources": sources, "size": PAGE}
        if after:
            paging["after"] = after
        agg: dict[str, Any] = {"composite": paging}
        if aggs:
            agg["aggs"] = aggs
        body = {"size": 0, "query": query, "aggs": {"c": agg}}
        result = client.search(index=index, body=body, ignore_unavailable=True, allow_no_indices=True)
        page = aggregation(result, "c")
        for bucket in page.get("buckets", []):
            bucket["key"] = {f: bucket["key"][f"k{n}"] for n, f in enumerate(fields)}
            yield bucket
        after = page.get("after_key")
        if not after or len(page.get("buckets", [])) < PAGE:
            return


class Trail:
    """Queries over one index prefix and one period."""

    def __init__(self, client: OpenSearch, prefix: str, start: datetime, end: datetime) -> None:
        self.client = client
        self.index = f"{prefix}-*"
        self.period = {"range": {"@timestamp": {"gte": iso(start), "lt": iso(end)}}}
        self.events = {"term": {"event.kind": "event"}}

    def query(self, *filters: dict[str, Any]) -> dict[str, Any]:
        return {"bool": {"filter": [self.period, self.events, *filters]}}

    def search(self, *filters: dict[str, Any], aggs: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"size": 0, "track_total_hits": True, "query": self.query(*filters), **extra}
        if aggs:
            body["aggs"] = aggs
        self.client.indices.refresh(index=self.index, ignore_unavailable=True, allow_no_indices=True)
        result: dict[str, Any] = self.client.search(
            index=self.index, body=body, ignore_unavailable=True, allow_no_indices=True
        )
        return result

    def count(self, *filters: dict[str, Any]) -> int:
        return int(self.search(*filters)["hits"]["total"]["value"])

    def terms(self, field: str, *filters: dict[str, Any], size: int = 1000) -> dict[str, int]:
        """The `size` most frequent values: complete only for fields with few values (or with
        `filters` that leave at most `size`); see `distinct` and `pairs` for the others."""
        aggs = {"t": {"terms": {"field": field, "size": size}}}
        found = buckets(self.search(*filters, aggs=aggs), "t")
        return {str(b["key"]): int(b["doc_count"]) for b in found}

    def composite(
        self, fields: tuple[str, ...], *filters: dict[str, Any], missing: bool = True
    ) -> Iterator[dict[str, Any]]:
        self.client.indices.refresh(index=self.index, ignore_unavailable=True, allow_no_indices=True)
        return composite(self.client, self.index, self.query(*filters), fields, missing=missing)

    def distinct(self, field: str, *filters: dict[str, Any]) -> int:
        """How many values of `field` occur, exactly (a `cardinality` aggregation is an estimate)."""
        return sum(1 for _ in self.composite((field,), *filters, missing=False))

    def among(self, field: str, values: list[str]) -> dict[str, int]:
        """Events for each of `values` that occurs: filtered to them, so complete whatever the
        other values of the field."""
        if not values:
            return {}
        return self.terms(field, {"terms": {field: values}}, size=len(values))

    def proxied_count(self) -> int:
        return self.count({"bool": {"must_not": [{"prefix": {"minguard.route": ADMIN_ROUTE_PREFIX}}]}})

    def missing_fields(self) -> dict[str, int]:
        """Events lacking each required field (a `filters` aggregation: one query for all)."""
        filters: dict[str, Any] = {f: {"bool": {"must_not": [{"exists": {"field": f}}]}} for f in REQUIRED_FIELDS}
        identified = {"exists": {"field": "minguard.principal.kind"}}
        for f in PRINCIPAL_FIELDS:
            filters[f] = {"bool": {"filter": [identified], "must_not": [{"exists": {"field": f}}]}}
        counted = aggregation(self.search(aggs={"m": {"filters": {"filters": filters}}}), "m").get("buckets", {})
        # No index: no event lacks anything (and the report says there are no events at all).
        return {f: int(counted.get(f, {}).get("doc_count", 0)) for f in filters}

    def histogram(self, interval: str, by: str, *filters: dict[str, Any]) -> list[tuple[str, dict[str, int]]]:
        aggs = {
            "h": {
                "date_histogram": {"field": "@timestamp", "fixed_interval": interval, "min_doc_count": 0},
                "aggs": {"b": {"terms": {"field": by, "size": 20, "missing": "-"}}},
            }
        }
        found = buckets(self.search(*filters, aggs=aggs), "h")
        return [(b["key_as_string"], {str(x["key"]): int(x["doc_count"]) for x in b["b"]["buckets"]}) for b in found]

    def routes(self) -> list[dict[str, Any]]:
        """Per route: events, data levels carried and entity occurrences (sums)."""
        sums = {e: {"sum": {"field": f"minguard.data.entities.{e}"}} for e in ENTITIES}
        aggs = {
            "r": {
                "terms": {"field": "minguard.route", "size": 500},
                "aggs": {"levels": {"terms": {"field": "minguard.data.level", "size": 5}}, **sums},
            }
        }
        out = []
        for b in buckets(self.search(aggs=aggs), "r"):
            entities = {e: int(b[e]["value"] or 0) for e in ENTITIES if b[e]["value"]}
            levels = {str(x["key"]): int(x["doc_count"]) for x in b["levels"]["buckets"]}
            out.append({"route": b["key"], "events": int(b["doc_count"]), "levels": levels, "entities": entities})
        return out

    def sums(self, fields: dict[str, str], *filters: dict[str, Any]) -> dict[str, float]:
        aggs = {name: {"sum": {"field": field}} for name, field in fields.items()}
        result = self.search(*filters, aggs=aggs)
        values = {name: float(aggregation(result, name).get("value") or 0) for name in fields}
        values["events"] = float(result["hits"]["total"]["value"])
        return values

    def masking_by_role(self) -> dict[str, dict[str, int]]:
        aggs = {
            "r": {
                "terms": {"field": "user.roles", "size": 100},
                "aggs": {
                    "masked": {"sum": {"field": "minguard.masking.masked"}},
                    "clear": {"sum": {"field": "minguard.masking.clear"}},
                },
            }
        }
        found = buckets(self.search(aggs=aggs), "r")
        return {
            b["key"]: {
                "events": int(b["doc_count"]),
                "masked": int(b["masked"]["value"] or 0),
                "clear": int(b["clear"]["value"] or 0),
            }
            for b in found
        }

    def pairs(self, first: str, second: str, *filters: dict[str, Any]) -> list[tuple[str, str, int]]:
        """Every (first, second, count) for two keyword fields, most frequent first; a missing value
        shows as "-". Complete (paged), since verdicts look for one user among them."""
        found = [
            (_shown(b["key"][first]), _shown(b["key"][second]), int(b["doc_count"]))
            for b in self.composite((first, second), *filters)
        ]
        return sorted(found, key=lambda p: (-p[2], p[0], p[1]))

    def chain_algorithms(self) -> dict[str, int]:
        return self.terms("minguard.chain.alg")

    def checkpoints(self) -> int:
        body = {"query": {"bool": {"filter": [self.period, {"term": {"event.kind": "checkpoint"}}]}}}
        result = self.client.count(index=self.index, body=body, ignore_unavailable=True, allow_no_indices=True)
        return int(result["count"])

    def starts(self, limit: int = 200) -> list[dict[str, Any]]:
        """The gateway processes' start entries of the period, newest first (gateway/process_events.py)."""
        query = {"bool": {"filter": [self.period, {"term": {"event.action": "gateway.start"}}]}}
        body = {"size": limit, "query": query, "sort": [{"@timestamp": "desc"}], "_source": ["@timestamp", "minguard"]}
        result = self.client.search(index=self.index, body=body, ignore_unavailable=True, allow_no_indices=True)
        return [hit["_source"] for hit in result["hits"]["hits"]]

    def oldest_event(self) -> str | None:
        """The oldest access event of the whole trail (not just the period): retention evidence."""
        body = {"size": 0, "query": self.events, "aggs": {"min": {"min": {"field": "@timestamp"}}}}
        result = self.client.search(index=self.index, body=body, ignore_unavailable=True, allow_no_indices=True)
        value = aggregation(result, "min").get("value_as_string")
        return str(value) if value else None


def _shown(value: Any) -> str:
    return MISSING if value is None else str(value)
