"""The forward stage's HTTP/1.1 client: pooled connections to one upstream.

An asyncio Protocol per connection, the response read by httptools' parser (llhttp, which
uvicorn uses for the gateway's own server). It does what the forward stage needs and no more:
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
import select
import ssl
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httptools

from .settings import UpstreamSettings

# 1xx are interim answers; the final answer follows on the same connection.
_BODILESS = frozenset({204, 304})
# A request the upstream may have received is sent again on a new connection only if it
# is idempotent (RFC 9110 9.2.2): a pooled connection the upstream closed meanwhile.
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
# Methods without a body need no Content-Length: 0 (as aiohttp and browsers write it).
_NO_BODY_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "CONNECT", "TRACE"})
_KEEPALIVE_SECONDS = 30.0
# An answer's head is refused past these (aiohttp's limits, which the gateway had before).
_MAX_FIELD = 8190
_MAX_HEADERS = 128
_MAX_HEAD = _MAX_HEADERS * _MAX_FIELD
# A body streamed to a slow caller is not read ahead past this: the upstream waits instead.
_READ_AHEAD = 256 * 1024


class UpstreamError(Exception):
    """The upstream could not be reached, or its answer's head was not HTTP."""


class UpstreamIncomplete(UpstreamError):
    """The answer's body was cut short (or its framing broken) after its head arrived."""


def upstream_tls(settings: UpstreamSettings) -> ssl.SSLContext:
    """The default checks (system trust store) unless a CA bundle is configured, with the
    client certificate if one is. Unreadable files fail here, at start."""
    context = ssl.create_default_context(cafile=settings.ca_file)
    if settings.client_cert_file is not None:
        context.load_cert_chain(settings.client_cert_file, settings.client_key_file)
    return context


class _Connection(asyncio.Protocol):
    """One connection: at most one request in flight, its answer parsed as it arrives."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.transport: asyncio.Transport | None = None
        self.reused = False
        self.idle_limit = _KEEPALIVE_SECONDS  # how long it may wait in the pool
        self.expires = 0.0  # when it stops being reusable, once pooled
        self._parser = httptools.HttpResponseParser(self)
        self._busy = False  # a request is in flight and its answer not read to its end
        self._head_only = False  # the answer to a HEAD: no body whatever its headers say
        self._interim = False
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.headers_done = False
        self.complete = False
        self.got_bytes = False
        self._head_bytes = 0
        self._stalled = 0  # bytes since the head that brought neither body nor a chunk's start
        self._progress = False
        self._buffered = 0
        self._paused = False
        self.keep_alive = False
        self.closed = False
        self.error: UpstreamError | None = None
        self.chunks: collections.deque[bytes] = collections.deque()
        self._waiter: asyncio.Future[None] | None = None

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        if not self._busy or self.complete:
            self._stray()
            return
        self.got_bytes = True
        if not self.headers_done:
            self._head_bytes += len(data)
            if self._head_bytes > _MAX_HEAD:
                self._fail(UpstreamError("the answer's head is too large"))
                self._wake()
                return
        head_before = self.headers_done
        self._progress = False
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(UpstreamError("the upstream switched protocols"))
        except httptools.HttpParserError as exc:
            # Bytes that break the framing in the read that brought the head (a body after
            # a 204 and Connection: close, two lengths) fail the exchange, as a broken head.
            error = UpstreamIncomplete if head_before else UpstreamError
            self._fail(error(f"malformed answer: {exc}"), even_if_complete=not head_before)
        if head_before:
            # Chunk lines and trailers are not body: the parser holds a trailer line whole until
            # it ends, so a trailer that never does would grow (and be copied) for ever. They
            # may take as much as a head, counted since the last body bytes or chunk.
            self._stalled = 0 if self._progress else self._stalled + len(data)
            if self._stalled > _MAX_HEAD:
                self._fail(UpstreamIncomplete("the answer's chunk lines or trailers are too large"))
        self._wake()

    def _stray(self) -> None:
        # Bytes nobody asked for (while pooled, or after the whole answer): whatever they
        # are, they must not become the next request's answer.
        self.keep_alive = False
        self._close()

    def eof_received(self) -> bool | None:
        self._ended()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._ended()

    def _ended(self) -> None:
        self.keep_alive = False
        if self._busy and not self.complete and self.error is None:
            if self.headers_done and not self._framed():
                self.complete = True  # a body delimited by the connection's end
            else:
                error = UpstreamIncomplete if self.headers_done else UpstreamError
                self.error = error("the upstream closed the connection")
        self._wake()

    # httptools callbacks

    def on_message_begin(self) -> None:
        if self.complete:
            self._stray()
            return
        self.headers = []
        self._interim = False

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.complete or self.headers_done:  # a stray answer's, or a chunked body's trailers
            return
        if len(name) + len(value) > _MAX_FIELD or len(self.headers) >= _MAX_HEADERS:
            self._fail(UpstreamError("an answer's header is too large, or there are too many"))
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        if self.complete:
            return
        status = self._parser.get_status_code()
        if 100 <= status < 200:
            self._interim = True  # the final answer follows; llhttp gives it no body
            return
        self.status = status
        self.headers_done = True
        self.keep_alive = self._parser.should_keep_alive()
        self.idle_limit = _idle_limit(self.headers)
        if self._head_only or status in _BODILESS:
            self.keep_alive = False
            self.complete = True

    def on_chunk_header(self) -> None:
        self._progress = True

    def on_body(self, body: bytes) -> None:
        self._progress = True
        if not self.complete:
            self.chunks.append(body)
            self._buffered += len(body)
            if self._buffered > _READ_AHEAD and not self._paused and self.transport is not None:
                self._paused = True
                self.transport.pause_reading()

    def take(self) -> bytes:
        """What the body has brought since last asked."""
        data = self.chunks.popleft() if len(self.chunks) == 1 else b"".join(self.chunks)
        self.chunks.clear()
        self._buffered = 0
        if self._paused and self.transport is not None and not self.closed:
            self._paused = False
            self.transport.resume_reading()
        return data

    def on_message_complete(self) -> None:
        if self._interim:
            self._interim = False
            return
        self.complete = True
        if self.transport is not None and self.transport.get_write_buffer_size():
            # Answered before the request was all written (decided on its head): the upstream
            # would read the rest of the body as the next request on the connection.
            self.keep_alive = False

    # for the pool and the response

    def start(self, head_only: bool) -> None:
        self._busy = True
        self._head_only = head_only
        self.status = 0
        self.headers = []
        self.headers_done = self.complete = self.got_bytes = False
        self._head_bytes = 0
        self._stalled = 0
        self._buffered = 0
        self.chunks.clear()
        self.error = None

    def finish(self) -> None:
        self._busy = False

    def has_unread(self) -> bool:
        """Whether the upstream sent something (bytes, or its end) that the event loop has not
        handed over yet. After a spell in which the loop was busy, a pooled connection may hold
        such bytes; the request that takes it next would read them as its answer, since it is
        sent (and its turn to run comes) before the loop reads the socket again."""
        sock = self.transport.get_extra_info("socket") if self.transport is not None else None
        if sock is None:
            return False
        poller = select.poll()
        poller.register(sock.fileno(), select.POLLIN)
        return bool(poller.poll(0))

    async def wait(self, timeout: float) -> None:
        waiter = self._waiter = self._loop.create_future()
        timer = self._loop.call_later(timeout, _time_out, waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            self._waiter = None

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _framed(self) -> bool:
        for name, value in self.headers:
            lowered = name.lower()
            if lowered == b"content-length" or (lowered == b"transfer-encoding" and b"chunked" in value.lower()):
                return True
        return False

    def _fail(self, error: UpstreamError, even_if_complete: bool = False) -> None:
        if self.error is None and (even_if_complete or not self.complete):
            self.error = error
        self.keep_alive = False
        self._close()

    def _close(self) -> None:
        if self.transport is not None and not self.closed:
            self.closed = True
            self.transport.close()

    def abort(self) -> None:
        self.keep_alive = False
        if self.transport is not None and not self.closed:
            self.closed = True
            self.transport.abort()


def _idle_limit(headers: list[tuple[bytes, bytes]]) -> float:
    """How long the connection may wait in the pool: the pool's keep-alive, or less if the
    upstream said it closes idle connections sooner ("Keep-Alive: timeout=5", as Apache httpd
    and Node write it). A request sent as the upstream closes the connection crosses its end
    and gets no answer, so the pool stops a second short of it (half, for a shorter one)."""
    for name, value in headers:
        if name.lower() == b"keep-alive":
            for param in value.split(b","):
                key, _, number = param.partition(b"=")
                if key.strip().lower() == b"timeout" and number.strip().isdigit():
                    announced = float(number.strip())
                    return min(_KEEPALIVE_SECONDS, announced - min(1.0, announced / 2))
    return _KEEPALIVE_SECONDS


def _time_out(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError())


class UpstreamResponse:
    """An answer whose head has arrived; its body is read with `read_some`, then the
    connection goes back with `release` (or is closed with `close`)."""

    def __init__(self, pool: UpstreamPool, conn: _Connection) -> None:
        self._pool = pool
        self._conn: _Connection | None = conn
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
        self._idle: list[_Connection] = []
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

    async def _send(self, conn: _Connection, method: str, data: bytes) -> UpstreamResponse:
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

    async def _acquire(self, fresh: bool = False) -> _Connection:
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

    async def _connect(self, loop: asyncio.AbstractEventLoop) -> _Connection:
        factory: Callable[[], _Connection] = lambda: _Connection(loop)  # noqa: E731
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

    def put_back(self, conn: _Connection) -> None:
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

    def _discard(self, conn: _Connection) -> None:
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
