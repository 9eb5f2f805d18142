"""The local audit spool: append-only segment files between the request path and OpenSearch.

An append seals and writes its event at once, on the event loop (into the page cache: a few
µs), so an acknowledged event survives the gateway process being killed. Syncing to the disk
(fdatasync) runs in a thread as a group sync: one covers every write made before it started,
so concurrent requests share it. Rotating to a new segment only opens it on the event loop;
the old segment's last sync, the chain state of the new one and the directory entry are made
durable by the next group sync, before the durable end moves into the new segment (each is a
disk flush of milliseconds, which on the event loop would stall every request in flight). An append that must survive a power loss too (the audit
stage asks for it when important or core data is released) waits for the group sync that
covers it; the others return at once and are synced straight after. A failed sync closes the
spool for writing until it is reopened (after a failed fdatasync the kernel may report later
ones as clean though the data is gone). The shipper reads only synced events.

Layout of a spool directory (one per gateway instance):
    000000000001.jsonl ...   segments, one JSON event per line, append-only
    cursor.json              {"segment": n, "offset": bytes}: everything before it is in OpenSearch
    chain.json               with a sealer: the chain state at the start of segment n (audit/chain.py)
A partial last line (a crash during a write) is cut off when the spool opens; the request that
wrote it was never answered, so nothing acknowledged is lost.
"""

from __future__ import annotations

import asyncio
import fcntl
import functools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .canonical import line
from .chain import Sealer, recover_chain, sync_directory, write_chain_state
from .disk_sync import Syncer

log = logging.getLogger(__name__)

_SEGMENT_DIGITS = 12


class SpoolFull(Exception):
    """The spool has reached its size bound: OpenSearch has been unreachable for too long."""


@dataclass(frozen=True, slots=True, order=True)
class Position:
    segment: int
    offset: int


CURSOR_FILE = "cursor.json"


def segment_name(number: int) -> str:
    return f"{number:0{_SEGMENT_DIGITS}d}.jsonl"


def _encode(event: dict[str, Any]) -> bytes:
    """A line of a spool without a sealer (tests, benchmarks): as json writes it."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


class Spool:
    def __init__(
        self, root: Path, instance: str, segment_bytes: int, max_bytes: int, sealer: Sealer | None = None
    ) -> None:
        self._root = root
        self._sealer = sealer
        self._base_instance = instance
        # Set by open(): the slot this process holds (see open()).
        self.instance = instance
        self.directory = root / instance
        self._lock_fd: int | None = None
        self._segment_bytes = segment_bytes
        self._max_bytes = max_bytes
        self._file: Any = None
        # Rotated-away segment files, synced and closed by the next group sync, and the chain
        # state at the start of the newest segment while it is not yet on disk (see _rotate).
        self._retired: list[Any] = []
        self._chain_pending: tuple[int, dict[str, Any]] | None = None
        self._written = 0  # entries written since open
        self._synced_count = 0  # of those, how many a completed fdatasync covers
        self._durable = Position(0, 0)  # everything before it is synced (set by open())
        self._waiters: list[tuple[int, asyncio.Future[None]]] = []
        self._sync_task: asyncio.Task[None] | None = None  # the running group sync, if any
        self._syncer = Syncer()
        self._sync_error: str | None = None
        self._segment = 0
        self._offset = 0
        self._stored_bytes = 0  # bytes in segments not yet shipped (approximate across restarts)
        self.last_error: str | None = None
        self.wrote = asyncio.Event()  # set after each durable write; the shipper waits on it

    # -- opening -----------------------------------------------------------------------
    def segments(self) -> list[int]:
        return sorted(int(p.stem) for p in self.directory.glob("*.jsonl") if p.stem.isdigit())

    def open(self) -> None:
        """Take the first free spool slot of this instance and recover it.

        Each process holds its slot with an exclusive lock, so several workers of one gateway
        never write into one spool, and a restarted worker takes over (and ships) what its
        predecessor left in the slot it frees.
        """
        for slot in range(64):
            name = self._base_instance if slot == 0 else f"{self._base_instance}-{slot}"
            directory = self._root / name
            directory.mkdir(parents=True, exist_ok=True)
            # Events are sensitive even masked (who looked at whom): owner-only, whatever the umask.
            os.chmod(directory, 0o700)
            fd = os.open(directory / "lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            self._lock_fd, self.instance, self.directory = fd, name, directory
            break
        else:
            raise OSError(f"all 64 audit spool slots under {self._root} are in use")
        segments = self.segments()
        self._segment = segments[-1] if segments else 1
        path = self.directory / segment_name(self._segment)
        self._truncate_partial_line(path)
        self._file = open(path, "ab", buffering=0)  # noqa: SIM115 - held open for appends
        self._offset = self._file.tell()
        # A predecessor killed with unsynced writes left them in the page cache: sync them now so
        # that everything found on open counts as durable.
        os.fdatasync(self._file.fileno())
        self._durable = Position(self._segment, self._offset)
        cursor = self.read_cursor()
        self._stored_bytes = sum(
            (self.directory / segment_name(n)).stat().st_size for n in segments if n >= cursor.segment
        ) - (cursor.offset if cursor.segment in segments else 0)
        if self._sealer is not None:
            recover_chain(self._sealer, self.instance, self.directory)

    @staticmethod
    def _truncate_partial_line(path: Path) -> None:
        if not path.exists():
            return
        with open(path, "r+b") as f:
            size = f.seek(0, os.SEEK_END)
            if size == 0:
                return
            f.seek(max(0, size - 1))
            if f.read(1) == b"\n":
                return
            # Walk back to the last newline; everything after it is a torn write.
            data = path.read_bytes()
            f.truncate(data.rfind(b"\n") + 1)
            os.fsync(f.fileno())

    def close(self) -> None:
        """Sync what was written without waiting, then release the slot."""
        self._syncer.stop()
        if self._file is not None and self._sync_error is None:
            try:
                self._flush(self._file, list(self._retired), self._chain_pending)
            except OSError as exc:
                log.error("audit spool: last sync at close failed: %s", exc)
        for file in [*self._retired, self._file]:
            if file is not None:
                file.close()
        self._retired.clear()
        self._chain_pending = None
        self._file = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the slot's lock
            self._lock_fd = None

    # -- writing -----------------------------------------------------------------------
    @property
    def end(self) -> Position:
        """Everything before this position is on disk (synced); the shipper reads up to it, so
        OpenSearch never holds an event that a power loss could take from the spool's chain."""
        return self._durable

    @property
    def backlog_bytes(self) -> int:
        return self._stored_bytes

    async def append(self, event: dict[str, Any], wait_for_disk: bool = True) -> None:
        """Seal and write the event now; with wait_for_disk, return once it is synced.

        The write itself happens here, on the caller's turn of the event loop (a few µs into
        the page cache), so an event acknowledged to its caller survives the process being
        killed either way. wait_for_disk also makes it survive a power loss before the caller
        goes on: the audit stage asks for that when the response releases important or core
        data. Events written without waiting are synced by the next group sync, straight after.
        """
        if self._sync_error is not None:
            raise OSError(f"audit spool failed to sync earlier and takes no more events: {self._sync_error}")
        self._write_now(event)
        await self._synced(wait_for_disk)

    async def checkpoint(self) -> None:
        """Have the sealer write a checkpoint now, whether or not entries came since the last one
        (the timer's heartbeat, the closing one at shutdown: audit/chain.py)."""
        if self._sealer is not None and self._sync_error is None:
            self._write_now(None)
            await self._synced(True)

    def _write_now(self, event: dict[str, Any] | None) -> None:
        """Seal and write one entry (None: a forced checkpoint), or raise with nothing of it
        on disk and the chain where it was."""
        before = self._sealer.snapshot() if self._sealer is not None else None
        try:
            # Sealed (hashed, which proves it serialisable) before the size check: the check
            # counts the bytes that would really be written, and nothing is encoded twice.
            data = self._seal(event)
            if event is not None and self.backlog_bytes + len(data) > self._max_bytes:
                # Not recorded as last_error: fullness passes once the shipper catches up, and
                # readiness reads it from the backlog itself.
                raise SpoolFull(
                    f"audit spool is full: {self.backlog_bytes} bytes not yet shipped (limit {self._max_bytes})"
                )
        except (SpoolFull, TypeError, ValueError):
            # The event's own fault (not serialisable, or no room): it fails for its caller
            # alone, before it takes a seq, and says nothing about the spool's health.
            self._restore(before)
            raise
        try:
            if data:
                self._write(data, self._sealer.snapshot() if self._sealer is not None else None)
        except OSError as exc:
            self._restore(before)  # nothing of the entry is on disk: no gap in the chain
            self.last_error = f"{type(exc).__name__}: {getattr(exc, 'strerror', None) or exc}"
            raise
        if data:
            self._written += 1
            self._stored_bytes += len(data)
            if self.last_error is not None and self._sync_error is None:
                self.last_error = None

    def _restore(self, state: dict[str, Any] | None) -> None:
        if self._sealer is not None and state is not None:
            self._sealer.restore(state)

    async def _synced(self, wait: bool) -> None:
        """Make sure a group sync covers everything written so far; with wait, await it."""
        target = self._written
        future: asyncio.Future[None] | None = None
        if wait and target > self._synced_count:
            future = asyncio.get_running_loop().create_future()
            self._waiters.append((target, future))
        if self._sync_task is None or self._sync_task.done():
            self._sync_task = asyncio.create_task(self._sync_loop())
        if future is not None:
            await future

    def _seal(self, event: dict[str, Any] | None) -> bytes:
        """The entry's bytes; with a sealer, sealed here, in the order they go to disk."""
        if self._sealer is None:
            return _encode(event) if event is not None else b""
        parts: list[bytes] = []
        if event is not None:
            self._sealer.seal(event)  # hashes the canonical form: raises if it is not JSON
            parts.append(line(event))
        if (checkpoint := self._sealer.checkpoint(force=event is None)) is not None:
            parts.append(line(checkpoint))
        return b"".join(parts)

    async def _sync_loop(self) -> None:
        """Group sync: one flush in a thread covers every write made before it started."""
        while self._synced_count < self._written and self._sync_error is None and self._file is not None:
            target, position, file = self._written, Position(self._segment, self._offset), self._file
            retired, pending = list(self._retired), self._chain_pending
            try:
                await self._syncer.run(functools.partial(self._flush, file, retired, pending))
            except (OSError, ValueError) as exc:  # ValueError: the file was closed under us
                # After a failed fdatasync the kernel may have dropped the dirty pages while
                # reporting later syncs as clean: nothing written since the last good sync can be
                # trusted to be on disk, so the spool stops taking events until it is reopened.
                self._sync_error = self.last_error = f"{type(exc).__name__}: {getattr(exc, 'strerror', None) or exc}"
                log.error("audit spool sync failed, spool closed for writing: %s", self._sync_error)
                for _, future in self._waiters:
                    if not future.done():
                        future.set_exception(OSError(f"audit spool sync failed: {self._sync_error}"))
                self._waiters.clear()
                return
            self._synced_count = max(self._synced_count, target)
            self._durable = max(self._durable, position)
            for old in retired:
                old.close()  # rotated away and synced: nothing of ours uses it now
            self._retired = [old for old in self._retired if old not in retired]
            if self._chain_pending is pending:  # not replaced by a later rotation meanwhile
                self._chain_pending = None
            waiting = []
            for entry in self._waiters:
                if entry[0] <= self._synced_count:
                    if not entry[1].done():
                        entry[1].set_result(None)
                else:
                    waiting.append(entry)
            self._waiters = waiting
            self.wrote.set()

    def _write(self, data: bytes, chain_state: dict[str, Any] | None = None) -> None:
        """Append data to the page cache, or raise with nothing of it left in the file."""
        if self._file is None:
            raise OSError("audit spool is not open")
        start = self._offset
        try:
            written = self._file.write(data)
            if written != len(data):
                raise OSError(f"short write to audit spool ({written} of {len(data)} bytes)")
        except OSError:
            # Do not leave a torn line that the next write would extend into garbage.
            self._file.truncate(start)
            raise
        self._offset = start + len(data)
        if self._offset >= self._segment_bytes:
            try:
                self._rotate(chain_state)
            except OSError as exc:
                # The entry is written and must be reported so: failing it would have it written
                # twice. Keep appending to this segment; the next write tries again.
                log.warning("audit spool segment not rotated, will retry: %s", exc)

    def _rotate(self, chain_state: dict[str, Any] | None) -> None:
        """Go on in a new segment. Only the open happens here: the rest is for the next group
        sync (_flush), which runs before the durable end, and so the shipper, can move into the
        new segment; until then chain.json may name an older segment, which is still there
        (the shipper deletes only segments before its cursor) and which recover_chain replays
        from."""
        path = self.directory / segment_name(self._segment + 1)
        new_file = open(path, "ab", buffering=0)  # noqa: SIM115 - held open for appends
        self._retired.append(self._file)
        self._file, self._segment, self._offset = new_file, self._segment + 1, 0
        if chain_state is not None:
            self._chain_pending = (self._segment, chain_state)

    def _flush(self, file: Any, retired: list[Any], chain: tuple[int, dict[str, Any]] | None) -> None:
        """Make durable everything written to `file` and the segments rotated away before it,
        with what recovery needs to find them: the chain state at the start of the newest
        segment and the directory entries. Runs in the sync thread (or at close)."""
        for old in retired:
            os.fdatasync(old.fileno())
        if chain is not None:
            write_chain_state(self.directory, *chain)
        if retired:
            sync_directory(self.directory)
        os.fdatasync(file.fileno())

    # -- reading (the shipper) ---------------------------------------------------------
    def read_cursor(self) -> Position:
        try:
            data = json.loads((self.directory / CURSOR_FILE).read_text(encoding="utf-8"))
            return Position(int(data["segment"]), int(data["offset"]))
        except FileNotFoundError:
            segments = self.segments()
            return Position(segments[0] if segments else 1, 0)

    def read(self, start: Position, max_events: int) -> tuple[list[bytes], Position]:
        """Up to max_events complete lines from start, never past the durable end."""
        end = self.end
        lines: list[bytes] = []
        position = start
        while position < end:
            path = self.directory / segment_name(position.segment)
            limit = end.offset if position.segment == end.segment else None
            offset = position.offset
            if path.exists():
                with open(path, "rb") as f:
                    f.seek(offset)
                    for line in f:
                        if not line.endswith(b"\n") or (limit is not None and offset + len(line) > limit):
                            break
                        lines.append(line)
                        offset += len(line)
                        if len(lines) >= max_events:
                            return lines, Position(position.segment, offset)
            if position.segment == end.segment:
                return lines, Position(position.segment, offset)
            position = Position(position.segment + 1, 0)  # an older segment, read to its end
        return lines, position

    def commit(self, position: Position, shipped_bytes: int) -> None:
        """Record that everything before `position` is in OpenSearch; drop spent segments."""
        tmp = self.directory / f"{CURSOR_FILE}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"segment": position.segment, "offset": position.offset}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.directory / CURSOR_FILE)
        self._stored_bytes = max(0, self._stored_bytes - shipped_bytes)
        for number in self.segments():
            if number < position.segment:
                (self.directory / segment_name(number)).unlink(missing_ok=True)
