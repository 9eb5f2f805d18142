"""The HTTP protocol the gateway serves with: uvicorn's httptools protocol plus a deadline for
each request's header block, and an audit event for each request refused before it was formed.

uvicorn times out idle keep-alive connections but not a client that sends its request line and
then trickles header lines (slowloris), nor one that connects and sends nothing: each holds a
socket and a parser for as long as it likes. Here the header block of every request must be
complete within `server.header_timeout` seconds of the connection opening or of the previous
response ending; otherwise the client gets 408 and the connection is closed.

A request the parser cannot read (CONNECT, a lower-case method, a tab in the target, HTTP/1.2,
a TLS handshake on the plain port, a smuggling attempt's malformed framing) got uvicorn's own
400 and reached no stage. No request without its audit event: each is answered 400
(`malformed_request`) with the event's id, and the gateway audits it (`REFUSED`: a scope of its
own type, handed to the app as a request's is) with the client's address, no principal and no
route. So is a header block cut off by the deadline once it had begun (a slowloris client's); a
connection that sent nothing, an idle keep-alive among them, is closed without one.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .exchange import new_request_id

log = logging.getLogger(__name__)

# The type of the scope a request refused before it was formed is audited with (gateway/app.py).
REFUSED = "minguard.refused"

# The workers uvicorn spawns build their protocol from uvicorn's own config, which has no room
# for ours: `minguard run` passes the setting through the environment (see gateway/cli.py).
HEADER_TIMEOUT_ENV = "MINGUARD_HEADER_TIMEOUT"
DEFAULT_HEADER_TIMEOUT = 10.0


# What each refusal says (code, English, zh-CN), written as the gateway's own errors are (proxy.error_response).
_HEADER_TIMEOUT = (
    408,
    "header_timeout",
    "the request's header block was not complete in time",
    "请求头未在限定时间内发送完毕,连接已关闭",
)
_MALFORMED = (400, "malformed_request", "the request could not be read as HTTP/1.1", "请求无法按 HTTP/1.1 解析,已拒绝")
_REASONS = {408: "Request Timeout", 400: "Bad Request"}


def _refusal(refusal: tuple[int, str, str, str], request_id: str | None) -> bytes:
    """The answer, naming the audit event's id when there is one (a silent connection's has none:
    an id that leads to no event misleads whoever quotes it)."""
    status, code, message, message_zh = refusal
    error = {"code": code, "message": message, "message_zh": message_zh}
    if request_id is not None:
        error["request_id"] = request_id
    body = json.dumps({"error": error}, ensure_ascii=False).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {_REASONS[status]}\r\n"
        "content-type: application/json; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\n"
        + (f"x-request-id: {request_id}\r\n" if request_id is not None else "")
        + "connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


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
        self._begun = False  # a request's first bytes came, its header block not yet whole

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        self._begun = True
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._begun = False
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
        self._refuse(_HEADER_TIMEOUT, audited=self._begun)

    def send_400_response(self, msg: str) -> None:
        """What the parser could not read (uvicorn logs it without the client's address)."""
        host, port = self.client or ("", 0)
        log.warning("request from %s:%s could not be parsed (%s): 400, connection closed", host, port, msg)
        self._refuse(_MALFORMED, audited=True)

    def _refuse(self, refusal: tuple[int, str, str, str], audited: bool) -> None:
        """Answer ``refusal`` and close; with ``audited``, the gateway writes its audit event.
        The task is kept among the server's (uvicorn waits for them before it stops)."""
        if not audited:
            self.transport.write(_refusal(refusal, None))
            self.transport.close()
            return
        request_id = new_request_id()
        self.transport.write(_refusal(refusal, request_id))
        self.transport.close()
        status, code, message, message_zh = refusal
        scope = {
            "type": REFUSED,
            "client": self.client,
            "scheme": self.scheme,
            "request_id": request_id,
            "status": status,
            "code": code,
            "message": message,
            "message_zh": message_zh,
        }
        task = self.loop.create_task(self.app(scope, _nothing_to_receive, _nothing_to_send))
        task.add_done_callback(self.tasks.discard)
        self.tasks.add(task)


async def _nothing_to_receive() -> dict[str, Any]:
    return {"type": "http.disconnect"}


async def _nothing_to_send(message: dict[str, Any]) -> None:
    return None
