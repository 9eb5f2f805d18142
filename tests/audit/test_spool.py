from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import audit.spool as spool_module
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


def test_an_append_that_does_not_wait_is_written_at_once_and_synced_straight_after(tmp_path: Path) -> None:
    async def scenario() -> None:
        spool = make(tmp_path)
        await spool.append(event(0), wait_for_disk=False)
        # In the file before append returned (the page cache), but not yet counted as synced,
        # so the shipper does not read it yet.
        assert b'"n":0' in (spool.directory / "000000000001.jsonl").read_bytes()
        assert spool.end == Position(1, 0)
        await asyncio.wait_for(spool.wrote.wait(), 5)
        assert read_all(spool) == [0]
        spool.close()

    asyncio.run(scenario())


def test_an_event_acknowledged_without_waiting_survives_the_process_being_killed(tmp_path: Path) -> None:
    # The child appends without waiting for the sync and dies at once, as a killed gateway
    # would after answering: the write was already in the kernel, so the event is there.
    code = (
        "import asyncio, os, sys\n"
        "from pathlib import Path\n"
        "from audit.spool import Spool\n"
        "async def main():\n"
        f"    spool = Spool(Path({str(tmp_path)!r}), 'gw', 1 << 20, 1 << 24)\n"
        "    spool.open()\n"
        "    for n in range(50):\n"
        "        await spool.append({'event': {'id': f'e{n}'}, 'n': n}, wait_for_disk=False)\n"
        "    os._exit(0)\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
    spool = make(tmp_path)
    assert read_all(spool) == list(range(50))
    spool.close()


def test_a_failed_sync_fails_its_waiters_and_closes_the_spool_for_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = make(tmp_path)

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    async def scenario() -> None:
        await spool.append(event(0))
        monkeypatch.setattr(spool_module.os, "fdatasync", broken)
        with pytest.raises(OSError, match="sync failed"):
            await spool.append(event(1))
        # The kernel may have dropped what it could not write: no more events are taken.
        with pytest.raises(OSError, match="takes no more events"):
            await spool.append(event(2), wait_for_disk=False)
        assert spool.last_error is not None and "Input/output error" in spool.last_error
        assert spool.end.offset > 0 and read_all(spool) == [0]  # only what a good sync covered

    asyncio.run(scenario())
    monkeypatch.undo()
    spool.close()
    reopened = make(tmp_path)  # a new process trusts what it finds and syncs it on open
    assert read_all(reopened)[:1] == [0]
    reopened.close()


def test_writes_that_do_not_wait_cross_rotations_in_order(tmp_path: Path) -> None:
    async def scenario() -> Spool:
        spool = make(tmp_path, segment_bytes=4096)
        for i in range(300):
            await spool.append(event(i), wait_for_disk=i % 7 == 0)
        await spool.checkpoint()  # no sealer: a no-op that must not hang
        await spool.append(event(300))  # waits: covers everything before it
        return spool

    spool = asyncio.run(scenario())
    assert len(spool.segments()) > 5
    assert read_all(spool) == list(range(301))
    spool.close()


def test_the_sync_thread_serves_successive_event_loops_and_survives_a_cancelled_waiter(tmp_path: Path) -> None:
    spool = make(tmp_path)

    async def first() -> None:
        waiter = asyncio.create_task(spool.append(event(0)))
        await asyncio.sleep(0)  # written, its sync asked for
        waiter.cancel()  # the caller went away while the sync ran
        await spool.append(event(1))  # a later sync still completes and covers both

    async def second() -> None:  # a new loop (a restarted server in the same process)
        await asyncio.wait_for(spool.append(event(2)), 10)  # its sync must wake this loop

    asyncio.run(first())
    asyncio.run(second())
    assert read_all(spool) == [0, 1, 2]
    spool.close()


def test_a_forked_child_gets_a_sync_thread_of_its_own(tmp_path: Path) -> None:
    """Threads do not survive fork: a child process that inherits the spool object (a server
    forking its workers after start-up) must not wait for a thread that is not there."""
    spool = make(tmp_path)
    asyncio.run(spool.append(event(0)))  # the parent's thread is running
    pid = os.fork()
    if pid == 0:  # the child: exit code 0 only if its own sync completed
        try:
            asyncio.run(asyncio.wait_for(spool.append(event(1)), 10))
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    spool.close()
