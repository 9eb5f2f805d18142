"""The canonical JSON of audit entries: the bytes the hash chain and checkpoint signatures cover.

The reference form is `json.dumps(value, sort_keys=True, ensure_ascii=False,
separators=(",", ":"), allow_nan=False)` in UTF-8. `audit verify` recomputes it from the events
OpenSearch returns, years later, so the bytes must never depend on which encoder made them.

orjson with sorted keys writes the same bytes in a tenth of the time (the gateway hashes every
event), but only for plain JSON values, so it is trusted only where it provably agrees
(tests/audit/test_canonical.py compares the two over many events and random values):
- plain types only (dict, list, tuple, str, int, float, bool, None): orjson also writes
  UUIDs, enums, dataclasses and datetimes that json refuses, and subclasses are left to json;
- integers beyond 64 bits and keys that are not strings: orjson raises, json decides;
- NaN and infinities: orjson writes null where the reference refuses (ValueError);
- floats between -1e-4 and 1e-4 (other than 0): orjson spells them `1e-7` or `0.00001` where
  `repr` writes `1e-07` and `1e-05`; every other finite float is spelled alike (checked over
  millions of random and boundary values).
In every other case json is never called and the bytes are orjson's.

The check walks every value of every event: compiled by mypyc with the inspector (setup.py),
it takes a third of its time in Python (about 2 % of a request's instructions).
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def reference(value: Any) -> bytes:
    """The definition of the canonical form (and the path for everything orjson may not do)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _plain(container: Any) -> bool:
    """Only plain JSON values inside, every float finite and none that orjson spells unlike
    repr. Recursive: orjson, which accepted the value first, refuses cycles and nesting
    deeper than 255."""
    for item in container.values() if type(container) is dict else container:
        kind = type(item)
        # Exact types compared by identity: compiled, each test is one pointer comparison.
        if kind is str or kind is int or kind is bool or item is None:
            continue
        if kind is dict or kind is list or kind is tuple:
            if not _plain(item):
                return False
        elif kind is float:
            if item - item != 0.0:  # NaN or an infinity
                return False
            if -1e-4 < item < 1e-4 and item != 0.0:  # repr writes 1e-05, orjson 0.00001
                return False
        else:
            return False
    return True


def canonical(value: Any) -> bytes:
    """The bytes that are hashed: sorted keys, no whitespace, UTF-8 (see the module text)."""
    try:
        data = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: big integers, non-string keys, other types
        return reference(value)
    if not _plain([value]):
        return reference(value)
    return data


def line(value: Any) -> bytes:
    """One spool line: the entry in its own key order, compact, UTF-8, newline-terminated.

    Not hashed (verify recomputes the canonical form from the parsed event), so orjson's
    float spelling is fine here; it is called only for entries `canonical` accepted.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # integers beyond 64 bits
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
