"""Request bodies read within the proxy's limits (server.max_request_bytes), for the endpoints
FastAPI serves: the management endpoints (gateway/admin.py) and the console's forms.

Both read the body before the caller is identified (a console form carries its credential or
CSRF token in the body itself), so an unbounded read would let anyone without a credential make
the gateway hold any amount of memory.
"""

from __future__ import annotations

from fastapi import Request


class TooLarge(Exception):
    """The body exceeds server.max_request_bytes."""


async def limited_body(request: Request, limit: int) -> bytes:
    """The body, read no further than `limit` bytes (TooLarge beyond it)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)
