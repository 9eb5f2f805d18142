"""Checks an audit trail against its hash chains and signed checkpoints (audit/chain.py).

`verify_trail` takes the events as plain dicts, in any order, from wherever they were read
(OpenSearch, a spool, a list in a test), and reports precisely what does not fit: deleted,
altered, reordered and inserted events (docs/audit-chain.md §3 has the table). Entries after an
instance's last checkpoint are chained but not yet signed; the report counts them separately,
because whoever can write the trail could cut or rewrite that tail unnoticed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .chain import GENESIS, event_hash, key_id, signed_bytes

KINDS_ZH = {"deleted": "删除", "altered": "篡改", "reordered": "顺序被改", "inserted": "插入"}
_MAX_MOVE_CANDIDATES = 64  # beyond this many damaged events, only neighbours are tried as origins

# Finding texts by "<kind>.<case>", filled from the call's values; zh-CN first, then English.
_ZH = {
    "inserted.unchained": "事件 {id} 没有完整的哈希链字段,不属于任何审计链",
    "altered.edited": "第 {seq} 条事件 {id} 的内容与其哈希不符:已被修改",
    "reordered.moved": "事件 {id} 记录为第 {seq} 条,但封存时为第 {sealed} 条:顺序被调换",
    "inserted.duplicate": "第 {seq} 条有两条事件({other}、{id}):{id} 接不上链,是插入的",
    "inserted.ambiguous": "第 {seq} 条有两条事件({other}、{id}):无法判断哪条是原始记录",
    "deleted.gap": "第 {span} 条缺失(共 {n} 条),位于 {before} 与 {after} 之间",
    "reordered.linked": "第 {seq} 条事件 {id} 链接到第 {target} 条({target_id}),而不是前一条",
    "inserted.unlinked": "第 {seq} 条事件 {id} 接不上第 {seq_before} 条({before}):它或前一条是伪造或重算了哈希的记录",
    "altered.misplaced": "第 {seq} 条检查点不在它所签的那条之后,或实例不符",
    "altered.key": "第 {seq} 条检查点由另一把密钥({key})签名,而不是 {expected}",
    "altered.signature": "第 {seq} 条检查点签名无效",
    "altered.rewritten": "第 {seq} 条检查点所签的第 {signed} 条哈希与记录不符:此前的链被重写",
    "deleted.count": "第 {seq} 条检查点签名覆盖 {count} 条,但与上一检查点(第 {previous} 条)之间有 {actual} 条",
    "deleted.covered": "第 {seq} 条检查点覆盖第 {start}–{signed} 条,但第 {missing} 条不在记录中",
    "deleted.uncovered": "第 {seq} 条检查点只签了第 {start}–{signed} 条:签第 {missing} 条的检查点缺失",
}
_EN = {
    "inserted.unchained": "event {id} has no complete chain fields: it belongs to no chain",
    "altered.edited": "seq {seq}: event {id} does not match its hash: modified",
    "reordered.moved": "event {id} is stored as seq {seq} but was sealed as seq {sealed}: moved",
    "inserted.duplicate": "seq {seq} is claimed by two events ({other}, {id}): {id} does not fit the chain: inserted",
    "inserted.ambiguous": "seq {seq} is claimed by two events ({other}, {id}): cannot tell which is the original",
    "deleted.gap": "seq {span} missing ({n}), between {before} and {after}",
    "reordered.linked": "seq {seq}: event {id} links to seq {target} ({target_id}), not to its predecessor",
    "inserted.unlinked": "seq {seq}: event {id} does not link to seq {seq_before} ({before}): it or that one was forged or re-hashed",
    "altered.misplaced": "checkpoint at seq {seq} does not follow the entry it signs, or names another instance",
    "altered.key": "checkpoint at seq {seq} is signed by another key ({key}), not {expected}",
    "altered.signature": "checkpoint at seq {seq} has an invalid signature",
    "altered.rewritten": "checkpoint at seq {seq} signs a hash for seq {signed} the trail no longer has: the chain before it was rewritten",
    "deleted.count": "checkpoint at seq {seq} signs {count} entries, but {actual} lie since the previous checkpoint (seq {previous})",
    "deleted.covered": "checkpoint at seq {seq} covers seq {start}–{signed}, but seq {missing} are not in the trail",
    "deleted.uncovered": "checkpoint at seq {seq} signs only seq {start}–{signed}: the checkpoint signing seq {missing} is missing",
}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # deleted | altered | reordered | inserted
    instance: str | None
    seq: int | None
    event_id: str | None
    message_zh: str
    message: str


@dataclass(slots=True)
class InstanceSummary:
    instance: str
    first_seq: int
    last_seq: int
    entries: int
    checkpoints: int
    last_checkpoint_seq: int | None
    unsigned: int  # entries after the last checkpoint: chained, not yet signed


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    instances: list[InstanceSummary] = field(default_factory=list)
    signatures_checked: bool = True

    @property
    def clean(self) -> bool:
        return not self.findings

    def to_json(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "signatures_checked": self.signatures_checked,
            "instances": [asdict(s) for s in self.instances],
            "findings": [{**asdict(f), "kind_zh": KINDS_ZH[f.kind]} for f in self.findings],
        }


@dataclass(slots=True)
class _Entry:
    seq: int  # where it belongs: the stored seq, or the seq it was sealed with if it was moved
    stored_seq: int
    id: str | None
    hash: str
    prev: str
    alg: str
    intact: bool
    checkpoint: dict[str, Any] | None
    event: dict[str, Any] | None  # kept only for damaged events (to try other seqs); saves memory


def _hash_or_none(event: dict[str, Any], alg: str, seq: int | None = None) -> str | None:
    try:
        return event_hash(event, alg, seq)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # unknown algorithm or content that is no longer an event: cannot match


def _finding(case: str, instance: str | None, seq: int | None, event_id: str | None, **values: Any) -> Finding:
    values.update(seq=seq, id=event_id)
    zh, en = _ZH[case].format(**values), _EN[case].format(**values)
    if instance is not None:
        zh, en = f"实例 {instance} {zh}", f"instance {instance}: {en}"
    return Finding(case.split(".")[0], instance, seq, event_id, zh, en)


def _span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _parse(event: dict[str, Any]) -> tuple[str, _Entry] | Finding:
    meta, minguard = _dict(event.get("event")), _dict(event.get("minguard"))
    event_id = meta.get("id") if isinstance(meta.get("id"), str) else None
    chain = minguard.get("chain")
    ok = (
        isinstance(chain, dict)
        and type(chain.get("seq")) is int
        and all(isinstance(chain.get(k), str) for k in ("instance", "hash", "prev", "alg"))
    )
    if not ok or not isinstance(chain, dict):
        instance = minguard.get("instance") if isinstance(minguard.get("instance"), str) else None
        return _finding("inserted.unchained", instance, None, event_id)
    seq, alg = chain["seq"], chain["alg"]
    intact = _hash_or_none(event, alg) == chain["hash"]
    checkpoint = _dict(minguard.get("checkpoint")) if meta.get("kind") == "checkpoint" else None
    entry = _Entry(seq, seq, event_id, chain["hash"], chain["prev"], alg, intact, checkpoint, None if intact else event)
    return chain["instance"], entry


def verify_trail(events: Iterable[dict[str, Any]], public_key: Ed25519PublicKey | None) -> Report:
    """Without a public key the chains are checked but checkpoint signatures are not."""
    report = Report(signatures_checked=public_key is not None)
    by_instance: dict[str, list[_Entry]] = defaultdict(list)
    for event in events:
        parsed = _parse(event)
        if isinstance(parsed, Finding):
            report.findings.append(parsed)
        else:
            by_instance[parsed[0]].append(parsed[1])
    for instance in sorted(by_instance):
        report.instances.append(_Chain(instance, by_instance[instance], public_key, report.findings).check())
    report.findings.sort(key=lambda f: (f.instance or "", f.seq or 0))
    return report


class _Chain:
    def __init__(
        self, instance: str, entries: list[_Entry], public_key: Ed25519PublicKey | None, findings: list[Finding]
    ) -> None:
        self.instance = instance
        self.entries = entries
        self.public_key = public_key
        self.findings = findings
        self.by_hash = {e.hash: e for e in entries}

    def find(self, case: str, seq: int | None, event_id: str | None, **values: Any) -> None:
        self.findings.append(_finding(case, self.instance, seq, event_id, **values))

    def check(self) -> InstanceSummary:
        self._find_moved()
        chosen = self._resolve_duplicates()
        for e in chosen.values():
            if not e.intact:
                self.find("altered.edited", e.seq, e.id)
        return self._walk(chosen)

    def _find_moved(self) -> None:
        """An event that fails its hash but passes it with another seq was moved, not edited."""
        damaged = [e for e in self.entries if not e.intact]
        by_prev = {e.prev: e for e in self.entries}
        others = {e.stored_seq for e in damaged} if len(damaged) <= _MAX_MOVE_CANDIDATES else set()
        for e in damaged:
            candidates = set(others)
            if (before := self.by_hash.get(e.prev)) is not None:
                candidates.add(before.stored_seq + 1)
            if (after := by_prev.get(e.hash)) is not None:
                candidates.add(after.stored_seq - 1)
            candidates.discard(e.stored_seq)
            for seq in sorted(c for c in candidates if c >= 1):
                if e.event is not None and _hash_or_none(e.event, e.alg, seq) == e.hash:
                    e.seq, e.intact, e.event = seq, True, None
                    self.find("reordered.moved", e.stored_seq, e.id, sealed=seq)
                    break

    def _resolve_duplicates(self) -> dict[int, _Entry]:
        """One event per seq: the one that fits (intact, linked both ways); the others were inserted."""
        groups: dict[int, list[_Entry]] = defaultdict(list)
        for e in self.entries:
            groups[e.seq].append(e)
        hashes = {seq: {e.hash for e in group} for seq, group in groups.items()}
        prevs = {seq: {e.prev for e in group} for seq, group in groups.items()}

        def fits(e: _Entry) -> tuple[bool, bool, bool]:
            linked = e.prev in hashes.get(e.seq - 1, ()) or (e.seq == 1 and e.prev == GENESIS)
            return e.intact, linked, e.hash in prevs.get(e.seq + 1, ())

        chosen: dict[int, _Entry] = {}
        for seq, group in groups.items():
            ranked = sorted(group, key=fits, reverse=True)
            chosen[seq] = best = ranked[0]
            for e in ranked[1:]:
                case = "inserted.ambiguous" if fits(e) == fits(best) else "inserted.duplicate"
                self.find(case, seq, e.id, other=best.id)
        return chosen

    def _walk(self, chosen: dict[int, _Entry]) -> InstanceSummary:
        seqs = sorted(chosen)
        last_checkpoint: _Entry | None = None
        checkpoints = 0
        for index, seq in enumerate(seqs):
            e = chosen[seq]
            before = chosen[seqs[index - 1]] if index else None
            if before is not None and seq > before.seq + 1:
                first, last = before.seq + 1, seq - 1
                span = _span(first, last)
                self.find("deleted.gap", first, None, span=span, n=last - first + 1, before=before.id, after=e.id)
            elif e.intact and (before is None or before.intact):
                expected = before.hash if before is not None else (GENESIS if seq == 1 else None)
                # A checkpoint's own check (below) says more precisely why it does not link.
                if expected is not None and e.prev != expected and e.checkpoint is None:
                    self._link_broken(e, before)
            if e.checkpoint is not None:
                checkpoints += 1
                self._check_checkpoint(e, chosen, last_checkpoint, seqs[0])
                last_checkpoint = e
        last_cp = last_checkpoint.seq if last_checkpoint else None
        unsigned = sum(1 for s in seqs if last_cp is None or s > last_cp)
        return InstanceSummary(self.instance, seqs[0], seqs[-1], len(seqs), checkpoints, last_cp, unsigned)

    def _link_broken(self, e: _Entry, before: _Entry | None) -> None:
        target = self.by_hash.get(e.prev)
        if target is not None and target is not e:
            self.find("reordered.linked", e.seq, e.id, target=target.seq, target_id=target.id)
        else:
            self.find("inserted.unlinked", e.seq, e.id, seq_before=e.seq - 1, before=before.id if before else "GENESIS")

    def _check_checkpoint(self, e: _Entry, chosen: dict[int, _Entry], previous: _Entry | None, first_seq: int) -> None:
        cp = e.checkpoint or {}
        seq, count, signed_hash = cp.get("seq"), cp.get("count"), cp.get("hash")
        if cp.get("instance") != self.instance or seq != e.seq - 1 or signed_hash != e.prev:
            self.find("altered.misplaced", e.seq, e.id)
        trusted = e.intact
        if self.public_key is not None:
            expected = key_id(self.public_key)
            if cp.get("key_id") != expected:
                self.find("altered.key", e.seq, e.id, key=cp.get("key_id"), expected=expected)
                trusted = False
            else:
                try:
                    self.public_key.verify(bytes.fromhex(str(cp.get("signature"))), signed_bytes(cp))
                except (InvalidSignature, ValueError):
                    self.find("altered.signature", e.seq, e.id)
                    trusted = False
        if not trusted or type(count) is not int or type(seq) is not int:
            return  # what a forged or damaged checkpoint claims proves nothing either way
        signed = chosen.get(seq)
        if signed is not None and signed.hash != signed_hash:
            self.find("altered.rewritten", e.seq, e.id, signed=seq)
        start = seq - count + 1
        if previous is not None:
            if count != seq - previous.seq:
                self.find("deleted.count", e.seq, e.id, count=count, previous=previous.seq, actual=seq - previous.seq)
        elif e.seq == first_seq:
            pass  # the trail starts with this checkpoint: what it signs lies before the trail
        elif start < first_seq:
            self.find("deleted.covered", e.seq, e.id, start=start, signed=seq, missing=_span(start, first_seq - 1))
        elif start > first_seq:
            self.find("deleted.uncovered", e.seq, e.id, start=start, signed=seq, missing=_span(first_seq, start - 1))
