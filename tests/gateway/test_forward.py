"""What of the upstream's response headers reaches the client (gateway/stages/forward.py)."""

from __future__ import annotations

import pytest

from gateway.stages.forward import response_headers

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
