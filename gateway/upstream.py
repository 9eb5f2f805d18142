"""The forward stage's HTTP/1.1 client: pooled connections to one upstream.

An asyncio Protocol per connection (gateway/upstream_connection.py), the response read by
httptools' parser (llhttp, which uvicorn uses for the gateway's own server). It does what the forward stage needs and no more:
one origin (http or https, with the system trust store or a CA bundle, and an optional client
certificate), requests written whole (the gateway has read the caller's body already),
answers framed by Content-Length, chunked or the connection's end, no decompression, no
redirects, no cookies, no proxies, no HTTP/2.

An HTTP/1.1 connection carries answers in order, so bytes an upstream writes that belong to
no request would become the answer of the next request sent on that connection: possibly
another caller's, with another caller's data. So:

- a connection that carried an answer without a body (204, 304, the answer to a HEAD) is
  closed, not pooled: an upstream that believes it sends a body writes it a moment later
  (RFC 9112 6.3: such an answer has none, whatever its headers say);
- a connection on which anything arrives while it waits in the pool, or after the answer
  in the same read, is closed at once; so is one taken from the pool with bytes waiting in
  its socket that the event loop, busy, has not read yet;
- a connection is pooled only once its answer has been read to its end, only if that
  answer allowed it (HTTP/1.1 without Connection: close, or HTTP/1.0 with keep-alive), and
  only if the request had been written whole when the answer ended (else the rest of its
  body, a caller's bytes, would be read by the upstream as a request of its own).

What no client can tell: an answer written unasked after the next request was sent on the
connection is taken as that request's answer (docs/architecture.md, 3.3).
"""

from __future__ import annotations

import asyncio
import collections
import ssl
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .settings import UpstreamSettings
from .upstream_connection import Connection, UpstreamError, UpstreamIncomplete

__all__ = ["UpstreamError", "UpstreamIncomplete", "UpstreamPool", "UpstreamResponse", "upstream_tls"]

# A request the upstream may have received is sent again on a new connection only if it
# is idempotent (RFC 9110 9.2.2): a pooled connection the upstream closed meanwhile.
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
# Methods without a body need no Content-Length: 0 (as aiohttp and browsers write it).
_NO_BODY_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "CONNECT", "TRACE"})


def upstream_tls(settings: UpstreamSettings) -> ssl.SSLContext:
    """The default checks (system trust store) unless a CA bundle is configured, with the
    client certificate if one is. Unreadable files fail here, at start."""
    context = ssl.create_default_context(cafile=settings.ca_file)
    if settings.client_cert_file is not None:
        context.load_cert_chain(settings.client_cert_file, settings.client_key_file)
    return context


class UpstreamResponse:
    """An answer whose head has arrived; its body is read with `read_some`, then the
    connection goes back with `release` (or is closed with `close`)."""

    def __init__(self, pool: UpstreamPool, conn: Connection) -> None:
        self._pool = pool
        self._conn: Connection | None = conn
        self.status = conn.status
        self.raw_headers = conn.headers

    def header(self, name: bytes) -> bytes | None:
        for key, value in self.raw_headers:
            if key.lower() == name:
                return value
        return None

    @property
    def content_length(self) -> int | None:
        value = self.header(b"content-length")
        return int(value) if value is not None and value.isdigit() else None

    async def read_some(self) -> bytes:
        """The body's next bytes as they arrived; b"" at its end."""
        conn = self._conn
        if conn is None:
            return b""
        while not conn.chunks:
            if conn.error is not None:
                raise conn.error
            if conn.complete:
                self.release()
                return b""
            await conn.wait(self._pool.read_timeout)
        return conn.take()

    def release(self) -> None:
        """The answer is done with: its connection is pooled if it was read to its end."""
        conn, self._conn = self._conn, None
        if conn is not None:
            self._pool.put_back(conn)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.abort()
            self._pool.put_back(conn)


class UpstreamPool:
    def __init__(self, settings: UpstreamSettings) -> None:
        parts = urlsplit(settings.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"upstream.url must be an http or https URL: {settings.url!r}")
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        default_port = 443 if self._https else 80
        self._port = parts.port or default_port
        host_header = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        if parts.port is not None and parts.port != default_port:
            host_header += f":{parts.port}"
        self._host_line = f"Host: {host_header}\r\n"
        self._tls = upstream_tls(settings) if self._https else None
        self._limit = settings.max_connections
        self._connect_timeout = settings.connect_timeout
        self.read_timeout = settings.timeout
        self._idle: list[Connection] = []
        self._open = 0
        self._waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._sweep: asyncio.TimerHandle | None = None

    async def request(self, method: str, target: str, headers: list[tuple[str, str]], body: bytes) -> UpstreamResponse:
        """Send the request and wait for its answer's head. `target` is the path and query,
        sent as they are (already encoded)."""
        lines = [f"{method} {target} HTTP/1.1\r\n", self._host_line]
        accept = False
        for name, value in headers:
            if "\r" in value or "\n" in value or "\r" in name or "\n" in name:
                raise ValueError("a header name or value holds a line break")
            if not accept and name.lower() == "accept":
                accept = True
            lines.append(f"{name}: {value}\r\n")
        if not accept:
            lines.append("Accept: */*\r\n")
        if body or method not in _NO_BODY_METHODS:
            lines.append(f"Content-Length: {len(body)}\r\n")
        lines.append("\r\n")
        data = "".join(lines).encode("latin-1") + body
        conn = await self._acquire()
        try:
            return await self._send(conn, method, data)
        except UpstreamError:
            if not conn.reused or conn.got_bytes or method not in _IDEMPOTENT:
                raise
        # A pooled connection the upstream had closed before it read the request.
        conn = await self._acquire(fresh=True)
        return await self._send(conn, method, data)

    async def _send(self, conn: Connection, method: str, data: bytes) -> UpstreamResponse:
        try:
            conn.start(method == "HEAD")
            if conn.transport is None or conn.closed:
                raise UpstreamError("the upstream closed the connection")
            conn.transport.write(data)
            while not conn.headers_done or conn.error is not None:
                if conn.error is not None:
                    raise conn.error
                await conn.wait(self.read_timeout)
        except BaseException:
            conn.abort()
            self.put_back(conn)
            raise
        return UpstreamResponse(self, conn)

    async def _acquire(self, fresh: bool = False) -> Connection:
        loop = self._loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            while self._idle and not fresh:
                conn = self._idle.pop()
                if not conn.closed and now < conn.expires and not conn.has_unread():
                    conn.reused = True
                    return conn
                self._discard(conn)
            if self._open < self._limit:
                break
            if fresh and self._idle:
                self._discard(self._idle.pop(0))
                continue
            waiter = loop.create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    self._wake_one()  # the turn it was given goes to the next one
                raise
        self._open += 1
        try:
            return await self._connect(loop)
        except BaseException:
            self._open -= 1
            self._wake_one()
            raise

    async def _connect(self, loop: asyncio.AbstractEventLoop) -> Connection:
        factory: Callable[[], Connection] = lambda: Connection(loop)  # noqa: E731
        extra: dict[str, Any] = {}
        if self._tls is not None:
            extra = {"ssl": self._tls, "server_hostname": self._host}
        try:
            async with asyncio.timeout(self._connect_timeout):
                _, conn = await loop.create_connection(factory, self._host, self._port, **extra)
        except TimeoutError:
            raise  # connecting (with the TLS handshake) took too long: 504, as any timeout
        except OSError as exc:
            raise UpstreamError(f"cannot connect: {type(exc).__name__}: {exc}") from exc
        return conn

    def put_back(self, conn: Connection) -> None:
        conn.finish()
        if conn.complete and conn.keep_alive and not conn.closed and not conn.chunks:
            conn.expires = (self._loop.time() if self._loop is not None else 0.0) + conn.idle_limit
            self._idle.append(conn)
            if self._loop is not None and (self._sweep is None or conn.expires < self._sweep.when()):
                if self._sweep is not None:
                    self._sweep.cancel()
                self._sweep = self._loop.call_at(conn.expires, self._close_expired)
        else:
            self._discard(conn)
            return
        self._wake_one()

    def _close_expired(self) -> None:
        """Closes the connections idle past their limit. Taking one only checks its age: after
        a burst, a pool that grew would hold every connection (and the upstream its side of
        each) until a request took it, which a quiet gateway may not do for hours."""
        self._sweep = None
        if self._loop is None:
            return
        now = self._loop.time()
        for conn in [conn for conn in self._idle if now >= conn.expires]:
            self._idle.remove(conn)
            self._discard(conn)
        if self._idle:
            self._sweep = self._loop.call_at(min(conn.expires for conn in self._idle), self._close_expired)

    def _discard(self, conn: Connection) -> None:
        conn.abort()
        self._open -= 1
        self._wake_one()

    def _wake_one(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def close(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()
            self._sweep = None
        while self._idle:
            self._discard(self._idle.pop())
