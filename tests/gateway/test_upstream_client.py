"""The forward stage's HTTP/1.1 client (gateway/upstream.py): pooling, retries, read-ahead.

What an upstream's answers look like to the caller is tested end to end in
tests/e2e/test_upstream_shapes.py; here, what only the client's pool shows."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress

import pytest

from gateway import upstream_connection
from gateway.settings import UpstreamSettings
from gateway.upstream import UpstreamError, UpstreamIncomplete, UpstreamPool, UpstreamResponse

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter, int], Awaitable[None]]
BODY = b'{"ok": true}'


def _ok(body: bytes = BODY) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body


async def _read_all(response: UpstreamResponse) -> bytes:
    body = bytearray()
    while chunk := await response.read_some():
        body += chunk
    return bytes(body)


async def _with_upstream(
    handler: Handler,
    client: Callable[[UpstreamPool], Awaitable[None]],
    limit: int = 8,
    scheme: str = "http",
    connect_timeout: float = 5.0,
) -> int:
    """Runs ``client`` against an upstream served by ``handler``; how many connections it took."""
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        try:
            await handler(reader, writer, connections)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    settings = UpstreamSettings(
        url=f"{scheme}://127.0.0.1:{port}", max_connections=limit, connect_timeout=connect_timeout
    )
    pool = UpstreamPool(settings)
    try:
        await client(pool)
    finally:
        await pool.close()
        server.close()
        await server.wait_closed()
    return connections


async def _answer_each(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
    while True:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(_ok())
        await writer.drain()


def test_a_connection_kept_alive_serves_the_next_request() -> None:
    async def client(pool: UpstreamPool) -> None:
        for _ in range(3):
            assert await _read_all(await pool.request("GET", "/a", [], b"")) == BODY

    assert asyncio.run(_with_upstream(_answer_each, client)) == 1


def test_the_pool_limit_makes_requests_wait_for_a_connection() -> None:
    async def client(pool: UpstreamPool) -> None:
        async def one() -> bytes:
            return await _read_all(await pool.request("GET", "/a", [], b""))

        assert await asyncio.gather(*(one() for _ in range(5))) == [BODY] * 5

    assert asyncio.run(_with_upstream(_answer_each, client, limit=1)) == 1


async def _closes_after_one_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
    """Answers a connection's first request; the second finds the connection closed, as when
    an upstream's keep-alive timeout ends it while the request is on its way."""
    await reader.readuntil(b"\r\n\r\n")
    writer.write(_ok())
    await writer.drain()
    await reader.readuntil(b"\r\n\r\n")


@pytest.mark.parametrize(("method", "sent_again"), [("GET", True), ("DELETE", True), ("POST", False)])
def test_a_request_the_upstream_never_answered_is_sent_again_only_if_idempotent(method: str, sent_again: bool) -> None:
    async def client(pool: UpstreamPool) -> None:
        assert await _read_all(await pool.request(method, "/a", [], b"")) == BODY
        if sent_again:
            assert await _read_all(await pool.request(method, "/a", [], b"")) == BODY
        else:
            with pytest.raises(UpstreamError):
                await pool.request(method, "/a", [], b"")

    assert asyncio.run(_with_upstream(_closes_after_one_answer, client)) == (2 if sent_again else 1)


def test_a_body_delimited_by_the_connections_end_is_read_whole() -> None:
    async def close_delimited(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" + b"x" * 100_000)
        await writer.drain()

    async def client(pool: UpstreamPool) -> None:
        assert await _read_all(await pool.request("GET", "/a", [], b"")) == b"x" * 100_000

    asyncio.run(_with_upstream(close_delimited, client))


def test_a_body_nobody_reads_yet_is_not_read_ahead_into_memory() -> None:
    """A download streamed to a slow caller: the upstream waits (TCP flow control), rather
    than the gateway holding the whole body in memory."""
    size = 64 * 1024 * 1024
    sent = 0

    async def big(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        nonlocal sent
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: %d\r\n\r\n" % size)
        piece = b"z" * (1024 * 1024)
        for _ in range(size // len(piece)):
            writer.write(piece)
            await writer.drain()
            sent += len(piece)

    async def client(pool: UpstreamPool) -> None:
        response = await pool.request("GET", "/a", [], b"")
        await asyncio.sleep(0.5)  # the caller is slow
        assert sent < size // 2
        received = 0
        while chunk := await response.read_some():
            received += len(chunk)
        assert received == size

    asyncio.run(_with_upstream(big, client))


def test_a_connection_that_is_never_set_up_is_a_timeout() -> None:
    """An https upstream that accepts the connection but never answers the TLS handshake:
    upstream.connect_timeout ends the wait (504 upstream_timeout, as every timeout)."""

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await reader.read()

    async def client(pool: UpstreamPool) -> None:
        with pytest.raises(TimeoutError):
            await pool.request("GET", "/a", [], b"")
        await asyncio.sleep(0.05)  # the upstream sees the connection closed

    asyncio.run(_with_upstream(silent, client, scheme="https", connect_timeout=0.2))


@contextmanager
def _threaded_upstream(handler: Callable[[socket.socket, int], None], receive_buffer: int = 0) -> Iterator[str]:
    """An upstream served by blocking sockets in threads, each connection by ``handler`` with
    its number: it writes while the test holds the event loop busy. ``receive_buffer``: a
    small one makes the upstream's side of a connection full after a few KiB."""
    listener = socket.socket()
    if receive_buffer:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve(conn: socket.socket, n: int) -> None:
        with conn, suppress(OSError):
            handler(conn, n)

    def accept() -> None:
        n = 0
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            n += 1
            threading.Thread(target=serve, args=(conn, n), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def _read_head(conn: socket.socket) -> bytes:
    """A request's head, read a byte at a time: nothing after it is taken off the socket."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        byte = conn.recv(1)
        if not byte:
            raise ConnectionError("closed")
        head += byte
    return head


def _answer_heads(conn: socket.socket) -> None:
    while True:
        _read_head(conn)
        conn.sendall(_ok())


def test_bytes_that_arrived_while_the_loop_was_busy_are_not_the_next_answer() -> None:
    """An answer, then bytes the upstream wrote unasked, arriving while the gateway's event
    loop was busy (inspecting another caller's body, say): the connection waits in the pool
    with them not yet read. The next request took it and got those bytes as its answer: an
    answer written for another caller."""
    stray_asked = threading.Event()
    stray_sent = threading.Event()

    def handler(conn: socket.socket, n: int) -> None:
        _read_head(conn)
        conn.sendall(_ok())
        if n == 1:
            stray_asked.wait(5)
            conn.sendall(_ok(b'{"for": "someone else"}'))
            stray_sent.set()
        _answer_heads(conn)

    async def client(url: str) -> None:
        pool = UpstreamPool(UpstreamSettings(url=url))
        try:
            assert await _read_all(await pool.request("GET", "/a", [], b"")) == BODY
            stray_asked.set()
            stray_sent.wait(5)
            time.sleep(0.1)  # the loop is busy while the bytes arrive
            assert await _read_all(await pool.request("GET", "/b", [], b"")) == BODY
        finally:
            await pool.close()

    with _threaded_upstream(handler) as url:
        asyncio.run(client(url))


def test_a_connection_answered_before_its_request_was_written_is_not_reused() -> None:
    """An upstream that answers a request before reading its body (a 401 or 413 decided on the
    head) and keeps the connection: the rest of the body, still being written, is read by the
    upstream as the next request. A caller's body that holds a request line and X-Minguard
    headers of its choosing was served as a request of its own (request smuggling), and its
    answer went to the next request on the connection, another caller's."""
    smuggled = b"GET /api/v1/regions/110101/persons HTTP/1.1\r\nX-Minguard-Roles: admin\r\n"
    body = smuggled + b"Content-Length: %d\r\n\r\n" % (4 * 1024 * 1024) + b"p" * (4 * 1024 * 1024)

    def handler(conn: socket.socket, n: int) -> None:
        while True:
            head = _read_head(conn)
            if head.startswith(b"POST"):  # answered on its head, its body left unread
                conn.sendall(_ok(b'{"error": "unauthorized"}'))
                time.sleep(0.2)
                continue
            length = next(
                (int(line[15:]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
            )
            while length:
                length -= len(conn.recv(min(length, 65536)))
            conn.sendall(_ok(b'{"smuggled": true}' if b"X-Minguard-Roles: admin" in head else BODY))

    async def client(url: str) -> None:
        pool = UpstreamPool(UpstreamSettings(url=url))
        try:
            answer = await pool.request("POST", "/a", [], body)
            assert await _read_all(answer) == b'{"error": "unauthorized"}'
            assert await _read_all(await pool.request("GET", "/b", [], b"")) == BODY
        finally:
            await pool.close()

    with _threaded_upstream(handler, receive_buffer=4096) as url:
        asyncio.run(client(url))


def test_connections_idle_past_the_keep_alive_are_closed_unasked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A burst opens many connections; after it, each stayed open against the upstream until a
    request took it again, which a quiet pool may never do (up to upstream.max_connections
    sockets held, on both sides, for hours)."""
    monkeypatch.setattr(upstream_connection, "_KEEPALIVE_SECONDS", 0.3)
    open_now = 0

    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        nonlocal open_now
        open_now += 1
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                await asyncio.sleep(0.05)  # the burst's requests overlap: one connection each
                writer.write(_ok())
                await writer.drain()
        finally:
            open_now -= 1

    async def client(pool: UpstreamPool) -> None:
        async def one() -> bytes:
            return await _read_all(await pool.request("GET", "/a", [], b""))

        assert await asyncio.gather(*(one() for _ in range(10))) == [BODY] * 10
        assert open_now == 10
        await asyncio.sleep(1.0)
        assert open_now == 0
        assert await one() == BODY  # and the pool still serves

    assert asyncio.run(_with_upstream(slow, client, limit=10)) == 11


def test_a_trailer_that_never_ends_is_refused() -> None:
    """Trailers are read and dropped, but the parser holds a header line whole until it ends:
    an answer's head is refused past 1 MiB, its trailers were not. A trailer line that never
    ends grew in memory (copied whole at each read, a CPU held) for as long as it came, which
    for a body streamed to a caller is for ever: each read that brought bytes restarted the
    read timeout."""

    async def endless(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"2\r\nPK\r\n0\r\nX-Checksum: "
        )
        while True:
            writer.write(b"a" * 65536)
            await writer.drain()
            await asyncio.sleep(0.01)

    async def client(pool: UpstreamPool) -> None:
        response = await pool.request("GET", "/a", [], b"")
        async with asyncio.timeout(10):
            with pytest.raises(UpstreamIncomplete):
                await _read_all(response)

    asyncio.run(_with_upstream(endless, client))


def test_a_connection_is_not_reused_past_the_idle_time_the_upstream_announced() -> None:
    """An upstream that closes idle connections sooner than the pool's 30 s (Apache httpd and
    Node after 5 s) says so in "Keep-Alive: timeout=N". A request sent on such
    a connection as the upstream closes it crosses its end and gets no answer, and a POST,
    never sent twice, failed with 502."""

    async def closes_when_idle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        loop = asyncio.get_running_loop()
        answered = loop.time()
        while True:
            await reader.readuntil(b"\r\n\r\n")
            if loop.time() - answered > 1.0:  # closed at 1 s idle: the request crossed its end
                return
            writer.write(b"HTTP/1.1 200 OK\r\nKeep-Alive: timeout=1\r\nContent-Length: 12\r\n\r\n" + BODY)
            await writer.drain()
            answered = loop.time()

    async def client(pool: UpstreamPool) -> None:
        assert await _read_all(await pool.request("GET", "/a", [], b"")) == BODY
        await asyncio.sleep(1.2)
        assert await _read_all(await pool.request("POST", "/a", [], b"{}")) == BODY

    assert asyncio.run(_with_upstream(closes_when_idle, client)) == 2
