"""An upstream that answers with bytes written by hand, for the red team of response shapes.

A web framework would not send two Content-Type headers, a 103 before the answer, a 204
with a body or a chunked body with trailers; this one sends whatever a case says. Served
on loopback in a background thread; the last path segment names the case, and every
answer closes its connection (the gateway's pool never reuses a socket a case has spoilt).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


def answer(status: str, headers: list[tuple[str, str | bytes]], body: bytes = b"", length: bool = True) -> bytes:
    """A response as bytes: header values as given (str as UTF-8), Content-Length added
    unless the case frames the body itself (``length`` false, or Transfer-Encoding)."""
    lines = [f"HTTP/1.1 {status}".encode()]
    framed = any(name.lower() in ("content-length", "transfer-encoding") for name, _ in headers)
    for name, value in [*headers, ("Connection", "close")]:
        lines.append(name.encode() + b": " + (value.encode() if isinstance(value, str) else value))
    if length and not framed:
        lines.append(f"Content-Length: {len(body)}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def chunked(parts: list[bytes], trailers: bytes = b"") -> bytes:
    """A chunked body: each part a chunk, then the last chunk and ``trailers`` (header lines)."""
    return b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in parts) + b"0\r\n" + trailers + b"\r\n"


@contextmanager
def raw_upstream(port: int, answers: Mapping[str, bytes]) -> Iterator[str]:
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            target = head.split(b" ", 2)[1].decode("latin-1")
            case = target.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            writer.write(answers.get(case, NOT_FOUND))
            await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        finally:
            writer.close()

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(asyncio.start_server(serve, "127.0.0.1", port))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()
