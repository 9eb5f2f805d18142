"""What of the upstream's response headers reaches the client (gateway/stages/forward.py)."""

from __future__ import annotations

import pytest

from gateway.exchange import Exchange, Principal, Request
from gateway.settings import UpstreamSettings
from gateway.stages.forward import Forward, response_headers

BASE = b"http://10.1.2.3:8080/legacy"


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (b"http://10.1.2.3:8080/legacy/api/v1/cases/7", b"/api/v1/cases/7"),
        (b"http://10.1.2.3:8080/legacy?page=2", b"/?page=2"),
        (b"http://10.1.2.3:8080/legacy", b"/"),
        (b"http://10.1.2.3:8080/legacy-archive/api", b"http://10.1.2.3:8080/legacy-archive/api"),  # another path
        (b"http://other.internal/api", b"http://other.internal/api"),
        (b"/api/v1/cases/7", b"/api/v1/cases/7"),  # already relative
    ],
)
def test_redirects_to_the_upstream_point_at_the_gateway(location: bytes, expected: bytes) -> None:
    for name in (b"Location", b"Content-Location"):
        assert response_headers([(name, location)], BASE) == [(name.lower(), expected)]


def test_a_base_without_a_path_ends_at_its_port() -> None:
    base = b"http://10.1.2.3:8080"
    assert response_headers([(b"Location", b"http://10.1.2.3:8080/api")], base) == [(b"location", b"/api")]
    assert response_headers([(b"Location", b"http://10.1.2.3:80800/api")], base) == [
        (b"location", b"http://10.1.2.3:80800/api")
    ]


def test_hop_by_hop_and_length_are_dropped_and_names_lowered() -> None:
    raw = [
        (b"Connection", b"close, X-Route"),
        (b"X-Route", b"internal"),
        (b"Keep-Alive", b"timeout=5"),
        (b"Content-Length", b"10"),
        (b"Content-Type", b"application/json"),
    ]
    assert response_headers(raw, BASE) == [(b"content-type", b"application/json")]


def _sent_upstream(headers: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    ex = Exchange(Request("GET", "/api/v1/regions/610902/persons", b"", headers, "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangwei", "person", ("caseworker",), "610902", "汉滨区", "api_key", "cw")
    sent = Forward(UpstreamSettings(), 1024)._request_headers(ex)
    return list(sent.items()) if isinstance(sent, dict) else sent


@pytest.mark.parametrize(
    ("cookie", "forwarded"),
    [
        (b"__Host-minguard_console=abc.def; app_session=42", "app_session=42"),
        (b"app_session=42;__Host-minguard_console_login=n1", "app_session=42"),
        (b"minguard_console=abc.def", None),  # the bare name (plain HTTP) too
        (b"__host-MINGUARD_CONSOLE=abc.def; theme=dark", "theme=dark"),
        (b"app_session=42; lang=zh", "app_session=42; lang=zh"),
    ],
)
def test_the_console_cookies_never_reach_the_upstream(cookie: bytes, forwarded: str | None) -> None:
    """Over HTTPS the console's cookies are __Host- cookies with Path=/, so the officer's
    browser sends them with every proxied request: an upstream would have received (and could
    replay) the officer's console session."""
    sent = [value for name, value in _sent_upstream([(b"host", b"gw"), (b"cookie", cookie)]) if name == "cookie"]
    assert sent == ([forwarded] if forwarded is not None else [])


@pytest.mark.parametrize(
    "name",
    [
        b"X-Client-IP",
        b"True-Client-IP",
        b"CF-Connecting-IP",
        b"X-Cluster-Client-IP",
        b"X_Client_IP",  # read as X-Client-IP by CGI and WSGI servers
        b"Remote-User",
        b"X-Remote-User",
        b"X-Auth-Request-User",
        b"X-WEBAUTH-USER",
    ],
)
def test_claims_of_the_clients_address_or_identity_never_reach_the_upstream(name: bytes) -> None:
    """The gateway's audit takes the TCP peer, but an upstream that logs True-Client-IP (or
    trusts an auth proxy's X-Remote-User) got the address, or the user, the caller chose."""
    sent = _sent_upstream([(b"host", b"gw"), (name.lower(), b"10.9.9.9, admin")])
    assert all(value != "10.9.9.9, admin" for _, value in sent), sent
    assert ("X-Forwarded-For", "127.0.0.1") in sent and ("X-Minguard-Subject", "zhangwei") in sent


def test_an_upstream_cannot_set_the_console_cookies() -> None:
    """The console is served on the gateway's host: an upstream's Set-Cookie named as the
    console's session replaced or deleted an officer's session in the browser."""
    raw = [
        (b"Set-Cookie", b"__Host-minguard_console=forged.mac; Path=/; Secure; HttpOnly"),
        (b"Set-Cookie", b"__Host-Minguard_Console_Login=n1; Path=/; Secure"),
        (b"Set-Cookie", b"minguard_console=; Max-Age=0; Path=/_minguard/console"),
        (b"Set-Cookie", b"JSESSIONID=abc; Path=/; HttpOnly"),
    ]
    assert response_headers(raw, BASE) == [(b"set-cookie", b"JSESSIONID=abc; Path=/; HttpOnly")]


def test_expect_is_not_forwarded() -> None:
    """The body is read whole before the upstream is asked: a forwarded Expect: 100-continue
    made aiohttp wait for the upstream's 100 before sending it."""
    sent = _sent_upstream([(b"host", b"gw"), (b"expect", b"100-continue")])
    assert all(name.lower() != "expect" for name, _ in sent)


@pytest.mark.parametrize("name", [b"proxy", b"proxy-authorization", b"proxy-features", b"proxy_host"])
def test_headers_addressed_to_a_proxy_never_reach_the_upstream(name: bytes) -> None:
    """A caller's "Proxy: http://attacker:8080" reached the upstream: a CGI or WSGI upstream
    reads it as HTTP_PROXY, the variable its own HTTP clients take for their proxy, and sends
    its outgoing requests through the attacker's host (httpoxy, CVE-2016-5385 and kin)."""
    sent = _sent_upstream([(b"host", b"gw"), (name, b"http://10.9.9.9:8080")])
    assert all(value != "http://10.9.9.9:8080" for _, value in sent), sent
