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
from collections.abc import Callable
from typing import Final
from urllib.parse import unquote

from .base import EntitySpec, PatternSpec

ENTITY: Final = "IMAGE"
MIN_LENGTH: Final = 256

# Standard and URL-safe alphabets; MIME encoders break lines every 76 characters.
_B64 = r"[A-Za-z0-9+/\-_\r\n]"
# Base64 of each format's first bytes: FF D8 FF, 89 "PNG", "GIF8", "RIFF", "II*" 00,
# "MM" 00 "*", "%PDF-".
SIGNATURES = ("/9j/", "iVBORw0KGgo", "R0lGOD", "UklGR", "SUkqA", "TU0AK", "JVBERi0")
_DATA_URI = rf"data:[\w.+\-]*(?:/[\w.+\-]+)?(?:;[\w.+\-]+=[^;,\s\"'<>]*)*;base64,{_B64}{{{MIN_LENGTH},}}=*"
_SIGNED = rf"(?<![A-Za-z0-9+/])(?:{'|'.join(re.escape(s) for s in SIGNATURES)}){_B64}{{{MIN_LENGTH},}}=*"
# The same runs as the gateway meets them in bodies: URL-escaped ("%2F9j%2F…", a data URI in
# a query string or a form), and with spaces where a form decoded the '+' of an unescaped
# base64 or a writer wrapped its lines (see _spaced_end). Every run is taken whole: a photo
# cut at its first '+' went out but for 60 characters.
# '%' as a character of the class, not "%2[BbFf]" as an alternative: one class test per
# character keeps a 5 MB photo at 12 ms (the alternative took 350).
_B64_SENT = r"[A-Za-z0-9+/\-_\r\n%]"
_RUN = rf"{_B64_SENT}+(?:[ \t]+{_B64_SENT}+)*(?:=|%3[Dd])*"
_SIGNATURES_SENT = (*SIGNATURES, "%2F9j%2F", "%2f9j%2f")
_DATA_URI_SENT = r"data(?::|%3[Aa])[^\s,\"'<>]*?(?:;|%3[Bb])base64(?:,|%2[Cc])"
_FILE_RE = re.compile(
    rf"{_DATA_URI_SENT}{_RUN}|(?<![A-Za-z0-9+/])(?:{'|'.join(re.escape(s) for s in _SIGNATURES_SENT)}){_RUN}"
)
_KEYED_RE = re.compile(rf"(?<![A-Za-z0-9+/%]){_RUN}")
_GAPS_RE = re.compile(r"[ \t]+")
# Base64 with its '+' made spaces has one every 64 characters on average, 76-character lines
# one every 77; words of text one every 6 or so. Shorter average stretches end the run.
_STRETCH = 24
# The gateway's own ciphertexts and tokens (policies/crypto.py: enc:<key>:<base64url>): an
# encrypted photo must come back whole to be re-identified.
_SEALED_RE = re.compile(r"(?:enc|sm4|tok|sm3):[\w\-]{1,32}:$")
# What every file above contains: one C-level search before the patterns.
HINT = "|".join(["base64,", "base64%2[Cc]", *(re.escape(s) for s in _SIGNATURES_SENT)])
_HINT_RE: Final = re.compile(HINT)

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
    found = _runs(text, _FILE_RE, _evidence)
    if keyed and not found:
        found = [
            (s, e, "base64")
            for s, e, _ in _runs(text, _KEYED_RE, _evidence)
            if _base64_like(text[s:e]) and not _in_url(text, s) and not _dotted(text, s, e)
        ]
    return found


def _dotted(text: str, start: int, end: int) -> bool:
    """Is the run a part of a dotted token: a JWT's (``eyJ….eyJ….sig``) or a file's name
    (``aB3….jpg``)? Base64 has no dots; a token that points at or vouches for a photo is
    not one."""
    return text[start - 1 : start] == "." or text[end : end + 1] == "."


def _in_url(text: str, start: int) -> bool:
    """Is the run the path of a URL (``https://oss…/2024/…/aB3….jpg`` under ``image``)? That
    points at a photo; masking a stretch of it would only leave a broken link."""
    token = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind('"', 0, start)) + 1
    return "://" in text[token : start + 2]


def _runs(text: str, pattern: re.Pattern[str], evidence: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """The runs of ``pattern`` of at least ``MIN_LENGTH``, each ending where spaces in it
    stop looking like base64's (see _spaced_end)."""
    out: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        end = _spaced_end(text, m.start(), m.end())
        if end - m.start() >= MIN_LENGTH and _SEALED_RE.search(text, max(0, m.start() - 40), m.start()) is None:
            out.append((m.start(), end, evidence(text[m.start() : end])))
    return out


def _spaced_end(text: str, start: int, end: int) -> int:
    """Where a run with spaces in it ends: after the last stretch up to which the stretches
    between spaces are ``_STRETCH`` characters long on average (words after a photo stay)."""
    stops = [gap.start() for gap in _GAPS_RE.finditer(text, start, end)]
    if not stops:
        return end
    best = stops[0]
    for count, stop in enumerate([*stops, end], 1):
        if stop - start >= count * _STRETCH:
            best = stop
    return best


def _evidence(run: str) -> str:
    if run.startswith("data"):  # "data:image/png;" or "data%3Aimage%2Fpng%3B"
        media_type = unquote(run[: run.lower().index("base64")])[5:].split(";")[0]
        return f"data-uri:{media_type or 'text/plain'}"
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
