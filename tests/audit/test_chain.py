"""The hash chain sealed in the spool: lines chained in the order they reach the disk, rolled back
with a failed write, resumed after a restart; signed checkpoints and the ticker that writes them."""

from __future__ import annotations

import asyncio
import json
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from audit.chain import GENESIS, ChainSealer, canonical, checkpoint_ticker, event_hash, signed_bytes
from audit.signing import PUBLIC_KEY_FILE, CheckpointSigner
from audit.spool import Spool
from audit.verify import verify_trail
from policies.keys import KeyFileError
from support.chain_events import event
from support.signing import SIGNER


def make(tmp_path: Path, every: int = 1000, segment_bytes: int = 1 << 20) -> Spool:
    spool = Spool(tmp_path, "gw", segment_bytes, 1 << 24, sealer=ChainSealer(SIGNER, every=every))
    spool.open()
    return spool


def lines(spool: Spool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for number in spool.segments():
        path = spool.directory / f"{number:012d}.jsonl"
        out.extend(json.loads(line) for line in path.read_bytes().splitlines())
    return out


def append_all(spool: Spool, events: list[dict[str, Any]], concurrently: bool = False) -> None:
    async def scenario() -> None:
        if concurrently:
            await asyncio.gather(*(spool.append(e) for e in events))
        else:
            for e in events:
                await spool.append(e)

    asyncio.run(scenario())


# -- sealing in the spool ----------------------------------------------------------------
def test_the_chain_follows_the_order_of_the_lines_on_disk(tmp_path: Path) -> None:
    spool = make(tmp_path)
    append_all(spool, [event(i) for i in range(50)], concurrently=True)
    written = lines(spool)
    assert [e["minguard"]["chain"]["seq"] for e in written] == list(range(1, 51))
    previous = GENESIS
    for e in written:
        chain = e["minguard"]["chain"]
        assert (chain["alg"], chain["instance"], chain["prev"]) == ("sha256", "gw", previous)
        assert event_hash(e, "sha256") == chain["hash"]
        previous = chain["hash"]
    assert verify_trail(written, [SIGNER.public_key]).clean
    spool.close()


def test_a_failed_write_rolls_the_chain_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spool = make(tmp_path)
    append_all(spool, [event(0)])
    real_write = spool._write
    calls = {"n": 0}

    def failing_once(data: bytes, state: dict[str, Any] | None = None) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(28, "No space left on device")
        real_write(data, state)

    monkeypatch.setattr(spool, "_write", failing_once)

    async def scenario() -> None:
        with pytest.raises(OSError):
            await spool.append(event(1))
        await spool.append(event(1))  # written again later, as the audit stage's deferred event is

    asyncio.run(scenario())
    written = lines(spool)
    assert [e["minguard"]["chain"]["seq"] for e in written] == [1, 2]
    assert [e["n"] for e in written] == [0, 1]
    assert verify_trail(written, [SIGNER.public_key]).clean
    spool.close()


def test_an_event_that_cannot_be_hashed_fails_alone(tmp_path: Path) -> None:
    spool = make(tmp_path)
    bad = event(1)
    bad["minguard"]["upstream"]["duration_ms"] = float("nan")  # not JSON: OpenSearch would refuse it

    async def scenario() -> tuple[BaseException | None, ...]:
        return await asyncio.gather(
            spool.append(event(0)), spool.append(bad), spool.append(event(2)), return_exceptions=True
        )

    results = asyncio.run(scenario())
    assert results[0] is None and isinstance(results[1], ValueError) and results[2] is None
    assert [e["minguard"]["chain"]["seq"] for e in lines(spool)] == [1, 2]
    spool.close()


def test_the_chain_resumes_after_reopen(tmp_path: Path) -> None:
    spool = make(tmp_path)
    append_all(spool, [event(i) for i in range(5)])
    spool.close()
    spool = make(tmp_path)
    append_all(spool, [event(i) for i in range(5, 8)])
    written = lines(spool)
    assert [e["minguard"]["chain"]["seq"] for e in written] == list(range(1, 9))
    assert verify_trail(written, [SIGNER.public_key]).clean
    spool.close()


def test_the_chain_resumes_when_every_segment_was_shipped_and_deleted(tmp_path: Path) -> None:
    spool = make(tmp_path, every=7, segment_bytes=4096)
    n = 0
    while n < 40 or spool.end.offset != 0:  # stop right after a rotation: the newest segment is empty
        append_all(spool, [event(n)])
        n += 1
    trail = lines(spool)
    spool.commit(spool.end, 0)  # all shipped: every older segment is deleted
    assert [(spool.directory / f"{s:012d}.jsonl").stat().st_size for s in spool.segments()] == [0]
    spool.close()
    spool = make(tmp_path, every=7, segment_bytes=4096)
    append_all(spool, [event(i) for i in range(n, n + 10)])
    trail += lines(spool)
    report = verify_trail(trail, [SIGNER.public_key])
    assert report.clean, [f.message for f in report.findings]
    (summary,) = report.instances
    assert (summary.first_seq, summary.entries) == (1, summary.last_seq)
    assert summary.checkpoints == summary.last_seq // 8
    spool.close()


def test_the_chain_resumes_when_the_process_ended_before_a_rotation_was_flushed(tmp_path: Path) -> None:
    """A rotation writes chain.json in the next group sync; a process killed before it leaves
    chain.json naming an older segment. The reopened spool must record the newest segment's
    state before shipping deletes the segments its replay needed."""

    async def rotate_without_flushing(spool: Spool, start: int) -> int:
        n = start
        while spool.segments()[-1] == spool.segments()[0]:
            await spool.append(event(n), wait_for_disk=False)
            n += 1
        return n

    spool = make(tmp_path, segment_bytes=4096)
    # The process is killed before any group sync runs: none ever completes.
    spool._syncer.run = lambda flush: asyncio.get_running_loop().create_future()  # type: ignore[method-assign]
    n = asyncio.run(rotate_without_flushing(spool, 0))
    assert not (spool.directory / "chain.json").exists()
    trail = lines(spool)
    for file in [*spool._retired, spool._file]:  # killed: the lock and the files go with the process
        file.close()
    os.close(spool._lock_fd)  # type: ignore[arg-type]

    spool = make(tmp_path, segment_bytes=4096)
    state = json.loads((spool.directory / "chain.json").read_text(encoding="utf-8"))
    assert state["segment"] == spool.segments()[-1]
    spool.commit(spool.end, 0)  # everything shipped: the older segments are deleted
    assert len(spool.segments()) == 1
    spool.close()
    spool = make(tmp_path, segment_bytes=4096)
    append_all(spool, [event(i) for i in range(n, n + 5)])
    trail += lines(spool)
    report = verify_trail(trail, [SIGNER.public_key])
    assert report.clean, [f.message for f in report.findings]
    spool.close()


def test_rotations_flush_in_the_sync_thread_not_on_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each flush of a rotation (old segment, chain state, directory) takes milliseconds on a
    busy disk: on the event loop it would stall every request in flight."""
    spool = make(tmp_path, every=7, segment_bytes=4096)
    flushed_on: list[str] = []
    for name in ("fsync", "fdatasync"):
        real = getattr(os, name)

        def recording(fd: int, real: Any = real) -> None:
            flushed_on.append(threading.current_thread().name)
            real(fd)

        monkeypatch.setattr(os, name, recording)

    async def scenario() -> None:
        for i in range(60):
            await spool.append(event(i), wait_for_disk=i % 10 == 9)

    asyncio.run(scenario())
    assert len(spool.segments()) > 3
    assert flushed_on and set(flushed_on) == {"audit-spool-sync"}
    assert json.loads((spool.directory / "chain.json").read_text(encoding="utf-8"))["segment"] == spool.segments()[-1]
    assert spool.end.segment == spool.segments()[-1]
    monkeypatch.undo()
    assert verify_trail(lines(spool), [SIGNER.public_key]).clean
    spool.close()


# -- checkpoints ---------------------------------------------------------------------------
def test_checkpoints_every_n_events_are_signed_and_chained(tmp_path: Path) -> None:
    spool = make(tmp_path, every=5)
    append_all(spool, [event(i) for i in range(12)])
    written = lines(spool)
    checkpoints = [e for e in written if e["event"]["kind"] == "checkpoint"]
    assert [c["minguard"]["chain"]["seq"] for c in checkpoints] == [6, 12]
    first = checkpoints[0]["minguard"]["checkpoint"]
    assert (first["instance"], first["seq"], first["count"]) == ("gw", 5, 5)
    assert first["hash"] == written[4]["minguard"]["chain"]["hash"] == checkpoints[0]["minguard"]["chain"]["prev"]
    assert (first["key_id"], first["signature_alg"]) == (SIGNER.key_id, "ed25519")
    SIGNER.public_key.verify(bytes.fromhex(first["signature"]), signed_bytes(first))
    assert checkpoints[1]["minguard"]["checkpoint"]["count"] == 5  # seq 7-11, after the first checkpoint
    assert (first["version"], first["interval"], first["final"]) == (2, 60.0, False)
    assert first["at"] == checkpoints[0]["@timestamp"]
    spool.close()


def test_a_checkpoint_request_always_writes_one_a_heartbeat_when_nothing_came(tmp_path: Path) -> None:
    spool = make(tmp_path)

    async def scenario() -> None:
        await spool.checkpoint()
        await spool.append(event(0))
        await spool.checkpoint()
        await spool.checkpoint()

    asyncio.run(scenario())
    written = lines(spool)
    assert [e["event"]["kind"] for e in written] == ["checkpoint", "event", "checkpoint", "checkpoint"]
    assert [e["minguard"]["checkpoint"]["count"] for e in written if e["event"]["kind"] == "checkpoint"] == [0, 1, 0]
    assert verify_trail(written, [SIGNER.public_key]).clean
    spool.close()


def test_the_ticker_beats_every_interval_and_its_stop_makes_the_closing_checkpoint_final(tmp_path: Path) -> None:
    sealer = ChainSealer(SIGNER, interval=0.01)
    spool = Spool(tmp_path, "gw", 1 << 20, 1 << 24, sealer=sealer)
    spool.open()

    async def scenario() -> None:
        await spool.append(event(0))
        ticker = asyncio.create_task(checkpoint_ticker(spool.checkpoint, sealer.interval, on_stop=sealer.closing))
        await asyncio.sleep(0.1)
        await spool.checkpoint()  # asked while running (as at shutdown before it): not final
        ticker.cancel()
        with pytest.raises(asyncio.CancelledError):
            await ticker
        await spool.checkpoint()  # the gateway's closing checkpoint

    asyncio.run(scenario())
    checkpoints = [e["minguard"]["checkpoint"] for e in lines(spool) if e["event"]["kind"] == "checkpoint"]
    assert len(checkpoints) >= 4  # one per tick, nothing new to sign or not
    assert [c["final"] for c in checkpoints] == [False] * (len(checkpoints) - 1) + [True]
    assert {c["interval"] for c in checkpoints} == {0.01}
    report = verify_trail(lines(spool), [SIGNER.public_key], end=datetime.now(UTC) + timedelta(days=1))
    assert report.clean, [f.message for f in report.findings]
    assert report.instances[0].closed
    spool.close()


def test_the_signing_key_lives_in_the_keys_dir_with_its_public_key(tmp_path: Path) -> None:
    signer = CheckpointSigner.from_dir(tmp_path, generate=True)
    assert len((tmp_path / "audit-signing.key").read_text().strip()) == 64
    assert (tmp_path / PUBLIC_KEY_FILE).read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert CheckpointSigner.from_dir(tmp_path, generate=False).key_id == signer.key_id
    (tmp_path / PUBLIC_KEY_FILE).write_bytes(b"-----BEGIN PUBLIC KEY-----\nstale\n")
    with pytest.raises(KeyFileError):
        CheckpointSigner.from_dir(tmp_path, generate=False)
    with pytest.raises(KeyFileError):
        CheckpointSigner.from_dir(tmp_path / "none", generate=False)


def test_floats_canonicalise_to_the_same_bytes_after_a_json_round_trip() -> None:
    e: dict[str, Any] = {"a": [0.1, 1e-05, 12.804, 1.0, 123456789.123, 2.5e300, -0.0], "b": "张三", "c": None, "d": {}}
    assert canonical(json.loads(json.dumps(e, ensure_ascii=True))) == canonical(e)
