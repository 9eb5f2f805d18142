"""Review queries for security officers: who saw a person, what a user saw, denials, clear text.

A person is looked up by resident ID number, which is turned into the same keyed token the
gateway writes into events (policies.keys.Pseudonymizer) at query time; the number itself is
neither stored nor sent to OpenSearch.

In the CSV output a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets
a `'` in front: a spreadsheet would otherwise run it as a formula, and some cells hold what any
caller sent (the purpose header is stored even for unauthenticated callers).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from opensearchpy import OpenSearch

from classifiers.entities import resident_id
from gateway.exchange import account_name
from gateway.legible import legible, legible_json
from policies.keys import Pseudonymizer

# Columns of the table and CSV outputs: (field path, zh-CN header).
COLUMNS: list[tuple[str, str]] = [
    ("@timestamp", "时间"),
    ("user.id", "用户"),
    ("user.roles", "角色"),
    ("minguard.principal.region", "用户辖区"),
    ("source.ip", "来源地址"),
    ("http.request.method", "方法"),
    ("url.path", "路径"),
    ("minguard.purpose", "用途"),
    # Not minguard.decision.allowed (the policy's verdict alone): a request the policy allowed
    # and a later stage refused (record limit, purpose, audit outage) was refused.
    ("event.type", "放行/拒绝"),
    ("http.response.status_code", "状态码"),
    ("minguard.data.level_zh", "数据级别"),  # 一般/重要/核心数据, as the console shows it
    ("minguard.data.persons", "涉及人数"),
    ("minguard.masking.clear", "明文项数"),
    ("event.id", "事件编号"),
]

# Columns for the gateway's starts and stops (`event.kind: lifecycle`, docs/audit-events.md §1.3).
LIFECYCLE_COLUMNS: list[tuple[str, str]] = [
    ("@timestamp", "时间"),
    ("event.action", "事件"),
    ("minguard.instance", "实例"),
    ("minguard.gateway.pid", "进程"),
    ("minguard.gateway.version", "版本"),
    # 否: the previous run was killed, crashed or lost its host (the audit process was interrupted).
    ("minguard.gateway.previous_run.stop_recorded", "上次运行有停止记录"),
    ("minguard.gateway.changed_settings", "配置变更项"),
    ("minguard.summary_zh", "摘要"),
]


# event.type of an access that was refused or failed anywhere, and of one that went out.
DENIED, ALLOWED = "denied", "allowed"


class SearchError(ValueError):
    pass


@dataclass
class Query:
    start: str | None = None  # ISO 8601
    end: str | None = None
    person_id_number: str | None = None  # typed by the officer; tokenised, never stored
    user: str | None = None
    region: str | None = None  # the caller's jurisdiction or the data's region (prefix match)
    denied: bool = False  # refused or failed, at any stage (event.type "denied")
    clear_text: bool = False
    level: str | None = None
    extra: list[dict[str, Any]] = field(default_factory=list)
    # Accesses ("event") by default: the gateway's starts and stops ("lifecycle") and the
    # chain's checkpoints share the indices (docs/audit-events.md §1).
    kind: str = "event"

    def to_opensearch(self, pseudonymizer: Pseudonymizer | None) -> dict[str, Any]:
        """The query; ``pseudonymizer`` is needed only to search by person (None otherwise)."""
        filters: list[dict[str, Any]] = [{"term": {"event.kind": self.kind}}, *self.extra]
        if self.start or self.end:
            span: dict[str, str] = {}
            if self.start:
                span["gte"] = self.start
            if self.end:
                span["lt"] = self.end
            filters.append({"range": {"@timestamp": span}})
        if self.person_id_number is not None:
            number = resident_id.canonical(self.person_id_number)
            if resident_id.validate(number) is not True:
                raise SearchError("身份证号码校验失败 / not a valid resident ID number")
            if pseudonymizer is None:
                raise SearchError("按人员检索需要假名化密钥 / searching by person needs the pseudonym key")
            filters.append({"term": {"minguard.data.person_tokens": pseudonymizer.token(number)}})
        if self.user:
            # user.id is folded (gateway/exchange.py, account_name); events written before
            # that hold the subject as presented.
            filters.append({"terms": {"user.id": sorted({self.user, account_name(self.user)})}})
        if self.region:
            filters.append(
                {
                    "bool": {
                        "should": [
                            {"prefix": {"minguard.principal.region": self.region}},
                            {"prefix": {"minguard.target_region": self.region}},
                        ],
                        "minimum_should_match": 1,
                    }
                }
            )
        if self.denied:
            # Not minguard.decision.allowed: that is the policy's verdict only, true for a
            # request the policy allowed and a later stage refused (record limit, another
            # region's data in the answer, an upstream failure). event.type says "denied" for
            # every refusal and failure (docs/audit-events.md).
            filters.append({"term": {"event.type": DENIED}})
        if self.clear_text:
            filters.append({"range": {"minguard.masking.clear": {"gt": 0}}})
        if self.level:
            filters.append({"term": {"minguard.data.level": self.level}})
        return {"bool": {"filter": filters}}


def search(
    client: OpenSearch, index_prefix: str, query: Query, pseudonymizer: Pseudonymizer | None, limit: int = 10_000
) -> Iterator[dict[str, Any]]:
    """Events matching the query, newest first, paged with search_after (no 10k window)."""
    body: dict[str, Any] = {
        "query": query.to_opensearch(pseudonymizer),
        "sort": [{"@timestamp": "desc"}, {"event.id": "asc"}],
        "size": min(limit, 1000),
    }
    returned = 0
    while returned < limit:
        result = client.search(index=f"{index_prefix}-*", body=body, params={"ignore_unavailable": "true"})
        hits = result["hits"]["hits"]
        for hit in hits:
            yield hit["_source"]
            returned += 1
            if returned >= limit:
                return
        if len(hits) < body["size"]:
            return
        body["search_after"] = hits[-1]["sort"]


def _get(event: dict[str, Any], path: str) -> Any:
    value: Any = event
    for part in path.split(".") if path != "@timestamp" else [path]:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _shown(event: dict[str, Any], path: str) -> Any:
    value = _get(event, path)
    if path == "event.type":  # ["access", "allowed" | "denied"]
        return "放行" if isinstance(value, list) and ALLOWED in value else "拒绝"
    return value


def rows(events: list[dict[str, Any]], columns: list[tuple[str, str]] = COLUMNS) -> list[list[str]]:
    return [[_cell(_shown(event, path)) for path, _ in columns] for event in events]


def render(events: list[dict[str, Any]], fmt: str, columns: list[tuple[str, str]] = COLUMNS) -> str:
    if fmt == "json":
        return legible_json(events)
    headers = [zh for _, zh in columns]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows([_csv_cell(cell) for cell in row] for row in rows(events, columns))
        return out.getvalue()
    if fmt != "table":
        raise SearchError(
            f"未知的输出格式 {fmt!r},可用 table、json 或 csv / unknown format {fmt!r}: use table, json or csv"
        )
    table = [headers, *([legible(cell) for cell in row] for row in rows(events, columns))]  # for a terminal
    widths = [max(_width(row[i]) for row in table) for i in range(len(headers))]
    lines = ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)) for row in table]
    return "\n".join(lines) + f"\n共 {len(events)} 条 ({len(events)} events)"


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)
