"""Fold evasions out of a string before detection, keeping a map back to the original.

Upstream systems (and people trying to slip data past the gateway) write the same
ID number as full-width digits, with zero-width characters inside, or grouped with
spaces and hyphens. Detection runs on a folded copy; masking must still replace the
exact span of the *original* value, hence the offset map.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

# Format characters that render as nothing: zero-width space/joiners, direction marks,
# word joiner, BOM, soft hyphen, Mongolian vowel separator, invisible operators.
# Also marks that attach to the character before them and show as (almost) nothing between
# digits: combining marks (U+0300-036F and their supplements, U+20D0-20FF with the keycap
# U+20E3), variation selectors (U+FE0F makes "6️⃣" an emoji digit) and tag characters.
_ATTACHED = "".join(
    chr(c)
    for first, last in (
        (0x0300, 0x036F),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1DFF),
        (0x20D0, 0x20FF),
        (0xFE00, 0xFE0F),
        (0xFE20, 0xFE2F),
        (0xE0000, 0xE007F),
        (0xE0100, 0xE01EF),
    )
    for c in range(first, last + 1)
)
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0" + _ATTACHED
)
_INVISIBLE_RE = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")
# Decimal digits of other scripts (Arabic-Indic ٠-٩, Devanagari ०-९, …): NFKC keeps them, so
# they are folded to ASCII by their digit value. ``\d`` of ``re`` is every Unicode digit. And
# letters that pass for an ID number's check character X: the multiplication sign, Cyrillic
# and Greek X (NFKC keeps them too).
_X_LOOKALIKES = "\u00d7\u0425\u0445\u03a7\u03c7\u2715"
_OTHER_DIGIT_RE = re.compile(rf"[^\D0-9]|[{_X_LOOKALIKES}]")

# Separators people put inside numbers ("139 1234 5678", "6222-0212-...", "610.902...").
# After NFKC, U+3000 and NBSP are plain spaces and full-width hyphen is "-".
SEPARATORS = frozenset(" -.\u2010\u2011\u2012\u2013\u2014\u2212\ufe63")
_SEP_IN_DIGITS_RE = re.compile("[0-9][ .\\-\u2010-\u2014\u2212\ufe63\u3000\u00a0]+[0-9]")


class Folded(NamedTuple):
    """A folded string; ``offsets[i]`` is the original index of ``text[i]``.

    ``offsets`` is None when folding changed nothing (the identity map), which is the
    common case and lets callers skip the translation entirely. A named tuple, not a
    frozen dataclass: it is built once per scanned value and per masked value, and a
    frozen dataclass's ``__init__`` costs several times as much.
    """

    text: str
    offsets: tuple[int, ...] | None
    original_length: int
    # Where each character of ``text`` ends in the original, when some came from several
    # (an escaped digit "%36" is one "6"); None: one character each.
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` back to the original string."""
        if self.offsets is None:
            return start, end
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1 if self.ends is None else self.ends[end - 1]


@lru_cache(maxsize=4096)
def _nfkc(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1 and not folded.isascii() and _OTHER_DIGIT_RE.match(folded) is not None:
        return "X" if folded in _X_LOOKALIKES else str(unicodedata.decimal(folded))
    return folded


# Slashes and underscores between digits group a number as spaces do ("139/1234/5678",
# "139_1234_5678"). The scanner reads them as spaces, one character for one, so that its
# spans still index the value as given. Not tabs: in free text they separate the columns of a
# table ("1\t150\t2000\t3000" would join into a mobile's 11 digits). ``fold`` keeps them: masks,
# person tokens and pseudonyms of values that merely hold one ("12/3号") stay as they were.
LOOSE_SEPARATORS = "/_"
_LOOSE_IN_DIGITS_RE = re.compile("(?<=[0-9])[/_]+(?=[0-9])")


# A date that opens a run of digit groups keeps its slashes ("1990/01/15 123" would join into
# a mobile's 11 digits). Inside an ID number the birth date follows the region code
# ("610902 1947/04/15 8177"), and is read as groups.
_LEADING_DATE_RE = re.compile(
    r"(?<![0-9])(?<![0-9][ .\-_])"
    r"(?:(?:19|20)[0-9]{2}/[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/(?:19|20)[0-9]{2})(?![0-9])"
)


# Full-width forms one for one (NFKC's mapping of U+FF01-FF5E), so that "１３９／１２３４／５６７８"
# is read as "139/1234/5678" at the same offsets.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def loose_as_spaces(text: str) -> str:
    """``text`` with slashes and underscores between digits turned into spaces."""
    probe = text.translate(_HALF_WIDTH) if "／" in text or "＿" in text else text
    if "/" not in probe and "_" not in probe:  # C-level scans, no regex
        return text
    dates = [m.span() for m in _LEADING_DATE_RE.finditer(probe)] if "/" in probe else []
    spans = [m.span() for m in _LOOSE_IN_DIGITS_RE.finditer(probe) if not _inside(m.start(), dates)]
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)


def has_separated_digits(text: str) -> bool:
    """Are there digits grouped by spaces, hyphens or dots ("139 1234 5678")?"""
    return _SEP_IN_DIGITS_RE.search(text) is not None


# A URL's percent escapes: an escaped digit ("sfzh=%36%31%30…", every digit written so) is
# that digit; another escape beside a digit ("q=%22610902…%22", "tel%2013912345678") is one
# space, a boundary like any separator, so that its hex digits do not run into the number.
_ESCAPE_BY_DIGIT_RE = re.compile("%3[0-9]|%[0-9A-Fa-f]{2}(?=[0-9])|(?<=[0-9])%[0-9A-Fa-f]{2}")


def _escapes_by_digits(text: str) -> bool:
    return "%" in text and _ESCAPE_BY_DIGIT_RE.search(text) is not None


def needs_folding(text: str) -> bool:
    """Cheap test: True when :func:`fold` could change ``text``."""
    if _escapes_by_digits(text):
        return True
    if text.isascii():
        return _SEP_IN_DIGITS_RE.search(text) is not None
    return (
        not unicodedata.is_normalized("NFKC", text)
        or _INVISIBLE_RE.search(text) is not None
        or _SEP_IN_DIGITS_RE.search(text) is not None
        or _OTHER_DIGIT_RE.search(text) is not None
    )


def fold(text: str, *, join_digits: bool = True) -> Folded:
    """NFKC-fold, drop invisible characters and (optionally) separators inside digit runs.

    NFKC is applied per character so that every output character has exactly one
    source index; the difference from whole-string NFKC only concerns combining marks,
    which never take part in the entities we look for.
    """
    if text.isascii() and (text.isalnum() or (_SEP_IN_DIGITS_RE.search(text) is None and "%" not in text)):
        # The common case. Letters and digits alone (an ID number or a mobile, as its mask and
        # person token fold it again) need no search: the regex's start at each digit cost
        # some 5,000 instructions an ID number.
        return Folded(text, None, len(text))
    if not needs_folding(text):
        return Folded(text, None, len(text))
    if len(text) <= _CACHED_LENGTH:
        return _fold_cached(text, join_digits)
    return _fold_slow(text, join_digits)


def fold_joined(plain: Folded, text: str) -> Folded:
    """``fold(text)``, given ``plain = fold(text, join_digits=False)``: the separator runs
    between digits dropped from the text folded already. The scan reads a value with digit
    groups both ways; folding it twice cost a remark some 50,000 instructions for nothing.
    Short values (remembered folds) and escaped digits (their own map) fold as usual."""
    if plain.ends is not None or len(text) <= _CACHED_LENGTH:
        return fold(text)
    out, offsets = _join_runs(plain.text, None if plain.offsets is None else list(plain.offsets))
    if offsets is None or out == plain.text:  # nothing joined
        return plain
    if out == text:
        return Folded(text, None, len(text))
    return Folded(out, tuple(offsets), len(text))


# A disguised value is folded by detection, for its person token and for its mask: the
# same string three times in a row, so values of field length are remembered (long ones would hold
# their offset tuples in memory).
_CACHED_LENGTH = 40


def _fold_slow(text: str, join_digits: bool) -> Folded:
    if _escapes_by_digits(text):
        return _fold_escaped(text, join_digits)
    if text.isascii():  # only separators inside digit runs can change
        return _join_ascii(text) if join_digits else Folded(text, None, len(text))
    quick = _fold_one_to_one(text)
    if quick is not None and not (join_digits and _SEP_IN_DIGITS_RE.search(quick)):
        return Folded(quick, None, len(text)) if quick != text else Folded(text, None, len(text))
    # Invisible characters, multi-character folds or grouped digits: slices for the ASCII
    # and CJK stretches, a per-character step only inside the runs that fold.
    out, offsets = (quick, None) if quick is not None else _fold_pieces(text)
    if join_digits:
        out, offsets = _join_runs(out, offsets)
    if out == text:
        return Folded(text, None, len(text))
    return Folded(out, tuple(offsets) if offsets is not None else tuple(range(len(out))), len(text))


def _unescaped(m: re.Match[str]) -> str:
    """An escaped digit is that digit; another escape beside a digit is a space."""
    escape = m.group()
    return escape[2] if escape[1] == "3" and escape[2].isdigit() else " "


def _fold_escaped(text: str, join_digits: bool) -> Folded:
    """:func:`fold` of a text with percent escapes of or beside digits: each becomes its digit or
    one space (starting at its '%', ending after its last hex digit), then the rest folds as
    usual, the two maps composed."""
    spaced, starts = _replaced(text, _ESCAPE_BY_DIGIT_RE, _unescaped)
    # Each character of ``text`` went into exactly one of ``spaced`` (an escape into one): each
    # ends where the next starts.
    ends = [*starts[1:], len(text)]
    inner = _fold_slow(spaced, join_digits)
    if inner.offsets is None:
        return Folded(inner.text, tuple(starts), len(text), tuple(ends))
    inner_ends = inner.ends if inner.ends is not None else [i + 1 for i in inner.offsets]
    return Folded(
        inner.text, tuple([starts[i] for i in inner.offsets]), len(text), tuple([ends[e - 1] for e in inner_ends])
    )


_fold_cached = lru_cache(maxsize=4096)(_fold_slow)


def clear_fold_cache() -> None:
    """Forget remembered folds (benchmarks: a document inspected again must not find its
    values folded already)."""
    _fold_cached.cache_clear()


def _fold_pieces(text: str) -> tuple[str, list[int]]:
    """NFKC per character and invisible characters dropped, with the source index of every
    output character. ASCII and CJK ideographs never change, so only the runs matched by
    ``_FOLDABLE_RE`` are looked at character by character."""
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in _FOLDABLE_RE.finditer(text):
        start = match.start()
        pieces.append(text[last:start])
        offsets.extend(range(last, start))
        for index in range(start, match.end()):
            char = text[index]
            if char in _INVISIBLE:
                continue
            folded = _nfkc(char)
            pieces.append(folded)
            offsets.extend([index] * len(folded))
        last = match.end()
    pieces.append(text[last:])
    offsets.extend(range(last, len(text)))
    return "".join(pieces), offsets


# A separator run between two ASCII digits, in folded text (see SEPARATORS).
_SEP_RUN = re.compile("(?<=[0-9])[ .\\-\u2010-\u2014\u2212\ufe63]+(?=[0-9])")


def _join_runs(text: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    """Drop separator runs between digits; ``offsets`` None is the identity map."""
    pieces: list[str] = []
    kept: list[int] = []
    last = 0
    for m in _SEP_RUN.finditer(text):
        pieces.append(text[last : m.start()])
        kept.extend(range(last, m.start()) if offsets is None else offsets[last : m.start()])
        last = m.end()
    if not pieces:
        return text, offsets
    pieces.append(text[last:])
    kept.extend(range(last, len(text)) if offsets is None else offsets[last:])
    return "".join(pieces), kept


_ASCII_SEP_RUN = re.compile(r"(?<=[0-9])[ .\-]+(?=[0-9])")


def _join_ascii(text: str) -> Folded:
    """:func:`fold` of an ASCII string: drop separator runs between digits, with C-level
    slicing and ranges instead of the per-character loop ("6222-0212-..." is common)."""
    joined, offsets = _replaced(text, _ASCII_SEP_RUN, _dropped)
    return Folded(joined, tuple(offsets), len(text))


def _dropped(m: re.Match[str]) -> str:
    return ""


def _replaced(text: str, pattern: re.Pattern[str], by: Callable[[re.Match[str]], str]) -> tuple[str, list[int]]:
    """``text`` with every match of ``pattern`` replaced by ``by(match)`` ("" or one character,
    mapped to the match's start), and the source index of every output character."""
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        pieces.append(text[last : m.start()])
        offsets.extend(range(last, m.start()))
        new = by(m)
        if new:
            pieces.append(new)
            offsets.append(m.start())
        last = m.end()
    pieces.append(text[last:])
    offsets.extend(range(last, len(text)))
    return "".join(pieces), offsets


# Runs of characters NFKC might change: everything but ASCII and CJK ideographs.
_FOLDABLE_RE = re.compile("[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]+")


@lru_cache(maxsize=4096)
def _fold_run(run: str) -> str | None:
    """NFKC of a run char by char, or None unless every character maps to exactly one."""
    out = []
    for char in run:
        folded = _nfkc(char)
        if len(folded) != 1 or char in _INVISIBLE:
            return None
        out.append(folded)
    return "".join(out)


def _fold_one_to_one(text: str) -> str | None:
    """The common case (full-width punctuation and digits): fold only what needs it.

    Offsets stay the identity when every folded character maps to exactly one, so no
    per-character loop over the CJK and ASCII text is needed; None means "do it the long way".
    """
    folded = text
    for char, half in _PUNCTUATION:
        if char in folded:  # C-level searches; a regex costs ~1,500 instructions a match
            folded = folded.replace(char, half)
    if _UNSETTLED_RE.search(folded) is None:
        return folded
    return _fold_runs(text)


# What Chinese text is written with and folds one for one: full-width punctuation and the
# ideographic space (， -> ,). Each is looked for and replaced by a C-level pass; a regex
# finding each run of them, a cached call and two slices per run cost a remark of 60
# characters some 37,000 instructions.
_PUNCTUATION = tuple(
    (char, _nfkc(char)) for char in "，：；（）！？\u3000" if len(_nfkc(char)) == 1 and char not in _INVISIBLE
)
# After those are replaced: a character that is neither ASCII, a CJK ideograph nor one of
# the punctuation marks that fold to themselves (、。《》「」【】·—“”) takes the long way. The
# marks are checked here, not trusted: a mark that folded or rendered as nothing would be left out.
_SETTLED = "".join(
    char
    for char in "\u3001\u3002\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011\u00b7\u2014\u2018\u2019\u201c\u201d"
    if _nfkc(char) == char and char not in _INVISIBLE
)
_UNSETTLED_RE = re.compile("[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff" + _SETTLED + "]")


def _fold_runs(text: str) -> str | None:
    """:func:`_fold_one_to_one` run by run of characters that may fold."""
    pieces: list[str] = []
    last = 0
    for match in _FOLDABLE_RE.finditer(text):
        folded = _fold_run(match.group())
        if folded is None:
            return None
        pieces.append(text[last : match.start()])
        pieces.append(folded)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
