from __future__ import annotations

from pathlib import Path

import pytest

from policies.routes import PathError, RouteTable, canonical_path

ROUTES = RouteTable.load(Path(__file__).resolve().parents[2] / "policies" / "routes.yaml")


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("/api/v1/regions/610902/persons", "/api/v1/regions/610902/persons"),
        ("/api/v1/regions/610902/persons/", "/api/v1/regions/610902/persons"),
        ("//api///v1/regions/610902/persons", "/api/v1/regions/610902/persons"),
        ("/api/v1/./regions/610902/persons", "/api/v1/regions/610902/persons"),
        ("/api/v1/regions/610921/../610902/persons", "/api/v1/regions/610902/persons"),
        ("/api/v1/regions/610902/%70ersons", "/api/v1/regions/610902/persons"),
        ("/api/v1/regions/610902/persons/%2e%2e/%2e%2e/610921/persons", "/api/v1/regions/610921/persons"),
        ("/api/v1/regions/610902/persons/%E5%BC%A0%E4%BC%9F", "/api/v1/regions/610902/persons/张伟"),  # CJK stays
    ],
)
def test_canonical_path(raw: str, canonical: str) -> None:
    assert canonical_path(raw) == canonical
    assert canonical_path(canonical) == canonical  # idempotent


@pytest.mark.parametrize(
    "raw",
    [
        "api/v1/health",  # not absolute
        "/api/v1/regions/610902/persons/%252e%252e",  # double encoding
        "/api/v1/regions/610902%5cpersons",  # encoded backslash
        "/api/v1/regions/610902/persons%00",  # NUL
        "/../etc/passwd",  # above the root
        "/api/v1/regions/%ff",  # not UTF-8
        "/api/v1/regions/610902/persons/%C2%9B31m",  # C1: a terminal's one-byte escape
        "/api/v1/regions/610902/persons/110105%E2%80%8B19491231002X",  # zero-width space in an ID
        "/api/v1/regions/610902/persons/%E2%80%AEX2001",  # bidi override
        "/api/v1/regions/610902/persons/a%E2%80%A8b",  # line separator
        "/api/v1/regions/610902/persons/%EF%BB%BF1",  # BOM
        "/api/v1/regions/610902/persons/110105%EE%80%8019491231002X",  # private use: drawn as anything
        "/api/v1/regions/610902/persons/%CD%B8",  # unassigned
    ],
)
def test_paths_that_cannot_be_canonicalised(raw: str) -> None:
    with pytest.raises(PathError):
        canonical_path(raw)


@pytest.mark.parametrize(
    ("method", "path", "name", "params", "forwarded"),
    [
        ("GET", "/api/v1/regions/610902/persons", "person.list", {"region": "610902"}, None),
        (
            "get",
            "/API/V1/Regions/610902/Persons/p-1",
            "person.read",
            {"region": "610902", "personId": "p-1"},
            "/api/v1/regions/610902/persons/p-1",
        ),
        ("POST", "/api/v1/regions/610902001/cases", "case.apply", {"region": "610902001"}, None),
        ("GET", "/api/v1/health", "health", {}, None),
        # HEAD is GET without the body: the GET route serves it.
        ("HEAD", "/api/v1/regions/610902/persons", "person.list", {"region": "610902"}, None),
        ("head", "/api/v1/health", "health", {}, None),
    ],
)
def test_route_match(method: str, path: str, name: str, params: dict[str, str], forwarded: str | None) -> None:
    match = ROUTES.match(method, path)
    assert match is not None
    assert (match.name, match.params) == (name, params)
    assert match.path == (forwarded or path)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", "/api/v1/regions/610902/persons"),  # method not routed
        ("HEAD", "/api/v1/regions/610902/cases/c-1/approve"),  # HEAD stands in for GET only
        ("GET", "/api/v1/regions/6109/persons"),  # region code of the wrong length
        ("GET", "/api/v1/regions/610902x/persons"),
        ("GET", "/api/v1/regions/610902/persons/a/b"),
        ("GET", "/api/v1/regions/610902/persons/" + "x" * 65),  # parameter too long
        ("GET", "/admin"),
    ],
)
def test_unknown_routes_do_not_match(method: str, path: str) -> None:
    assert ROUTES.match(method, path) is None


def test_a_head_route_of_its_own_wins_over_the_get_route(tmp_path: Path) -> None:
    table = tmp_path / "routes.yaml"
    table.write_text(
        "routes:\n"
        '  - {name: doc.read, method: GET, path: "/docs/{id}", resource: doc, action: read}\n'
        '  - {name: doc.exists, method: HEAD, path: "/docs/{id}", resource: doc, action: exists}\n',
        encoding="utf-8",
    )
    match = RouteTable.load(table).match("HEAD", "/docs/d-1")
    assert match is not None and (match.name, match.action) == ("doc.exists", "exists")
