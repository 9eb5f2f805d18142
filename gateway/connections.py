"""Pooled upstream connections that never hand one request the answer written for another.

An HTTP/1.1 connection carries answers in order, so bytes an upstream writes that belong to
no request become the answer of the next request sent on that connection: possibly another
caller's, with another caller's data. aiohttp 3.14 lets that happen in two ways
(aio-libs/aiohttp#13656):

- a 204 or 304 (or the answer to a HEAD) has no body whatever its headers say (RFC 9112
  6.3), but an upstream that believes it sends one writes it a moment later, after aiohttp
  has returned the connection to its pool;
- anything the upstream writes while the connection waits in the pool (the rest of a body
  longer than its Content-Length, a second answer) is parsed and queued there.

So a connection that has carried an answer without a body is closed, not pooled (its cost is
one new connection per such answer, which a read API sends rarely), and a pooled connection
holding bytes nobody asked for is discarded when it would be reused.

This reaches into aiohttp's connector and protocol (`_factory`, the queue of parsed answers):
tests/e2e/test_upstream_shapes.py shows both cases through a real gateway, so a release that
changes them fails there; pyproject.toml keeps aiohttp below its next minor release until then.
"""

from __future__ import annotations

import functools
import ssl
from typing import Any, cast

import aiohttp
from aiohttp.client_proto import ResponseHandler
from aiohttp.http_parser import RawResponseMessage
from aiohttp.streams import StreamReader

from .settings import UpstreamSettings

# 1xx are interim answers; the final answer follows on the same connection.
_BODILESS = frozenset({204, 304})


class _OneAnswerHandler(ResponseHandler):
    def feed_data(self, data: tuple[RawResponseMessage, StreamReader], size: int = 0) -> None:
        message = data[0]
        if message.code in _BODILESS or self._skip_payload:  # _skip_payload: answer to a HEAD
            self.force_close()
        super().feed_data(data, size)

    def is_connected(self) -> bool:
        # aiohttp asks this of a pooled connection before reusing it and when it sweeps idle
        # ones: answers or bytes queued there arrived while no request was waiting.
        return super().is_connected() and not self._buffer and not self._tail


class UpstreamConnector(aiohttp.TCPConnector):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._factory = cast(
            "functools.partial[ResponseHandler]", functools.partial(_OneAnswerHandler, loop=self._loop)
        )


def upstream_tls(settings: UpstreamSettings) -> ssl.SSLContext | bool:
    """What aiohttp is given as `ssl`: the default checks (system trust store) unless a CA
    bundle or a client certificate is configured. Unreadable files fail here, at start."""
    if settings.ca_file is None and settings.client_cert_file is None:
        return True
    context = ssl.create_default_context(cafile=settings.ca_file)
    if settings.client_cert_file is not None:
        context.load_cert_chain(settings.client_cert_file, settings.client_key_file)
    return context
