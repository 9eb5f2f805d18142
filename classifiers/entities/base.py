"""Shared shapes for entity definitions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

# Validators answer like presidio's ``validate_result``: True = a checksum (or an
# equally strong rule) holds, None = plausible but unprovable, False = reject.
Validator = Callable[[str], "bool | None"]


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One regex for an entity; ``score`` is used when the validator returns None."""

    name: str
    regex: str
    score: float


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """Everything the scanner and the presidio recognizer need to know about one entity."""

    entity: str
    patterns: tuple[PatternSpec, ...]
    context: tuple[str, ...]
    validate: Validator
    # Evidence label reported when the validator returned True.
    strong_evidence: str = "pattern+checksum"


# Score given when a validator confirms a match (presidio's EntityRecognizer.MAX_SCORE).
VALIDATED_SCORE: Final = 1.0
# How much context words lift a score (presidio's default similarity factor).
CONTEXT_BOOST: Final = 0.35
# Minimum score for a finding to count.
THRESHOLD = 0.5
