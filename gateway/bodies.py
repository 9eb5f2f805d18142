"""Request bodies read within the proxy's limits (server.max_request_bytes), for the endpoints
FastAPI serves: the management endpoints (gateway/admin/) and the console's forms.

Both read the body before the caller is identified (a console form carries its credential or
CSRF token in the body itself), so an unbounded read would let anyone without a credential make
the gateway hold any amount of memory.
"""

from __future__ import annotations

from fastapi import Request
from starlette.requests import ClientDisconnect

from .exchange import Failure
from .proxy import header_bytes
from .settings import ServerSettings


class _TooLarge(Exception):
    """The body exceeds server.max_request_bytes."""


async def bounded_body(request: Request, server: ServerSettings) -> bytes | Failure:
    """The body within the proxy's limits (gateway/proxy.py), or the refusal to audit: headers
    too large (431), body too large (413), the client gone (499)."""
    if header_bytes(list(request.headers.raw)) > server.max_header_bytes:
        return Failure(
            431, "headers_too_large", f"request headers exceed {server.max_header_bytes} bytes", "请求头过大"
        )
    try:
        return await _limited_body(request, server.max_request_bytes)
    except _TooLarge:
        return Failure(413, "request_too_large", f"request body exceeds {server.max_request_bytes} bytes", "请求体过大")
    except ClientDisconnect:
        return Failure(499, "client_disconnected", "the client went away", "客户端已断开")


async def _limited_body(request: Request, limit: int) -> bytes:
    """The body, read no further than `limit` bytes (_TooLarge beyond it)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)
