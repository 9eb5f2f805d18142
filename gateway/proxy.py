"""The proxy endpoint: a plain ASGI app that runs one exchange through the pipeline.

    identify -> authorize -> forward -> inspect -> release -> audit -> respond

The stages before audit run in order until one fails; audit always runs, and runs before any
byte of the response is sent. A stage that raises is contained: the exchange fails with 500
and is still audited.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from .exchange import Exchange, Request, Response
from .forwarded import PROXY_KEY
from .logs import REQUEST_ID
from .types import Headers, Receive, Scope, Send

if TYPE_CHECKING:
    from .stages.forward import UpstreamStream

log = logging.getLogger(__name__)

Stage = Callable[[Exchange], Awaitable[None]]


def error_response(ex: Exchange) -> Response:
    failure = ex.failure
    if failure is None:
        raise RuntimeError("error_response needs a failed exchange")
    body = json.dumps(
        {
            "error": {
                "code": failure.code,
                "message": failure.message,
                "message_zh": failure.message_zh,
                "request_id": ex.request_id,
            }
        },
        ensure_ascii=False,
    ).encode("utf-8")
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"cache-control", b"no-store"),
    ]
    if failure.status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="minguard", ApiKey header="X-API-Key"'))
    return Response(failure.status, headers, body)


def header_bytes(headers: Headers) -> int:
    """The size of a header block as the server delivered it (names and values)."""
    return sum(len(name) + len(value) for name, value in headers)


def request_from_scope(scope: Scope) -> Request:
    """The request of an HTTP scope, or of a WebSocket handshake (a GET; scheme ws/wss)."""
    client = scope.get("client") or ("", 0)
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
    return Request(
        method=scope.get("method", "GET"),
        raw_path=raw_path.split(b"?", 1)[0].decode("latin-1"),
        query=scope.get("query_string", b""),
        headers=list(scope["headers"]),
        client_ip=client[0],
        client_port=client[1],
        scheme=scope.get("scheme", "http"),
        proxy_ip=scope.get(PROXY_KEY, ""),
    )


async def send_response(
    send: Send, status: int, headers: Headers, body: bytes, stream: UpstreamStream | None, head: bool
) -> None:
    """A buffered body with its length, or an upstream stream passed through chunk by chunk.
    The answer to a HEAD carries the headers a GET would have (its Content-Length too) and no
    body, whatever the server does with one."""
    if stream is None:
        headers = [*headers, (b"content-length", str(len(body)).encode("ascii"))]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head else body})
        return
    if head:
        stream.close()
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    try:
        await send({"type": "http.response.start", "status": status, "headers": headers})
        async for chunk in stream.chunks():
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    finally:
        stream.close()


async def run_audit(audit: Stage, ex: Exchange) -> None:
    """Run the audit stage; if it breaks, nothing counts as recorded and no data goes out."""
    try:
        await audit(ex)
    except Exception:
        # The audit stage handles spool failures itself; reaching here is a bug, and the safe
        # reading of a bug in auditing is that nothing was recorded.
        log.exception("audit stage failed for request %s", ex.request_id)
        ex.response = None
        ex.fail(503, "audit_unavailable", "the access could not be audited", "审计失败,访问已拒绝")


class Proxy:
    def __init__(self, stages: Sequence[Stage], audit: Stage, max_request_bytes: int, max_header_bytes: int) -> None:
        self._stages = tuple(stages)
        self._audit = audit
        self._max_request = max_request_bytes
        self._max_headers = max_header_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ex = Exchange(request_from_scope(scope))
        REQUEST_ID.set(ex.request_id)  # for the JSON log lines of this exchange (gateway/logs.py)
        # The HTTP parser accepts very large header blocks; nothing legitimate needs them.
        if header_bytes(ex.request.headers) > self._max_headers:
            ex.fail(431, "headers_too_large", f"request headers exceed {self._max_headers} bytes", "请求头过大")
        else:
            await self._read_body(ex, receive)
        for stage in self._stages:
            if ex.done:
                break
            try:
                await stage(ex)
            except Exception:
                log.exception("stage %s failed for request %s", type(stage).__name__, ex.request_id)
                ex.fail(
                    500,
                    "internal_error",
                    "the gateway failed to process the request",
                    "网关内部错误",
                )
        await run_audit(self._audit, ex)
        await self._respond(ex, send)

    def _too_large(self, ex: Exchange) -> None:
        ex.fail(413, "request_too_large", f"request body exceeds {self._max_request} bytes", "请求体过大")

    async def _read_body(self, ex: Exchange, receive: Receive) -> None:
        for name, value in ex.request.headers:
            if name == b"content-length" and value.isdigit() and int(value) > self._max_request:
                self._too_large(ex)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                ex.fail(499, "client_disconnected", "the client went away", "客户端已断开")
                return
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self._max_request:
                self._too_large(ex)
                return
            if chunk:
                chunks.append(chunk)
            if not message.get("more_body", False):
                break
        # Most requests arrive in one message (or none with a body): no copy then.
        ex.request.body = chunks[0] if len(chunks) == 1 and type(chunks[0]) is bytes else b"".join(chunks)

    async def _respond(self, ex: Exchange, send: Send) -> None:
        if ex.failure is not None and ex.upstream_stream is not None:
            ex.upstream_stream.close()  # a refusal after forward: give the connection back
            ex.upstream_stream = None
        response = error_response(ex) if ex.failure is not None else ex.response
        if response is None:
            raise RuntimeError(f"exchange {ex.request_id} ended without a response")
        headers = [*response.headers, (b"x-request-id", ex.request_id.encode("ascii"))]
        stream = ex.upstream_stream if ex.failure is None else None
        await send_response(send, response.status, headers, response.body, stream, ex.request.headers_only)
