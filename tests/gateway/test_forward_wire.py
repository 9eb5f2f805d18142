"""What the forward stage writes on the wire to the upstream (gateway/stages/forward.py with
its client, gateway/upstream.py): bytes as received stay those bytes."""

from __future__ import annotations

import asyncio

from gateway.exchange import Exchange, Principal, Request
from gateway.settings import UpstreamSettings
from gateway.stages.forward import Forward
from policies.routes import RouteMatch

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


async def _forwarded(ex: Exchange) -> bytes:
    """The request head the upstream received for ``ex``."""
    received = asyncio.get_running_loop().create_future()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        received.set_result(await reader.readuntil(b"\r\n\r\n"))
        writer.write(ANSWER)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    forward = Forward(UpstreamSettings(url=f"http://127.0.0.1:{port}"), 1024)
    await forward.start()
    try:
        await forward(ex)
        assert ex.failure is None and ex.upstream is not None and ex.upstream.body == b"{}"
        return await received
    finally:
        await forward.close()
        server.close()
        await server.wait_closed()


def test_the_query_and_the_subject_reach_the_upstream_as_their_bytes() -> None:
    """A query of raw UTF-8 bytes goes upstream exactly as received, and a subject with
    Chinese characters as its UTF-8 bytes. aiohttp wrote every header and the request line
    as UTF-8 of their characters: bytes at or above 0x80 arrived encoded twice (张 as six
    bytes of mojibake)."""
    path = "/api/v1/regions/610902/persons"
    query = "name=张伟&page=1".encode()
    ex = Exchange(Request("GET", path, query, [(b"host", b"gw")], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("张伟", "person", ("caseworker",), "610902", "汉滨区", "api_key", "cw")
    ex.route = RouteMatch("persons", "person", "read", {}, path)
    head = asyncio.run(_forwarded(ex))
    assert head.startswith(b"GET " + path.encode() + b"?" + query + b" HTTP/1.1\r\n")
    assert "x-minguard-subject: 张伟\r\n".encode() in head.lower()


def test_a_forward_cancelled_mid_body_gives_its_connection_back() -> None:
    """The caller went away while the upstream was still sending (the task is cancelled):
    the connection is closed and its place in the pool freed. Kept, a pool of one would make
    every later request wait for it for ever."""
    path = "/api/v1/regions/610902/persons"
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        try:
            await reader.readuntil(b"\r\n\r\n")
            if connections == 1:  # the head and a tenth of the body, then nothing
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{}")
                await writer.drain()
                await reader.read()
            else:
                writer.write(ANSWER)
                await writer.drain()
        finally:
            writer.close()

    def exchange() -> Exchange:
        ex = Exchange(Request("GET", path, b"", [(b"host", b"gw")], "127.0.0.1", 40000, "http"))
        ex.route = RouteMatch("persons", "person", "read", {}, path)
        return ex

    async def main() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        forward = Forward(UpstreamSettings(url=f"http://127.0.0.1:{port}", max_connections=1), 1024)
        await forward.start()
        try:
            first = asyncio.create_task(forward(exchange()))
            await asyncio.sleep(0.2)  # its head has arrived; it waits for the rest of the body
            first.cancel()
            await asyncio.gather(first, return_exceptions=True)
            second = exchange()
            await asyncio.wait_for(forward(second), 2)
            assert second.upstream is not None and second.upstream.body == b"{}"
        finally:
            await forward.close()
            server.close()
            await server.wait_closed()

    asyncio.run(main())
