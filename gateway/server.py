"""The HTTP protocol the gateway serves with: uvicorn's httptools protocol plus a deadline for
each request's header block.

uvicorn times out idle keep-alive connections but not a client that sends its request line and
then trickles header lines (slowloris), nor one that connects and sends nothing: each holds a
socket and a parser for as long as it likes. Here the header block of every request must be
complete within `server.header_timeout` seconds of the connection opening or of the previous
response ending; otherwise the client gets 408 and the connection is closed. No request was
formed, so nothing reaches the pipeline and there is no audit event: the timeout is logged (at
WARNING, with the client's address) for the operator.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger(__name__)

# The workers uvicorn spawns build their protocol from uvicorn's own config, which has no room
# for ours: `minguard run` passes the setting through the environment (see gateway/cli.py).
HEADER_TIMEOUT_ENV = "MINGUARD_HEADER_TIMEOUT"
DEFAULT_HEADER_TIMEOUT = 10.0


def _response_408() -> bytes:
    body = json.dumps(
        {
            "code": "header_timeout",
            "message": "the request's header block was not complete in time",
            "message_zh": "请求头未在限定时间内发送完毕,连接已关闭",
        },
        ensure_ascii=False,
    ).encode("utf-8")
    head = (
        "HTTP/1.1 408 Request Timeout\r\n"
        "content-type: application/json; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


_RESPONSE_408 = _response_408()


def header_timeout() -> float:
    try:
        value = float(os.environ.get(HEADER_TIMEOUT_ENV, DEFAULT_HEADER_TIMEOUT))
    except ValueError:
        return DEFAULT_HEADER_TIMEOUT
    return value if value > 0 else DEFAULT_HEADER_TIMEOUT


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timeout = header_timeout()
        self._header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request's header block runs against a new deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_deadline = self.loop.call_later(self._header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _expired(self) -> None:
        self._header_deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            return  # a pipelined request is being served; its end arms the deadline again
        host, port = self.client or ("", 0)
        log.warning(
            "header block from %s:%s not complete after %.1f s: 408, connection closed",
            host,
            port,
            self._header_timeout,
        )
        self.transport.write(_RESPONSE_408)
        self.transport.close()
