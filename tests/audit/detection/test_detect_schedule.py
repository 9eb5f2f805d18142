"""Scheduled detection: slots, and the lease that lets one replica evaluate each slot (real node)."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from opensearchpy import OpenSearch

from audit.detection.definitions import load_rules
from audit.detection.runner import RunResult
from audit.detection.runner import run as run_rules
from audit.detection.schedule import Background, Scheduler, Slot, due_slots, next_due
from audit.opensearch import index_template
from gateway.settings import ConfigError, parse_settings
from support.gateways import OPENSEARCH_URL
from support.signing import SIGNER

SH = ZoneInfo("Asia/Shanghai")
EVERY, DELAY, LEASE = timedelta(minutes=15), timedelta(minutes=2), timedelta(minutes=10)
RULES = load_rules(only="misuse.repeated_denials")  # 1h window, ≥ 10 refusals per user
# 10:00–10:15 Beijing time is due at 10:17; the tick looks back at that one slot only.
SLOT_START = datetime(2026, 11, 24, 10, 0, tzinfo=SH)
NOW = datetime(2026, 11, 24, 10, 20, tzinfo=SH)


class Crash(BaseException):
    """Stands for the process dying mid-slot: nothing in the scheduler may catch it."""


def test_due_slots_are_aligned_to_beijing_time_and_wait_for_the_delay() -> None:
    slots = due_slots(datetime(2026, 11, 24, 10, 16, 59, tzinfo=SH), EVERY, DELAY, 3)
    assert [s.start.astimezone(SH).strftime("%H:%M") for s in slots] == ["09:15", "09:30", "09:45"]
    assert slots[-1].end == datetime(2026, 11, 24, 10, 0, tzinfo=SH)
    assert due_slots(datetime(2026, 11, 24, 10, 17, tzinfo=SH), EVERY, DELAY, 1)[0].start == SLOT_START
    assert next_due(datetime(2026, 11, 24, 10, 17, tzinfo=SH), EVERY, DELAY) == datetime(
        2026, 11, 24, 10, 32, tzinfo=SH
    )
    # A day cut in 1h slots: the last slot of the day ends at Beijing midnight, with the 1d windows.
    day = due_slots(datetime(2026, 11, 25, 0, 5, tzinfo=SH), timedelta(hours=1), timedelta(0), 1)[0]
    assert day.end == datetime(2026, 11, 25, tzinfo=SH)


def test_slot_length_must_divide_a_day(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="divide a day"):
        Scheduler(
            OpenSearch(hosts=[OPENSEARCH_URL]), "x", RULES, timedelta(minutes=7), DELAY, LEASE, 1, SIGNER.public_key
        )
    with pytest.raises(ConfigError, match="every_minutes"):
        parse_settings({"detection": {"every_minutes": 7}}, tmp_path)
    assert parse_settings({}, tmp_path).detection.schedule is False  # off unless configured


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    """An audit index of its own with a user refused 12 times in 10:00–10:15 (one alert due)."""
    name = f"mgsched-{uuid.uuid4().hex[:8]}"
    opensearch.indices.put_index_template(name=name, body=index_template(name))
    for n in range(12):
        at = SLOT_START + timedelta(minutes=1, seconds=n)
        doc = {
            "@timestamp": at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "event": {"id": f"{n:032x}", "kind": "event", "type": ["access", "denied"]},  # fields the rule reads
            "user": {"id": "prober"},
            "http": {"response": {"status_code": 403}},
        }
        opensearch.index(index=f"{name}-2026.11", id=f"{n:032x}", body=doc, params={"op_type": "create"})
    opensearch.indices.refresh(index=f"{name}-2026.11")
    yield name
    opensearch.indices.delete(index=f"{name}-*,{name}.*", ignore_unavailable=True)
    opensearch.indices.delete_index_template(name=name, ignore=[404])


class Counting:
    """The real rule run, counted (thread-safe); `fail` makes it raise instead, on every call or
    on the first `failures`."""

    def __init__(self, fail: BaseException | None = None, failures: int | None = None) -> None:
        self.calls: list[tuple[datetime, datetime]] = []
        self.fail = fail
        self.failures = failures
        self.lock = threading.Lock()

    def __call__(
        self, client: OpenSearch, prefix: str, rules: list, start: datetime, end: datetime, key: Ed25519PublicKey
    ) -> RunResult:  # type: ignore[type-arg]
        with self.lock:
            self.calls.append((start, end))
            failing = self.fail is not None and (self.failures is None or len(self.calls) <= self.failures)
        if failing and self.fail is not None:
            raise self.fail
        return run_rules(client, prefix, rules, start, end, key)


def _scheduler(prefix: str, holder: str, evaluate: Counting, catch_up: int = 1) -> Scheduler:
    client = OpenSearch(hosts=[OPENSEARCH_URL], timeout=30)
    return Scheduler(
        client,
        prefix,
        RULES,
        EVERY,
        DELAY,
        LEASE,
        catch_up,
        reference_key=SIGNER.public_key,
        holder=holder,
        evaluate=evaluate,
    )


def _alerts(opensearch: OpenSearch, prefix: str) -> list[dict[str, object]]:
    opensearch.indices.refresh(index=f"{prefix}.alerts")
    return [
        h["_source"]["alert"] for h in opensearch.search(index=f"{prefix}.alerts", body={"size": 100})["hits"]["hits"]
    ]


@pytest.mark.opensearch
def test_racing_schedulers_evaluate_a_slot_once(opensearch: OpenSearch, prefix: str) -> None:
    evaluate = Counting()
    schedulers = [_scheduler(prefix, f"replica-{n}", evaluate) for n in range(4)]
    barrier = threading.Barrier(len(schedulers))
    ran: dict[str, int] = {}

    def tick(s: Scheduler) -> None:
        barrier.wait()  # all four ask for the lease at the same moment
        ran[s.holder] = len(s.tick(NOW))

    threads = [threading.Thread(target=tick, args=(s,)) for s in schedulers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert evaluate.calls == [(SLOT_START, SLOT_START + EVERY)]
    assert sorted(ran.values()) == [0, 0, 0, 1]
    winner = next(h for h, n in ran.items() if n)
    lease = schedulers[0].leases.get(due_slots(NOW, EVERY, DELAY, 1)[0].key)
    assert lease is not None and lease["state"] == "done" and lease["holder"] == winner
    assert lease["outcome"]["created"] == 1
    alerts = _alerts(opensearch, prefix)
    assert [(a["rule"], a["subjects"]) for a in alerts] == [("misuse.repeated_denials", {"user.id": "prober"})]
    # Later ticks over the same slot find it done: nothing is evaluated again.
    assert all(s.tick(NOW + timedelta(minutes=5)) == [] for s in schedulers)
    assert len(evaluate.calls) == 1
    for s in schedulers:
        s.client.close()


@pytest.mark.opensearch
def test_a_crashed_holder_is_taken_over_after_its_lease_expires(opensearch: OpenSearch, prefix: str) -> None:
    crashing = _scheduler(prefix, "replica-a", Counting(fail=Crash()))
    with pytest.raises(Crash):
        crashing.tick(NOW)
    slot = due_slots(NOW, EVERY, DELAY, 1)[0]
    held = crashing.leases.get(slot.key)
    assert held is not None and held["state"] == "running" and held["holder"] == "replica-a"

    evaluate = Counting()
    other = _scheduler(prefix, "replica-b", evaluate)
    # Within the lease the slot is left alone (the holder may only be slow)…
    assert other.tick(NOW + LEASE - timedelta(seconds=1)) == []
    assert evaluate.calls == []
    # …after it, the next tick takes it over and evaluates it.
    ran = other.tick(NOW + LEASE + timedelta(seconds=1))
    assert [(r.slot, r.attempt, r.created) for r in ran] == [(slot, 2, 1)]
    done = other.leases.get(slot.key)
    assert done is not None and done["state"] == "done" and done["holder"] == "replica-b"
    assert len(_alerts(opensearch, prefix)) == 1
    crashing.client.close()
    other.client.close()


@pytest.mark.opensearch
def test_a_failed_run_gives_the_slot_back_at_once(opensearch: OpenSearch, prefix: str) -> None:
    failing = _scheduler(prefix, "replica-a", Counting(fail=RuntimeError("node went away")))
    with pytest.raises(RuntimeError):
        failing.tick(NOW)
    slot = due_slots(NOW, EVERY, DELAY, 1)[0]
    released = failing.leases.get(slot.key)
    assert released is not None and released["state"] == "released"
    assert "node went away" in released["outcome"]["error"]
    other = _scheduler(prefix, "replica-b", Counting())
    assert [r.attempt for r in other.tick(NOW)] == [2]  # no waiting for the lease to expire
    failing.client.close()
    other.client.close()


def _run_background(background: Background, evaluate: Counting, calls: int) -> None:
    """Starts the background task, lets it run until `calls` evaluations (10 s at most), stops it."""

    async def scenario() -> None:
        background.start()
        for _ in range(200):
            await asyncio.sleep(0.05)
            if len(evaluate.calls) == calls:
                break
        await asyncio.wait_for(background.stop(), 10)

    asyncio.run(scenario())


@pytest.mark.opensearch
def test_background_task_ticks_and_stops_cleanly(opensearch: OpenSearch, prefix: str) -> None:
    evaluate = Counting()
    scheduler = _scheduler(prefix, "replica-a", evaluate, catch_up=2)
    background = Background(scheduler)
    _run_background(background, evaluate, 2)  # the first tick runs at once: the last two slots of real time
    assert len(evaluate.calls) == 2
    assert background._task is not None and background._task.cancelled()
    assert scheduler.stopping.is_set()


@pytest.mark.opensearch
def test_background_retries_a_failed_tick_soon_and_escalates_repeated_failures(
    opensearch: OpenSearch, prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    # 15-minute slots: without the retry the failed slot would wait for the next slot.
    evaluate = Counting(fail=ConnectionError("node restarting"), failures=3)
    scheduler = _scheduler(prefix, "replica-a", evaluate)
    caplog.set_level(logging.WARNING, logger="audit.detection.schedule")
    _run_background(Background(scheduler, jitter=0, retry=0.01), evaluate, 4)  # retried after 1 s each
    assert len(evaluate.calls) == 4
    done = scheduler.leases.get(Slot(*evaluate.calls[-1]).key)
    assert done is not None and done["state"] == "done"
    failed = [r for r in caplog.records if r.message.startswith("scheduled detection failed")]
    assert [r.levelno for r in failed] == [logging.WARNING, logging.WARNING, logging.ERROR]
    assert all(r.exc_info is not None for r in failed)


@pytest.mark.opensearch
def test_schedule_once_command_evaluates_due_slots_then_nothing(opensearch: OpenSearch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from gateway.cli import app

    name = f"mgsched-{uuid.uuid4().hex[:8]}"
    config = tmp_path / "minguard.yaml"
    config.write_text(
        f"opensearch: {{url: '{OPENSEARCH_URL}', index_prefix: {name}}}\n"
        "detection: {every_minutes: 1440, delay_seconds: 0, catch_up: 2}\n"  # a new slot only at midnight
        "keys: {dir: keys, generate_missing: true}\n",  # a development run: the signing key is made
        encoding="utf-8",
    )
    try:
        first = CliRunner().invoke(app, ["detect", "schedule", "--once", "--config", str(config)])
        assert first.exit_code == 0, first.output
        assert "evaluated 2 slots" in first.output
        again = CliRunner().invoke(app, ["detect", "schedule", "--once", "--config", str(config)])
        assert again.exit_code == 0 and "evaluated 0 slots" in again.output, again.output
    finally:
        opensearch.indices.delete(index=f"{name}.*", ignore_unavailable=True)
