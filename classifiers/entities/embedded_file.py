"""Images and documents carried inside a value as base64: photos, scans of ID cards.

Civil-affairs systems return a person's photo (照片, 相片, 头像) and scans of ID cards,
household registers and disability certificates inside JSON and XML as base64 strings, and
HTML pages inline them as data URIs. No other recognizer sees into them, yet a face is
biometric data (PIPL art. 28) and a scan carries everything printed on the card. A run is
taken for a file when it is
- a data URI with a base64 payload (any media type), or
- a base64 run that opens with the signature of an image or a PDF (JPEG, PNG, GIF, RIFF/WebP,
  TIFF, PDF), or
- under a key that names an image (catalog ``IMAGE``: photo, zp, 照片 ...), any base64 run.
Runs shorter than ``MIN_LENGTH`` are left alone: 256 characters (192 bytes) is less than any
photo and more than the spacer GIFs and icons that HTML pages inline.
"""

from __future__ import annotations

import re

from .base import EntitySpec, PatternSpec

ENTITY = "IMAGE"
MIN_LENGTH = 256

# Standard and URL-safe alphabets; MIME encoders break lines every 76 characters.
_B64 = r"[A-Za-z0-9+/\-_\r\n]"
# Base64 of each format's first bytes: FF D8 FF, 89 "PNG", "GIF8", "RIFF", "II*" 00,
# "MM" 00 "*", "%PDF-".
SIGNATURES = ("/9j/", "iVBORw0KGgo", "R0lGOD", "UklGR", "SUkqA", "TU0AK", "JVBERi0")
_DATA_URI = rf"data:[\w.+\-]*(?:/[\w.+\-]+)?(?:;[\w.+\-]+=[^;,\s\"'<>]*)*;base64,{_B64}{{{MIN_LENGTH},}}=*"
_SIGNED = rf"(?<![A-Za-z0-9+/])(?:{'|'.join(re.escape(s) for s in SIGNATURES)}){_B64}{{{MIN_LENGTH},}}=*"
_FILE_RE = re.compile(f"{_DATA_URI}|{_SIGNED}")
_ANY_RUN_RE = re.compile(rf"(?<![A-Za-z0-9+/]){_B64}{{{MIN_LENGTH},}}=*")
# What every file above contains: one C-level search before the patterns.
HINT = "|".join(["base64,", *(re.escape(s) for s in SIGNATURES)])
_HINT_RE = re.compile(HINT)

PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec("data_uri", _DATA_URI, 1.0),
    PatternSpec("signed_base64", _SIGNED, 1.0),
)
CONTEXT: tuple[str, ...] = ("照片", "相片", "头像", "扫描件", "photo", "image")


def may_contain(text: str) -> bool:
    """Cheap pre-check for :func:`find` without a key: long enough, and a data URI or a
    signature in it."""
    return len(text) >= MIN_LENGTH and _HINT_RE.search(text) is not None


def find(text: str, keyed: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, evidence) of each file in ``text``; ``keyed``: the value is under a key
    that names an image, where any long base64 run is one."""
    if len(text) < MIN_LENGTH:
        return []
    found = [(m.start(), m.end(), _evidence(m.group())) for m in _FILE_RE.finditer(text)]
    if keyed and not found:
        found = [(m.start(), m.end(), "base64") for m in _ANY_RUN_RE.finditer(text) if _base64_like(m.group())]
    return found


def _evidence(run: str) -> str:
    if run.startswith("data:"):
        return f"data-uri:{run[5 : run.index(';')] or 'text/plain'}"
    return "base64+signature"


def _base64_like(run: str) -> bool:
    """A run of letters alone (a long identifier, a word) is no base64: it has digits or
    ``+``/``/`` too, and both cases of letters."""
    return (
        any(c.isdigit() or c in "+/" for c in run[:MIN_LENGTH])
        and any(c.islower() for c in run[:64])
        and any(c.isupper() for c in run[:64])
    )


def validate(text: str) -> bool | None:
    """Presidio's hook: the patterns are specific enough (a signature and 256 characters)."""
    return True


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate, strong_evidence="base64+signature")
