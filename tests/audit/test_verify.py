"""``verify_trail`` on trails built in memory: edits, deletions, insertions, reordering, forged
signatures and key rotations reported by name; signed time, finality and where a chain ends."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import audit.chain
import audit.signing
from audit.chain import HASHES, ChainSealer, canonical, event_hash, signed_bytes
from audit.signing import PUBLIC_KEY_FILE, CheckpointSigner
from audit.verify import verify_trail
from support.chain_events import check, event
from support.signing import SIGNER


def trail(
    n: int = 20, every: int = 8, closed: bool = False, interval: float = 60.0, alg: str = "sha256"
) -> list[dict[str, Any]]:
    """n events with a checkpoint every `every` and a forced one at the end (final if closed)."""
    sealer = ChainSealer(SIGNER, every=every, interval=interval, alg=alg)
    sealer.resume("gw", None)
    out: list[dict[str, Any]] = []
    for i in range(n):
        e = event(i)
        sealer.seal(e)
        out.append(e)
        if (cp := sealer.checkpoint()) is not None:
            out.append(cp)
    if closed:
        sealer.closing()
    cp = sealer.checkpoint(force=True)
    return [*out, cp] if cp else out


def rehash(checkpoint: dict[str, Any]) -> None:
    """Re-hash a checkpoint entry after a change, as whoever can write the trail can (not re-sign)."""
    checkpoint["minguard"]["chain"]["hash"] = event_hash(checkpoint, "sha256")


LATER = timedelta(hours=1)  # a verification an hour after the trail was written


def seq_of(events: list[dict[str, Any]], seq: int) -> dict[str, Any]:
    return next(e for e in events if e["minguard"]["chain"]["seq"] == seq)


def test_a_clean_trail_verifies_in_any_order() -> None:
    events = trail()
    report = verify_trail(reversed(events), [SIGNER.public_key])
    assert report.clean
    (summary,) = report.instances
    assert (summary.first_seq, summary.last_seq, summary.checkpoints, summary.unsigned) == (1, 23, 3, 0)


def test_sm3_is_gb_t_32905_and_an_sm3_trail_verifies_and_shows_edits() -> None:
    # GB/T 32905-2016, appendix A, example 1.
    assert HASHES["sm3"](b"abc").hexdigest() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    events = trail(alg="sm3")
    assert {e["minguard"]["chain"]["alg"] for e in events} == {"sm3"}
    assert verify_trail(events, [SIGNER.public_key]).clean
    seq_of(events, 7)["minguard"]["summary_zh"] = "无事发生"
    check(verify_trail(events, [SIGNER.public_key]), ("altered", 7, "e0006"))


def test_a_chain_that_changes_algorithm_at_a_restart_verifies() -> None:
    """`audit.chain_alg` changed between two runs of one slot: each entry names its own."""
    sealer = ChainSealer(SIGNER, every=4)
    sealer.resume("gw", None)
    events = []
    for i in range(6):
        sealer.seal(e := event(i))
        events.append(e)
    state = sealer.snapshot()
    sealer = ChainSealer(SIGNER, every=4, alg="sm3")
    sealer.resume("gw", state)
    for i in range(6, 10):
        sealer.seal(e := event(i))
        events.append(e)
    events.append(sealer.checkpoint(force=True))
    assert [e["minguard"]["chain"]["alg"] for e in events[4:8]] == ["sha256", "sha256", "sm3", "sm3"]
    assert verify_trail(events, [SIGNER.public_key]).clean


def rotated(signers: list[CheckpointSigner], per_run: int = 6) -> list[dict[str, Any]]:
    """One slot's chain over several runs, each run signing with the next key (a rotation)."""
    events: list[dict[str, Any]] = []
    state = None
    for run, signer in enumerate(signers):
        sealer = ChainSealer(signer, every=4)
        sealer.resume("gw", state)
        for i in range(run * per_run, (run + 1) * per_run):
            sealer.seal(e := event(i))
            events.append(e)
            if (cp := sealer.checkpoint()) is not None:
                events.append(cp)
        sealer.closing()
        events.append(sealer.checkpoint(force=True))  # type: ignore[arg-type]
        state = sealer.snapshot()
    return events


def test_a_trail_spanning_a_key_rotation_verifies_with_both_keys() -> None:
    """Before, verify took one key: a period spanning a rotation (the report asks for keys
    younger than a year) showed every checkpoint of the other key as altered."""
    new = CheckpointSigner(Ed25519PrivateKey.generate())
    events = rotated([SIGNER, new])
    assert {e["minguard"]["checkpoint"]["key_id"] for e in events if "checkpoint" in e["minguard"]} == {
        SIGNER.key_id,
        new.key_id,
    }
    assert verify_trail(events, [new.public_key, SIGNER.public_key]).clean
    only_new = verify_trail(events, [new.public_key])
    assert only_new.findings and {f.kind for f in only_new.findings} == {"altered"}


def test_a_checkpoint_signed_with_a_key_the_chain_had_left_is_reported() -> None:
    """Whoever holds a rotated-out seed (leaked, or kept against the rules) could sign a
    checkpoint over a rewritten part of the chain after the rotation: the key never returns."""
    new = CheckpointSigner(Ed25519PrivateKey.generate())
    events = rotated([SIGNER, new, SIGNER])
    returned = [e for e in events if e["minguard"].get("checkpoint", {}).get("key_id") == SIGNER.key_id][-2:]
    report = verify_trail(events, [new.public_key, SIGNER.public_key])
    assert {(f.kind, f.seq) for f in report.findings} >= {("altered", e["minguard"]["chain"]["seq"]) for e in returned}
    assert all(
        "已轮换停用的密钥" in f.message_zh
        for f in report.findings
        if f.seq in {e["minguard"]["chain"]["seq"] for e in returned}
    )


def test_rotating_the_signing_key_keeps_the_old_public_key(tmp_path: Path) -> None:
    old = CheckpointSigner.from_dir(tmp_path, generate=True)
    old_pem = (tmp_path / PUBLIC_KEY_FILE).read_bytes()
    old_id, new_id = audit.signing.rotate_signing_key(tmp_path)
    new = CheckpointSigner.from_dir(tmp_path, generate=False)
    assert (old_id, new_id) == (old.key_id, new.key_id) and old_id != new_id
    assert (tmp_path / f"audit-signing.retired-{old_id}.pub.pem").read_bytes() == old_pem
    assert [audit.signing.key_id(k) for k in audit.signing.verifying_keys(tmp_path)] == [new_id, old_id]
    assert (tmp_path / "audit-signing.key").stat().st_mode & 0o777 == 0o600


def test_a_deleted_event_is_reported_as_a_gap() -> None:
    events = [e for e in trail() if e["minguard"]["chain"]["seq"] != 5]
    check(verify_trail(events, [SIGNER.public_key]), ("deleted", 5, None))


def test_an_edited_event_is_named() -> None:
    events = trail()
    seq_of(events, 7)["minguard"]["summary_zh"] = "无事发生"
    check(verify_trail(events, [SIGNER.public_key]), ("altered", 7, "e0006"))


def test_swapped_events_are_reported_as_reordered() -> None:
    events = trail()
    a, b = seq_of(events, 3), seq_of(events, 11)
    a["minguard"]["chain"]["seq"], b["minguard"]["chain"]["seq"] = 11, 3
    check(verify_trail(events, [SIGNER.public_key]), ("reordered", 11, "e0002"), ("reordered", 3, "e0009"))


def test_a_forged_event_claiming_a_seq_is_reported_as_inserted() -> None:
    events = trail()
    forged = copy.deepcopy(seq_of(events, 4))
    forged["event"]["id"] = "forged"
    forged["minguard"]["summary_zh"] = "伪造"
    forged["minguard"]["chain"]["hash"] = event_hash(forged, "sha256")  # a self-consistent hash
    check(verify_trail([*events, forged], [SIGNER.public_key]), ("inserted", 4, "forged"))


def test_an_event_without_chain_is_reported_as_inserted() -> None:
    forged = event(99)
    check(verify_trail([*trail(), forged], [SIGNER.public_key]), ("inserted", None, "e0099"))


def test_a_deleted_checkpoint_shows_as_a_gap_and_a_count_mismatch() -> None:
    events = [e for e in trail() if e["minguard"]["chain"]["seq"] != 9]
    report = verify_trail(events, [SIGNER.public_key])
    check(report, ("deleted", 9, None), ("deleted", 18, seq_of(events, 18)["event"]["id"]))


def test_a_rewritten_chain_is_caught_by_the_next_checkpoint() -> None:
    events = trail()
    seq_of(events, 10)["minguard"]["summary_zh"] = "改过"
    previous = seq_of(events, 9)["minguard"]["chain"]["hash"]
    for seq in range(10, 18):  # re-hash everything up to the next checkpoint, which cannot be re-signed
        e = seq_of(events, seq)
        e["minguard"]["chain"]["prev"] = previous
        e["minguard"]["chain"]["hash"] = previous = event_hash(e, "sha256")
    check(verify_trail(events, [SIGNER.public_key]), ("altered", 18, seq_of(events, 18)["event"]["id"]))


def test_a_forged_signature_and_a_foreign_key_are_reported() -> None:
    events = trail()
    cp = seq_of(events, 9)
    cp["minguard"]["checkpoint"]["signature"] = "00" * 64
    cp["minguard"]["chain"]["hash"] = event_hash(cp, "sha256")
    seq_of(events, 10)["minguard"]["chain"]["prev"] = cp["minguard"]["chain"]["hash"]
    seq_of(events, 10)["minguard"]["chain"]["hash"] = event_hash(seq_of(events, 10), "sha256")
    report = verify_trail(events, [SIGNER.public_key])
    assert ("altered", 9) in {(f.kind, f.seq) for f in report.findings}
    other = Ed25519PrivateKey.generate().public_key()
    assert {f.kind for f in verify_trail(trail(), [other]).findings} == {"altered"}


def test_deleted_events_just_before_a_checkpoint_and_the_unsigned_tail() -> None:
    events = [e for e in trail(n=20) if e["minguard"]["chain"]["seq"] not in (7, 8, 23)]
    report = verify_trail(events, [SIGNER.public_key])
    check(report, ("deleted", 7, None))
    assert report.instances[0].unsigned == 4  # seq 19-22: chained, not signed (their checkpoint is gone)


# -- signed time, finality and where a chain ends -------------------------------------------
def test_a_trail_cut_off_right_after_a_checkpoint_is_reported() -> None:
    events = [e for e in trail() if e["minguard"]["chain"]["seq"] <= 9]  # seq 9 is a checkpoint
    now = datetime.now(UTC)
    assert verify_trail(events, [SIGNER.public_key]).clean  # the chain alone cannot tell
    assert verify_trail(events, [SIGNER.public_key], end=now).clean  # as if verified at once: not yet overdue
    report = verify_trail(events, [SIGNER.public_key], end=now + LATER)
    check(report, ("interrupted", 9, seq_of(events, 9)["event"]["id"]))
    (finding,) = report.findings
    assert finding.message_zh.startswith("实例 gw 记录止于 ") and "没有正常关闭的检查点" in finding.message_zh
    assert "without a final checkpoint" in finding.message
    assert report.ends_judged_at is not None and not report.instances[0].closed


def test_a_gateway_that_stopped_without_a_final_checkpoint_is_reported() -> None:
    events = trail()  # the last checkpoint is a heartbeat, not a closing one
    report = verify_trail(events, [SIGNER.public_key], end=datetime.now(UTC) + LATER)
    check(report, ("interrupted", 23, seq_of(events, 23)["event"]["id"]))


def test_a_final_checkpoint_ends_a_chain_cleanly() -> None:
    events = trail(closed=True)
    report = verify_trail(events, [SIGNER.public_key], end=datetime.now(UTC) + timedelta(days=400))
    assert report.clean, [f.message for f in report.findings]
    (summary,) = report.instances
    assert summary.closed and summary.last_checkpoint_at == seq_of(events, 23)["minguard"]["checkpoint"]["at"]
    assert seq_of(events, 23)["minguard"]["summary_zh"].endswith("网关正常关闭")


def test_the_interval_a_checkpoint_signs_sets_how_old_it_may_be() -> None:
    events = trail(interval=3600)
    now = datetime.now(UTC)
    assert verify_trail(events, [SIGNER.public_key], end=now + LATER).clean  # within two intervals
    assert not verify_trail(events, [SIGNER.public_key], end=now + timedelta(hours=3)).clean


def three_sealed() -> tuple[ChainSealer, list[dict[str, Any]]]:
    """A sealer of slot gw and the three events it sealed, no checkpoint yet."""
    sealer = ChainSealer(SIGNER)
    sealer.resume("gw", None)
    events = [event(i) for i in range(3)]
    for e in events:
        sealer.seal(e)
    return sealer, events


def test_entries_after_a_final_checkpoint_need_a_checkpoint_of_their_own() -> None:
    """A slot reopened after a clean shutdown continues its chain; until its first heartbeat the
    entries after the final checkpoint are only dated by their own @timestamp."""
    sealer, events = three_sealed()
    sealer.closing()
    events.append(sealer.checkpoint(force=True) or {})
    sealer.resume("gw", sealer.snapshot())  # the restart
    restarted = event(3)
    restarted["@timestamp"] = audit.chain.now_timestamp()
    sealer.seal(restarted)
    events.append(restarted)
    now = datetime.now(UTC)
    assert verify_trail(events, [SIGNER.public_key], end=now).clean  # just restarted
    report = verify_trail(events, [SIGNER.public_key], end=now + LATER)
    check(report, ("interrupted", 5, "e0003"))
    assert "seq 4 is a final checkpoint" in report.findings[0].message


def test_a_chain_without_any_checkpoint_is_dated_by_its_entries() -> None:
    events = [e for e in trail() if e["event"]["kind"] == "event" and e["minguard"]["chain"]["seq"] <= 8]
    stamp = datetime.fromisoformat(events[-1]["@timestamp"])
    assert verify_trail(events, [SIGNER.public_key], end=stamp).clean
    check(verify_trail(events, [SIGNER.public_key], end=stamp + LATER), ("interrupted", 8, "e0007"))


@pytest.mark.parametrize("field", ["at", "interval", "final", "version"])
def test_time_interval_finality_and_version_are_covered_by_the_signature(field: str) -> None:
    events = trail(closed=True)
    cp = seq_of(events, 23)
    changed = {"at": "2099-01-01T00:00:00.000Z", "interval": 86400.0, "final": False, "version": 3}[field]
    cp["minguard"]["checkpoint"][field] = changed
    rehash(cp)
    check(verify_trail(events, [SIGNER.public_key]), ("altered", 23, cp["event"]["id"]))


def test_stripping_the_new_fields_does_not_turn_a_checkpoint_into_an_older_one() -> None:
    """Without `version` a checkpoint is checked as one of version 1 (which had no time and no
    finality): the signature, made over the version-2 prefix, must then fail."""
    events = trail()
    cp = seq_of(events, 23)
    for name in ("version", "at", "interval", "final"):
        del cp["minguard"]["checkpoint"][name]
    rehash(cp)
    report = verify_trail(events, [SIGNER.public_key], end=datetime.now(UTC) + LATER)
    assert ("altered", 23) in {(f.kind, f.seq) for f in report.findings}
    assert not report.clean


def test_checkpoints_of_version_1_still_verify() -> None:
    """Checkpoints written before version 2: signed over {instance, seq, hash, count, key_id}
    under the v1 prefix. Their end cannot be dated, so it is not judged."""
    sealer, events = three_sealed()
    cp = sealer.checkpoint(force=True) or {}
    fields = cp["minguard"]["checkpoint"]
    for name in ("version", "at", "interval", "final"):
        del fields[name]
    v1 = b"minguard-audit-checkpoint-v1\n" + canonical(
        {k: fields[k] for k in ("instance", "seq", "hash", "count", "key_id")}
    )
    assert signed_bytes(fields) == v1
    fields["signature"] = SIGNER.sign(v1)
    rehash(cp)
    events.append(cp)
    report = verify_trail(events, [SIGNER.public_key], end=datetime.now(UTC) + timedelta(days=400))
    assert report.clean, [f.message for f in report.findings]
    assert report.instances[0].last_checkpoint_at is None
