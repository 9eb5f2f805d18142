"""Fold evasions out of a string before detection, keeping a map back to the original.

Upstream systems (and people trying to slip data past the gateway) write the same
ID number as full-width digits, with zero-width characters inside, or grouped with
spaces and hyphens. Detection runs on a folded copy; masking must still replace the
exact span of the *original* value, hence the offset map.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Final

from .digit_runs import GROUPING, between, digit_runs
from .fold_tables import (
    _ASCII_SEP_RUN,
    _ESCAPE_BY_DIGIT_RE,
    _FOLDABLE_RE,
    _HALF_WIDTH,
    _INVISIBLE,
    _INVISIBLE_RE,
    _LEADING_DATE_RE,
    _LOOSE_IN_DIGITS_RE,
    _OTHER_DIGIT_RE,
    _PUNCTUATION,
    SEPARATOR_CODES,
    SETTLED_CODES,
    _nfkc,
)
from .fold_tables import LOOSE_SEPARATORS as LOOSE_SEPARATORS
from .fold_tables import SEPARATORS as SEPARATORS

# What folding drops between two digits (``fold_tables._SEP_RUN``'s class, as a string for
# ``str.strip``): spaces, dots, hyphens and the dashes NFKC keeps; the scanner's windows group by it.
_JOINED = GROUPING


class Folded:
    """A folded string; ``offsets[i]`` is the original index of ``text[i]``.

    ``offsets`` is None when folding changed nothing (the identity map), which is the
    common case and lets callers skip the translation entirely. A plain class, which mypyc
    compiles to a struct built by a C call (some 400 instructions): a named tuple's
    ``__new__`` is Python code run by the interpreter (some 3,200), and one is built per
    scanned value and per masked value. Compared and hashed by its fields, as the named tuple
    it replaced was.
    """

    __slots__ = ("ends", "offsets", "original_length", "text")

    def __init__(
        self,
        text: str,
        offsets: tuple[int, ...] | None,
        original_length: int,
        # Where each character of ``text`` ends in the original, when some came from several
        # (an escaped digit "%36" is one "6"); None: one character each.
        ends: tuple[int, ...] | None = None,
    ) -> None:
        self.text = text
        self.offsets = offsets
        self.original_length = original_length
        self.ends = ends

    def _fields(self) -> tuple[str, tuple[int, ...] | None, int, tuple[int, ...] | None]:
        return self.text, self.offsets, self.original_length, self.ends

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Folded) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Folded(text={self.text!r}, offsets={self.offsets!r}, "
            f"original_length={self.original_length!r}, ends={self.ends!r})"
        )

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` back to the original string."""
        if self.offsets is None:
            return start, end
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1 if self.ends is None else self.ends[end - 1]


def loose_as_spaces(text: str) -> str:
    """``text`` with slashes, underscores and middle dots between digits turned into spaces."""
    dotted = "\u00b7" in text or "\u30fb" in text or "\uff65" in text
    probe = text.translate(_HALF_WIDTH) if dotted or "／" in text or "＿" in text else text
    if "/" not in probe and "_" not in probe and not dotted:  # C-level scans, no regex
        return text
    if "\uff65" in probe:  # the half-width katakana middle dot, as NFKC folds it
        probe = probe.replace("\uff65", "\u30fb")
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
    """Are there digits grouped by spaces, hyphens or dots ("139 1234 5678")? A find of each
    separator first (C-level, a few hundred instructions): most remarks hold none."""
    if " " in text or "." in text or "-" in text:
        return _digits_apart(text)
    if text.isascii() or not _wide_separator_in(text):
        return False
    return _digits_apart(text)


def _digits_apart(text: str) -> bool:
    """A digit, one or more separators (``SEPARATOR_CODES``), a digit: one walk over the code
    points (``ord`` of an index, no string of one character). A pattern for it
    (``[0-9][ .-…]+[0-9]``) opened a match at every digit, some 3,000 instructions a remark
    holding an ID number and a mobile."""
    state = 0  # 1 right after a digit, 2 in separators after one
    for at in range(len(text)):
        code = ord(text[at])
        if 48 <= code <= 57:
            if state == 2:
                return True
            state = 1
        elif state != 0 and code in SEPARATOR_CODES:
            state = 2
        else:
            state = 0
    return False


def _wide_separator_in(text: str) -> bool:
    """The separators of ``SEPARATOR_CODES`` past ASCII: dashes, the minus, a full-width
    space, a no-break space."""
    return (
        "\u2010" in text
        or "\u2011" in text
        or "\u2012" in text
        or "\u2013" in text
        or "\u2014" in text
        or "\u2212" in text
        or "\ufe63" in text
        or "\u3000" in text
        or "\u00a0" in text
    )


def _escapes_by_digits(text: str) -> bool:
    return "%" in text and _ESCAPE_BY_DIGIT_RE.search(text) is not None


def escapes_take_digits(text: str) -> bool:
    """Does :func:`fold` read a digit as part of a percent escape ("…1235%36" as "…12356",
    "%13912…" as a space and "912…")? A reader sees a '%' beside the number, no escape: the
    scanner reads such a text a second time with its '%' as a separator. Escapes of letters
    ("%E5%BC") take no digit, and most texts hold no '%' (one find, in C)."""
    if "%" not in text:
        return False
    for m in _ESCAPE_BY_DIGIT_RE.finditer(text):
        escape = m.group()
        if "0" <= escape[1] <= "9" or "0" <= escape[2] <= "9":
            return True
    return False


def needs_folding(text: str) -> bool:
    """Cheap test: True when :func:`fold` could change ``text``."""
    if _escapes_by_digits(text):
        return True
    if text.isascii():
        return has_separated_digits(text)
    return (
        not unicodedata.is_normalized("NFKC", text)
        or _INVISIBLE_RE.search(text) is not None
        or has_separated_digits(text)
        or _OTHER_DIGIT_RE.search(text) is not None
    )


def fold(text: str, *, join_digits: bool = True) -> Folded:
    """NFKC-fold, drop invisible characters and (optionally) separators inside digit runs.

    NFKC is applied per character so that every output character has exactly one
    source index; the difference from whole-string NFKC only concerns combining marks,
    which never take part in the entities we look for.
    """
    if text.isascii() and (text.isalnum() or (not has_separated_digits(text) and "%" not in text)):
        # The common case. Letters and digits alone (an ID number or a mobile, as its mask and
        # person token fold it again) need no search: the regex's start at each digit cost
        # some 5,000 instructions an ID number.
        return Folded(text, None, len(text))
    if not needs_folding(text):
        return Folded(text, None, len(text))
    if len(text) <= _CACHED_LENGTH:
        return _fold_cached(text, join_digits)
    return _fold_slow(text, join_digits)


def fold_joined(plain: Folded, text: str, runs: list[tuple[int, int]] | None = None) -> Folded:
    """``fold(text)``, given ``plain = fold(text, join_digits=False)``: the separator runs
    between digits dropped from the text folded already. The scan reads a value with digit
    groups both ways; folding it twice cost a remark some 50,000 instructions for nothing.
    Short values (remembered folds) and escaped digits (their own map) fold as usual.
    ``runs``: ``digit_runs(plain.text)``, when the caller has them already."""
    if plain.ends is not None or len(text) <= _CACHED_LENGTH:
        return fold(text)
    out, offsets = _join_runs(plain.text, plain.offsets, runs)
    if offsets is None or out == plain.text:  # nothing joined
        return plain
    if out == text:
        return Folded(text, None, len(text))
    return Folded(out, tuple(offsets), len(text))


# A disguised value is folded by detection, for its person token and for its mask: the
# same string three times in a row, so values of field length are remembered (long ones would hold
# their offset tuples in memory).
_CACHED_LENGTH: Final = 40


def _fold_slow(text: str, join_digits: bool) -> Folded:
    if _escapes_by_digits(text):
        return _fold_escaped(text, join_digits)
    if text.isascii():  # only separators inside digit runs can change
        return _join_ascii(text) if join_digits else Folded(text, None, len(text))
    quick = _fold_one_to_one(text)
    if quick is not None and not (join_digits and has_separated_digits(quick)):
        return Folded(quick, None, len(text)) if quick != text else Folded(text, None, len(text))
    # Invisible characters, multi-character folds or grouped digits: slices for the ASCII
    # and CJK stretches, a per-character step only inside the runs that fold.
    offsets: Sequence[int] | None
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


_fold_cached: Final = lru_cache(maxsize=4096)(_fold_slow)


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


def _join_runs(
    text: str, offsets: Sequence[int] | None, runs: list[tuple[int, int]] | None = None
) -> tuple[str, Sequence[int] | None]:
    """Drop separator runs between digits; ``offsets`` None is the identity map. The runs are the
    gaps between runs of digits that hold only ``_JOINED`` (``digit_runs``: a loop over the code
    points, where iterating ``_SEP_RUN`` and extending the offsets piece by piece cost a remark
    some 30,000 instructions); the offsets are the map less those gaps, deleted slice by slice."""
    gaps = between(text, digit_runs(text) if runs is None else runs, _JOINED)
    if not gaps:
        return text, offsets
    pieces: list[str] = []
    kept = list(range(len(text))) if offsets is None else list(offsets)
    last = 0
    for start, end in gaps:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    for start, end in reversed(gaps):
        del kept[start:end]
    return "".join(pieces), kept


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
    if _settled(folded):
        return folded
    return _fold_runs(text)


def _settled(text: str) -> bool:
    """Is every character ASCII, a CJK ideograph or a mark that folds to itself
    (``SETTLED_CODES``)? One walk over the code points (``ord`` of an index, no string of one
    character); a search for the class of the others tested the class at each character, some
    7,000 instructions a remark of 70 characters."""
    for at in range(len(text)):
        code = ord(text[at])
        if code >= 0x80 and not (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF) and code not in SETTLED_CODES:
            return False
    return True


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


# What pads a two-character name to the width of three (张　伟 above 欧阳娜: registers, forms and
# exports align names so): a full-width space, a no-break space or a space.
_NAME_PADDING: Final = " \u3000\u00a0"


def unpadded(word: str) -> str:
    """``word`` without the space padding a two-character name to three's width (张　伟: 张伟); as
    it is otherwise. Read as it stood, such a name was no name in a row's cells, a CSV without a
    header, a key or beside a masked mobile, where a name is told by its shape."""
    if len(word) == 3 and word[1] in _NAME_PADDING and word[0] not in _NAME_PADDING and word[2] not in _NAME_PADDING:
        return word[0] + word[2]
    return word
