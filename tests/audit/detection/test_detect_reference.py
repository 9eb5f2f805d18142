"""Reference data: loading (tokenised, idempotent, replacing) and the join of hits with it."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from opensearchpy import OpenSearch

from audit.detection import reference
from audit.detection.definitions import load_rules
from audit.detection.query import Hit
from demo.generate import generate
from demo.ids import is_luhn_valid
from demo.reference import death_rows, relatives_household, staff_rows, to_csv
from gateway.stages.business import Business
from policies.keys import Pseudonymizer

TOKENS = Business(Pseudonymizer(bytes(range(32))))
ID_NUMBER = "11010519491231002X"  # the standard's worked example: synthetic
STAFF = "staff_id,region,household_id,address,bank_card\nwangfang,610902,H61090200020,陕西省安康市 1 号,6222021234567890128\n"


def test_demo_feeds_are_consistent_with_the_demo_data() -> None:
    ds = generate()
    staff = staff_rows(ds)
    household = relatives_household(ds)
    assert household in ds.households and [r["staff_id"] for r in staff if r["household_id"] == household] == [
        "wangfang"
    ]
    assert all(is_luhn_valid(r["bank_card"]) for r in staff)
    dead = death_rows(ds)
    ids = {p.id_number: p for p in ds.persons.values()}
    assert len(dead) == 2 and all(r["id_number"] in ids for r in dead)
    assert all(ids[r["id_number"]].household_id != household for r in dead)
    assert all(r["date_of_death"] < ds.as_of.isoformat() for r in dead)
    assert to_csv(dead) == to_csv(death_rows(generate()))  # deterministic


def test_documents_hold_tokens_never_clear_values(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text(STAFF, encoding="utf-8")
    (doc,) = reference.staff_documents(reference.read_rows(tmp_path / "s.csv", "staff"), TOKENS).values()
    assert doc["household_token"] == TOKENS.household_token("H61090200020")
    assert doc["address_token"] == TOKENS.address_token("陕西省安康市１号")  # spacing and width do not matter
    assert doc["account_token"] == TOKENS.account_token("6222021234567890128")
    text = json.dumps(doc, ensure_ascii=False)
    assert "H61090200020" not in text and "安康" not in text and "6222021234567890128" not in text
    deaths = reference.death_documents([{"id_number": ID_NUMBER, "date_of_death": "2026-10-01"}], TOKENS)
    assert deaths == {
        TOKENS.person_token(ID_NUMBER): {"person_token": TOKENS.person_token(ID_NUMBER), "date_of_death": "2026-10-01"}
    }


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("staff", "staff_id,region\nx,610902\n", "missing columns"),
        ("staff", STAFF.replace("6222021234567890128", "12"), "bank_card"),
        ("deaths", "id_number,date_of_death\n110105194912310021,2026-10-01\n", "line 2"),
        ("deaths", f"id_number,date_of_death\n{ID_NUMBER},01/10/2026\n", "line 2"),
    ],
)
def test_bad_feeds_are_refused_without_echoing_ids(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    make = reference.staff_documents if name == "staff" else reference.death_documents
    with pytest.raises(reference.ReferenceError, match=message) as caught:
        make(reference.read_rows(path, name), TOKENS)
    assert "110105" not in str(caught.value)


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgref-{uuid.uuid4().hex[:8]}"
    yield name
    opensearch.indices.delete(index=f"{name}.ref-*", ignore_unavailable=True)


@pytest.mark.opensearch
def test_loading_twice_gives_the_same_documents_and_a_new_file_replaces(opensearch: OpenSearch, prefix: str) -> None:
    rows = staff_rows(generate())
    docs = reference.staff_documents(rows, TOKENS)
    index = reference.reference_index(prefix, "staff")

    def stored() -> dict[str, dict[str, str]]:
        found = opensearch.search(index=index, body={"size": 100, "query": {"match_all": {}}})
        return {h["_id"]: h["_source"] for h in found["hits"]["hits"]}

    assert reference.load(opensearch, prefix, "staff", docs) == (len(rows), 0)
    first = stored()
    assert reference.load(opensearch, prefix, "staff", docs) == (len(rows), 0)
    assert stored() == first and len(first) == len(rows)
    assert reference.load(opensearch, prefix, "staff", reference.staff_documents(rows[:2], TOKENS)) == (
        2,
        len(rows) - 2,
    )
    assert sorted(d["staff_id"] for d in stored().values()) == sorted(r["staff_id"] for r in rows[:2])


@pytest.mark.opensearch
def test_join_keeps_only_matching_hits_and_dates_evidence_after_death(opensearch: OpenSearch, prefix: str) -> None:
    rules = {r.id: r for r in load_rules()}
    staff = reference.staff_documents(list(csv.DictReader(io.StringIO(STAFF))), TOKENS)
    household = TOKENS.household_token("H61090200020")
    assert household is not None
    op, person = "minguard.business.operator", "minguard.business.person_token"
    related = Hit({op: "wangfang", person: "p1"}, 1, 1, attributes={"minguard.business.household_token": [household]})
    other_staff = Hit(
        {op: "zhangwei", person: "p2"}, 1, 1, attributes={"minguard.business.household_token": [household]}
    )
    unrelated = Hit({op: "wangfang", person: "p3"}, 1, 1, attributes={"minguard.business.household_token": ["x"]})
    rule = rules["fund.approver_related"]
    assert reference.join(opensearch, prefix, rule, [related]) == []  # nothing loaded: nothing found
    reference.load(opensearch, prefix, "staff", staff)
    assert reference.join(opensearch, prefix, rule, [related, other_staff, unrelated]) == [related]

    token = TOKENS.person_token(ID_NUMBER)
    assert token is not None
    reference.load(
        opensearch,
        prefix,
        "deaths",
        reference.death_documents([{"id_number": ID_NUMBER, "date_of_death": "2026-10-01"}], TOKENS),
    )
    deaths = rules["fund.paid_after_death"]
    subjects = {person: token}
    same_day = Hit(subjects, 1, 1, last=datetime(2026, 10, 1, 15, 0, tzinfo=UTC))  # 23:00 in Beijing
    next_day = Hit(subjects, 1, 1, last=datetime(2026, 10, 1, 16, 0, tzinfo=UTC))  # 00:00 the day after
    assert reference.join(opensearch, prefix, deaths, [same_day]) == []
    (kept,) = reference.join(opensearch, prefix, deaths, [next_day])
    assert kept.since == datetime(2026, 10, 1, 16, 0, tzinfo=UTC)
    alive = Hit({person: "someone-else"}, 1, 1, last=datetime(2026, 11, 1, tzinfo=UTC))
    assert reference.join(opensearch, prefix, deaths, [alive]) == []
