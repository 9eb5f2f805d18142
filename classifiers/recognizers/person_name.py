"""Presidio recognizer: Chinese personal names after a context word (姓名, 户主, 申请人 ...)."""

from __future__ import annotations

from typing import ClassVar

from ..entities import person_name
from ._free_text import FinderRecognizer


class PersonNameRecognizer(FinderRecognizer):
    ENTITY: ClassVar[str] = person_name.ENTITY
    CONTEXT: ClassVar[list[str]] = list(person_name.CONTEXT)

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        return person_name.find(text)
