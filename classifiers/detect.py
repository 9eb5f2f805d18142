"""Combine field-name evidence with content detection for one value."""

from __future__ import annotations

from dataclasses import replace

from .catalog import PHONE, Catalog, KeyInfo
from .entities import bank_card, person_name, resident_id, uscc
from .normalise import fold
from .scanner import Match, Scanner

_HINTS: dict[str, frozenset[str]] = {
    PHONE: frozenset({"MOBILE", "LANDLINE"}),
}
# Entities trusted under a business key (serial numbers, amounts): only those whose
# checksum makes a coincidence unlikely, or an '@' address.
_CHECKSUMMED = frozenset({resident_id.ENTITY, uscc.ENTITY})
_KEY_SCORE = 0.95
_PHONE_CHARS = frozenset("0123456789+-() ")


class Detector:
    def __init__(self, catalog: Catalog, scanner: Scanner) -> None:
        self.catalog = catalog
        self.scanner = scanner

    def key_info(self, key: str | None) -> KeyInfo | None:
        return self.catalog.lookup(key) if key else None

    def detect(self, value: str, info: KeyInfo | None) -> list[Match]:
        """Findings in ``value`` (a string, or a JSON integer's text) under a key."""
        if info is None:
            return self.scanner.scan(value)
        entity = info.entity
        hints = _HINTS.get(entity, frozenset({entity})) if entity else frozenset()
        found = self.scanner.scan(value, hints=hints, hint_evidence=info.evidence)
        if info.business:
            return [m for m in found if m.entity == "EMAIL" or (m.entity in _CHECKSUMMED and m.score >= 1.0)]
        if entity is None:
            return found
        found = [
            replace(m, evidence=f"{m.evidence}+{info.evidence}")
            if m.entity in hints and info.evidence not in m.evidence
            else m
            for m in found
        ]
        whole = self._whole_value(value, info, found)
        if whole is None:
            return found
        return [m for m in found if m.end <= whole.start or m.start >= whole.end] + [whole]

    @staticmethod
    def _whole_value(value: str, info: KeyInfo, found: list[Match]) -> Match | None:
        """The key's own claim on the whole value when content detection did not confirm it."""
        start = len(value) - len(value.lstrip())
        core = value.strip()
        end = start + len(core)
        if not core:
            return None
        entity = info.entity
        # Content detection already confirmed the key (an address key keeps its whole value:
        # a region-anchored match may cover only part of it).
        if entity != "ADDRESS" and any(
            m.entity == entity or (entity == PHONE and m.entity in _HINTS[PHONE]) for m in found
        ):
            return None
        folded = fold(core).text
        claim: str | None = None
        if entity == resident_id.ENTITY and resident_id.looks_like(folded):
            claim = entity  # masked even with a bad check digit: the key says what it is
        elif entity == PHONE and set(core) <= _PHONE_CHARS | set("－（）　") and 7 <= _digits(folded) <= 15:
            digits = "".join(c for c in folded if c.isdigit())
            claim = "MOBILE" if digits[-11:-10] == "1" and len(digits) >= 11 else "LANDLINE"
        elif (
            (entity == bank_card.ENTITY and folded.isdigit() and 12 <= len(folded) <= 19)
            or (entity == person_name.ENTITY and person_name.is_keyed_name(folded, require_surname=info.weak))
            or (entity == "ADDRESS" and len(core) >= 2 and not info.weak)
            or (entity == "EMAIL" and "@" in core)
            or (entity == uscc.ENTITY and len(folded) == 18 and folded.isalnum())
        ):
            claim = entity
        if claim is None:
            return None
        return Match(claim, start, end, _KEY_SCORE, info.evidence)


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)
