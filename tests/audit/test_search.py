from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from opensearchpy import OpenSearch

from audit.search import ALLOWED, COLUMNS, Query, SearchError, render, search
from gateway.legible import legible
from policies.keys import Pseudonymizer
from support.gateways import RunningGateway, wait_for_events
from support.synth_people import make_id

PSEUDONYMIZER = Pseudonymizer(b"k" * 32)


def test_a_person_is_looked_up_by_token_never_by_number() -> None:
    query = Query(person_id_number="１１０１０５１９４９１２３１００２ｘ")  # full-width, lower-case x
    body = json.dumps(query.to_opensearch(PSEUDONYMIZER))
    assert "11010519491231002X" not in body
    assert PSEUDONYMIZER.token("11010519491231002X") in body


def test_an_invalid_id_number_is_refused() -> None:
    with pytest.raises(SearchError, match=r"^身份证号码校验失败"):  # zh-CN first: an officer reads it
        Query(person_id_number="110105194912310021").to_opensearch(PSEUDONYMIZER)
    with pytest.raises(SearchError, match=r"^未知的输出格式"):
        render([], "xlsx")


def test_filters_combine() -> None:
    query = Query(start="2026-11-01T00:00:00Z", user="zhangwei", denied=True, clear_text=True, region="610902")
    filters = query.to_opensearch(PSEUDONYMIZER)["bool"]["filter"]
    assert {"terms": {"user.id": ["zhangwei"]}} in filters
    assert {"term": {"event.type": "denied"}} in filters
    assert {"range": {"minguard.masking.clear": {"gt": 0}}} in filters
    assert len(filters) == 6  # five asked for, and accesses only


def test_render_formats() -> None:
    events = [
        {
            "@timestamp": "2026-11-28T10:00:00Z",
            "user": {"id": "zhangwei", "roles": ["caseworker"]},
            "minguard": {"decision": {"allowed": True}, "data": {"level": "important", "level_zh": "重要数据"}},
            "event": {"id": "e1", "type": ["access", "allowed"]},
        },
        {  # the policy allowed it, a later stage (a record limit) refused it
            "@timestamp": "2026-11-28T10:00:01Z",
            "user": {"id": "zhangwei", "roles": ["caseworker"]},
            "minguard": {"decision": {"allowed": True}},
            "event": {"id": "e2", "type": ["access", "denied"]},
        },
    ]
    table = render(events, "table")
    assert table.splitlines()[0].startswith("时间") and "zhangwei" in table and "共 2 条" in table
    rows = list(csv.reader(io.StringIO(render(events, "csv"))))
    assert rows[0] == [zh for _, zh in COLUMNS] and rows[1][1] == "zhangwei"
    assert [row[COLUMNS.index(("event.type", "放行/拒绝"))] for row in rows[1:]] == ["放行", "拒绝"]
    level = [i for i, (_, zh) in enumerate(COLUMNS) if zh == "数据级别"]
    assert [rows[1][i] for i in level] == ["重要数据"]  # as the console shows it, not the code
    assert json.loads(render(events, "json")) == events


@pytest.mark.parametrize("purpose", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_quoted(purpose: str) -> None:
    """The purpose header is the caller's own text, stored even when the caller is refused."""
    events = [
        {
            "@timestamp": "2026-11-28T10:00:00Z",
            "user": {"id": None, "roles": []},
            "minguard": {"purpose": purpose, "decision": {"allowed": False}},
            "event": {"id": "e1"},
        }
    ]
    (row,) = list(csv.reader(io.StringIO(render(events, "csv"))))[1:]
    assert row[COLUMNS.index(("minguard.purpose", "用途"))] == "'" + purpose
    assert row[0] == "2026-11-28T10:00:00Z" and row[1] == ""  # the other cells as they were
    assert legible(purpose) in render(events, "table") and json.loads(render(events, "json")) == events


def test_the_table_shows_what_a_caller_sent_without_letting_it_act() -> None:
    """The table goes to a terminal: an escape sequence in a cell recoloured it or moved the
    cursor, a line break began a forged row, a bidi override turned the cells after it
    around. Each is shown by its code point; the JSON keeps the exact value."""
    events = [
        {
            "@timestamp": "2026-11-28T10:00:00Z",
            "user": {"id": "wangfang\x1b[8m", "roles": []},
            "url": {"path": "/api/v1/regions/610902/persons\r\n2026-11-28T09:00:00Z  zhangwei"},
            "minguard": {"purpose": "\u202e核审助救", "decision": {"allowed": True}},
            "event": {"id": "e1"},
        }
    ]
    table = render(events, "table")
    assert not any(ch in table for ch in "\x1b\r\u202e") and len(table.splitlines()) == 3
    assert "wangfang<U+001B>[8m" in table and "persons<U+000D><U+000A>2026" in table and "<U+202E>核审助救" in table
    assert json.loads(render(events, "json")) == events


@pytest.mark.opensearch
def test_who_accessed_a_person_against_the_real_trail(
    gateway: RunningGateway, upstream_url: str, opensearch: OpenSearch, index_prefix: str
) -> None:
    person = httpx.get(upstream_url + "/api/v1/regions/610902/persons?size=1").json()["items"][0]
    path = f"/api/v1/regions/610902/persons/{person['personId']}"
    ids = [
        httpx.get(gateway.url + path, headers=gateway.headers(k)).headers["x-request-id"]
        for k in ("caseworker-hanbin", "reviewer-hanbin")
    ]
    wait_for_events(opensearch, index_prefix, ids)
    pseudonymizer = Pseudonymizer.from_dir(gateway.env.directory / "keys", generate=False)
    found = list(search(opensearch, index_prefix, Query(person_id_number=person["idNumber"]), pseudonymizer))
    assert {e["event"]["id"] for e in found} >= set(ids)
    assert {e["user"]["id"] for e in found if e["event"]["id"] in ids} == {"zhangwei", "wangfang"}
    denied = list(search(opensearch, index_prefix, Query(user="zhangwei", denied=True), pseudonymizer))
    assert all("denied" in e["event"]["type"] for e in denied)


@pytest.mark.opensearch
def test_a_refusal_after_authorization_is_found_as_denied(
    gateway: RunningGateway, opensearch: OpenSearch, index_prefix: str
) -> None:
    """Important data asked for without a declared purpose is refused by the release stage after
    the policy allowed the request: minguard.decision.allowed is true, and yet it is a refusal an
    officer looking for denials must see (and must not see among the allowed)."""
    answer = httpx.get(gateway.url + "/api/v1/regions/610902/persons", headers=gateway.headers("caseworker-hanbin"))
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "purpose_required", answer.text
    refused = answer.headers["x-request-id"]
    wait_for_events(opensearch, index_prefix, [refused])
    pseudonymizer = Pseudonymizer.from_dir(gateway.env.directory / "keys", generate=False)
    denied = {e["event"]["id"]: e for e in search(opensearch, index_prefix, Query(denied=True), pseudonymizer)}
    assert refused in denied and denied[refused]["minguard"]["decision"]["allowed"] is True
    went_out = Query(extra=[{"term": {"event.type": ALLOWED}}])
    assert refused not in {e["event"]["id"] for e in search(opensearch, index_prefix, went_out, pseudonymizer)}


def test_only_a_search_by_person_needs_the_pseudonym_key() -> None:
    filters = Query(user="zhangwei", denied=True).to_opensearch(None)["bool"]["filter"]
    assert {"terms": {"user.id": ["zhangwei"]}} in filters
    with pytest.raises(SearchError, match="pseudonym key"):
        Query(person_id_number=make_id()).to_opensearch(None)


def test_a_search_by_user_finds_either_spelling() -> None:
    """user.id is folded (ZhangWei is zhangwei); events written before hold it as presented."""
    filters = Query(user="ZhangWei").to_opensearch(None)["bool"]["filter"]
    assert {"terms": {"user.id": ["ZhangWei", "zhangwei"]}} in filters
