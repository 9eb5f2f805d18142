"""Remarks with resident IDs, mobiles and bank cards spelled with evasions, cut into pieces that
inline elements wrap, some digits written as character references, comments between pieces, in a
paragraph, a block or a table cell (docs/classifiers-rounds.md, "Twenty-sixth round, HTML with
evasions"; since the twenty-seventh session, digit groups with a separator of its own in each gap,
spaces about a hyphen, a dash or a middle dot among them).

The promise: what comes out, read as a browser shows it (tags and comments dropped, references
decoded) and folded (NFKC, invisible characters and separators dropped), holds none of the
numbers, for either profile. Seeded: the same documents on every run. Shapes found and left
(a line break or a bracket inside a number) are not generated."""

from __future__ import annotations

import html
import random
import re

import pytest

from support.evasions import LABELS, number, read, remark, spelled
from support.inspected import out

_INLINE = ("b", "i", "span", "em", "strong", "font", "a", "u", "small")
_WRAPS = ("<p>{}</p>", "<div>{}</div>", "<table><tr><td>{}</td></tr></table>", "<html><body><p>{}</p></body></html>")


def _markup(rng: random.Random, text: str) -> str:
    """``text`` cut into pieces, some wrapped in an inline element, some digits as references."""
    out: list[str] = []
    at = 0
    while at < len(text):
        size = rng.randint(1, 5)
        piece, at = text[at : at + size], at + size
        escaped = "".join(
            f"&#{ord(c)};" if c.isdigit() and rng.random() < 0.2 else html.escape(c, quote=False) for c in piece
        )
        roll = rng.random()
        if roll < 0.3:
            name = rng.choice(_INLINE)
            out.append(f"<{name}>{escaped}</{name}>")
        elif roll < 0.35:
            out.append(escaped + "<!-- x -->")
        else:
            out.append(escaped)
    return rng.choice(_WRAPS).format("".join(out))


def _numbered(rng: random.Random) -> tuple[str, str]:
    kind, digits = number(rng)
    label = rng.choice(LABELS[kind]) if rng.random() < 0.7 else ""
    gap = rng.choice(("", "：", ":", " "))
    return label + gap + spelled(rng, kind, digits, mixed_gaps=True) + rng.choice("，。； "), digits


def _document(seed: int) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    text, numbers = remark(rng, _numbered)
    return _markup(rng, text), numbers


def _shown(body: str) -> str:
    """What a browser shows of ``body``, folded: tags and comments dropped, references decoded,
    NFKC, invisible characters and separators dropped."""
    return read(html.unescape(re.sub(r"<[^>]*>", "", re.sub(r"<!--.*?-->", "", body, flags=re.S))))


def test_the_oracle_sees_the_numbers_in_the_documents_as_generated() -> None:
    """The documents hold their numbers where a reader sees them: a leak would be found."""
    for seed in range(50):
        body, numbers = _document(seed)
        for digits in numbers:
            assert digits.upper() in _shown(body), (seed, body)


@pytest.mark.parametrize("role", ["outsourced", "caseworker"])
def test_no_number_is_shown_once_masked(role: str) -> None:
    for seed in range(300):
        body, numbers = _document(seed)
        shown = _shown(out(body, "text/html", role))
        for digits in numbers:
            assert digits.upper() not in shown, (seed, role, body)
