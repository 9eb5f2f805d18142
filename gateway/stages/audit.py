"""Stage 5: one audit event per exchange, durable before the response leaves.

The event is sealed and written to the local spool before the response leaves; when the
response would release important or core data (or data nobody could inspect) this stage also
waits for the disk sync that covers it. If that fails, the response is replaced by a refusal:
such data does not go out unaudited. The event that could not
be written (the refusal's, or that of a response carrying only general data) is kept in a
bounded queue in memory and written ahead of the next request's event once the spool accepts
writes again, and at shutdown; if the process dies first it is lost, and counted in `lost`.

An event the canonical encoder refuses (a value from a request or answer body that JSON cannot
carry) is written without those parts, marked `audit_event_unserialisable`: by then the
upstream may have performed the write, so the exchange must not go unrecorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from audit.spool import Spool, SpoolFull
from classifiers.inspect import Inspector
from classifiers.levels import DataLevel
from policies.masking import MaskingProfile

from ..exchange import SAFE_METHODS, Exchange
from .audit_event import AuditEvent
from .redact import Redactor

log = logging.getLogger(__name__)
Withheld = Callable[[Exchange], Awaitable[None]]

UNSERIALISABLE = "audit_event_unserialisable"
# The parts of an event built from what the caller or the upstream sent (bodies, form fields):
# the only parts that can hold a value the canonical encoder refuses.
_CONTENT_PARTS = ("business", "console")


def _leave_out_content(event: dict[str, Any], exc: Exception) -> None:
    """Make the event writable: drop its content parts and record why, in `minguard.error`.

    `event.reason` keeps the exchange's own failure code, if it had one; the error names it.
    """
    minguard = event["minguard"]
    for part in _CONTENT_PARTS:
        minguard.pop(part, None)
    failed = event["event"]["reason"]
    also = f"; the exchange itself failed: {failed}" if failed else ""
    also_zh = f";本次访问另有失败:{failed}" if failed else ""
    minguard["error"] = {
        "code": UNSERIALISABLE,
        # The exception's type only: its text may quote the value.
        "message": f"the audit event could not be encoded ({type(exc).__name__}); "
        f"recorded without its business and console details{also}",
        "message_zh": f"审计事件无法编码,已省略业务与控制台字段后记录{also_zh}",
    }
    minguard["summary_zh"] = f"{minguard['summary_zh']}(审计事件无法编码,业务与控制台字段未记录)"


def spool_can_take(spool_error: str | None, backlog: int, capacity: int) -> bool:
    """Whether the spool will take the next events: it has not failed, and is not nearly full.

    Nearly full counts as not able: the next events would not fit. The margin leaves room for
    a few events of ordinary size.
    """
    margin = min(capacity // 10, 1024 * 1024)
    return spool_error is None and backlog < capacity - margin


class GuardWrites:
    """Runs before forward: a write goes to the upstream only while its event can be recorded.

    The audit stage can withhold a response, but not undo what the upstream already did: a
    write forwarded while the spool refuses events would change the system of record with its
    event held only in memory (lost if the process dies), and the caller, told 503, would
    retry and perform it twice. So while the spool cannot take events, writes are refused
    before they leave. (The spool may still fail between this check and the audit stage; that
    event is deferred as any other.)
    """

    def __init__(self, spool: Spool, capacity: int) -> None:
        self._spool = spool
        self._capacity = capacity

    async def __call__(self, ex: Exchange) -> None:
        if ex.request.method in SAFE_METHODS:
            return
        if spool_can_take(self._spool.last_error, self._spool.backlog_bytes, self._capacity):
            return
        ex.fail(
            503,
            "audit_unavailable",
            "the write cannot be audited right now, so it was not sent to the upstream",
            "审计记录无法落盘,写操作未转发上游",
        )


class Audit:
    def __init__(
        self,
        spool: Spool,
        inspector: Inspector,
        redaction: MaskingProfile,
        max_deferred: int = 10000,
        withheld: Withheld | None = None,
    ) -> None:
        self._spool = spool
        # Told when a response is withheld here, to undo what counted it as released (the
        # release stage's daily quota).
        self._withheld = withheld
        # The strictest profile, for the caller's own strings (paths, queries) in events.
        self.event = AuditEvent(spool.instance, Redactor(inspector, redaction))
        self._deferred: deque[dict[str, Any]] = deque()
        self._max_deferred = max_deferred
        self.lost = 0  # events dropped because the deferred queue overflowed (logged each time)

    async def __call__(self, ex: Exchange) -> None:
        await self._flush_deferred()
        event = self.event(ex)
        try:
            # Written before the response leaves either way (it survives a killed process); only
            # a release of important or core data also waits for the disk sync.
            await self._append(event, wait_for_disk=self._releases_sensitive(ex))
            return
        except (SpoolFull, OSError) as exc:
            ex.audit_error = f"{type(exc).__name__}: {exc}"
            log.error("audit event %s not durable: %s", ex.request_id, ex.audit_error)
        if self._releases_sensitive(ex):
            ex.response = None
            if ex.upstream_stream is not None:
                ex.upstream_stream.close()
                ex.upstream_stream = None
            ex.fail(
                503,
                "audit_unavailable",
                "the access cannot be audited right now, so the data is withheld",
                "审计记录无法落盘,为保护数据本次访问已拒绝",
            )
            if self._withheld is not None:
                await self._withheld(ex)
            event = self.event(ex)
        self._defer(event)

    async def _append(self, event: dict[str, Any], wait_for_disk: bool = True) -> None:
        """Write the event; one that cannot be encoded is written without its content parts.

        By now the upstream may have performed a write: the exchange must have an event even
        when a value from the request or the answer (an amount of 1e999, say) cannot be sealed.
        The event is changed in place, so what gets deferred is what can be written.
        """
        try:
            await self._spool.append(event, wait_for_disk=wait_for_disk)
            return
        except (TypeError, ValueError) as exc:  # the event's own fault: the spool is unchanged
            log.error("audit event %s cannot be encoded (%s)", event["event"]["id"], type(exc).__name__)
            _leave_out_content(event, exc)
        await self._spool.append(event, wait_for_disk=wait_for_disk)

    @staticmethod
    def _releases_sensitive(ex: Exchange) -> bool:
        if ex.response is None:
            return False  # a failure answer carries no upstream data
        return ex.level >= DataLevel.IMPORTANT or ex.inspection is None

    def _defer(self, event: dict[str, Any]) -> None:
        if len(self._deferred) >= self._max_deferred:
            dropped = self._deferred.popleft()
            self.lost += 1
            log.error("audit event %s lost: deferred queue full", dropped["event"]["id"])
        self._deferred.append(event)

    async def _flush_deferred(self, limit: int = 256) -> None:
        if not self._deferred:
            return
        # Appended together, they share one group-commit fsync instead of one each.
        batch = [self._deferred.popleft() for _ in range(min(limit, len(self._deferred)))]
        results = await asyncio.gather(*(self._append(e) for e in batch), return_exceptions=True)
        retry = []
        for event, result in zip(batch, results, strict=True):
            if isinstance(result, SpoolFull | OSError):
                retry.append(event)
            elif isinstance(result, BaseException):
                self.lost += 1
                log.error("audit event %s lost: %r", event["event"]["id"], result)
        self._deferred.extendleft(reversed(retry))

    async def flush_deferred(self) -> None:
        """At shutdown: write everything still deferred, as far as the spool takes it."""
        while self._deferred:
            before = len(self._deferred)
            await self._flush_deferred(limit=before)
            if len(self._deferred) == before:
                log.error("%d deferred audit events could not be written at shutdown", before)
                self.lost += before
                return
