"""The caller's address behind a load balancer: read from X-Forwarded-For, from trusted proxies only.

Where TLS (often mutual TLS) is terminated by a load balancer in front of the gateway, the TCP
peer of every request is that balancer, and an audit trail that names it as the source of
every access cannot say from which terminal data was read (GB/T 22239-2019 8.1.4.3 b: the
subject and its address). The balancer appends the address it saw to X-Forwarded-For; the
client can write anything to the left of it. So the header is read from the right, and only
while the address that wrote an entry is trusted (`server.trusted_proxies`): the first address
that is not a trusted proxy is the client. Anything that is not an IP address stops the walk
at the trusted hop that passed it on: no claim the balancer did not make reaches the trail
(`source.ip` is typed `ip`; an unreadable value would have the event rejected by OpenSearch).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from .types import Scope

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# Where the TCP peer is kept once the client's address was read from X-Forwarded-For.
PROXY_KEY = "minguard.proxy_ip"


class TrustedProxies:
    def __init__(self, networks: Sequence[Network]) -> None:
        self._networks = tuple(networks)

    def _trusted(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return any(ip in network for network in self._networks)

    def client(self, peer: str, forwarded_for: Sequence[bytes]) -> str:
        """The client's address: the right-most entry not written by a trusted proxy."""
        nearest = peer
        entries = b",".join(forwarded_for).decode("latin-1").split(",")
        for entry in reversed(entries):
            try:
                ip = ipaddress.ip_address(entry.strip())
            except ValueError:
                return nearest
            if not self._trusted(ip):
                return str(ip)
            nearest = str(ip)
        return nearest

    def resolve(self, scope: Scope) -> Scope:
        """The scope as the gateway reads it: with the client behind a trusted proxy (port
        unknown) and the proxy under PROXY_KEY; unchanged for any other peer."""
        if not self._networks:
            return scope
        try:
            peer = ipaddress.ip_address((scope.get("client") or ("", 0))[0])
        except ValueError:  # a unix socket's peer, or none
            return scope
        if not self._trusted(peer):
            return scope
        forwarded = [value for name, value in scope["headers"] if name == b"x-forwarded-for"]
        if not forwarded:
            return scope
        return {**scope, "client": (self.client(str(peer), forwarded), 0), PROXY_KEY: str(peer)}
