"""Stage 3: send the authorized request upstream over a pooled connection.

Textual responses are read whole (up to the inspection limit) for the inspect stage;
anything else stays an open stream, which the inspect stage either lets through or refuses.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from ..console.session import CONSOLE_COOKIES
from ..exchange import SAFE_METHODS, Exchange, Request, Response
from ..media import content_coding, is_textual, office_type, parse_content_type, sniff
from ..settings import UpstreamSettings
from ..types import Headers
from ..upstream import UpstreamError, UpstreamIncomplete, UpstreamPool, UpstreamResponse

HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
    }
)
# The caller's credentials and anything that claims to be set by a proxy are the gateway's
# to set, never the client's (every X-Forwarded-* and X-Minguard-* too: _request_headers).
_NOT_FORWARDED = HOP_BY_HOP | {
    # A CGI or WSGI upstream reads "Proxy" as HTTP_PROXY, which its own HTTP clients take as
    # their proxy (httpoxy); every Proxy-* header is addressed to a proxy, not to the origin.
    b"proxy",
    b"host",
    b"content-length",
    b"x-api-key",
    b"authorization",
    b"forwarded",
    b"x-real-ip",
    b"x-request-id",
    # The client's address as other proxies and CDNs write it: an upstream that logs or
    # trusts one of these would record the address the caller chose, not the TCP peer's.
    b"x-client-ip",
    b"true-client-ip",
    b"client-ip",
    b"cf-connecting-ip",
    b"fastly-client-ip",
    b"x-cluster-client-ip",
    b"x-originating-ip",
    b"x-remote-ip",
    b"x-remote-addr",
    # Who the caller is, as authenticating proxies tell their backends (Apache REMOTE_USER,
    # oauth2-proxy, Grafana's auth proxy): the gateway says it in X-Minguard-Subject only.
    b"remote-user",
    b"x-remote-user",
    b"x-webauth-user",
    b"x-auth-request-user",
    b"x-auth-request-email",
    b"x-auth-request-preferred-username",
    b"x-auth-request-groups",
    # Headers with which some servers and frameworks replace the path: the upstream must
    # serve the route's path, which was authorized (method overrides are refused earlier).
    b"x-original-url",
    b"x-rewrite-url",
    # The gateway reads every body it passes (inspect, business fields): it asks the upstream
    # for identity, whatever the caller accepts (see _request_headers).
    b"accept-encoding",
    # A byte range of a document cannot be inspected: a number cut at a range's edge is no
    # longer an ID number, and the caller joins the parts. The gateway asks for whole bodies.
    b"range",
    b"if-range",
    # The gateway has read the whole body already; forwarded, "Expect: 100-continue" makes the
    # client library hold the body back until the upstream says 100, and one that never does
    # keeps a pooled connection until the timeout.
    b"expect",
}


# A read's conditions on the upstream's validator: an upstream whose ETag hashes its body
# (Spring's ShallowEtagHeaderFilter) compares them with the unmasked body, and its 304 or 412
# tells a caller whether a guess of what a mask hid was right (the inspect stage leaves such
# ETags out, but the algorithm is known). A write's If-Match guards a lost update: it stays.
_NOT_FORWARDED_ON_READS = _NOT_FORWARDED | {b"if-none-match", b"if-match"}


def _connection_tokens(headers: Headers) -> set[bytes]:
    """Header names listed in Connection are hop-by-hop too (RFC 9110 7.6.1)."""
    tokens: set[bytes] = set()
    for name, value in headers:
        if name.lower() == b"connection":
            tokens.update(t.strip().lower() for t in value.split(b","))
    return tokens


def _cookie_name(pair: bytes) -> str:
    """The name of a cookie in a Cookie pair or a Set-Cookie value, folded for comparison."""
    return pair.split(b"=", 1)[0].split(b";", 1)[0].strip().decode("latin-1").casefold()


def _without_console_cookies(value: bytes) -> bytes:
    """A Cookie header without the console's cookies: set with Path=/ (their __Host- form),
    an officer's browser sends the console session with every request to the gateway, and
    it is the gateway's, never an upstream's to see or replay."""
    pairs = [pair.strip() for pair in value.split(b";")]
    kept = [pair for pair in pairs if pair and _cookie_name(pair) not in CONSOLE_COOKIES]
    return b"; ".join(kept)


# Date: the gateway's server writes its own (a second one would make two). X-Request-Id: the
# gateway adds its own, the id of the exchange's audit event; the upstream's went out beside
# it, first, and a caller who quoted it pointed at no event.
_NOT_RETURNED = HOP_BY_HOP | {b"content-length", b"date", b"x-request-id"}


def response_headers(raw: Headers, upstream_base: bytes) -> Headers:
    """The upstream's headers for the client. A redirect to one of the upstream's own URLs
    points at the gateway instead (as nginx's ``proxy_redirect default``): the caller learns
    no internal address and is not sent round the gateway."""
    tokens = _connection_tokens(raw)
    drop = _NOT_RETURNED | tokens if tokens else _NOT_RETURNED
    out = []
    for name, value in raw:
        name = name.lower()
        if name in drop or (name == b"set-cookie" and _cookie_name(value) in CONSOLE_COOKIES):
            # The console shares the gateway's host: an upstream must not set, replace or
            # delete an officer's console session (or plant a login nonce).
            continue
        if name in _LOCATIONS and value.startswith(upstream_base) and value[len(upstream_base) :][:1] in _PATH_STARTS:
            value = value[len(upstream_base) :]
            value = value if value.startswith(b"/") else b"/" + value
        out.append((name, value))
    return out


_LOCATIONS = frozenset({b"location", b"content-location"})
_PATH_STARTS = frozenset({b"/", b"?", b"#", b""})  # the base ends there, not inside a longer name


class UpstreamStream:
    """An upstream body not read yet; the proxy streams it or the inspect stage drops it."""

    def __init__(self, response: UpstreamResponse, head: bytes) -> None:
        self._response = response
        self._head = head  # already read to sniff the type

    async def chunks(self) -> AsyncIterator[bytes]:
        if self._head:
            yield self._head
        while chunk := await self._response.read_some():
            yield chunk

    def close(self) -> None:
        # Read to its end, the answer's connection goes back to the pool; cut short, closed.
        self._response.release()


class Forward:
    def __init__(self, settings: UpstreamSettings, max_body_bytes: int) -> None:
        self._settings = settings
        self._base = settings.url.rstrip("/")
        self._base_bytes = self._base.encode("latin-1")
        self._max_body = max_body_bytes
        self._pool: UpstreamPool | None = None

    async def start(self) -> None:
        # Bodies stay as the upstream coded them (the inspect stage decodes them, under a size
        # cap), and the client keeps no cookies: one pool serves every caller.
        self._pool = UpstreamPool(self._settings)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()

    def _request_headers(self, ex: Exchange) -> list[tuple[str, str]]:
        tokens = _connection_tokens(ex.request.headers)
        drop = _NOT_FORWARDED_ON_READS if ex.request.method in SAFE_METHODS else _NOT_FORWARDED
        drop = drop | tokens if tokens else drop
        out: list[tuple[str, str]] = []
        host = ""
        for name, value in ex.request.headers:
            if name == b"host":
                host = value.decode("latin-1")
            # CGI and WSGI servers read X_Minguard_Roles as X-Minguard-Roles (both become
            # HTTP_X_MINGUARD_ROLES, the caller's value first): compared with "-" for "_".
            spelled = name.replace(b"_", b"-")
            if spelled in drop or spelled.startswith((b"x-minguard-", b"x-forwarded-", b"proxy-")):
                continue
            if name == b"cookie":
                value = _without_console_cookies(value)
                if not value:
                    continue
            out.append((name.decode("latin-1"), value.decode("latin-1")))
        principal = ex.principal
        out += [
            ("Accept-Encoding", "identity"),
            ("X-Forwarded-For", ex.request.client_ip),
            ("X-Forwarded-Proto", ex.request.scheme),
            ("X-Request-Id", ex.request_id),
        ]
        if host:
            out.append(("X-Forwarded-Host", host))
        if principal is not None:
            # Tell the upstream on whose behalf the gateway asks. A subject with non-ASCII
            # characters travels as its UTF-8 bytes (header values are bytes on the wire).
            out += [
                ("X-Minguard-Subject", principal.subject.encode("utf-8").decode("latin-1")),
                ("X-Minguard-Roles", ",".join(principal.roles)),
                ("X-Minguard-Region", principal.region),
            ]
        return out

    async def __call__(self, ex: Exchange) -> None:
        if ex.route is None or self._pool is None:
            raise RuntimeError("forward stage reached without a route or before start()")
        target = ex.route.path  # upstream.url is an origin, without a path
        if ex.request.query:
            target += "?" + ex.request.query.decode("latin-1")
        started = time.perf_counter()
        response: UpstreamResponse | None = None
        try:
            async with asyncio.timeout(self._settings.timeout):
                response = await self._pool.request(
                    _upstream_method(ex.request), target, self._request_headers(ex), ex.request.body
                )
                headers = response_headers(response.raw_headers, self._base_bytes)
                content_type = response.header(b"content-type")
                media_type, _ = parse_content_type(None if content_type is None else content_type.decode("latin-1"))
                ex.upstream = Response(response.status, headers)
                head = b""
                if not is_textual(media_type):
                    head = await response.read_some()
                    if not head:
                        ex.sniffed_media_type = "text/plain"  # an empty body has nothing to hide
                    elif not content_coding(headers):  # "identity" is no coding: sniffed
                        ex.sniffed_media_type = office_type(media_type, head, headers) or sniff(head)
                if is_textual(media_type) or ex.sniffed_media_type is not None:
                    ex.upstream.body = await self._read_capped(response, head)
                    response.release()
                    if not media_type and (office := office_type(media_type, ex.upstream.body, headers)):
                        ex.sniffed_media_type = office  # untyped bytes are read as text, but these
                else:
                    ex.upstream_stream = UpstreamStream(response, head)
                    response = None  # owned by the stream now
        except TimeoutError:
            ex.fail(504, "upstream_timeout", "the upstream did not answer in time", "上游系统响应超时")
        except UpstreamIncomplete:
            ex.fail(
                502,
                "upstream_incomplete",
                "the upstream response was cut short",
                "上游系统响应不完整",
            )
        except _BodyTooLarge:
            ex.fail(
                502,
                "response_too_large",
                f"the upstream response exceeds the inspection limit of {self._max_body} bytes",
                "上游响应超过检查上限,拒绝放行",
            )
        except (UpstreamError, OSError) as exc:
            ex.fail(
                502,
                "upstream_unreachable",
                f"the upstream is unreachable: {type(exc).__name__}",
                "无法连接上游系统",
            )
        finally:
            # Read whole, the answer has already given its connection back (close does
            # nothing then); otherwise it failed or was cancelled (the caller went away), and
            # a connection kept would hold a place in the pool for ever.
            if response is not None:
                response.close()
            ex.upstream_ms = (time.perf_counter() - started) * 1000.0

    async def _read_capped(self, response: UpstreamResponse, head: bytes) -> bytes:
        length = response.content_length
        if length is not None and length > self._max_body:
            raise _BodyTooLarge
        body = bytearray(head)
        while chunk := await response.read_some():
            body += chunk
            if len(body) > self._max_body:
                raise _BodyTooLarge
        return bytes(body)


def _upstream_method(request: Request) -> str:
    """HEAD is asked of the upstream as GET: its Content-Length and type must be those of the
    body the caller would be given, which only the inspected (masked) body tells, and a body
    that cannot be inspected is refused for HEAD as for GET. The proxy sends no body back."""
    return "GET" if request.headers_only else request.method


class _BodyTooLarge(Exception):
    pass
