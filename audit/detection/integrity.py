"""Signed reference loads: the fund rules trust the staff register and death records only as loaded.

The reference indices live in OpenSearch, where whoever can write them could take their own
household out of the staff register, and `fund.approver_related` would stay silent. So every
load (through the gateway's admin API, gateway/references.py) signs what it wrote (the index,
how many documents, a SHA-256 over their ids and contents in canonical JSON, who loaded it and
the request id of the load's audit event) with the audit signing key (Ed25519, the key of the
trail's checkpoints, under a context string of its own) and records that in
`<prefix>.ref-loads`. Before a rule reads a reference index, the run checks the index against
the newest record for it, once per run: no record, a record not signed by this deployment's
key, an index deleted after a load, or content other than what was signed makes the rule raise
an alert of its own (`reference.integrity`, critical) for the window instead of its findings.

Not covered: deleting both a reference index and every record of its loads (the rules then see
"nothing loaded", as before any load); putting back an older signed load with its content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch
from opensearchpy.helpers import scan

from audit.canonical import canonical
from audit.signing import CheckpointSigner, key_id

from .query import iso
from .reference import ensure_index, reference_index

_CONTEXT = b"minguard-reference-load-v1\n"  # a load signature is never a checkpoint's, nor the reverse
# `loaded_by` is the folded user id of the officer (as `user.id` in the trail) and `request_id`
# the load's own audit event: the record says who changed what the fund rules trust, and the
# hash-chained trail holds the same.
SIGNED_FIELDS = ("name", "index", "count", "digest", "loaded_at", "key_id", "loaded_by", "request_id")
_KW = {"type": "keyword"}
LOADS_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        **{k: _KW for k in ("name", "index", "digest", "key_id", "signature", "loaded_by", "request_id")},
        "count": {"type": "long"},
        "loaded_at": {"type": "date"},
    },
}


def loads_index(prefix: str) -> str:
    return f"{prefix}.ref-loads"


def content_digest(docs: Iterable[tuple[str, dict[str, Any]]]) -> str:
    """SHA-256 over the documents in id order, each as the canonical JSON of [id, source]."""
    hasher = hashlib.sha256()
    for doc_id, source in sorted(docs, key=lambda doc: doc[0]):
        hasher.update(canonical([doc_id, source]))
        hasher.update(b"\n")
    return hasher.hexdigest()


def signed_bytes(record: dict[str, Any]) -> bytes:
    return _CONTEXT + canonical({name: record.get(name) for name in SIGNED_FIELDS})


def record_load(
    client: OpenSearch,
    prefix: str,
    name: str,
    docs: dict[str, dict[str, Any]],
    signer: CheckpointSigner,
    loaded_by: str,
    request_id: str,
) -> dict[str, Any]:
    """Sign what `reference.load` has just made the index hold, and keep the record."""
    record: dict[str, Any] = {
        "name": name,
        "index": reference_index(prefix, name),
        "count": len(docs),
        "digest": content_digest(docs.items()),
        "loaded_at": iso(datetime.now(UTC)),
        "key_id": signer.key_id,
        "loaded_by": loaded_by,
        "request_id": request_id,
    }
    record["signature"] = signer.sign(signed_bytes(record))
    index = loads_index(prefix)
    ensure_index(client, index, LOADS_MAPPING)
    # An index made before `loaded_by` and `request_id` refuses them (strict): adding fields is
    # allowed, and a no-op once they are there.
    client.indices.put_mapping(index=index, body=LOADS_MAPPING)
    client.index(index=index, body=record, refresh="wait_for")
    return record


class ReferenceCheck:
    """One detection run's view of the reference indices: each checked once, when first needed."""

    def __init__(self, client: OpenSearch, prefix: str, public_key: Ed25519PublicKey) -> None:
        self.client, self.prefix, self.public_key = client, prefix, public_key
        self._problems: dict[str, str | None] = {}

    def problem(self, name: str) -> str | None:
        """Why the reference index `name` cannot be trusted (zh / en), or None."""
        if name not in self._problems:
            self._problems[name] = self._check(name)
        return self._problems[name]

    def _newest_load(self, name: str) -> dict[str, Any] | None:
        body = {"query": {"term": {"name": name}}, "sort": [{"loaded_at": {"order": "desc"}}], "size": 1}
        found = self.client.search(index=loads_index(self.prefix), body=body, params={"ignore_unavailable": "true"})
        records = found["hits"]["hits"]
        return dict(records[0]["_source"]) if records else None

    def _check(self, name: str) -> str | None:
        index = reference_index(self.prefix, name)
        record = self._newest_load(name)
        if not self.client.indices.exists(index=index):
            # Nothing loaded: the rules cannot fire (docs/detection.md). Loaded, then deleted: say so.
            return None if record is None else f"参考数据索引 {index} 在签名载入后被删除 / deleted after a signed load"
        if record is None:
            return f"参考数据索引 {index} 没有签名的载入记录 / no signed load record"
        if record.get("key_id") != key_id(self.public_key):
            return f"{index} 的载入记录不是本部署审计签名密钥所签 / load record not signed by this deployment's key"
        try:
            self.public_key.verify(bytes.fromhex(str(record.get("signature"))), signed_bytes(record))
        except (InvalidSignature, ValueError):
            return f"{index} 的载入记录签名无效 / the load record's signature does not verify"
        if record.get("index") != index:
            return f"{index} 的载入记录属于另一索引 {record.get('index')} / the load record names another index"
        docs = [
            (hit["_id"], hit["_source"]) for hit in scan(self.client, index=index, query={"query": {"match_all": {}}})
        ]
        if len(docs) != record.get("count") or content_digest(docs) != record.get("digest"):
            return (
                f"{index} 的内容与 {record.get('loaded_at')} 签名载入的不一致(载入 {record.get('count')} 条,"
                f"现有 {len(docs)} 条)/ content differs from the signed load"
            )
        return None
