"""``jsonnumbers.loads`` and ``dumps`` with one decoder and one encoder for every call, against
``json.loads`` and ``json.dumps`` called with the arguments each call as before (2026-12-01), on
seeded random documents: numbers a double holds and ones it does not, strings with quotes,
escapes and a byte-order mark, objects that JSON cannot write, text that does not parse."""

import json
import random
import re
import secrets
from typing import Any

import pytest

from classifiers import jsonnumbers
from classifiers.jsonnumbers import Number, exact_float


def _loads_before(text: str) -> Any:
    return json.loads(text, parse_float=exact_float)


def _dumps_before(doc: Any) -> str:
    texts: list[str] = []
    nonce = secrets.token_hex(8)

    def placeholder(node: Any) -> str:
        if type(node) is not Number:
            raise TypeError(f"Object of type {type(node).__name__} is not JSON serializable")
        texts.append(node.text)
        return f"{nonce}:{len(texts) - 1}"

    out = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), default=placeholder)
    if not texts:
        return out
    return re.sub(f'"{nonce}:([0-9]+)"', lambda m: texts[int(m.group(1))], out)


_SCALARS = (
    '"张伟"',
    '"a\\"b"',
    '"\\u5f20"',
    '"\\ud83d\\ude00"',
    '"1e400"',
    "1",
    "-0",
    "12345678901234567890123",
    "1.5",
    "4464.87",
    "1e400",
    "-1e400",
    "1e-400",
    "1.0000000000000000000001",
    "0.1",
    "1E5",
    "2.5e-3",
    "true",
    "false",
    "null",
    "NaN",
    "Infinity",
    '"\\ufeff"',
    '"x\\ny"',
)


def _document(r: random.Random, depth: int) -> str:
    if depth > 2 or r.random() < 0.4:
        return r.choice(_SCALARS)
    if r.random() < 0.5:
        return "[" + ", ".join(_document(r, depth + 1) for _ in range(r.randint(0, 4))) + "]"
    members = (f'"{r.choice("abk张")}{i}": {_document(r, depth + 1)}' for i in range(r.randint(0, 4)))
    return "{" + ",".join(members) + "}"


def _outcome(call: Any, argument: Any) -> tuple[str, Any]:
    try:
        return "value", call(argument)
    except (ValueError, TypeError) as exc:
        return type(exc).__name__, str(exc)


def test_shared_coders_read_and_write_as_the_calls_before() -> None:
    r = random.Random(19)
    seen = set()
    for _ in range(6_000):
        text = _document(r, 0)
        if r.random() < 0.05:
            text = "\ufeff" + text
        if r.random() < 0.05:
            text = text[: r.randint(0, len(text))]  # cut short: may not parse
        kind, parsed = _outcome(jsonnumbers.loads, text)
        before = _outcome(_loads_before, text)
        assert (kind, repr(parsed)) == (before[0], repr(before[1])), text
        seen.add(kind)
        if kind != "value":
            continue
        if r.random() < 0.1:
            parsed = [parsed, {1, 2}] if r.random() < 0.5 else [object(), parsed]  # json cannot write a set
        assert _outcome(jsonnumbers.dumps, parsed) == _outcome(_dumps_before, parsed), text
    assert seen == {"value", "JSONDecodeError"}


@pytest.mark.parametrize("text", ['{"a": 1e400, "b": [1.0000000000000000000001, "x"]}', "[1e-400]"])
def test_numbers_a_double_cannot_hold_are_written_as_sent(text: str) -> None:
    assert jsonnumbers.dumps(jsonnumbers.loads(text)) == _dumps_before(_loads_before(text))
