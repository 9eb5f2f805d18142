"""E-mail addresses."""

from __future__ import annotations

import re
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


# An address with its @ spelled out against harvesters: "zhangwei [at] example.com",
# "zhangwei(at)example.com" (a bracketed at, anywhere: with a domain after it, nothing else writes
# one), and after an e-mail's label also "zhangwei#example.com" and "zhangwei at example.com".
# The domain's dots may be spelled too ([dot], (dot), dot). "[at]" without a domain stays (请在[at]处填写).
_LOCAL = r"[A-Za-z0-9._%+\-]{1,64}"
_DOT = r"(?:[ \t]*(?:[.\u3002]|[\[(（](?:dot|DOT)[\])）])[ \t]*|[ \t]+(?:dot|DOT)[ \t]+)"
_DOMAIN = rf"[A-Za-z0-9\-]{{1,63}}(?:{_DOT}[A-Za-z0-9\-]{{1,63}})*{_DOT}[A-Za-z]{{2,24}}(?![A-Za-z0-9\-])"
_BRACKETED_AT = r"[ \t]*(?:\[(?:at|AT)\]|\((?:at|AT)\)|（(?:at|AT)）|【(?:at|AT)】|\{(?:at|AT)\}|<(?:at|AT)>)[ \t]*"
_SPELLED = re.compile(rf"(?<![A-Za-z0-9._%+\-]){_LOCAL}{_BRACKETED_AT}{_DOMAIN}")
_LABEL = r"(?:电子邮箱|邮箱|电子邮件|邮件|[Ee]-?[Mm]ail|EMAIL)(?:地址)?"
_LABELLED = re.compile(
    rf"{_LABEL}[ \t]*[:：=为是]?[ \t]*({_LOCAL}(?:[ \t]*[#＃][ \t]*|[ \t]+(?:at|AT)[ \t]+){_DOMAIN})"
)
# For the pre-check (precheck.py; RE2 reads it too): a bracketed at, or # or at after a label on its
# line (in a value: a column's values are parted by NUL). No count of characters between them: a
# window of {0,70} took RE2's DFA past its memory on the columns of an export, and its fallback made
# the columns' pre-check 30 times slower.
SPELLED_HINT = r"[\[(（【{<](?:at|AT)[\])）】}>]|(?:邮|[Mm]ail|MAIL)[^\n\x00]*?[A-Za-z0-9][ \t]*(?:[#＃]| at | AT )"
_HINT: Final = re.compile(SPELLED_HINT)


def may_be_spelled(text: str) -> bool:
    """Could ``text`` hold an address with its @ spelled out? Substring tests first: three, as
    the pre-check asks it of every value that holds nothing else. No test for the full-width ＃
    (U+FF03) or brackets: the scanner's text is folded to ASCII's, and the pre-check lets any
    such character through (precheck.FOLDABLE)."""
    return ("at" in text or "AT" in text or "#" in text) and _HINT.search(text) is not None


def spelled(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address in ``text`` whose @ is spelled out."""
    if not may_be_spelled(text):
        return []
    found = [m.span() for m in _SPELLED.finditer(text)]
    if "邮" in text or "ail" in text or "AIL" in text:
        found += [m.span(1) for m in _LABELLED.finditer(text)]
    return found


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
