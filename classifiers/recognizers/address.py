"""Presidio recognizer: Chinese addresses anchored at a region name or an address context word."""

from __future__ import annotations

from typing import ClassVar

from ..entities import address
from ._free_text import FinderRecognizer


class AddressRecognizer(FinderRecognizer):
    ENTITY: ClassVar[str] = address.ENTITY
    CONTEXT: ClassVar[list[str]] = list(address.CONTEXT)

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        return address.find(text)
