"""Scheduled detection: every N minutes, the rules over the slot that has just ended.

Time is cut into slots of `every` minutes, aligned like the rules' windows (from 1970-01-01
00:00 Asia/Shanghai, so with a slot length that divides a day, the last slot of every hour and
day ends exactly when that window ends). A slot is due `delay` after its end, leaving the
shippers time to bring the slot's events into OpenSearch. Evaluating a slot means
`runner.run` over [slot start, slot end): every rule window that overlaps it is evaluated whole,
so a window still open is looked at again by each later slot inside it, and for the last time
by the slot that ends with it.

Several gateway replicas (and several workers in each) run the same scheduler; each slot is
evaluated by exactly one of them. Whoever creates the slot's lease document first
(`op_type=create`, id = the slot) runs it; the others get 409 and skip. A lease records when it
expires: if its holder dies mid-slot, the slot stays `running` until then, and the next tick of
any scheduler takes it over (a compare-and-set on the lease's seq_no, so again only one does).
A holder that fails with an error gives the lease back at once. Re-running a slot is harmless
anyway: alert ids are derived from rule, window and subject, and written with `create`.
The leases themselves are audit/detection/leases.py's, shared with reference loads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch

from audit.lifecycle import MIN_RETENTION_DAYS
from audit.opensearch import make_sync_client
from gateway.settings import DetectionSettings, OpenSearchSettings

from .alerts import write_alerts
from .definitions import RULES_DIR, Rule, load_rules
from .leases import DONE, RELEASED, LeaseStore, default_holder
from .notify import Notifier
from .query import iso
from .runner import RunResult
from .runner import run as run_rules
from .trail_check import days_to_check, trail_alerts

log = logging.getLogger(__name__)
ORIGIN = datetime(1970, 1, 1, tzinfo=ZoneInfo("Asia/Shanghai"))
DAY = timedelta(days=1)
Evaluate = Callable[[OpenSearch, str, list[Rule], datetime, datetime, Ed25519PublicKey], RunResult]


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        return f"{iso(self.start)}/{iso(self.end)}"


def leases_index(prefix: str) -> str:
    # Beside the alerts (`<prefix>.alerts`), outside the audit pattern `<prefix>-*` for the same
    # reasons (alerts.py): no audit template, not read by `audit verify`.
    return f"{prefix}.detect-leases"


def due_slots(now: datetime, every: timedelta, delay: timedelta, catch_up: int) -> list[Slot]:
    """The last `catch_up` slots whose end is at least `delay` ago, oldest first."""
    last_end = ORIGIN + every * ((now - delay - ORIGIN) // every)
    return [Slot(last_end - every * (k + 1), last_end - every * k) for k in reversed(range(catch_up))]


def next_due(now: datetime, every: timedelta, delay: timedelta) -> datetime:
    """When the next slot becomes due."""
    return ORIGIN + every * ((now - delay - ORIGIN) // every + 1) + delay


@dataclass(frozen=True)
class SlotRun:
    slot: Slot
    attempt: int
    created: int
    existing: int


class Scheduler:
    def __init__(
        self,
        client: OpenSearch,
        prefix: str,
        rules: list[Rule],
        every: timedelta,
        delay: timedelta,
        lease: timedelta,
        catch_up: int,
        reference_key: Ed25519PublicKey,
        holder: str | None = None,
        chain_keys: Sequence[Ed25519PublicKey] | None = None,
        retention_days: int = MIN_RETENTION_DAYS,
        evaluate: Evaluate = run_rules,
        notifier: Notifier | None = None,
    ) -> None:
        if every <= timedelta(0) or timedelta(days=1) % every:
            raise ValueError("the slot length must divide a day (e.g. 5, 15, 30, 60 minutes)")
        self.client, self.prefix, self.rules = client, prefix, rules
        self.every, self.delay, self.lease, self.catch_up = every, delay, lease, catch_up
        self.reference_key = reference_key  # what reference loads are signed with (runner.run)
        # The public keys of the trail's checkpoints (current and rotated out): with them, the
        # slot that ends a day also verifies that day's trail, and older days in turn as far
        # back as `retention_days` keeps them (trail_check.py).
        self.chain_keys = chain_keys
        self.retention_days = retention_days
        self.holder = holder or default_holder()
        self.evaluate = evaluate
        self.notifier = notifier
        self.leases = LeaseStore(client, leases_index(prefix))
        self.stopping = threading.Event()  # set at shutdown: finish the slot at hand, start no other

    def tick(self, now: datetime | None = None) -> list[SlotRun]:
        """Evaluate every due slot nobody has done or holds; returns the slots this call ran."""
        now = now or datetime.now(UTC)
        self.leases.ensure_index()
        ran: list[SlotRun] = []
        for slot in due_slots(now, self.every, self.delay, self.catch_up):
            if self.stopping.is_set():
                break
            named = {"slot": {"start": iso(slot.start), "end": iso(slot.end)}}
            lease = self.leases.acquire(slot.key, self.holder, now, self.lease, named)
            if lease is None:
                continue
            if lease.attempt > 1:
                log.warning("detection slot %s taken over (attempt %d)", slot.key, lease.attempt)
            try:
                result = self.evaluate(self.client, self.prefix, self.rules, slot.start, slot.end, self.reference_key)
                trail = self._check_trail(slot)
            except Exception as exc:
                # Give the slot back so the next tick (here or on another replica) retries it.
                error = {"error": f"{type(exc).__name__}: {exc}"[:500]}
                self.leases.settle(lease, datetime.now(UTC), RELEASED, named | {"outcome": error})
                raise
            outcome = {"created": result.created, "existing": result.existing, "rules": len(result.rules)}
            if trail is not None:
                outcome["trail_alerts"] = trail
            if not self.leases.settle(lease, datetime.now(UTC), DONE, named | {"outcome": outcome}):
                log.warning("detection slot %s: lease was taken over while running; keeping the other run", slot.key)
            log.info("detection slot %s: %d new alerts, %d already there", slot.key, result.created, result.existing)
            ran.append(SlotRun(slot, lease.attempt, result.created, result.existing))
        if self.notifier is not None:
            # Every tick, whoever evaluated the slots: alerts a receiver missed are retried.
            self.notifier.deliver(self.client, self.prefix)
        return ran

    def _check_trail(self, slot: Slot) -> int | None:
        """If the slot ends a day (Beijing midnight), the trail of that day and of the older days
        due again verified: alerts written, how many (instance, day) failed; None for the other
        slots."""
        if self.chain_keys is None or (slot.end - ORIGIN) % DAY:
            return None
        failed = 0
        for day in days_to_check(slot.end, self.retention_days):  # one day at a time: memory
            alerts = trail_alerts(self.client, self.prefix, self.chain_keys, day, slot.end)
            write_alerts(self.client, self.prefix, alerts)
            if alerts:
                log.warning("trail check %s: %d instances failed verification", iso(day.start), len(alerts))
            failed += len(alerts)
        return failed


def from_settings(
    detection: DetectionSettings,
    opensearch: OpenSearchSettings,
    reference_key: Ed25519PublicKey,
    chain_keys: Sequence[Ed25519PublicKey],
    retention_days: int,
) -> Scheduler:
    """The scheduler a gateway (or `minguard detect schedule`) runs; a bad rule file raises RuleError.
    ``reference_key``: the audit signing key's public half (reference loads are signed with it);
    ``chain_keys``: it and the rotated-out keys' (audit/signing.verifying_keys), for the trail check."""
    # Blocking, like `minguard detect run`: the rule engine is synchronous. One aggregation
    # over a busy day can take tens of seconds.
    client = make_sync_client(opensearch, timeout=300)
    return Scheduler(
        client,
        opensearch.index_prefix,
        load_rules(detection.rules_dir or RULES_DIR),
        every=timedelta(minutes=detection.every_minutes),
        delay=timedelta(seconds=detection.delay_seconds),
        lease=timedelta(seconds=detection.lease_seconds),
        catch_up=detection.catch_up,
        reference_key=reference_key,
        notifier=Notifier(detection.notify) if detection.notify else None,
        chain_keys=chain_keys,
        retention_days=retention_days,
    )


class Background:
    """The scheduler as a task of the gateway process: a tick when each slot falls due.

    The rule engine uses the blocking OpenSearch client, so ticks run on a thread of their own,
    never on the event loop. `stop` (gateway shutdown) starts no further slot and waits up to
    `grace` seconds for the one at hand; a slot cut short keeps its lease until it expires,
    and is then taken over by another replica or by this one after a restart.

    A tick that fails (OpenSearch restarting, an index whose shards are still starting) is
    tried again after `retry` seconds, doubling while it keeps failing, and never later than
    the next slot: with hourly slots, one blip must not hold detection back for an hour.
    Failures are warnings until `ESCALATE_AFTER` in a row, then errors.
    """

    ESCALATE_AFTER = 3

    def __init__(self, scheduler: Scheduler, jitter: float = 5.0, retry: float = 5.0) -> None:
        self.scheduler = scheduler
        self.jitter = jitter  # replicas wake a little apart, so one usually finds the slot taken
        self.retry = retry
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="detection")
        self._task: asyncio.Task[None] | None = None
        self._tick: Future[list[SlotRun]] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="detection-schedule")

    async def _loop(self) -> None:
        failures = 0
        while True:
            self._tick = self._executor.submit(self.scheduler.tick)
            try:
                await asyncio.wrap_future(self._tick)
                failures = 0
            except Exception:  # OpenSearch away, a failing rule: logged, tried again soon
                failures += 1
                level = logging.ERROR if failures >= self.ESCALATE_AFTER else logging.WARNING
                log.log(level, "scheduled detection failed (%d in a row)", failures, exc_info=True)
            now = datetime.now(UTC)
            wait = (next_due(now, self.scheduler.every, self.scheduler.delay) - now).total_seconds()
            if failures:  # the exponent capped: a long outage must not overflow the float
                wait = min(wait, self.retry * 2 ** min(failures - 1, 16))
            await asyncio.sleep(max(1.0, wait) + random.uniform(0, self.jitter))

    async def stop(self, grace: float = 30.0) -> None:
        self.scheduler.stopping.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._tick is not None and not self._tick.done():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.wrap_future(self._tick), grace)
        self._executor.shutdown(wait=False)
        self.scheduler.client.close()
