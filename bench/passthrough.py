"""(c) of bench/gateway.py: a bare pass-through on the gateway's own server and client stack.

Same uvicorn options as `minguard run` (uvloop, httptools), same upstream client
(gateway.stages.forward.Forward: its pool of gateway/upstream.py, header filtering), and no other stage: no
identify, authorize, inspect, release or audit. What the full gateway costs beyond this is
what its pipeline costs.

    MINGUARD_BENCH_UPSTREAM=http://127.0.0.1:8081 uvicorn bench.passthrough:app --port 8090 ...
"""

from __future__ import annotations

import os

from gateway.exchange import Exchange, Request
from gateway.proxy import send_response
from gateway.settings import UpstreamSettings
from gateway.stages.forward import Forward
from gateway.types import Receive, Scope, Send
from policies.routes import RouteMatch


class PassThrough:
    def __init__(self, upstream: str) -> None:
        self.forward = Forward(UpstreamSettings(url=upstream, max_connections=256), 64 * 1024 * 1024)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await self.forward.start()
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await self.forward.close()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        client = scope.get("client") or ("", 0)
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        path: str = scope["path"]
        ex = Exchange(
            Request(
                scope["method"],
                path,
                scope.get("query_string", b""),
                list(scope["headers"]),
                client[0],
                client[1],
                "http",
                body,
            )
        )
        ex.route = RouteMatch("bench", "bench", "read", {}, path)
        await self.forward(ex)
        upstream = ex.upstream
        if ex.failure is not None or upstream is None:
            status = ex.failure.status if ex.failure else 502
            await send({"type": "http.response.start", "status": status, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await send_response(send, upstream.status, list(upstream.headers), upstream.body, ex.upstream_stream)


app = PassThrough(os.environ.get("MINGUARD_BENCH_UPSTREAM", "http://127.0.0.1:8081"))
