"""The proxy contains a failing stage: 500, still audited once, nothing of the upstream's body out.

The compiled inspector checks its annotations at run time, so an input that surprises it raises
where plain Python might have gone on: this is the path such a failure takes."""

from __future__ import annotations

import asyncio
from typing import Any

from gateway.exchange import Exchange, Response
from gateway.proxy import Proxy

ID_NUMBER = "11010519491231002X"  # GB 11643's worked example: synthetic


def _call(proxy: Proxy) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/v1/persons",
        "raw_path": b"/api/v1/persons",
        "query_string": b"",
        "headers": [(b"host", b"gw")],
        "client": ("127.0.0.1", 50000),
        "scheme": "http",
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(proxy(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_a_stage_that_raises_after_the_upstream_answered_releases_nothing_and_is_audited() -> None:
    audited: list[str | None] = []
    ran: list[str] = []

    async def forward(ex: Exchange) -> None:
        ran.append("forward")
        body = f'{{"items":[{{"sfzh":"{ID_NUMBER}"}}]}}'.encode()
        ex.response = Response(200, [(b"content-type", b"application/json")], body)

    async def inspect(ex: Exchange) -> None:
        ran.append("inspect")
        raise TypeError("str object expected; got int")  # what a compiled annotation check raises

    async def release(ex: Exchange) -> None:
        ran.append("release")

    async def audit(ex: Exchange) -> None:
        audited.append(ex.failure.code if ex.failure is not None else None)

    status, body = _call(Proxy([forward, inspect, release], audit, 1 << 20, 1 << 16))
    assert status == 500 and b"internal_error" in body
    assert ID_NUMBER.encode() not in body and b"sfzh" not in body
    assert ran == ["forward", "inspect"]  # no stage after the failure
    assert audited == ["internal_error"]  # audited once, as the failure it was
