"""Caseworkers' remarks with resident IDs, mobiles and bank cards spelled with evasions (full-width
digits, invisible characters, digit groups with one separator or a dash of another kind in each
gap, +86 before a mobile, a lower-case check character), after a label or not, several in a row,
as a plain-text body and as a JSON string, escaped or not (docs/classifiers-rounds.md,
"Twenty-seventh round, the session's own work").

The promise: what comes out, read as a reader reads numbers (NFKC, separators and invisible
characters dropped), holds none of the numbers, for either profile. Seeded: the same remarks on
every run. Shapes found and left (a line break or a bracket inside a number) are not generated."""

from __future__ import annotations

import json
import random

import pytest

from support.evasions import LABELS, number, read, remark, spelled
from support.inspected import out

_PLUS = ("+86", "+86 ", "+86-", "(+86)", "0086", "＋８６")


def _numbered(rng: random.Random) -> tuple[str, str]:
    kind, digits = number(rng)
    text = spelled(rng, kind, digits, mixed_gaps=True)
    if kind == "mobile" and rng.random() < 0.2:
        text = rng.choice(_PLUS) + text
    if kind == "id" and text.endswith("X") and rng.random() < 0.5:
        text = text[:-1] + "x"
    label = rng.choice(LABELS[kind]) + rng.choice(("", "：", ":", " ", "为")) if rng.random() < 0.7 else ""
    # A number may end the remark or stand right before the next, one space apart.
    return label + text + rng.choice(("，", "。", "；", " ", "  ", "\n")), digits


def _remark(seed: int) -> tuple[str, list[str]]:
    text, numbers = remark(random.Random(seed), _numbered)
    return text.rstrip(), numbers


def _bodies(remark: str) -> list[tuple[str, str]]:
    return [
        (remark, "text/plain"),
        (json.dumps({"bz": remark}, ensure_ascii=False), "application/json"),
        (json.dumps({"bz": remark}), "application/json"),  # \\u escapes: read as the client reads them
    ]


def _read_out(body: str, media_type: str) -> str:
    return read(json.loads(body)["bz"] if media_type == "application/json" else body)


def test_the_oracle_sees_the_numbers_in_the_remarks_as_generated() -> None:
    """The remarks hold their numbers where a reader sees them: a leak would be found."""
    for seed in range(50):
        remark, numbers = _remark(seed)
        for body, media_type in _bodies(remark):
            for digits in numbers:
                assert digits.upper() in _read_out(body, media_type), (seed, remark)


@pytest.mark.parametrize("role", ["outsourced", "caseworker"])
def test_no_number_is_read_once_masked(role: str) -> None:
    for seed in range(400):
        remark, numbers = _remark(seed)
        for body, media_type in _bodies(remark):
            shown = _read_out(out(body, media_type, role), media_type)
            for digits in numbers:
                assert digits.upper() not in shown, (seed, role, media_type, remark)
