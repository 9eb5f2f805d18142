"""Checks an audit trail against its hash chains and signed checkpoints (audit/chain.py).

`verify_trail` takes the events as plain dicts, in any order, from wherever they were read
(OpenSearch, a spool, a list in a test), and reports precisely what does not fit: deleted,
altered, reordered and inserted events (docs/audit-chain.md §3 has the table). Entries after an
instance's last checkpoint are chained but not yet signed; the report counts them separately.

Where a chain ends is judged too, when the caller gives the time the trail should reach (`end`):
a running gateway signs a heartbeat checkpoint every interval and a stopping one marks its
closing checkpoint final, so a chain whose last checkpoint is neither final nor recent was cut
off (or its gateway died). Whoever can write the trail can still cut or rewrite the last
couple of intervals unnoticed, and cut back to a final checkpoint (docs/audit-chain.md §4),
unless the trail is also held against the spools on the gateway hosts: `check_anchor`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .chain import DEFAULT_INTERVAL, GENESIS, event_hash, key_id, signed_bytes

if TYPE_CHECKING:
    from .anchor import Anchor

KINDS_ZH = {"deleted": "删除", "altered": "篡改", "reordered": "顺序被改", "inserted": "插入", "interrupted": "中断"}
# Added to two heartbeat intervals (one heartbeat may be late or not yet shipped) before a chain
# whose last checkpoint is not final counts as cut off: clocks of gateway and verifier differ a
# little, and the shipper sends in batches.
GRACE = timedelta(seconds=30)
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
    "altered.key_returned": "第 {seq} 条检查点由已轮换停用的密钥 {key} 签名,而此前的检查点已使用新密钥 {newer}:"
    "是用旧密钥伪造的",
    "altered.signature": "第 {seq} 条检查点签名无效",
    "altered.rewritten": "第 {seq} 条检查点所签的第 {signed} 条哈希与记录不符:此前的链被重写",
    "deleted.count": "第 {seq} 条检查点签名覆盖 {count} 条,但与上一检查点(第 {previous} 条)之间有 {actual} 条",
    "deleted.covered": "第 {seq} 条检查点覆盖第 {start}–{signed} 条,但第 {missing} 条不在记录中",
    "deleted.uncovered": "第 {seq} 条检查点只签了第 {start}–{signed} 条:签第 {missing} 条的检查点缺失",
    "interrupted.open": "记录止于 {at}(第 {seq} 条检查点),没有正常关闭的检查点:"
    "其后的记录可能已被删除,或网关异常停止,或尚未送达 OpenSearch",
    "interrupted.restarted": "第 {closed} 条是正常关闭的检查点,但其后又有记录(第 {span} 条,最晚 {ts}),之后没有检查点:"
    "其后的记录可能已被删除,或网关异常停止,或尚未送达 OpenSearch",
    "interrupted.unsigned": "记录(第 {span} 条,最晚 {ts})中没有任何检查点:"
    "其后的记录可能已被删除,或网关异常停止,或尚未送达 OpenSearch",
    "deleted.anchor_cut": "网关主机上的审计缓存显示已送达 OpenSearch 至第 {seq} 条{named},记录却止于第 {last} 条:"
    "第 {span} 条被删除",
    "deleted.anchor_gone": "网关主机上的审计缓存显示已送达 OpenSearch 至第 {seq} 条{named},"
    "记录中却没有该实例的任何事件:整条链被删除",
    "altered.anchor_rehashed": "第 {seq} 条事件 {id} 的哈希与网关主机上审计缓存中的({expected})不同:"
    "链被改写并重新计算了哈希",
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
    "altered.key_returned": "checkpoint at seq {seq} is signed by the rotated-out key {key}, though earlier"
    " checkpoints already use the newer key {newer}: forged with the old key",
    "altered.signature": "checkpoint at seq {seq} has an invalid signature",
    "altered.rewritten": "checkpoint at seq {seq} signs a hash for seq {signed} the trail no longer has: the chain before it was rewritten",
    "deleted.count": "checkpoint at seq {seq} signs {count} entries, but {actual} lie since the previous checkpoint (seq {previous})",
    "deleted.covered": "checkpoint at seq {seq} covers seq {start}–{signed}, but seq {missing} are not in the trail",
    "deleted.uncovered": "checkpoint at seq {seq} signs only seq {start}–{signed}: the checkpoint signing seq {missing} is missing",
    "interrupted.open": "the trail ends at {at} (checkpoint at seq {seq}) without a final checkpoint:"
    " later entries may have been deleted, or the gateway stopped abnormally, or they are not yet in OpenSearch",
    "interrupted.restarted": "seq {closed} is a final checkpoint, but entries follow it (seq {span}, the latest at {ts})"
    " and no checkpoint after them: later entries may have been deleted, or the gateway stopped abnormally,"
    " or they are not yet in OpenSearch",
    "interrupted.unsigned": "the entries (seq {span}, the latest at {ts}) have no checkpoint at all:"
    " later entries may have been deleted, or the gateway stopped abnormally, or they are not yet in OpenSearch",
    "deleted.anchor_cut": "the spool on the gateway host shows entries shipped up to seq {seq}{named},"
    " but the trail ends at seq {last}: seq {span} were deleted",
    "deleted.anchor_gone": "the spool on the gateway host shows entries shipped up to seq {seq}{named},"
    " but the trail holds no entry of this instance: the whole chain was deleted",
    "altered.anchor_rehashed": "seq {seq}: event {id} has another hash than the spool on the gateway host holds"
    " ({expected}): the chain was rewritten and re-hashed",
}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # deleted | altered | reordered | inserted | interrupted
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
    last_checkpoint_at: str | None  # when the last checkpoint was made (signed); None before version 2
    closed: bool  # the chain ends with a final checkpoint: its gateway stopped cleanly


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    instances: list[InstanceSummary] = field(default_factory=list)
    signatures_checked: bool = True
    ends_judged_at: str | None = None  # the time the chains should reach; None: ends not judged

    @property
    def clean(self) -> bool:
        return not self.findings

    def to_json(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "signatures_checked": self.signatures_checked,
            "ends_judged_at": self.ends_judged_at,
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
    timestamp: str | None  # @timestamp (unsigned): dates a chain's end where no checkpoint can


def quiet_limit(interval: float) -> timedelta:
    """How old the last checkpoint of a running gateway can be when the trail is read."""
    return 2 * timedelta(seconds=interval) + GRACE


def parse_at(value: Any) -> datetime | None:
    """A checkpoint's `at` or an event's @timestamp as an aware datetime; None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def checkpoint_interval(checkpoint: dict[str, Any]) -> float:
    """The heartbeat interval a checkpoint signs; the gateway's default for older ones."""
    value = checkpoint.get("interval")
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    return DEFAULT_INTERVAL


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
    damaged = None if intact else event
    stamp = event.get("@timestamp") if isinstance(event.get("@timestamp"), str) else None
    entry = _Entry(seq, seq, event_id, chain["hash"], chain["prev"], alg, intact, checkpoint, damaged, stamp)
    return chain["instance"], entry


def verify_trail(
    events: Iterable[dict[str, Any]], public_keys: Sequence[Ed25519PublicKey] | None, end: datetime | None = None
) -> Report:
    """Without public keys the chains are checked but checkpoint signatures are not. With
    several (the keys of a rotation), each checkpoint is checked with the one its `key_id` names.

    `end` (aware): the time the trail is expected to reach, the end of the period checked or now.
    Each chain must then end in a final checkpoint or in one made within two heartbeat intervals
    (plus GRACE) before `end`. Without it, where chains end is not judged.
    """
    report = Report(signatures_checked=public_keys is not None)
    keys = {key_id(key): key for key in public_keys} if public_keys is not None else None
    if end is not None:
        report.ends_judged_at = end.isoformat(timespec="seconds")
    by_instance: dict[str, list[_Entry]] = defaultdict(list)
    for event in events:
        parsed = _parse(event)
        if isinstance(parsed, Finding):
            report.findings.append(parsed)
        else:
            by_instance[parsed[0]].append(parsed[1])
    for instance in sorted(by_instance):
        chain = _Chain(instance, by_instance[instance], keys, report.findings, end)
        report.instances.append(chain.check())
    report.findings.sort(key=lambda f: (f.instance or "", f.seq or 0))
    return report


def check_anchor(anchor: Anchor, tail: list[dict[str, Any]], newest: int | None) -> list[Finding]:
    """The trail against the last entry a spool slot shipped (audit/anchor.py): `tail` is the
    instance's entries from the anchor's seq on, `newest` its newest seq when there are none.
    Entries OpenSearch refused as documents (set aside in the slot) were never in the trail."""
    expected = anchor.seq
    while expected in anchor.rejected:
        expected -= 1
    named = f"({anchor.event_id})" if anchor.event_id else ""
    entries = [entry for event in tail if not isinstance(entry := _parse(event), Finding)]
    top = max((e.seq for _, e in entries), default=newest)
    if top is not None and top >= expected:
        at = [e for _, e in entries if e.seq == anchor.seq]
        if at and all(e.hash != anchor.hash for e in at):
            return [
                _finding("altered.anchor_rehashed", anchor.instance, anchor.seq, at[0].id, expected=anchor.hash[:16])
            ]
        return []
    if expected < 1:
        return []
    if top is None:
        return [_finding("deleted.anchor_gone", anchor.instance, anchor.seq, anchor.event_id, named=named)]
    span = _span(top + 1, anchor.seq)
    return [
        _finding("deleted.anchor_cut", anchor.instance, anchor.seq, anchor.event_id, named=named, last=top, span=span)
    ]


class _Chain:
    def __init__(
        self,
        instance: str,
        entries: list[_Entry],
        keys: dict[str, Ed25519PublicKey] | None,
        findings: list[Finding],
        end: datetime | None,
    ) -> None:
        self.instance = instance
        self.entries = entries
        self.keys = keys
        # The key the chain's last validly signed checkpoint used, and those it used before:
        # a rotation moves forward, so a key once left behind signs nothing later (a retired
        # key's copy, leaked or kept, cannot be used to forge a newer checkpoint).
        self.signing_key: str | None = None
        self.left_keys: set[str] = set()
        self.findings = findings
        self.end = end
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
        last_trusted: _Entry | None = None  # the last checkpoint whose signature holds
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
                if self._check_checkpoint(e, chosen, last_checkpoint, seqs[0]):
                    last_trusted = e
                last_checkpoint = e
        last_cp = last_checkpoint.seq if last_checkpoint else None
        unsigned = sum(1 for s in seqs if last_cp is None or s > last_cp)
        signed = last_trusted.checkpoint if last_trusted is not None and last_trusted.checkpoint else {}
        at = signed.get("at") if last_trusted is last_checkpoint and isinstance(signed.get("at"), str) else None
        closed = last_trusted is not None and last_trusted.seq == seqs[-1] and signed.get("final") is True
        if self.end is not None and not closed:
            self._judge_end(chosen, seqs, last_trusted, checkpoints, self.end)
        return InstanceSummary(self.instance, seqs[0], seqs[-1], len(seqs), checkpoints, last_cp, unsigned, at, closed)

    def _judge_end(
        self, chosen: dict[int, _Entry], seqs: list[int], last: _Entry | None, checkpoints: int, end: datetime
    ) -> None:
        """A chain that does not end in a final checkpoint must reach close to `end`: a running
        gateway signs a heartbeat every interval. The signed `at` of the last valid checkpoint
        dates the end. Entries' unsigned @timestamp is used only where no signature can date
        them (after a final checkpoint, in a chain with no checkpoint), to spare a gateway that
        has just started; trusting it gives away at most one interval, since a forged recent
        stamp ages like a real one and shows at the next verification."""
        if last is None:
            if checkpoints:
                return  # checkpoints there, none valid: reported above
            newest = self._newest(chosen, seqs)
            if newest is None or newest[0] < end - quiet_limit(DEFAULT_INTERVAL):
                ts = newest[1] if newest else "?"
                self.find("interrupted.unsigned", seqs[-1], chosen[seqs[-1]].id, span=_span(seqs[0], seqs[-1]), ts=ts)
            return
        signed = last.checkpoint or {}
        at = parse_at(signed.get("at"))
        if at is None:
            return  # a checkpoint from before version 2: no signed time, and no heartbeat then
        limit = end - quiet_limit(checkpoint_interval(signed))
        if signed.get("final") is True:
            # The slot was reopened after a clean shutdown; its first heartbeat is due an
            # interval after the restart.
            after = [s for s in seqs if s > last.seq]
            newest = self._newest(chosen, after)
            if newest is None or newest[0] < limit:
                ts = newest[1] if newest else "?"
                self.find(
                    "interrupted.restarted",
                    after[-1],
                    chosen[after[-1]].id,
                    closed=last.seq,
                    span=_span(after[0], after[-1]),
                    ts=ts,
                )
        elif at < limit:
            self.find("interrupted.open", last.seq, last.id, at=signed.get("at"))

    @staticmethod
    def _newest(chosen: dict[int, _Entry], seqs: list[int]) -> tuple[datetime, str] | None:
        stamps = [(t, str(chosen[s].timestamp)) for s in seqs if (t := parse_at(chosen[s].timestamp)) is not None]
        return max(stamps) if stamps else None

    def _link_broken(self, e: _Entry, before: _Entry | None) -> None:
        target = self.by_hash.get(e.prev)
        if target is not None and target is not e:
            self.find("reordered.linked", e.seq, e.id, target=target.seq, target_id=target.id)
        else:
            self.find("inserted.unlinked", e.seq, e.id, seq_before=e.seq - 1, before=before.id if before else "GENESIS")

    def _signed(self, e: _Entry, cp: dict[str, Any]) -> bool:
        """Whether one of the keys validly signed the checkpoint, and not a key the chain had
        already left behind."""
        keys = self.keys or {}
        named = str(cp.get("key_id"))
        key = keys.get(named)
        if key is None:
            self.find("altered.key", e.seq, e.id, key=named, expected="、".join(keys))
            return False
        if named in self.left_keys:
            self.find("altered.key_returned", e.seq, e.id, key=named, newer=self.signing_key)
            return False
        try:
            key.verify(bytes.fromhex(str(cp.get("signature"))), signed_bytes(cp))
        except (InvalidSignature, ValueError):
            self.find("altered.signature", e.seq, e.id)
            return False
        if self.signing_key is not None and self.signing_key != named:
            self.left_keys.add(self.signing_key)
        self.signing_key = named
        return True

    def _check_checkpoint(self, e: _Entry, chosen: dict[int, _Entry], previous: _Entry | None, first_seq: int) -> bool:
        """Check one checkpoint; True if it can be trusted (intact and, with a key, validly signed)."""
        cp = e.checkpoint or {}
        seq, count, signed_hash = cp.get("seq"), cp.get("count"), cp.get("hash")
        if cp.get("instance") != self.instance or seq != e.seq - 1 or signed_hash != e.prev:
            self.find("altered.misplaced", e.seq, e.id)
        trusted = e.intact
        if self.keys is not None:
            trusted = self._signed(e, cp) and trusted
        if not trusted or type(count) is not int or type(seq) is not int:
            return False  # what a forged or damaged checkpoint claims proves nothing either way
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
        return True
