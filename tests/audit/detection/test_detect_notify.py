"""Alerts pushed to a duty channel (audit/detection/notify.py): a real HTTP receiver, the real node."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from opensearchpy import OpenSearch

from audit.detection.alerts import alert_document, alerts_index, transition, write_alerts
from audit.detection.definitions import load_rules
from audit.detection.notify import Notifier, payload
from audit.detection.query import Hit, Window
from audit.detection.runner import RunResult
from audit.detection.schedule import Scheduler
from gateway.settings import ConfigError, NotifySettings, parse_settings
from support.signing import SIGNER

pytestmark = pytest.mark.opensearch

RULES = {r.id: r for r in load_rules()}
WINDOW = Window(datetime(2026, 11, 24, 2, 0, tzinfo=UTC), datetime(2026, 11, 24, 3, 0, tzinfo=UTC))


@dataclass
class Receiver:
    """A duty system's HTTP input: records what it is sent, answers the statuses it is given."""

    url: str = ""
    statuses: list[int] = field(default_factory=list)  # answered in turn, then 200
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = state.statuses.pop(0) if state.statuses else 200
            if status == 200:
                state.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(status)
            if status == 302:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/hooks/minguard"
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def prefix(opensearch: OpenSearch) -> Iterator[str]:
    name = f"mgnotify-{uuid.uuid4().hex[:8]}"
    yield name
    opensearch.indices.delete(index=f"{name}.*", ignore_unavailable=True)


def _raise(opensearch: OpenSearch, prefix: str, rule: str, user: str, minutes: int = 0) -> str:
    now = datetime(2026, 11, 24, 3, 5, tzinfo=UTC) + timedelta(minutes=minutes)
    document = alert_document(RULES[rule], WINDOW, Hit({"user.id": user}, 70, 70, ["e1"]), now)
    write_alerts(opensearch, prefix, [document])
    return str(document["alert"]["id"])


def _notifier(receiver: Receiver, **extra: object) -> Notifier:
    return Notifier(NotifySettings.model_validate({"url": receiver.url, **extra}))


def _notified(opensearch: OpenSearch, prefix: str, alert_id: str) -> bool:
    source = opensearch.get(index=alerts_index(prefix), id=alert_id)["_source"]
    return "notified_at" in source["alert"]


def test_new_alerts_are_delivered_once_oldest_first_and_signed(
    opensearch: OpenSearch, prefix: str, receiver: Receiver, tmp_path: Path
) -> None:
    (tmp_path / "notify.key").write_bytes(b"duty-shared-secret\n")
    notifier = _notifier(receiver, secret_file=str(tmp_path / "notify.key"))
    first = _raise(opensearch, prefix, "misuse.bulk_access", "caseworker-a")  # high
    second = _raise(opensearch, prefix, "fund.same_actor_multiple_steps", "reviewer-b", minutes=1)  # critical
    assert notifier.deliver(opensearch, prefix).sent == 2
    assert [json.loads(body)["id"] for _, body in receiver.received] == [first, second]
    headers, body = receiver.received[0]
    assert headers["x-minguard-alert-id"] == first
    assert headers["content-type"] == "application/json; charset=utf-8"
    expected = hmac.new(b"duty-shared-secret", body, hashlib.sha256).hexdigest()
    assert headers["x-minguard-signature"] == f"sha256={expected}"
    sent = json.loads(body)
    assert sent["summary_zh"].startswith("【民政数据安全告警·高】") and "user.id=caseworker-a" in sent["summary_zh"]
    assert sent["title_zh"] == RULES["misuse.bulk_access"].title_zh
    assert _notified(opensearch, prefix, first) and _notified(opensearch, prefix, second)
    # Delivered alerts are not sent again.
    assert notifier.deliver(opensearch, prefix).sent == 0
    assert len(receiver.received) == 2


def test_a_receiver_that_fails_gets_the_alert_next_time(
    opensearch: OpenSearch, prefix: str, receiver: Receiver, tmp_path: Path
) -> None:
    notifier = _notifier(receiver)
    alert = _raise(opensearch, prefix, "misuse.bulk_access", "caseworker-a")
    for status in (500, 302):  # a redirect is not followed: the alert would go elsewhere
        receiver.statuses = [status]
        delivery = notifier.deliver(opensearch, prefix)
        assert (delivery.sent, receiver.received) == (0, [])
        assert delivery.failed is not None and str(status) in delivery.failed
        assert not _notified(opensearch, prefix, alert)
    assert notifier.deliver(opensearch, prefix).sent == 1
    assert json.loads(receiver.received[0][1])["id"] == alert


def test_below_the_severity_or_closed_alerts_are_not_sent(
    opensearch: OpenSearch, prefix: str, receiver: Receiver, tmp_path: Path
) -> None:
    _raise(opensearch, prefix, "misuse.repeated_denials", "prober")  # medium
    closed = _raise(opensearch, prefix, "misuse.bulk_access", "caseworker-a")
    transition(opensearch, prefix, closed, "closed", "officer-1", "已核实,为正常批量核对", via="cli:test@host")
    assert _notifier(receiver).deliver(opensearch, prefix).sent == 0
    assert _notifier(receiver, min_severity="medium").deliver(opensearch, prefix).sent == 1
    assert [json.loads(body)["rule"] for _, body in receiver.received] == ["misuse.repeated_denials"]


def test_every_scheduler_tick_delivers_what_is_pending(opensearch: OpenSearch, prefix: str, receiver: Receiver) -> None:
    """Also when the tick evaluated no slot (another replica did): missed alerts are retried."""
    alert = _raise(opensearch, prefix, "misuse.bulk_access", "caseworker-a")
    scheduler = Scheduler(
        opensearch,
        prefix,
        [],
        timedelta(minutes=15),
        timedelta(minutes=2),
        timedelta(minutes=10),
        1,
        reference_key=SIGNER.public_key,
        evaluate=lambda *args: RunResult([], 0, 0),
        notifier=_notifier(receiver),
    )
    scheduler.tick(datetime(2026, 11, 24, 3, 20, tzinfo=UTC))
    assert [json.loads(body)["id"] for _, body in receiver.received] == [alert]


@pytest.mark.parametrize(
    ("notify", "message"),
    [
        ({"url": "http://duty.mz.example/hook"}, "use an https:// url"),
        ({"url": "https://duty.mz.example/hook", "min_severity": "low"}, "min_severity"),
        ({"url": "http://127.0.0.1:8000/hook", "ca_file": "ca.pem"}, "https:// url only"),
    ],
)
def test_notify_settings_are_checked(tmp_path: Path, notify: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_settings({"detection": {"notify": notify}}, tmp_path)


def test_the_pager_line_shows_what_a_caller_sent_without_letting_it_act() -> None:
    """summary_zh is the line a pager or an IM channel shows as it is. A payment's operator is
    what the payment service's body claims (minguard.business.operator), an alert's subject
    under fund.* rules: a line break in it forged a second alert line, an escape sequence or
    a bidi override acted on the screen. The subjects keep the exact values for machines."""
    now = datetime(2026, 11, 29, 8, tzinfo=UTC)
    rule = RULES["fund.same_actor_multiple_steps"]
    hit = Hit(
        {"minguard.business.case_id": "C1", "minguard.business.operator": "wangfang\r\n【告警已解除】\x1b[8m\u202e"},
        2.0,
        3,
        ["e1"],
    )
    alert = alert_document(rule, Window(now - timedelta(days=7), now), hit, now)["alert"]
    sent = json.loads(payload(alert))
    assert not any(ch in sent["summary_zh"] for ch in "\r\n\x1b\u202e")
    assert "wangfang<U+000D><U+000A>【告警已解除】<U+001B>[8m<U+202E>" in sent["summary_zh"]
    assert sent["subjects"]["minguard.business.operator"] == "wangfang\r\n【告警已解除】\x1b[8m\u202e"
