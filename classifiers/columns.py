"""Whole-column decisions for the JSON walker: one C-level regex pass instead of a scan per value.

A column is the values under one key across a list (or map) of objects, joined by NUL.
NUL never takes part in an entity pattern or a separator run, so no match can span two
values. Every test here may say "maybe" wrongly (the values then take the per-value path),
never "clean" wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final

import re2

from . import base64text, file_names, hextext, tokens, urls
from .detect import ADDRESS_COLUMN, LABEL_HINT
from .digit_runs import digit_runs
from .entities import embedded_file, person_name, resident_id, uscc
from .normalise import LOOSE_SEPARATORS
from .scanner import FOLDABLE, MAYBE, may_hold

SEPARATOR: Final = "\x00"
# Anything under a business key that could still end up accepted (see detect.Detector.detect:
# e-mail, or a *validated* ID number or credit code): a character folding could change
# (full-width digits, '＠', invisible characters), an '@', a URL-escaped digit ("%36"), an HTML
# character reference ("&#54;"), or 17+
# digits written in groups ("6109 0219 ...", "610902/1947…"), which the scanner joins (also
# window by window) before matching.
_GROUPING = f"[ .\\-{LOOSE_SEPARATORS}]"  # what the scanner reads between digit groups
_BUSINESS_MAYBE: Final = re.compile(f"{FOLDABLE}|@|%3[0-9]|&#")
# Asked only where _SEP_BETWEEN_DIGITS found a separator between digits, which it needs: in one
# alternation with the above, its leading look-behind entered the matcher at every character, and
# at each run of digits the repeated look-ahead and the backtracking [0-9]+ cost a column of ten
# 18-digit serials (``lsh``) some 150,000 instructions.
_GROUPED_17: Final = re.compile(f"(?<![0-9])(?=(?:[0-9]{_GROUPING}*){{17}})[0-9]+{_GROUPING}+[0-9]")
# A separator run between digits: its first separator a class (``re`` skips to it in C), the digit
# before it checked after, the run taken whole. Opened by the look-behind ``(?<=[0-9])``, the
# pattern entered its matcher at every character.
_SEP_BETWEEN_DIGITS: Final = re.compile(f"{_GROUPING}(?<=[0-9]{_GROUPING}){_GROUPING}*+(?=[0-9])")
_ID: Final = re.compile(resident_id.PATTERNS[0].regex)
_USCC: Final = re.compile(uscc.PATTERNS[0].regex)


# ``scanner.MAYBE`` for RE2: a DFA reads a column once, where ``re`` tries every alternative
# at every position (15 columns of a 5.9 MB export: about 4 ms instead of 60-130 ms). RE2
# costs a few µs per call, so values and short columns stay with ``re``. Same language
# (no look-arounds or back-references in MAYBE): tests/classifiers/test_columns.py.
# With a photo's or scan's base64 (entities/embedded_file.py) and a value that may be text in
# base64 or hex (base64text.py, hextext.py), a URL with an escape or a name in it (urls.py) and a JWT or a data URI
# (tokens.py), HTML's numeric character references (run.Run._referenced) and a name under a
# field name (detect.LABEL_HINT) in the same pass.
# A value that is an XML or HTML document (run.Run._markup): its element names are evidence.
MARKUP_HINT = "(?:^|\x00)<[^\x00]*>(?:\x00|$)"
_MARKUP: Final = re.compile(MARKUP_HINT)
# RE2's patterns here are compiled from UTF-8 bytes and given the text's UTF-8 (``_hit``): the
# same language (the wrapper encodes a str pattern and text so), but a match over a str is
# mapped back to character offsets by a pass over the bytes up to its end, which for a
# column matched whole (a keyed column's clean shape) cost twice the search itself.
# The two pre-checks of many alternatives are given 32 MiB, where RE2's default is 8: the
# compiled program takes its share of the budget first, and what is left for the DFA's states
# was just enough for MAYBE before names round twenty-seven (7-8 MiB on the corpus's columns),
# which took it to 8-9. Past the budget RE2 logs ``DFA out of memory`` and falls back to its
# NFA, 20-30 times slower (tests/classifiers/test_columns.py searches for the message). The
# budget is a ceiling: the DFA's cache grows to what the columns read.
_BIG_PATTERN: Final = re2.Options()
_BIG_PATTERN.max_mem = 32 << 20
_MAYBE_RE2: Final = re2.compile(
    f"{MAYBE.pattern}|{embedded_file.HINT}|{base64text.COLUMN_HINT}|{hextext.COLUMN_HINT}|{urls.COLUMN_HINT}|{tokens.COLUMN_HINT}|&#|{LABEL_HINT.pattern}|{MARKUP_HINT}|{file_names.COLUMN_HINT}".encode(),
    _BIG_PATTERN,
)
# Characters. An RE2 call costs 1-2 µs; ``re``'s checks cost a few µs per 100 characters of a
# column of short values (the base64 check goes value by value): an export's column of 1,300
# mostly empty cells (残疾等级, 1,480 characters) took 60 µs, one RE2 search 5.
_RE2_FROM = 512
# ``person_name.may_contain`` (a context word, which makes a value under a name key more than
# a name) over a long column of names, where ``re`` tries its ten alternatives at every
# position, and a value that is a placeholder (all CJK: nothing to escape).
_NAME_ODD_RE2 = re2.compile(
    f"{person_name.MAYBE_PATTERN}|(?:^|\x00)(?:{'|'.join(sorted(person_name.PLACEHOLDERS))})(?:\x00|$)".encode(),
    _BIG_PATTERN,
)
# Everything ``business_clean`` could stop at, without look-arounds (RE2 has none), so a
# superset: _BUSINESS_MAYBE's four parts, and any 18 letters and digits (an ID number or
# a credit code, and any embedded file's base64), also when separators between digits would join them.
_BUSINESS_ANY_RE2: Final = re2.compile(
    f"{FOLDABLE}|@|%3[0-9]|&#|[0-9](?:{_GROUPING}*[0-9]){{16}}|[0-9A-Za-z](?:{_GROUPING}*[0-9A-Za-z]){{17}}".encode()
)


def maybe(joined: str) -> bool:
    """Could anything in this (NUL-joined) text be personal data? ``MAYBE``, as fast as
    the text's length allows."""
    if len(joined) < _RE2_FROM:
        return (
            may_hold(joined)
            or embedded_file.may_contain(joined)
            or base64text.may_contain(joined)
            or hextext.may_contain(joined)
            or urls.may_contain(joined)
            or tokens.may_contain(joined)
            or "&#" in joined  # HTML's numeric character references (run.Run._referenced)
            or LABEL_HINT.search(joined) is not None  # a name under a field name (xm=张伟)
            or ("<" in joined and _MARKUP.search(joined) is not None)  # a value that is markup
            or file_names.may_contain(joined)  # 张伟_身份证.jpg (file_names.py)
        )
    return _hit(_MAYBE_RE2.search, joined)


def names_may_be_odd(joined: str, values: list[str]) -> bool:
    """May a column of names (``values``, NUL-joined) hold a value that is no name whole: a
    context word (``person_name.may_contain``) or a placeholder (不详, 未填写)? As fast as its
    length allows: for a long column one RE2 pass, where hashing every name to look it up
    among the placeholders cost ~500,000 instructions an export."""
    if len(joined) < _RE2_FROM:
        return person_name.may_contain(joined) or not person_name.PLACEHOLDERS.isdisjoint(values)
    return _hit(_NAME_ODD_RE2.search, joined)


def _hit(search: Any, text: str) -> bool:
    """Does an RE2 pattern compiled from bytes (``search``: its search or fullmatch) match
    ``text``? Asked of its UTF-8, where no offset needs mapping back."""
    return search(_utf8(text)) is not None


# The last text ``_hit`` encoded, and its UTF-8. A column is often asked twice in a row (its
# clean shape, then ``maybe``; ``maybe``, then ``business_clean``): half the characters an
# export's columns give RE2, encoded again at ~15 instructions a CJK character (~1.3 M of an
# inspection of the demo export). Told by identity, which the reference held here keeps
# meaning the same text; one column's text is held until the next check (as freed memory
# holds it anyway).
_last_utf8: tuple[str, bytes] = ("", b"")


def _utf8(text: str) -> bytes:
    global _last_utf8
    last = _last_utf8
    if last[0] is text:
        return last[1]
    data = text.encode()
    _last_utf8 = (text, data)
    return data


def whole_column(column: re.Pattern[str], joined: str) -> bool:
    """``column.fullmatch(joined)`` (a keyed column's clean shape over all its values), by
    RE2 for a long column when the pattern means the same there: no escapes (RE2's ``\\s``
    is ASCII-only, ``\\u`` unknown) and no look-arounds (the e-mail shape). A column of
    addresses without whitespace is decided without its pattern (``_spaceless``)."""
    if column is ADDRESS_COLUMN and _spaceless(joined):
        return True
    if len(joined) >= _RE2_FROM:
        compiled = _re2_of(column.pattern)
        if compiled is not None:
            return _hit(compiled.fullmatch, joined)
    return column.fullmatch(joined) is not None


def _spaceless(joined: str) -> bool:
    """Does ``ADDRESS_COLUMN`` match ``joined`` because no value is empty and none holds
    whitespace (``str.split``'s is ``re``'s ``\\s``)? Then no value starts or ends with a space
    or holds a line end. The pattern, which ``re`` runs (its ``\\s`` is not RE2's), tries the
    greedy ``[^\\n\\x00]*`` and backs off at each value: ~2.5 M instructions for a block of 1,300
    addresses of an export, where the split's one pass costs ~0.6 M. False: ask the pattern."""
    if not joined or joined.startswith(SEPARATOR) or joined.endswith(SEPARATOR) or "\x00\x00" in joined:
        return False  # an empty value
    words = joined.split(None, 1)  # stops at the first whitespace (a line end is one)
    return len(words) == 1 and len(words[0]) == len(joined)


@lru_cache(maxsize=64)
def _re2_of(pattern: str) -> Any:
    if "\\" in pattern or "(?=" in pattern or "(?!" in pattern or "(?<" in pattern:
        return None
    return re2.compile(pattern.encode())


def whole_number(value: float) -> bool:
    """A float that may be a number of digits (13912345678.0, 1.3912345678e10: spreadsheets
    and some databases store phones as doubles): whole, and long enough to be one."""
    return value.is_integer() and abs(value) >= 1e5


def join(column: Sequence[Any]) -> str | None:
    """The column's scannable text: strings as they are, integers as digits, other floats,
    booleans, nulls and missing values as "" (they are never scanned); None when a value
    is an object or array, or a float ``whole_number`` (walked value by value)."""
    # Checked rather than tried: a column of numbers or nulls made str.join raise, and the
    # exception cost more than the check does for a column of strings.
    if all(isinstance(value, str) for value in column):
        return SEPARATOR.join(column)
    parts: list[str] = []
    for value in column:
        kind = type(value)
        if kind is str:
            parts.append(value)
        elif kind is int:
            parts.append(str(value))
        elif kind is dict or kind is list or (kind is float and whole_number(value)):
            return None
        else:
            parts.append("")
    return SEPARATOR.join(parts)


def business_clean(joined: str) -> bool:
    """True when no value of a business column (case numbers, serials, amounts) can hold
    anything the detector would accept under a business key.

    An 18-digit serial matches the ID and credit-code shapes, so shape alone is not
    enough: candidates are validated (both checks are a few integer operations), and the
    column is clean only if none validates.
    """
    if not _hit(_BUSINESS_ANY_RE2.search, joined):  # one DFA pass, ~1 µs: most columns end here
        return True
    grouped = _SEP_BETWEEN_DIGITS.search(joined) is not None
    if (
        _BUSINESS_MAYBE.search(joined) is not None
        or (grouped and _GROUPED_17.search(joined) is not None)
        or embedded_file.may_contain(joined)
        or base64text.may_contain(joined)  # an opaque cursor may be a JSON document in base64
        or hextext.may_contain(joined)  # an identifier in hex (3631…: an ID number's digits)
    ):
        return False
    if not grouped and joined.isascii() and joined.replace(SEPARATOR, "").isdigit():
        return not _valid_serial(joined)
    texts = [joined]
    if grouped:  # "6109 0219..." is scanned joined too
        texts.append(_SEP_BETWEEN_DIGITS.sub("", joined))
    for text in texts:
        for m in _ID.finditer(text):
            if resident_id.validate(m.group()) is True:
                return False
        for m in _USCC.finditer(text):
            if uscc.validate(m.group()) is True:
                return False
    return True


def _valid_serial(joined: str) -> bool:
    """Is a run of a column of digits (an ``lsh`` column of 18-digit serials) a valid ID number or
    credit code? In such a column the matches of both shapes are its runs of exactly 18 digits
    (each pattern needs no digit, nor a letter for the credit code, either side; and of 20, a
    disability card's number: resident_id.DISABILITY), and a number that
    validates matches its shape: the runs, found by a loop over the code points, are validated
    without a pass of either pattern, whose iteration cost the column some 80,000 instructions."""
    for start, end in digit_runs(joined):
        if end - start == 18:
            serial = joined[start:end]
            if resident_id.validate(serial) is True or uscc.validate(serial) is True:
                return True
        elif end - start == 20 and resident_id.validate(joined[start:end]) is True:  # a disability card's
            return True
    return False
