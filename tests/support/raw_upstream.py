"""An upstream that answers with bytes written by hand, for the red team of response shapes.

A web framework would not send two Content-Type headers, a 103 before the answer, a 204
with a body or a chunked body with trailers; this one sends whatever a case says. Served
on loopback in a background thread; the last path segment names the case, and every
answer closes its connection (the gateway's pool never reuses a socket a case has spoilt),
unless the upstream keeps connections alive: then it reads the next request on the same
connection, and an answer given as pieces is written a piece at a time, a moment apart (a
body that arrives after its head, once the gateway may have read the answer). Over TLS when
given a server context.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


def answer(
    status: str, headers: list[tuple[str, str | bytes]], body: bytes = b"", length: bool = True, close: bool = True
) -> bytes:
    """A response as bytes: header values as given (str as UTF-8), Content-Length added
    unless the case frames the body itself (``length`` false, or Transfer-Encoding), and
    Connection: close unless ``close`` is false."""
    lines = [f"HTTP/1.1 {status}".encode()]
    framed = any(name.lower() in ("content-length", "transfer-encoding") for name, _ in headers)
    for name, value in [*headers, *([("Connection", "close")] if close else [])]:
        lines.append(name.encode() + b": " + (value.encode() if isinstance(value, str) else value))
    if length and not framed:
        lines.append(f"Content-Length: {len(body)}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def chunked(parts: list[bytes], trailers: bytes = b"") -> bytes:
    """A chunked body: each part a chunk, then the last chunk and ``trailers`` (header lines)."""
    return b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in parts) + b"0\r\n" + trailers + b"\r\n"


@contextmanager
def raw_upstream(
    port: int,
    answers: Mapping[str, bytes | Sequence[bytes]],
    keep_alive: bool = False,
    tls: ssl.SSLContext | None = None,
) -> Iterator[str]:
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                target = head.split(b" ", 2)[1].decode("latin-1")
                case = target.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
                pieces = answers.get(case, NOT_FOUND)
                for i, piece in enumerate([pieces] if isinstance(pieces, bytes) else pieces):
                    if i:
                        await asyncio.sleep(0.2)
                    writer.write(piece)
                    await writer.drain()
                if not keep_alive:
                    break
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        finally:
            writer.close()

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(asyncio.start_server(serve, "127.0.0.1", port, ssl=tls))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(_end_connections(server), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.run_until_complete(server.wait_closed())
        loop.close()


async def _end_connections(server: asyncio.Server) -> None:
    """Stop listening and end the connections still served (kept alive), on the server's loop."""
    server.close()
    current = asyncio.current_task()
    serving = [task for task in asyncio.all_tasks() if task is not current]
    for task in serving:
        task.cancel()
    await asyncio.gather(*serving, return_exceptions=True)
