"""Presidio recognizer: A register's or a certificate's number (户号, 低保证号)."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from ..entities import register_number as spec_module
from ..entities.base import EntitySpec
from ._pattern import SpecPatternRecognizer, patterns_of


class RegisterNumberRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = spec_module.SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(spec_module.SPEC)
    CONTEXT: ClassVar[list[str]] = list(spec_module.CONTEXT)
