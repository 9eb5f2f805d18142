"""Seeded random texts for the tests that compare a faster path with the code it replaced."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence


def random_texts(r: random.Random, pieces: Sequence[str], count: int, longest: int) -> Iterator[str]:
    """``count`` texts, each of up to ``longest`` pieces drawn from ``pieces`` by ``r``."""
    for _ in range(count):
        yield "".join(r.choice(pieces) for _ in range(r.randint(0, longest)))
