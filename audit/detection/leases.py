"""Leases in OpenSearch: one holder at a time for a piece of work that several gateway
processes, on one host or several sharing the cluster, could each start.

A lease is a document whose id names the work. Whoever creates it first (`op_type=create`)
holds it; the others get 409. It records its holder and when it expires. A lease that has
expired, or was given back (any state but `running` and `done`), is taken over with a
compare-and-set on its seq_no, so of several takers one wins. A holder on this host whose
process is gone is taken over at once, without waiting for the expiry: the common crash, a
worker killed mid-work, costs no wait. Holders are named `<host>:<pid>@<start>` (`default_holder`):
the process's start time (in clock ticks since boot, from /proc) tells a holder from a later
process given its pid again, which would otherwise keep the lease until it expires.

Used by scheduled detection (one evaluation per time slot, audit/detection/schedule.py) and
by reference loads (one load of a feed at a time, gateway/references.py).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConflictError, NotFoundError

from .query import iso

RUNNING, DONE, RELEASED = "running", "done", "released"


def _started(pid: int) -> str | None:
    """When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat, after
    the command name, which may hold spaces and brackets); None where /proc cannot tell."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


def default_holder() -> str:
    pid = os.getpid()
    started = _started(pid)
    return f"{socket.gethostname()}:{pid}" + (f"@{started}" if started else "")


def _gone_here(holder: str) -> bool:
    """Whether the holder is a process of this host that no longer runs: its pid is free, or
    another process, started later, has it now."""
    host, _, process = holder.rpartition(":")
    pid, _, started = process.partition("@")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        pass
    now_started = _started(int(pid))
    return bool(started) and now_started is not None and now_started != started


@dataclass(frozen=True)
class Held:
    key: str
    holder: str
    seq_no: int
    primary_term: int
    attempt: int


class LeaseStore:
    def __init__(self, client: OpenSearch, index: str) -> None:
        self.client = client
        self.index = index

    def ensure_index(self) -> None:
        if not self.client.indices.exists(index=self.index):
            body = {"settings": {"number_of_shards": 1, "number_of_replicas": 0}}
            self.client.indices.create(index=self.index, body=body, ignore=[400])  # 400: made meanwhile

    def acquire(self, key: str, holder: str, now: datetime, duration: timedelta, fields: dict[str, Any]) -> Held | None:
        """The lease on `key`, or None if its work is done or someone else holds it. `fields`
        are written into the lease beside its own."""

        def body(attempt: int) -> dict[str, Any]:
            own = {"holder": holder, "attempt": attempt, "acquired_at": iso(now), "expires_at": iso(now + duration)}
            return {**fields, "state": RUNNING, **own}

        try:
            made = self.client.create(index=self.index, id=key, body=body(1))
            return Held(key, holder, made["_seq_no"], made["_primary_term"], 1)
        except ConflictError:
            pass
        try:
            found = self.client.get(index=self.index, id=key)
        except NotFoundError:  # deleted meanwhile (by hand): the next try creates it again
            return None
        held = found["_source"]
        if held["state"] == DONE:
            return None
        running = held["state"] == RUNNING and datetime.fromisoformat(held["expires_at"]) > now
        if running and not _gone_here(str(held["holder"])):
            return None
        attempt = int(held["attempt"]) + 1
        try:  # take over an expired, given-back or orphaned lease; of several takers, one wins
            made = self.client.index(
                index=self.index,
                id=key,
                body=body(attempt),
                params={"if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"]},
            )
        except ConflictError:
            return None
        return Held(key, holder, made["_seq_no"], made["_primary_term"], attempt)

    def settle(self, held: Held, now: datetime, state: str, fields: dict[str, Any]) -> bool:
        """End the lease: `done` (its work needs no one again) or `released` (given back, free
        at once). False if it was taken over meanwhile (we overran it): the other holder stands."""
        body = {
            **fields,
            "state": state,
            "holder": held.holder,
            "attempt": held.attempt,
            "expires_at": iso(now),
            "settled_at": iso(now),
        }
        try:
            self.client.index(
                index=self.index,
                id=held.key,
                body=body,
                params={"if_seq_no": held.seq_no, "if_primary_term": held.primary_term},
            )
        except ConflictError:
            return False
        return True

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            found: dict[str, Any] = self.client.get(index=self.index, id=key)["_source"]
        except NotFoundError:
            return None
        return found
