"""Tamper evidence for the audit trail: one hash chain per spool slot, and signed checkpoints.

Every event written to a spool slot gets `minguard.chain = {alg, instance, seq, prev, hash}`:
`hash` is SHA-256 over the event's canonical JSON without `hash` itself, so it covers `seq`
and `prev` (the hash of the slot's previous entry). Editing, deleting, moving or inserting an
event breaks the chain, and `audit/verify.py` says where.

SHA-256 is not keyed: whoever can write the trail could recompute every hash after a change.
That is what checkpoints are for. Every `every` events, and whenever asked (the timer's
heartbeat every `interval`, the closing one at shutdown), the sealer adds a checkpoint entry that
signs, with the Ed25519 key `audit-signing.key`, the slot's instance, the seq and hash of the last
entry, how many entries came since the previous checkpoint, when it was made, the heartbeat
interval, and whether it closes the trail (a clean shutdown). A checkpoint is itself an entry of
the chain. Because a running instance signs at least once per interval and a stopping one says
so, verify can tell a trail that was cut off from one that merely went quiet.

The sealer runs inside the spool's writer (`Spool(sealer=...)`), so the chain follows the exact
order of the lines on disk. See docs/audit-chain.md.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives import hashes

from .canonical import canonical as canonical  # re-exported: verify and tests hash with it
from .signing import CheckpointSigner

log = logging.getLogger(__name__)


class _SM3:
    """SM3 (GB/T 32905-2016) from the OpenSSL that cryptography ships: hashlib has it only where
    the system's OpenSSL does, which a host's crypto policy may not allow."""

    def __init__(self, data: bytes) -> None:
        digest = hashes.Hash(hashes.SM3())
        digest.update(data)
        self._value = digest.finalize()

    def hexdigest(self) -> str:
        return self._value.hex()


# Hash algorithms by the name stored in `minguard.chain.alg` (`audit.chain_alg` picks the one a
# gateway writes with); verify picks the algorithm from each event, so a trail may hold both.
HASHES: dict[str, Callable[[bytes], Any]] = {"sha256": hashlib.sha256, "sm3": _SM3}
DEFAULT_ALG = "sha256"
GENESIS = "0" * 64  # `prev` of a slot's first entry
SIGNATURE_ALG = "ed25519"
# Domain separation: a checkpoint signature can never be mistaken for a signature of anything
# else made with the same key. Each layout of the signed fields has its own prefix, so a
# checkpoint stripped of its newer fields (`at`, `final`...) cannot pass as an older one: its
# signature was made over the other prefix.
CHECKPOINT_VERSION = 2
_CONTEXTS = {1: b"minguard-audit-checkpoint-v1\n", 2: b"minguard-audit-checkpoint-v2\n"}
SIGNED_FIELDS_BY_VERSION = {
    1: ("instance", "seq", "hash", "count", "key_id"),  # written before version 2; no `version`
    2: ("version", "instance", "seq", "hash", "count", "key_id", "at", "interval", "final"),
}
SIGNED_FIELDS = SIGNED_FIELDS_BY_VERSION[CHECKPOINT_VERSION]

DEFAULT_EVERY = 1000
DEFAULT_INTERVAL = 60.0
STATE_FILE = "chain.json"


class Sealer(Protocol):
    """What the spool's writer calls (ChainSealer below), one batch at a time.

    `snapshot`/`restore` let a failed write put the chain back where it was, so the events
    written again later leave no gap; `resume`/`observe` recover it when the spool opens.
    """

    def resume(self, instance: str, state: dict[str, Any] | None) -> None: ...
    def observe(self, event: dict[str, Any]) -> None: ...
    def seal(self, event: dict[str, Any]) -> None: ...
    def checkpoint(self, force: bool = False) -> dict[str, Any] | None: ...
    def snapshot(self) -> dict[str, Any]: ...
    def restore(self, state: dict[str, Any]) -> None: ...


def write_chain_state(directory: Path, segment: int, state: dict[str, Any]) -> None:
    """Record the chain state at the start of `segment`; the spool calls it when it rotates
    into that segment, before the segment holds a line."""
    tmp = directory / f"{STATE_FILE}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"segment": segment, "state": state}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, directory / STATE_FILE)


def sync_directory(directory: Path) -> None:
    """Make the directory's entries durable: new segment files, chain.json's rename."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def recover_chain(sealer: Sealer, instance: str, directory: Path) -> None:
    """Put the sealer where the last line in the spool slot left the chain.

    chain.json holds the chain state at the start of segment n (written by the group sync after
    the spool rotated into n); the lines of segment n and later are replayed on top. Segments are deleted only
    once shipped and never the one being written, so those lines are all still there, and a
    fully shipped slot whose old segments are gone still knows its chain. One small write per
    segment instead of one per batch, and it cannot disagree with the lines: a line is either
    on disk or was never acknowledged (a torn last line is cut off before this runs).
    """
    path = directory / STATE_FILE
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        state, first = saved["state"], int(saved["segment"])
    except FileNotFoundError:
        state, first = None, 0  # a new slot, or one written before chaining: replay every line
    except (ValueError, KeyError, TypeError) as exc:
        raise OSError(f"{path}: unreadable chain state: {exc}") from exc
    sealer.resume(instance, state)
    segments = sorted((p for p in directory.glob("*.jsonl") if p.stem.isdigit()), key=lambda p: int(p.stem))
    replayed = [segment for segment in segments if int(segment.stem) >= first]
    for i, segment in enumerate(replayed):
        if i > 0 and i == len(replayed) - 1:
            # chain.json lags (the process ended before a rotation's group sync wrote it):
            # record the newest segment's starting state now, before the shipper may delete
            # the older segments this replay needed.
            write_chain_state(directory, int(segment.stem), sealer.snapshot())
            sync_directory(directory)
        with open(segment, "rb") as f:
            for number, line in enumerate(f, 1):
                try:
                    sealer.observe(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    raise OSError(f"{segment}:{number}: unreadable audit line, chain cannot resume: {exc}") from exc


def event_hash(event: dict[str, Any], alg: str, seq: int | None = None) -> str:
    """Hash of an event as sealed (its chain without `hash`); `seq` overrides the stored seq,
    which lets verify recognise an intact event that was moved to another position."""
    minguard = event["minguard"]
    chain = {k: v for k, v in minguard["chain"].items() if k != "hash"}
    if seq is not None:
        chain["seq"] = seq
    hasher = HASHES.get(alg)
    if hasher is None:
        raise KeyError(f"unknown chain hash algorithm {alg!r}")
    digest: str = hasher(canonical({**event, "minguard": {**minguard, "chain": chain}})).hexdigest()
    return digest


def signed_bytes(checkpoint: dict[str, Any]) -> bytes:
    """What the checkpoint's signature covers, by the layout the checkpoint names: `version` is
    itself signed, and a checkpoint without it is one of version 1. ValueError for a version this
    code does not know."""
    version = checkpoint.get("version", 1)
    if type(version) is not int or version not in SIGNED_FIELDS_BY_VERSION:
        raise ValueError(f"unknown checkpoint version {version!r}")
    fields = SIGNED_FIELDS_BY_VERSION[version]
    return _CONTEXTS[version] + canonical({name: checkpoint.get(name) for name in fields})


def now_timestamp() -> str:
    """`@timestamp` of an entry the gateway writes on its own (a checkpoint, its start or stop)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ChainSealer:
    """The chain state of one spool slot; implements the spool's `Sealer` protocol.

    State: the last entry's seq and hash, and the seq of the last checkpoint (the count a new
    checkpoint signs is seq - checkpoint_seq). Only the spool's writer calls it, one batch at a
    time, so it needs no lock.

    `interval` is the heartbeat the checkpoint timer keeps (checkpoint_ticker, given this value):
    each checkpoint signs it, so that verify knows, without configuration, how old the last
    checkpoint of a running instance can be.
    """

    def __init__(
        self,
        signer: CheckpointSigner,
        every: int = DEFAULT_EVERY,
        alg: str = DEFAULT_ALG,
        interval: float = DEFAULT_INTERVAL,
    ) -> None:
        if every < 1:
            raise ValueError("checkpoint every must be at least 1 event")
        if alg not in HASHES:
            raise ValueError(f"unknown chain hash algorithm {alg!r}")
        if not interval > 0:
            raise ValueError("checkpoint interval must be positive")
        self._signer = signer
        self._every = every
        self._alg = alg
        self.interval = interval
        self._instance: str | None = None
        self._seq = 0
        self._hash = GENESIS
        self._checkpoint_seq = 0
        self._closing = False

    # -- state -------------------------------------------------------------------------
    def resume(self, instance: str, state: dict[str, Any] | None) -> None:
        self._instance = instance
        self._seq, self._hash, self._checkpoint_seq = 0, GENESIS, 0
        self._closing = False
        if state is not None and state.get("instance") == instance:
            self.restore(state)

    def observe(self, event: dict[str, Any]) -> None:
        """Take over the chain position of a line already in the spool (recovery at open)."""
        chain = event.get("minguard", {}).get("chain")
        if not isinstance(chain, dict):
            return  # a line written before chaining was switched on
        self._seq, self._hash = int(chain["seq"]), str(chain["hash"])
        if event.get("event", {}).get("kind") == "checkpoint":
            self._checkpoint_seq = self._seq

    def snapshot(self) -> dict[str, Any]:
        return {
            "instance": self._instance,
            "seq": self._seq,
            "hash": self._hash,
            "checkpoint_seq": self._checkpoint_seq,
        }

    def restore(self, state: dict[str, Any]) -> None:
        self._seq, self._hash = int(state["seq"]), str(state["hash"])
        self._checkpoint_seq = int(state["checkpoint_seq"])

    # -- sealing -----------------------------------------------------------------------
    def seal(self, event: dict[str, Any]) -> None:
        if self._instance is None:
            raise RuntimeError("the chain sealer has not been resumed (Spool.open not called)")
        chain: dict[str, Any] = {"alg": self._alg, "instance": self._instance, "seq": self._seq + 1, "prev": self._hash}
        # A fresh dict: an event sealed before in a failed batch must not keep its old hash.
        event.setdefault("minguard", {})["chain"] = chain
        # The chain has no `hash` yet, so this is event_hash's input without its copies.
        chain["hash"] = HASHES[self._alg](canonical(event)).hexdigest()
        self._seq, self._hash = chain["seq"], chain["hash"]

    def closing(self) -> None:
        """The gateway is shutting down: forced checkpoints from now on close the trail (`final`)."""
        self._closing = True

    def checkpoint(self, force: bool = False) -> dict[str, Any] | None:
        """A sealed checkpoint entry if one is due: `every` entries since the last one, or, with
        force, now, even if no entry came since the last one. Forced ones are the timer's
        heartbeat (a running instance signs at least once per interval, so a trail cut off
        after a checkpoint shows by the age of its last one) and the closing one at shutdown."""
        count = self._seq - self._checkpoint_seq
        if count < self._every and not force:
            return None
        instance = self._instance or ""
        final = force and self._closing
        at = now_timestamp()
        fields: dict[str, Any] = {
            "version": CHECKPOINT_VERSION,
            "instance": instance,
            "seq": self._seq,
            "hash": self._hash,
            "count": count,
            "key_id": self._signer.key_id,
            "at": at,
            "interval": self.interval,
            "final": final,
        }
        fields["signature_alg"] = SIGNATURE_ALG
        fields["signature"] = self._signer.sign(signed_bytes(fields))
        summary = f"审计链检查点:实例 {instance} 截至第 {self._seq} 条,本段 {count} 条,已签名"
        event: dict[str, Any] = {
            "@timestamp": at,
            "event": {
                "id": uuid.uuid4().hex,
                "kind": "checkpoint",
                "type": ["info"],
                "action": "audit.checkpoint",
                "outcome": "success",
            },
            "minguard": {
                "instance": instance,
                "checkpoint": fields,
                "summary_zh": summary + (";网关正常关闭" if final else ""),
            },
        }
        self.seal(event)
        self._checkpoint_seq = self._seq
        return event


async def checkpoint_ticker(
    request: Callable[[], Awaitable[None]],
    interval: float = DEFAULT_INTERVAL,
    on_stop: Callable[[], None] | None = None,
) -> None:
    """Call `request` (Spool.checkpoint) every `interval` seconds: the heartbeat. The sealer
    writes a checkpoint each time, new entries or not, so the last events of a quiet gateway
    get signed and a running instance is never longer than `interval` without a signed, timed
    checkpoint. Give it the sealer's interval, which the checkpoints sign.

    Cancelled (the gateway's shutdown), it calls `on_stop` (ChainSealer.closing): the closing
    checkpoint the shutdown writes next is then marked final.
    """
    try:
        while True:
            await asyncio.sleep(interval)
            try:
                await request()
            except Exception as exc:  # a failed write (full disk...) must not end the timer for good
                log.warning("audit checkpoint not written: %s: %s", type(exc).__name__, exc)
    finally:
        if on_stop is not None:
            on_stop()
