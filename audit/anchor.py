"""The spool on the gateway host as an anchor for the trail in OpenSearch.

The trail cannot show everything deleted from it: a chain cut back to a clean shutdown's
checkpoint looks like a gateway that stopped, and the last minutes before the last heartbeat
look like a gateway still running (docs/audit-chain.md §4). The spool on the gateway host
knows more, and is out of reach of an OpenSearch administrator (三员分立): its cursor marks
the events OpenSearch acknowledged, and each line holds its chain position and hash. So the
trail must reach the last shipped entry of every slot, with the same hash. `audit verify
--spool <spool_dir>` reads that here and `audit.verify` compares.

Read only: the files are read as the running gateway leaves them (its cursor is replaced
atomically; a segment deleted under us is read again from the new cursor).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opensearchpy.helpers import scan

from .chain import STATE_FILE
from .findings import Finding
from .opensearch import REFRESH_SECONDS
from .shipper import REJECTED_FILE
from .spool import CURSOR_FILE, segment_name
from .verify import check_anchor

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Anchor:
    """The last entry of a spool slot that OpenSearch acknowledged."""

    instance: str
    seq: int
    hash: str
    event_id: str | None  # None when only the chain state is left (its segment was shipped and deleted)
    rejected: frozenset[int]  # seqs OpenSearch refused as documents (set aside, never in the trail)


class AnchorError(Exception):
    """A slot that cannot be read: the check would be worth nothing, so verify stops."""


def read_anchors(spool_dir: Path) -> list[Anchor]:
    """One anchor per slot of `spool_dir` that has shipped a chained entry."""
    if not spool_dir.is_dir():
        raise AnchorError(f"{spool_dir}: not a directory")
    anchors = []
    for slot in sorted(p for p in spool_dir.iterdir() if p.is_dir() and (p / CURSOR_FILE).exists()):
        anchor = _slot_anchor(slot)
        if anchor is not None:
            anchors.append(anchor)
    return anchors


def read_shipped(spool_dir: Path) -> list[Anchor]:
    """`read_anchors`, returned once what they name can be searched: OpenSearch acknowledges an
    event (and the spool calls it shipped) a refresh before a search finds it. Read before the
    trail, so that the trail holds at least what the spool says."""
    anchors = read_anchors(spool_dir)
    if anchors:
        time.sleep(REFRESH_SECONDS + 0.5)
    return anchors


def check_anchors(client: OpenSearch, prefix: str, anchors: list[Anchor]) -> list[Finding]:
    """The trail in OpenSearch against each anchor: a chain cut back or rewritten after what
    the spool shipped (`audit.verify.check_anchor`)."""
    findings: list[Finding] = []
    for anchor in anchors:
        findings += check_anchor(anchor, *trail_at_anchor(client, prefix, anchor))
    return findings


def _slot_anchor(slot: Path) -> Anchor | None:
    for _ in range(_ATTEMPTS):
        try:
            cursor = _json(slot / CURSOR_FILE)
            head = _shipped_head(slot, int(cursor["segment"]), int(cursor["offset"]))
        except FileNotFoundError:
            continue  # the shipper moved on and deleted the segment: read its new cursor
        except (ValueError, KeyError, TypeError) as exc:
            raise AnchorError(f"{slot}: unreadable spool state: {exc}") from exc
        if head is None:
            return None
        instance, seq, hash_, event_id = head
        return Anchor(instance, seq, hash_, event_id, _rejected(slot))
    raise AnchorError(f"{slot}: the spool kept changing while it was read")


def _shipped_head(slot: Path, segment: int, offset: int) -> tuple[str, int, str, str | None] | None:
    """(instance, seq, hash, event id) of the last chained line before the cursor."""
    path = slot / segment_name(segment)
    last: dict[str, Any] | None = None
    first: dict[str, Any] | None = None
    if path.exists():
        with open(path, "rb") as f:
            shipped, following = f.read(offset), f.readline()
        for line in reversed(shipped.splitlines()):  # the newest chained line: parse from the end
            last = _chain(line)
            if last is not None:
                break
        first = _chain(following) if following.endswith(b"\n") else None
    if last is not None:
        return last["instance"], last["seq"], last["hash"], last["id"]
    if offset:
        return None  # lines before the cursor, none of them chained (written before chaining)
    # The cursor is at the start of its segment, the one before shipped and deleted: the next
    # entry links to the last shipped one, or the chain state recorded for the start of this
    # segment names it.
    if first is not None:
        seq = first["seq"] - 1
        return (first["instance"], seq, first["prev"], None) if seq else None
    try:
        saved = _json(slot / STATE_FILE)
    except FileNotFoundError:
        return None
    state = saved["state"]
    if int(saved["segment"]) != segment or not int(state["seq"]):
        return None  # the state is of another segment: nothing tells where shipping stopped
    return str(state["instance"]), int(state["seq"]), str(state["hash"]), None


def _chain(line: bytes) -> dict[str, Any] | None:
    event = json.loads(line)
    chain = event.get("minguard", {}).get("chain")
    if not isinstance(chain, dict):
        return None
    event_id = event.get("event", {}).get("id")
    return {
        "instance": str(chain["instance"]),
        "seq": int(chain["seq"]),
        "hash": str(chain["hash"]),
        "prev": str(chain["prev"]),
        "id": event_id if isinstance(event_id, str) else None,
    }


def _rejected(slot: Path) -> frozenset[int]:
    try:
        text = (slot / REJECTED_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    seqs = set()
    for line in text.splitlines():
        chain = json.loads(line).get("event", {}).get("minguard", {}).get("chain")
        if isinstance(chain, dict) and isinstance(chain.get("seq"), int):
            seqs.add(chain["seq"])
    return frozenset(seqs)


def _json(path: Path) -> dict[str, Any]:
    value = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(value, dict):
        raise ValueError(f"{path.name} is not a JSON object")
    return value


def trail_at_anchor(client: OpenSearch, prefix: str, anchor: Anchor) -> tuple[list[dict[str, Any]], int | None]:
    """The instance's entries in OpenSearch from the anchor's seq on (few: those shipped since
    the spool was read), and its newest seq when there are none. Read whatever the time range
    of the verification: an instance may have ended long before it."""
    index = f"{prefix}-*"
    instance = {"term": {"minguard.chain.instance": anchor.instance}}
    query = {
        "query": {"bool": {"filter": [instance, {"range": {"minguard.chain.seq": {"gte": anchor.seq}}}]}},
        "sort": [{"minguard.chain.seq": {"order": "asc", "unmapped_type": "long"}}],
    }
    tail = [hit["_source"] for hit in scan(client, query=query, index=index, ignore_unavailable=True)]
    if tail:
        return tail, None
    newest = client.search(
        index=index,
        body={
            "size": 1,
            "query": instance,
            "sort": [{"minguard.chain.seq": {"order": "desc", "unmapped_type": "long"}}],
        },
        ignore_unavailable=True,
    )
    hits = newest["hits"]["hits"]
    return [], int(hits[0]["_source"]["minguard"]["chain"]["seq"]) if hits else None
