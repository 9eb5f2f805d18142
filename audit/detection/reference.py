"""Reference data the deployment provides, and the join of rule hits with it.

Two feeds (参考数据), each a CSV file with a header line, UTF-8:

- staff register 工作人员登记表: `staff_id,region,household_id,address,bank_card` — the
  official's id as it appears in the business fields (`operator`/`approver`), their jurisdiction,
  and their own hukou household number, home address and salary/bank card;
- death records 死亡登记 (from the funeral/hukou systems): `id_number,date_of_death`.

Nothing is stored in clear but the staff id and region (both already clear in every audit event):
household numbers, addresses, cards and ID numbers become keyed tokens made exactly as the
gateway makes them (gateway/stages/business.py, same key), so they equal the tokens in
`minguard.business.*`. Loading a file replaces the index's content with it; documents have
fixed ids (staff id, person token), so loading the same file twice gives the same documents.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from opensearchpy import OpenSearch
from opensearchpy.helpers import bulk, scan

from gateway.exchange import account_name
from gateway.stages.business import Business

from .definitions import Rule
from .query import Hit

COLUMNS = {
    "staff": ("staff_id", "region", "household_id", "address", "bank_card"),
    "deaths": ("id_number", "date_of_death"),
}
_KW = {"type": "keyword"}
MAPPINGS: dict[str, dict[str, Any]] = {
    "staff": {
        "dynamic": "strict",
        "properties": {k: _KW for k in ("staff_id", "region", "household_token", "address_token", "account_token")},
    },
    "deaths": {
        "dynamic": "strict",
        "properties": {"person_token": _KW, "date_of_death": {"type": "date", "format": "yyyy-MM-dd"}},
    },
}
# Hits looked up per reference query: 10,000 was slower (each hit is matched against the
# documents of its batch).
BATCH = 1000


class ReferenceError(ValueError):
    pass


def reference_index(prefix: str, name: str) -> str:
    # Outside `<prefix>-*` for the reason alerts are (alerts.py): not audit events.
    return f"{prefix}.ref-{name}"


def lease_index(prefix: str) -> str:
    """Where a load holds its feed's lease (gateway/references.py)."""
    return f"{prefix}.ref-lease"


def read_rows(path: Path, name: str) -> list[dict[str, str]]:
    return parse_rows(path.read_text(encoding="utf-8-sig"), name, str(path))


def parse_rows(text: str, name: str, source: str) -> list[dict[str, str]]:
    """The feed's rows, its columns by name; `source` names it in errors."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in COLUMNS[name] if c not in (reader.fieldnames or [])]
    if missing:
        raise ReferenceError(f"{source}: missing columns {missing} (need {','.join(COLUMNS[name])})")
    return [{k: (row.get(k) or "").strip() for k in COLUMNS[name]} for row in reader]


def staff_documents(rows: Iterable[dict[str, str]], tokens: Business) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(rows, start=2):
        if not row["staff_id"]:
            raise ReferenceError(f"staff register line {line}: staff_id is empty")
        staff_id = account_name(row["staff_id"])  # as user.id and business.operator are keyed
        doc = {
            "staff_id": staff_id,
            "region": row["region"] or None,
            "household_token": tokens.household_token(row["household_id"]),
            "address_token": tokens.address_token(row["address"]),
            "account_token": tokens.account_token(row["bank_card"]),
        }
        if row["bank_card"] and doc["account_token"] is None:
            raise ReferenceError(f"staff register line {line}: bank_card is not a card number")
        docs[hashlib.sha256(staff_id.encode()).hexdigest()[:32]] = {k: v for k, v in doc.items() if v is not None}
    return docs


def death_documents(rows: Iterable[dict[str, str]], tokens: Business) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(rows, start=2):
        token = tokens.person_token(row["id_number"])
        try:
            died = dt.date.fromisoformat(row["date_of_death"])
        except ValueError:
            died = None
        if token is None or died is None:
            # Never echo the ID number: name the line only.
            raise ReferenceError(f"death records line {line}: invalid id_number or date_of_death (YYYY-MM-DD)")
        docs[token] = {"person_token": token, "date_of_death": died.isoformat()}
    return docs


def ensure_index(client: OpenSearch, index: str, mappings: dict[str, Any]) -> None:
    if not client.indices.exists(index=index):
        body = {"settings": {"number_of_shards": 1, "number_of_replicas": 0}, "mappings": mappings}
        client.indices.create(index=index, body=body, ignore=[400])  # 400: created meanwhile


def load(client: OpenSearch, prefix: str, name: str, docs: dict[str, dict[str, Any]]) -> tuple[int, int]:
    """Make the index hold exactly these documents: (written, removed)."""
    index = reference_index(prefix, name)
    ensure_index(client, index, MAPPINGS[name])
    actions = [{"_index": index, "_id": i, "_source": d} for i, d in docs.items()]
    # One refresh at the end, not one per bulk chunk: waiting for a refresh after each chunk of
    # 500 took 200 s for 100,000 death records.
    written, errors = bulk(client, actions, raise_on_error=False)
    if errors:
        raise ReferenceError(f"{index}: documents not written: {errors[:3]}")
    client.indices.refresh(index=index)
    stale = [h["_id"] for h in scan(client, index=index, query={"_source": False}) if h["_id"] not in docs]
    if stale:
        bulk(client, [{"_op_type": "delete", "_index": index, "_id": i} for i in stale])
        client.indices.refresh(index=index)
    return written, len(stale)


def _values(hit: Hit, field: str) -> list[str]:
    return [hit.subjects[field]] if field in hit.subjects else hit.attributes.get(field, [])


def _matches(doc: dict[str, Any], hit: Hit, alternative: tuple[tuple[str, str], ...]) -> bool:
    return all(doc.get(ref) is not None and str(doc[ref]) in _values(hit, event) for ref, event in alternative)


def _day_after(date_text: str, tz: str) -> dt.datetime:
    day = dt.date.fromisoformat(date_text[:10]) + dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(tz))


def join(client: OpenSearch, prefix: str, rule: Rule, found: list[Hit]) -> list[Hit]:
    """The hits a reference document matches (all of them if the rule has no reference)."""
    ref = rule.reference
    if ref is None or not found:
        return found
    index = reference_index(prefix, ref.index)
    if not client.indices.exists(index=index):
        return []  # no reference data loaded: these rules cannot fire (docs/detection.md)
    kept: list[Hit] = []
    for start in range(0, len(found), BATCH):
        batch = found[start : start + BATCH]
        should = [
            {"bool": {"filter": [{"terms": {r: sorted({v for h in batch for v in _values(h, e)})}} for r, e in alt]}}
            for alt in ref.any_of
        ]
        query = {"query": {"bool": {"should": should, "minimum_should_match": 1}}}
        docs = [d["_source"] for d in scan(client, index=index, query=query)]
        for hit in batch:
            matching = [d for d in docs if any(_matches(d, hit, alt) for alt in ref.any_of)]
            if not matching:
                continue
            if ref.event_after is None:
                kept.append(hit)
                continue
            # The earliest recorded date: events on any later day are after the record.
            since = min(_day_after(str(d[ref.event_after]), rule.timezone) for d in matching)
            if hit.last is not None and hit.last >= since:
                kept.append(dataclasses.replace(hit, since=since))
    return kept
