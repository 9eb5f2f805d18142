"""Presidio recognizer: A social security card's number (社会保障卡卡号)."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from ..entities import social_security_card as spec_module
from ..entities.base import EntitySpec
from ._pattern import SpecPatternRecognizer, patterns_of


class SocialSecurityCardRecognizer(SpecPatternRecognizer):
    SPEC: ClassVar[EntitySpec] = spec_module.SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(spec_module.SPEC)
    CONTEXT: ClassVar[list[str]] = list(spec_module.CONTEXT)
