"""One connection of the forward stage's client (gateway/upstream.py): an asyncio Protocol
that writes one request at a time and parses its answer with httptools (llhttp) as it arrives.

It holds the connection's side of the rules in gateway/upstream.py's docstring: an answer's
head and fields are bounded, a body is not read ahead of a slow caller past `_READ_AHEAD`,
bytes that arrive for no request (while pooled, or after an answer) close the connection, and
`has_unread` tells the pool whether bytes wait in the socket unread.
"""

from __future__ import annotations

import asyncio
import collections
import select

import httptools

# 1xx are interim answers; the final answer follows on the same connection.
_BODILESS = frozenset({204, 304})
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


class Connection(asyncio.Protocol):
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
