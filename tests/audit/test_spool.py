from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from audit.spool import Position, Spool, SpoolFull


def event(n: int) -> dict[str, object]:
    return {"event": {"id": f"e{n}"}, "n": n, "pad": "x" * 100}


def make(tmp_path: Path, segment_bytes: int = 1 << 20, max_bytes: int = 1 << 24) -> Spool:
    spool = Spool(tmp_path, "gw", segment_bytes, max_bytes)
    spool.open()
    return spool


def read_all(spool: Spool) -> list[int]:
    lines, _ = spool.read(spool.read_cursor(), 10_000)
    return [json.loads(line)["n"] for line in lines]


def test_concurrent_appends_are_durable_in_order_of_completion(tmp_path: Path) -> None:
    async def scenario() -> Spool:
        spool = make(tmp_path)
        await asyncio.gather(*(spool.append(event(i)) for i in range(200)))
        return spool

    spool = asyncio.run(scenario())
    assert sorted(read_all(spool)) == list(range(200))
    spool.close()


def filled_small_segments(tmp_path: Path, events: int = 100) -> Spool:
    """A spool of 4 KB segments with `events` events appended one by one."""

    async def scenario() -> Spool:
        spool = make(tmp_path, segment_bytes=4096)
        for i in range(events):
            await spool.append(event(i))
        return spool

    return asyncio.run(scenario())


def test_segments_rotate_and_reads_cross_them(tmp_path: Path) -> None:
    spool = filled_small_segments(tmp_path)
    assert len(spool.segments()) > 3
    assert read_all(spool) == list(range(100))
    spool.close()


def test_commit_moves_the_cursor_and_drops_spent_segments(tmp_path: Path) -> None:
    spool = filled_small_segments(tmp_path)
    before = len(spool.segments())
    lines, position = spool.read(spool.read_cursor(), 60)
    spool.commit(position, sum(map(len, lines)))
    assert len(spool.segments()) < before
    assert read_all(spool) == list(range(60, 100))
    spool.close()
    # A new process resumes from the committed cursor.
    reopened = make(tmp_path, segment_bytes=4096)
    assert read_all(reopened) == list(range(60, 100))
    reopened.close()


def test_a_torn_last_line_is_cut_off_on_open(tmp_path: Path) -> None:
    async def scenario() -> None:
        spool = make(tmp_path)
        for i in range(3):
            await spool.append(event(i))
        spool.close()

    asyncio.run(scenario())
    segment = tmp_path / "gw" / "000000000001.jsonl"
    with open(segment, "ab") as f:
        f.write(b'{"event":{"id":"torn"')
    spool = make(tmp_path)
    assert read_all(spool) == [0, 1, 2]
    assert segment.read_bytes().endswith(b"\n")
    spool.close()


def test_the_spool_is_bounded(tmp_path: Path) -> None:
    async def scenario() -> None:
        spool = make(tmp_path, max_bytes=65536)
        with pytest.raises(SpoolFull):
            for i in range(1000):
                await spool.append(event(i))
        spool.close()

    asyncio.run(scenario())


def test_a_failed_write_is_reported_to_the_writer(tmp_path: Path) -> None:
    async def scenario() -> None:
        spool = make(tmp_path)
        await spool.append(event(0))
        spool.close()  # the file is gone: the next write must fail, not pretend
        with pytest.raises(OSError):
            await spool.append(event(1))
        assert spool.last_error is not None

    asyncio.run(scenario())


def test_two_processes_never_share_a_slot(tmp_path: Path) -> None:
    first = make(tmp_path)
    second = make(tmp_path)
    assert (first.instance, second.instance) == ("gw", "gw-1")
    first.close()
    third = make(tmp_path)
    assert third.instance == "gw"  # the freed slot is taken over, with what it holds
    second.close()
    third.close()


def test_position_order() -> None:
    assert Position(1, 500) < Position(2, 0) < Position(2, 1)
