"""Property tests of the path normaliser: whatever a client spells, the gateway authorizes and
forwards one canonical path, and every spelling of the same path reaches the same route."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policies.routes import PathError, RouteTable, canonical_path

ROUTES = RouteTable.load(Path(__file__).resolve().parents[2] / "policies" / "routes.yaml")
FAST = settings(max_examples=400, deadline=None)
_PCT = re.compile(r"%[0-9A-Fa-f]{2}")

# Characters that make paths interesting: separators, dots, escapes, backslash, controls,
# full-width and other non-ASCII letters.
_PATH_CHARS = st.sampled_from(list("/./%..2eEfF5cC0a9AZz-_~;:@+ \\\x00\x7f\u3000éＡ区"))
RAW_PATHS = st.builds(lambda s: "/" + s, st.text(_PATH_CHARS, max_size=40)) | st.builds(
    lambda s: "/" + s, st.text(max_size=30)
)

# (method, path template) of real routes, with parameter values that match their patterns.
_REGIONS = st.sampled_from(["610902", "610902001", "610902001002", "110101"])
_IDS = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
_TEMPLATES = [
    ("GET", "/api/v1/regions/{region}/persons"),
    ("GET", "/api/v1/regions/{region}/persons/{id}"),
    ("PUT", "/api/v1/regions/{region}/persons/{id}/bank-account"),
    ("POST", "/api/v1/regions/{region}/cases/{id}/approve"),
    ("GET", "/api/v1/regions/{region}/export/persons.csv"),
    ("GET", "/api/v1/health"),
]


@FAST
@given(RAW_PATHS)
@example("/a/%2e%2e/%2E./b")
@example("/%252e")
@example("/a%25zz")
def test_canonical_path_is_idempotent_and_clean(raw: str) -> None:
    try:
        canonical = canonical_path(raw)
    except PathError:
        return
    assert canonical_path(canonical) == canonical
    assert canonical.startswith("/")
    assert "//" not in canonical
    segments = canonical.split("/")[1:]
    assert ".." not in segments and "." not in segments
    assert _PCT.search(canonical) is None
    assert "\\" not in canonical and not any(ord(c) < 32 or ord(c) == 127 for c in canonical)


@st.composite
def _respelled(draw: st.DrawFn) -> tuple[str, str, str]:
    """(method, plain path, an equivalent spelling of it)."""
    method, template = draw(st.sampled_from(_TEMPLATES))
    region, ident = draw(_REGIONS), draw(_IDS)
    plain = template.replace("{region}", region).replace("{id}", ident)
    out: list[str] = []
    for segment in template.strip("/").split("/"):
        literal = not segment.startswith("{")
        value = segment if literal else (region if segment == "{region}" else ident)
        chars = []
        for char in value:
            how = draw(st.integers(0, 5))
            if how == 0:
                chars.append(f"%{ord(char):02X}" if draw(st.booleans()) else f"%{ord(char):02x}")
            elif how == 1 and literal:
                chars.append(char.swapcase())  # literal segments match case-insensitively
            else:
                chars.append(char)
        detour = draw(st.integers(0, 5))
        if detour == 0:
            out.append(draw(st.sampled_from([".", "%2e", "%2E"])))
        elif detour == 1:
            out += [
                draw(st.sampled_from(["x", "610921", "%e5%8c%ba"])),
                draw(st.sampled_from(["..", "%2e%2e", ".%2E"])),
            ]
        elif detour == 2:
            out.append("")  # an empty segment: '//'
        out.append("".join(chars))
    trailing = draw(st.sampled_from(["", "/", "/.", "//", "/%2e"]))
    return method, plain, "/" + "/".join(out) + trailing


@FAST
@given(_respelled())
def test_every_spelling_reaches_the_same_route(case: tuple[str, str, str]) -> None:
    method, plain, spelled = case
    expected = ROUTES.match(method, canonical_path(plain))
    assert expected is not None, plain
    got = ROUTES.match(method, canonical_path(spelled))
    assert got is not None, spelled
    assert (got.name, got.params, got.path) == (expected.name, expected.params, expected.path)


@pytest.mark.parametrize("raw", ["/api/v1/regions/610902/persons/%2e%2e%2f%2e%2e/610921/persons"])
def test_an_encoded_slash_inside_dots_is_a_real_separator(raw: str) -> None:
    """Decoded once, '%2f' is a '/': the request is for the other district, and is matched as such."""
    match = ROUTES.match("GET", canonical_path(raw))
    assert match is not None and match.target_region == "610921"
