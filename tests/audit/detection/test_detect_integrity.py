"""Signed reference loads: detection trusts reference data only as it was loaded (real node)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from opensearchpy import OpenSearch

from audit.detection import integrity, reference
from audit.detection.alerts import INTEGRITY_RULE, alerts_index
from audit.detection.definitions import load_rules
from audit.detection.runner import run
from audit.signing import CheckpointSigner
from demo.generate import generate
from demo.reference import staff_rows
from gateway.stages.business import Business
from policies.keys import Pseudonymizer
from support.signing import SIGNER

TOKENS = Business(Pseudonymizer(bytes(range(32))))
STAFF = reference.staff_documents(staff_rows(generate()), TOKENS)
BY = ("zhoujie", "0f" * 16)  # the officer and the request id of the load's audit event


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgint-{uuid.uuid4().hex[:8]}"
    yield name
    opensearch.indices.delete(index=f"{name}.*", ignore_unavailable=True)


def _loaded(opensearch: OpenSearch, prefix: str) -> str:
    reference.load(opensearch, prefix, "staff", STAFF)
    integrity.record_load(opensearch, prefix, "staff", STAFF, SIGNER, *BY)
    return reference.reference_index(prefix, "staff")


def _drop_records(opensearch: OpenSearch, loads: str) -> None:
    # One by one: the local node has no delete-by-query (the reindex module).
    for hit in opensearch.search(index=loads, body={"query": {"match_all": {}}, "size": 100})["hits"]["hits"]:
        opensearch.delete(index=loads, id=hit["_id"], refresh="wait_for")


def _check(opensearch: OpenSearch, prefix: str) -> str | None:
    return integrity.ReferenceCheck(opensearch, prefix, SIGNER.public_key).problem("staff")


def test_digest_covers_ids_and_contents_in_any_order() -> None:
    docs = list(STAFF.items())
    digest = integrity.content_digest(docs)
    assert integrity.content_digest(reversed(docs)) == digest
    first_id, first = docs[0]
    assert integrity.content_digest([(first_id, {**first, "region": "610921"}), *docs[1:]]) != digest
    assert integrity.content_digest([(first_id + "x", first), *docs[1:]]) != digest
    assert integrity.content_digest(docs[1:]) != digest


@pytest.mark.opensearch
def test_a_signed_load_checks_clean_and_nothing_loaded_is_no_problem(opensearch: OpenSearch, prefix: str) -> None:
    assert _check(opensearch, prefix) is None  # nothing loaded: the rules simply cannot fire
    _loaded(opensearch, prefix)
    assert _check(opensearch, prefix) is None
    record = opensearch.search(index=integrity.loads_index(prefix), body={"query": {"match_all": {}}})["hits"]["hits"]
    assert [r["_source"]["count"] for r in record] == [len(STAFF)]
    assert record[0]["_source"]["key_id"] == SIGNER.key_id
    assert (record[0]["_source"]["loaded_by"], record[0]["_source"]["request_id"]) == BY


@pytest.mark.opensearch
def test_who_loaded_is_signed_and_an_older_records_index_takes_it(opensearch: OpenSearch, prefix: str) -> None:
    loads = integrity.loads_index(prefix)
    # The records' index as made before loads named their officer (strict, without the fields).
    older = {k: v for k, v in integrity.LOADS_MAPPING["properties"].items() if k not in ("loaded_by", "request_id")}
    reference.ensure_index(opensearch, loads, {"dynamic": "strict", "properties": older})
    _loaded(opensearch, prefix)
    assert _check(opensearch, prefix) is None
    (hit,) = opensearch.search(index=loads, body={"query": {"match_all": {}}})["hits"]["hits"]
    # Someone with write access to the records names another officer: the signature says no.
    opensearch.index(index=loads, id=hit["_id"], body={**hit["_source"], "loaded_by": "wangfang"}, refresh="wait_for")
    assert "签名无效" in (_check(opensearch, prefix) or "")


@pytest.mark.opensearch
@pytest.mark.parametrize("change", ["delete", "edit", "add"])
def test_content_changed_after_the_load_is_a_problem(opensearch: OpenSearch, prefix: str, change: str) -> None:
    index = _loaded(opensearch, prefix)
    some_id, some = next(iter(STAFF.items()))
    if change == "delete":  # an official takes their own household out of the register
        opensearch.delete(index=index, id=some_id, refresh="wait_for")
    elif change == "edit":
        opensearch.index(index=index, id=some_id, body={**some, "household_token": "x"}, refresh="wait_for")
    else:
        opensearch.index(index=index, id="intruder", body={**some, "staff_id": "intruder"}, refresh="wait_for")
    problem = _check(opensearch, prefix)
    assert problem is not None and "不一致" in problem, problem


@pytest.mark.opensearch
def test_unsigned_forged_or_missing_records_are_problems(opensearch: OpenSearch, prefix: str) -> None:
    index = _loaded(opensearch, prefix)
    loads = integrity.loads_index(prefix)
    (hit,) = opensearch.search(index=loads, body={"query": {"match_all": {}}})["hits"]["hits"]
    newer = (datetime.now(UTC) + timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    # A newer record for fewer documents, with the old signature: it does not verify.
    forged = {**hit["_source"], "count": len(STAFF) - 1, "loaded_at": newer}
    opensearch.index(index=loads, body=forged, refresh="wait_for")
    assert "签名无效" in (_check(opensearch, prefix) or "")
    _drop_records(opensearch, loads)
    # Signed properly, but with a key that is not this deployment's.
    other = CheckpointSigner(Ed25519PrivateKey.generate())
    integrity.record_load(opensearch, prefix, "staff", STAFF, other, *BY)
    assert "不是本部署" in (_check(opensearch, prefix) or "")
    # Every record gone while the index stays: unsigned data.
    _drop_records(opensearch, loads)
    assert "没有签名的载入记录" in (_check(opensearch, prefix) or "")
    # Signed again, then the index deleted: the rules would fall silent, so it is a problem too.
    integrity.record_load(opensearch, prefix, "staff", STAFF, SIGNER, *BY)
    assert _check(opensearch, prefix) is None
    opensearch.indices.delete(index=index)
    assert "被删除" in (_check(opensearch, prefix) or "")


@pytest.mark.opensearch
def test_a_rule_over_altered_reference_data_raises_an_integrity_alert_instead(
    opensearch: OpenSearch, prefix: str
) -> None:
    rules = load_rules(only="fund.approver_related")
    end = datetime(2026, 11, 2, tzinfo=UTC)
    index = _loaded(opensearch, prefix)
    clean = run(opensearch, prefix, rules, end - timedelta(days=1), end, SIGNER.public_key)
    assert [a for a in clean.alerts if a["alert"]["rule"] == INTEGRITY_RULE] == []
    opensearch.delete(index=index, id=next(iter(STAFF)), refresh="wait_for")
    altered = run(opensearch, prefix, rules, end - timedelta(days=1), end, SIGNER.public_key)
    assert altered.alerts and all(a["alert"]["rule"] == INTEGRITY_RULE for a in altered.alerts)
    alert = altered.alerts[0]["alert"]
    assert alert["severity"] == "critical" and alert["subjects"] == {"reference": "staff"}
    assert "fund.approver_related" in alert["explanation_zh"] and alert["title_zh"] == "参考数据完整性校验失败"
    assert altered.created == len(altered.alerts) == clean.rules[0].windows
    opensearch.indices.refresh(index=alerts_index(prefix))
    stored = opensearch.search(index=alerts_index(prefix), body={"query": {"term": {"alert.rule": INTEGRITY_RULE}}})
    assert stored["hits"]["total"]["value"] == len(altered.alerts)
    again = run(opensearch, prefix, rules, end - timedelta(days=1), end, SIGNER.public_key)
    assert again.created == 0  # one alert per window and reference, however often the run repeats
