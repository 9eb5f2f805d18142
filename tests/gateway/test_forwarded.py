"""The client's address behind trusted load balancers (gateway/forwarded.py)."""

from __future__ import annotations

import ipaddress

import pytest

from gateway.forwarded import PROXY_KEY, TrustedProxies

LB = TrustedProxies([ipaddress.ip_network("10.0.0.0/24"), ipaddress.ip_network("fd00::/64")])


@pytest.mark.parametrize(
    ("peer", "lines", "client", "proxy"),
    [
        # The balancer appended the address it saw.
        ("10.0.0.5", [b"203.0.113.7"], "203.0.113.7", "10.0.0.5"),
        # What the client wrote to the left of it is not believed.
        ("10.0.0.5", [b"198.51.100.1, 203.0.113.7"], "203.0.113.7", "10.0.0.5"),
        ("10.0.0.5", [b"198.51.100.1", b"203.0.113.7"], "203.0.113.7", "10.0.0.5"),
        # Two balancers: the second passed on what the first appended.
        ("10.0.0.5", [b"198.51.100.1, 203.0.113.7, 10.0.0.9"], "203.0.113.7", "10.0.0.5"),
        ("fd00::2", [b"2001:db8::17"], "2001:db8::17", "fd00::2"),
        # Only trusted hops: the left-most of them sent the request.
        ("10.0.0.5", [b"10.0.0.7, 10.0.0.9"], "10.0.0.7", "10.0.0.5"),
        # Not an address: the hop that passed it on is all that is known.
        ("10.0.0.5", [b"unknown"], "10.0.0.5", "10.0.0.5"),
        ("10.0.0.5", [b"203.0.113.7:4711, 10.0.0.9"], "10.0.0.9", "10.0.0.5"),
        ("10.0.0.5", [b""], "10.0.0.5", "10.0.0.5"),
        # A peer that is no trusted proxy: its header is the client's claim, ignored.
        ("198.51.100.1", [b"203.0.113.7"], "198.51.100.1", None),
        ("10.0.1.5", [b"203.0.113.7"], "10.0.1.5", None),
        # A trusted proxy that sent no header: the request is its own.
        ("10.0.0.5", [], "10.0.0.5", None),
    ],
)
def test_the_client_is_the_first_untrusted_address_from_the_right(
    peer: str, lines: list[bytes], client: str, proxy: str | None
) -> None:
    scope = {"type": "http", "client": (peer, 5000), "headers": [(b"x-forwarded-for", v) for v in lines]}
    resolved = LB.resolve(scope)
    assert resolved["client"][0] == client
    assert resolved.get(PROXY_KEY) == proxy
    assert resolved["client"][1] == (5000 if proxy is None else 0)  # the proxy's port is not the client's


def test_without_trusted_proxies_nothing_is_read() -> None:
    scope = {"type": "http", "client": ("10.0.0.5", 5000), "headers": [(b"x-forwarded-for", b"203.0.113.7")]}
    assert TrustedProxies([]).resolve(scope) is scope
