"""The canonical form made by orjson must be byte for byte the json reference (audit/canonical.py):
verify recomputes it from OpenSearch's _source, whatever encoder sealed the event."""

from __future__ import annotations

import enum
import importlib.util
import json
import math
import random
import struct
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.canonical import canonical, line, reference
from support import pure_python

_CHARS = (
    [chr(i) for i in range(0x300)]
    + [chr(i) for i in range(0x2000, 0x2070)]  # separators, U+2028/2029, zero-width
    + [chr(i) for i in range(0x4E00, 0x4E80)]
    + ["\ufeff", "\uffff", "\ue000", "\U0001f600", "\U00020000", "民", "政", "汉", "滨", "区"]
)


def _float(rng: random.Random) -> float:
    while True:
        choice = rng.random()
        if choice < 0.3:
            value = struct.unpack("d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        elif choice < 0.6:
            value = round(rng.random() * 10 ** rng.randint(-9, 22), rng.randint(0, 8))
        else:
            value = rng.choice((1.0, 1.5, 9.999999999999999, 1.2345678901234567)) * 10.0 ** rng.randint(-12, 25)
        if math.isfinite(value):
            return -value if rng.random() < 0.5 else value


def _value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 4 else 6)
    if kind == 0:
        return "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 12)))
    if kind == 1:
        return rng.randint(-(2**63), 2**64 - 1) if rng.random() < 0.5 else rng.randint(-1000, 1000)
    if kind == 2:
        return _float(rng)
    if kind == 3:
        return rng.choice((True, False, None))
    if kind == 4:
        return rng.choice(("general", "一般数据", "p1:" + "ab" * 16, "/api/v1/regions/610902/persons"))
    if kind == 5:
        return 0.0 if rng.random() < 0.5 else -0.0
    if kind in (6, 7):
        return {_key(rng): _value(rng, depth + 1) for _ in range(rng.randint(0, 6))}
    return [_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]


def _key(rng: random.Random) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 6)))


def _event(rng: random.Random) -> dict[str, Any]:
    """Shaped like the gateway's events (gateway/stages/audit.py), values varied."""
    return {
        "@timestamp": "2026-11-29T02:21:23.616Z",
        "event": {"id": uuid.UUID(int=rng.getrandbits(128)).hex, "kind": "event", "duration": rng.randint(0, 10**9)},
        "user": {"id": _value(rng, 4), "roles": ["caseworker", "审核员"]},
        "url": {"path": "/api/v1/regions/610902/persons", "original": _value(rng, 4), "query": None},
        "minguard": {
            "purpose": "低保年审 " + _key(rng) if rng.random() < 0.5 else None,
            "data": {"entities": {"RESIDENT_ID": rng.randint(0, 50)}, "person_tokens": [_value(rng, 4)]},
            "upstream": {"status_code": 200, "duration_ms": round(rng.random() * 100, 3)},
            "business": {"amount": _float(rng), "note": _value(rng, 2)},
            "summary_zh": "zhangwei(caseworker,辖区610902) 列表查询 person:允许",
            "chain": {"alg": "sha256", "instance": "gw-1", "seq": rng.randint(1, 10**12), "prev": "0" * 64},
        },
    }


def test_events_and_random_values_give_the_reference_bytes() -> None:
    rng = random.Random(20261129)
    for _ in range(20000):
        value = _event(rng) if rng.random() < 0.5 else _value(rng)
        assert canonical(value) == reference(value)


def test_values_read_back_from_json_give_the_same_bytes() -> None:
    # What verify does: the event as OpenSearch returns it, parsed again.
    rng = random.Random(7)
    for _ in range(5000):
        event = _event(rng)
        assert canonical(json.loads(line(event))) == canonical(event) == reference(event)


@pytest.mark.parametrize("value", [1e-05, 1e-07, -2.926441543101264e-05, 5e-324, 1e16, 1e22, 1.7976931348623157e308])
def test_floats_orjson_spells_differently_take_the_reference(value: float) -> None:
    assert canonical({"x": value, "y": [value]}) == reference({"x": value, "y": [value]})


def test_what_the_reference_refuses_is_refused() -> None:
    for bad in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(ValueError):
            canonical({"minguard": {"upstream": {"duration_ms": bad}}})
    with pytest.raises(TypeError):
        canonical({"id": uuid.uuid4()})  # orjson alone would write it
    with pytest.raises(TypeError):
        canonical({"k": {1, 2}})
    with pytest.raises(ValueError):
        canonical({"s": "\ud800"})  # a lone surrogate is not UTF-8


class _Level(enum.Enum):
    CORE = "core"


class _Label(enum.StrEnum):
    GENERAL = "general"


def test_non_plain_values_are_left_to_json() -> None:
    with pytest.raises(TypeError):
        canonical({"level": _Level.CORE})  # orjson would write "core"
    for value in ({"level": _Label.GENERAL}, {1: "a", 2: "b"}, {"n": 2**70}, {"t": (1, "二")}):
        assert canonical(value) == reference(value)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
        max_leaves=30,
    )
)
def test_generated_values(value: Any) -> None:
    assert canonical(value) == reference(value)


@pytest.mark.parametrize("text", ["1e-5", "v0.00001", "e-", "-e-1", "service-admin", "e-mail 3e-"])
def test_strings_that_look_like_floats(text: str) -> None:
    value = {"s": text, "f": 0.5, "n": [1e-05, text]}
    assert canonical(value) == reference(value)
    assert canonical({"s": text}) == reference({"s": text})


def test_compiled_where_the_inspector_is() -> None:
    # The check of every value runs on every event; in Python it was about 2 % of a request's
    # instructions (setup.py). Recorded in the manifest, so a stale build refuses to import.
    if not pure_python.compiled():
        pytest.skip("the inspector runs from its source here")
    from classifiers._compiled import SOURCES

    spec = importlib.util.find_spec("audit.canonical")
    assert spec is not None and spec.origin is not None and not spec.origin.endswith(".py")
    assert "audit/canonical.py" in SOURCES
