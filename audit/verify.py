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
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .chain import DEFAULT_INTERVAL, GENESIS, event_hash, signed_bytes
from .findings import Finding, InstanceSummary, Report, finding, seq_span
from .signing import key_id

if TYPE_CHECKING:
    from .anchor import Anchor

# Added to two heartbeat intervals (one heartbeat may be late or not yet shipped) before a chain
# whose last checkpoint is not final counts as cut off: clocks of gateway and verifier differ a
# little, and the shipper sends in batches.
GRACE = timedelta(seconds=30)
_MAX_MOVE_CANDIDATES = 64  # beyond this many damaged events, only neighbours are tried as origins


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
        return finding("inserted.unchained", instance, None, event_id)
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
                finding("altered.anchor_rehashed", anchor.instance, anchor.seq, at[0].id, expected=anchor.hash[:16])
            ]
        return []
    if expected < 1:
        return []
    if top is None:
        return [finding("deleted.anchor_gone", anchor.instance, anchor.seq, anchor.event_id, named=named)]
    span = seq_span(top + 1, anchor.seq)
    return [
        finding("deleted.anchor_cut", anchor.instance, anchor.seq, anchor.event_id, named=named, last=top, span=span)
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
        self.findings.append(finding(case, self.instance, seq, event_id, **values))

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
                span = seq_span(first, last)
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
                self.find(
                    "interrupted.unsigned", seqs[-1], chosen[seqs[-1]].id, span=seq_span(seqs[0], seqs[-1]), ts=ts
                )
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
                    span=seq_span(after[0], after[-1]),
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
            self.find("deleted.covered", e.seq, e.id, start=start, signed=seq, missing=seq_span(start, first_seq - 1))
        elif start > first_seq:
            self.find("deleted.uncovered", e.seq, e.id, start=start, signed=seq, missing=seq_span(first_seq, start - 1))
        return True
