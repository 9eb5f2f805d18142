"""The local audit spool: append-only segment files between the request path and OpenSearch.

An append returns only once its event is on disk (written and fsync'ed). Appends that
arrive while a write is under way are written together by the next one (group commit), so
concurrent requests share an fsync instead of queueing behind one each.

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
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .chain import Sealer, recover_chain, write_chain_state

log = logging.getLogger(__name__)

_SEGMENT_DIGITS = 12


class SpoolFull(Exception):
    """The spool has reached its size bound: OpenSearch has been unreachable for too long."""


@dataclass(frozen=True, slots=True, order=True)
class Position:
    segment: int
    offset: int


def _segment_name(number: int) -> str:
    return f"{number:0{_SEGMENT_DIGITS}d}.jsonl"


def _encode(event: dict[str, Any], strict: bool = False) -> bytes:
    """strict: the event must also pass as the sealer's canonical JSON (no NaN, sortable keys)."""
    line = json.dumps(event, ensure_ascii=False, separators=(",", ":"), allow_nan=not strict, sort_keys=strict)
    return line.encode("utf-8") + b"\n"


class _Pending(NamedTuple):
    event: dict[str, Any] | None  # None: a checkpoint request
    line: bytes  # the unsealed line: written as is when there is no sealer; sizes the backlog
    future: asyncio.Future[None]


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
        self._pending: list[_Pending] = []
        self._pending_bytes = 0
        self._writer: asyncio.Task[None] | None = None
        self._file: Any = None
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
        path = self.directory / _segment_name(self._segment)
        self._truncate_partial_line(path)
        self._file = open(path, "ab", buffering=0)  # noqa: SIM115 - held open for appends
        self._offset = self._file.tell()
        cursor = self.read_cursor()
        self._stored_bytes = sum(
            (self.directory / _segment_name(n)).stat().st_size for n in segments if n >= cursor.segment
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
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the slot's lock
            self._lock_fd = None

    # -- writing -----------------------------------------------------------------------
    @property
    def end(self) -> Position:
        """Everything before this position is durable."""
        return Position(self._segment, self._offset)

    @property
    def backlog_bytes(self) -> int:
        return self._stored_bytes + self._pending_bytes

    async def append(self, event: dict[str, Any]) -> None:
        # Encoded now, though a sealer encodes it again once sealed: an event that cannot be
        # serialised (or hashed) fails here, for its own caller, not in a batch shared with others.
        line = _encode(event, strict=self._sealer is not None)
        if self.backlog_bytes + len(line) > self._max_bytes:
            # Not recorded as last_error: fullness passes once the shipper catches up, and
            # readiness reads it from the backlog itself.
            raise SpoolFull(
                f"audit spool is full: {self.backlog_bytes} bytes not yet shipped (limit {self._max_bytes})"
            )
        await self._enqueue(event, line)

    async def checkpoint(self) -> None:
        """Have the sealer write a checkpoint now, if any entry came since the last one."""
        if self._sealer is not None:
            await self._enqueue(None, b"")

    async def _enqueue(self, event: dict[str, Any] | None, line: bytes) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append(_Pending(event, line, future))
        self._pending_bytes += len(line)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_pending())
        await future

    def _seal(self, batch: list[_Pending]) -> bytes:
        """The batch's lines; with a sealer, sealed here, in the order they will be on disk."""
        if self._sealer is None:
            return b"".join(entry.line for entry in batch)
        lines: list[bytes] = []
        for entry in batch:
            if entry.event is not None:
                self._sealer.seal(entry.event)
                lines.append(_encode(entry.event))
            if (checkpoint := self._sealer.checkpoint(force=entry.event is None)) is not None:
                lines.append(_encode(checkpoint))
        return b"".join(lines)

    async def _write_pending(self) -> None:
        while self._pending:
            batch, self._pending = self._pending, []
            self._pending_bytes -= sum(len(entry.line) for entry in batch)
            before = self._sealer.snapshot() if self._sealer is not None else None
            try:
                data = self._seal(batch)
                if data:
                    await asyncio.to_thread(self._write, data, self._sealer.snapshot() if self._sealer else None)
            except (OSError, TypeError, ValueError) as exc:  # never leave the batch's callers waiting
                if self._sealer is not None and before is not None:
                    self._sealer.restore(before)  # nothing of the batch is on disk: no gap
                self.last_error = f"{type(exc).__name__}: {getattr(exc, 'strerror', None) or exc}"
                for entry in batch:
                    if not entry.future.done():
                        entry.future.set_exception(exc)
                continue
            if data:  # a checkpoint request with nothing to sign says nothing about the disk
                self.last_error = None
            self._stored_bytes += len(data)
            for entry in batch:
                if not entry.future.done():
                    entry.future.set_result(None)
            self.wrote.set()

    def _write(self, data: bytes, chain_state: dict[str, Any] | None = None) -> None:
        """Append data durably, or raise with nothing of it left in the file."""
        if self._file is None:
            raise OSError("audit spool is not open")
        start = self._offset
        try:
            written = self._file.write(data)
            if written != len(data):
                raise OSError(f"short write to audit spool ({written} of {len(data)} bytes)")
            os.fsync(self._file.fileno())
        except OSError:
            # Do not leave a torn line that the next write would extend into garbage.
            self._file.truncate(start)
            raise
        self._offset = start + len(data)
        if self._offset >= self._segment_bytes:
            try:
                self._rotate(chain_state)
            except OSError as exc:
                # The batch is durable and must be reported so: failing it would have its events
                # written twice. Keep appending to this segment; the next write tries again.
                log.warning("audit spool segment not rotated, will retry: %s", exc)

    def _rotate(self, chain_state: dict[str, Any] | None) -> None:
        path = self.directory / _segment_name(self._segment + 1)
        new_file = open(path, "ab", buffering=0)  # noqa: SIM115 - held open for appends
        if chain_state is not None:
            try:
                # Before any line goes into it (see recover_chain); on failure the empty file stays, harmlessly.
                write_chain_state(self.directory, self._segment + 1, chain_state)
            except OSError:
                new_file.close()
                raise
        self._file.close()
        self._file, self._segment, self._offset = new_file, self._segment + 1, 0
        fd = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(fd)  # make the new segment's directory entry durable
        finally:
            os.close(fd)

    # -- reading (the shipper) ---------------------------------------------------------
    def read_cursor(self) -> Position:
        try:
            data = json.loads((self.directory / "cursor.json").read_text(encoding="utf-8"))
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
            path = self.directory / _segment_name(position.segment)
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
        tmp = self.directory / "cursor.json.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"segment": position.segment, "offset": position.offset}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.directory / "cursor.json")
        self._stored_bytes = max(0, self._stored_bytes - shipped_bytes)
        for number in self.segments():
            if number < position.segment:
                (self.directory / _segment_name(number)).unlink(missing_ok=True)
