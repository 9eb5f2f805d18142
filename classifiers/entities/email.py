"""E-mail addresses."""

from __future__ import annotations

from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "EMAIL"

# The domain's dots may be the ideographic full stop a Chinese input method types for "."
# (zhangwei@example。com; NFKC folds the full-width and half-width forms to "." and "。").
PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "email",
        r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}"
        r"(?:[.\u3002][A-Za-z0-9\-]{1,63})*[.\u3002][A-Za-z]{2,24}(?![A-Za-z0-9\-])",
        0.8,
    ),
)
CONTEXT: tuple[str, ...] = ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail")


def validate(text: str) -> bool | None:
    local, _, domain = text.rpartition("@")
    if not local or local[0] == "." or local[-1] == "." or ".." in text:
        return False
    if any(label.startswith("-") or label.endswith("-") for label in domain.replace("\u3002", ".").split(".")):
        return False
    return None


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
