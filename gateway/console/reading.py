"""What the console reads from OpenSearch: audit events (audit/search.py) and alerts
(audit/detection/alerts.py), with the same functions the CLI uses.

Those functions take a synchronous client, so the console keeps one of its own and calls
them in a worker thread. It connects with the gateway's `opensearch` settings: in production
that account needs read on the audit and alert indices and write on the alert indices (role
`minguard_console` in deploy/opensearch/security/roles.yml, docs/console.md).
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
import time
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from audit.detection.alerts import list_alerts, transition
from audit.opensearch import make_sync_client
from audit.search import Query, search
from policies.keys import Pseudonymizer

from ..settings import OpenSearchSettings, Settings

LIMIT = 200  # rows on one page; an officer narrows the search rather than scrolls
TOKEN = re.compile(r"^[a-z][a-z0-9]{0,15}:[0-9a-f]{32}$")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def local_time(text: str) -> str | None:
    """A `datetime-local` form value (Beijing time, as the officer reads a clock) as ISO 8601."""
    text = text.strip()
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).isoformat()


def shown_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


class Reader:
    def __init__(self, settings: OpenSearchSettings, pseudonymizer: Pseudonymizer) -> None:
        self._client = make_sync_client(settings)
        self._prefix = settings.index_prefix
        # Sessions ended by logout, until they would have expired anyway: shared by every
        # gateway process, since any of them may receive the next request with the cookie.
        self._ended = f"{settings.index_prefix}.console-sessions"
        self.pseudonymizer = pseudonymizer

    async def end_session(self, sid: str, expires: int) -> None:
        """Record that a session was ended (logout): its cookie is refused from now on."""

        def write() -> None:
            self._client.index(
                index=self._ended, id=sid, body={"sid": sid, "expires": expires, "ended": int(time.time())}
            )

        await asyncio.to_thread(write)

    async def session_ended(self, sid: str) -> bool:
        """Was this session ended by logout? (A get by id: real time, no refresh needed.)"""
        return bool(await asyncio.to_thread(self._client.exists, index=self._ended, id=sid))

    async def events(self, query: Query) -> list[dict[str, Any]]:
        def read() -> list[dict[str, Any]]:
            return list(search(self._client, self._prefix, query, self.pseudonymizer, limit=LIMIT))

        return await asyncio.to_thread(read)

    async def alerts(self, state: tuple[str, ...] | None) -> list[dict[str, Any]]:
        return await asyncio.to_thread(list_alerts, self._client, self._prefix, state, LIMIT)

    async def transition(
        self, alert: str, state: str, officer: str, comment: str | None, via: str = "console"
    ) -> dict[str, Any]:
        """`via`: how the gateway knows the officer, the console's session or the admin API's credential."""
        return await asyncio.to_thread(
            functools.partial(transition, via=via), self._client, self._prefix, alert, state, officer, comment
        )

    async def report(self, settings: Settings, start: datetime, end: datetime, fmt: str) -> bytes:
        """The 等保 report (compliance.mlps) over [start, end), rendered as html, pdf or json."""
        from compliance import mlps, render  # imported late: matplotlib and weasyprint are heavy

        def build() -> bytes:
            report = mlps.collect(settings, self._client, start, end)
            if fmt == "pdf":
                return render.to_pdf(report)
            if fmt == "json":
                return json.dumps(render.to_json(report), ensure_ascii=False, indent=2).encode("utf-8")
            return render.to_html(report).encode("utf-8")

        return await asyncio.to_thread(build)

    def close(self) -> None:
        self._client.close()
