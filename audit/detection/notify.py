"""Alerts pushed to the duty channel (值班/告警平台) as they are raised: 严重事件时提供报警.

An alert in `<prefix>.alerts` is seen when an officer opens the console. GB/T 22239-2019
8.1.3.5 asks for an alarm when a serious event is detected, so every alert of at least
`detection.notify.min_severity` that is still new is POSTed, one per request, to the
configured URL (the bureau's duty system, an SMS or IM gateway, a SIEM's HTTP input). The
alert records `notified_at` once the receiver answered 2xx; until then every later tick tries
again, oldest first (at least once: a receiver that timed out after accepting may get an alert
twice, with the same `id` and `X-Minguard-Alert-Id`). An alert closed before it could be
delivered is not sent. The body carries what the alert document holds (subjects are user ids and
keyed tokens, never raw ID numbers), with a zh-CN line a pager can show as it is.

With `secret_file`, the body is signed: `X-Minguard-Signature: sha256=<hex HMAC-SHA256 of the
body>`, so the receiver can refuse alerts nobody at the bureau sent. Redirects are not
followed (the alert would go where the answer says).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from opensearchpy import OpenSearch

from gateway.legible import legible
from gateway.settings import NotifySettings

from .alerts import alerts_index, ensure_indices
from .query import iso

log = logging.getLogger(__name__)

SEVERITIES = ("medium", "high", "critical")
SEVERITY_ZH = {"medium": "中", "high": "高", "critical": "严重"}
BATCH = 100  # alerts looked at per round; the rest wait for the next tick


def notified_severities(min_severity: str) -> tuple[str, ...]:
    """The severities pushed for a ``detection.notify.min_severity``: it and those above."""
    return SEVERITIES[SEVERITIES.index(min_severity) :]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx is then an HTTPError: not delivered


@dataclass
class Delivery:
    sent: int
    failed: str | None  # why the round stopped early, or None


def summary_zh(alert: dict[str, Any]) -> str:
    """The line a pager shows as it is: the subjects are what callers sent (a payment's claimed
    operator), so what would act there is written by its code point (gateway/legible.py); the
    payload's ``subjects`` keep the exact values."""
    subjects = ",".join(f"{k}={v}" for k, v in sorted(alert.get("subjects", {}).items()))
    window = alert.get("window", {})
    return legible(
        f"【民政数据安全告警·{SEVERITY_ZH.get(alert['severity'], alert['severity'])}】{alert['title_zh']}:"
        f"{subjects}(时间窗 {window.get('start')} 至 {window.get('end')},{alert.get('events', 0)} 条事件)"
    )


def payload(alert: dict[str, Any]) -> bytes:
    keys = ("id", "rule", "severity", "title_zh", "title_en", "window", "subjects", "value", "threshold", "events")
    body = {k: alert.get(k) for k in keys} | {
        "summary_zh": summary_zh(alert),
        "explanation_zh": alert.get("explanation_zh"),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Notifier:
    def __init__(self, settings: NotifySettings) -> None:
        self._url = settings.url
        self._severities = notified_severities(settings.min_severity)
        self._secret = settings.secret_file.read_bytes().strip() if settings.secret_file else None
        self._timeout = settings.timeout
        self._mapped: set[str] = set()  # prefixes whose alert index has notified_at mapped
        context = ssl.create_default_context(cafile=settings.ca_file) if settings.url.startswith("https") else None
        self._opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPSHandler(context=context))

    def pending(self, client: OpenSearch, prefix: str) -> list[dict[str, Any]]:
        """New alerts of the notified severities not yet delivered, oldest first."""
        query = {
            "bool": {
                "filter": [{"term": {"alert.state": "new"}}, {"terms": {"alert.severity": list(self._severities)}}],
                "must_not": [{"exists": {"field": "alert.notified_at"}}],
            }
        }
        body = {"query": query, "size": BATCH, "sort": [{"@timestamp": "asc"}, {"alert.id": "asc"}]}
        answer = client.search(index=alerts_index(prefix), body=body, ignore_unavailable=True, allow_no_indices=True)
        return [h["_source"]["alert"] for h in answer["hits"]["hits"]]

    def _post(self, alert: dict[str, Any]) -> None:
        body = payload(alert)
        headers = {"Content-Type": "application/json; charset=utf-8", "X-Minguard-Alert-Id": alert["id"]}
        if self._secret is not None:
            headers["X-Minguard-Signature"] = "sha256=" + hmac.new(self._secret, body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(self._url, data=body, headers=headers, method="POST")
        with self._opener.open(request, timeout=self._timeout) as answer:
            answer.read()  # urllib raises HTTPError for anything but 2xx (3xx: not followed)

    def deliver(self, client: OpenSearch, prefix: str) -> Delivery:
        """One round: POST each pending alert and mark it; stop at the first failure (the
        receiver is down: the rest would fail too, and order is kept)."""
        if prefix not in self._mapped:  # an index made by an older version lacks the field
            ensure_indices(client, prefix)
            self._mapped.add(prefix)
        sent = 0
        for alert in self.pending(client, prefix):
            try:
                self._post(alert)
            except urllib.error.HTTPError as exc:
                exc.close()
                log.warning("alert %s refused by the duty channel: HTTP %s", alert["id"], exc.code)
                return Delivery(sent, f"HTTP {exc.code}")
            except (OSError, ValueError) as exc:  # URLError is an OSError
                reason = f"{type(exc).__name__}: {exc}"[:300]
                log.warning("alert %s not delivered to the duty channel: %s", alert["id"], reason)
                return Delivery(sent, reason)
            client.update(
                index=alerts_index(prefix),
                id=alert["id"],
                body={"doc": {"alert": {"notified_at": iso(datetime.now(UTC))}}},
                params={"retry_on_conflict": 3, "refresh": "true"},
            )
            sent += 1
        return Delivery(sent, None)
