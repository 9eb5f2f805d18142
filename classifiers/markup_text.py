"""Character data of XML/HTML documents: entity decoding with a map back to the raw markup.

A value (an element's text, an attribute value, a comment) is detected on its *decoded*
text, where ``&#49;&#49;0105…`` is ``110105…`` and ``&#8203;`` a zero-width space, but
masked in the raw document: every decoded character keeps the raw range it came from, and a
mask is written back escaped for where it lands (text, attribute, CDATA, comment, script).
One logical value may be made of several raw pieces (``110105<![CDATA[19491231002X]]>`` is
one text node to a parser, ``6109<b>02</b>1947…`` one number to a reader of HTML); a mask
spanning pieces is written into the first piece and the others are emptied, so the markup
between them (``<![CDATA[``, ``]]>``, ``<b>``) stays intact.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import NamedTuple

from .fold_tables import FORMAT_CHARACTERS, LOOSE_SEPARATORS, SEPARATORS

Edit = tuple[int, int, str]  # raw start, raw end, replacement (already escaped)

XML_REF = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot|apos);")
# Browsers also accept numeric references without ';' (an evasion: "&#49&#49…") and the
# legacy named ones (&nbsp, &amp); html.unescape knows both.
HTML_REF = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_XML_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}

# Where a replacement lands decides how it must be escaped.
TEXT, ATTR_DQ, ATTR_SQ, ATTR_BARE, CDATA, COMMENT, PI, RAW = (
    "text",
    "attr_dq",
    "attr_sq",
    "attr_bare",
    "cdata",
    "comment",
    "pi",
    "raw",
)


def escape(value: str, mode: str) -> str:
    """``value`` written so that it cannot end or alter the construct it is placed in."""
    if mode in (TEXT, ATTR_DQ, ATTR_SQ, ATTR_BARE):
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if mode == ATTR_DQ:
            return value.replace('"', "&quot;")
        if mode == ATTR_SQ:
            return value.replace("'", "&#39;")
        if mode == ATTR_BARE:
            return re.sub(r"[\s\"'=`]", lambda m: f"&#{ord(m.group())};", value)
        return value
    if mode == CDATA:
        return value.replace("]]>", "]]]]><![CDATA[>")
    if mode == COMMENT:
        return value.replace("--", "- -").rstrip("-")
    if mode == PI:
        return value.replace("?>", "? >")
    return value.replace("</", "<\\/")  # RAW: script/style content


def _decode_ref(ref: str, is_html: bool) -> str:
    if is_html:
        return html.unescape(ref)
    body = ref[1:-1]
    if body.startswith("#x"):
        return chr(int(body[2:], 16))
    if body.startswith("#"):
        return chr(int(body[1:]))
    return _XML_NAMED[body]


# The line's end a block or a break makes between an element's own texts (Value.break_line): the
# paragraph separator, white space to the scanner and not among BETWEEN_DIGITS.
LINE_BREAK = "\u2029"
# What may stand between two digits that HTML shows as one number: white space (a line break
# renders as a space), the separators the scanner reads inside digit groups and what NFKC folds to
# them (NBSP and U+3000 to a space, U+FF0D to "-", U+FF65 to "・"). Invisible characters too, the
# format characters only: fold drops the marks that attach to a digit as well, but their hundreds
# of code points would make every strip with this set slow.
INVISIBLE = FORMAT_CHARACTERS
BETWEEN_DIGITS = "".join(sorted(SEPARATORS)) + LOOSE_SEPARATORS + "\t\r\n\f\xa0\u3000\uff0d\uff65" + INVISIBLE
# An ID number's check character, as it is written at its end (full-width too).
_CHECK_X = "XxＸｘ"
DIGITS = "0123456789０１２３４５６７８９"
_DIGIT_CHARS = DIGITS + _CHECK_X


def digits_only(text: str) -> bool:
    """Is ``text`` made of digits and what stands between them, glue's pieces of a number?"""
    return not text.strip(BETWEEN_DIGITS + _DIGIT_CHARS)


_HTML_SPACE = str.maketrans("\t\r\n\f", "    ")


class _Seg(NamedTuple):
    dstart: int  # first decoded index of this run
    rstart: int
    rend: int
    ident: bool  # raw and decoded advance together (no reference in this run)
    piece: int  # runs of one raw piece are contiguous in the document
    mode: str


class Value:
    """Decoded text of one value and the raw runs it came from."""

    __slots__ = ("_dstarts", "_parts", "_pieces", "_runs", "length")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[_Seg] = []
        self._dstarts: list[int] = []
        self._pieces = 0
        self.length = 0

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def parts(self) -> int:
        return len(self._parts)

    def since(self, part: int) -> str:
        """The decoded text from part number ``part`` on."""
        return "".join(self._parts[part:])

    @property
    def raw_start(self) -> int:
        return self._runs[0].rstart if self._runs else -1

    def add(self, doc: str, start: int, end: int, mode: str, refs: re.Pattern[str] | None, is_html: bool) -> None:
        """Append raw ``doc[start:end]``, decoding references when ``refs`` is given."""
        if start >= end:
            return
        self._pieces += 1
        pos = start
        if refs is not None and doc.find("&", start, end) >= 0:
            for m in refs.finditer(doc, start, end):
                decoded = _decode_ref(m.group(), is_html)
                if decoded == m.group():
                    continue  # not a reference after all (HTML "&foo"): stays part of the text run
                self._ident(doc, pos, m.start(), mode)
                self._push(decoded, _Seg(self.length, m.start(), m.end(), False, self._pieces, mode))
                pos = m.end()
        self._ident(doc, pos, end, mode)

    def _ident(self, doc: str, start: int, end: int, mode: str) -> None:
        if start < end:
            self._push(doc[start:end], _Seg(self.length, start, end, True, self._pieces, mode))

    def _push(self, text: str, seg: _Seg) -> None:
        self._parts.append(text)
        self._runs.append(seg)
        self._dstarts.append(seg.dstart)
        self.length += len(text)

    def decoded(self, raw: list[int]) -> list[int]:
        """The decoded index where each raw offset in ``raw`` falls: the start of the first run
        at or after it (the end of the text past the last). For offsets where a piece starts
        or ends, which runs never straddle."""
        starts = [run.rstart for run in self._runs]
        return [
            self._runs[i].dstart if i < len(self._runs) else self.length
            for i in (bisect_left(starts, offset) for offset in raw)
        ]

    def break_line(self, at: int) -> None:
        """A line's end before raw offset ``at``, where the document has none in its text (a
        block or a <br> between two texts of one element): a piece of its own, of no raw text,
        which ``glue`` does not chain digits across and the scanner reads as white space."""
        self._pieces += 1
        self._push(LINE_BREAK, _Seg(self.length, at, at, False, self._pieces, TEXT))

    def pieces(self) -> list[tuple[int, int, str]]:
        """(raw start, raw end, decoded text) of each raw piece, in document order."""
        out: list[tuple[int, int, str]] = []
        last = -1
        for run, text in zip(self._runs, self._parts, strict=True):
            if run.piece == last:
                out[-1] = (out[-1][0], run.rend, out[-1][2] + text)
            else:
                out.append((run.rstart, run.rend, text))
            last = run.piece
        return out

    def absorb(self, others: list[Value]) -> None:
        """Take the runs of ``others`` (values of the same HTML document) into this value in
        document order, each keeping its own piece, and leave them empty. Line breaks become
        spaces, as HTML renders them; the raw spans stay as they were."""
        runs = sorted(
            # By raw end too: a line's end (break_line) comes before the text at its offset.
            (seg.rstart, seg.rend, n, text, seg)
            for n, value in enumerate([self, *others])
            for text, seg in zip(value._parts, value._runs, strict=True)
        )
        pieces: dict[tuple[int, int], int] = {}
        self._parts, self._runs, self._dstarts, self.length = [], [], [], 0
        for _, _, n, text, seg in runs:
            piece = pieces.setdefault((n, seg.piece), len(pieces) + 1)
            self._push(text.translate(_HTML_SPACE), seg._replace(dstart=self.length, piece=piece))
        self._pieces = len(pieces)
        for other in others:
            other._parts, other._runs, other._dstarts, other.length = [], [], [], 0

    def raw_edits(self, start: int, end: int, replacement: str) -> list[Edit]:
        """Raw edits replacing decoded ``[start, end)`` with ``replacement`` (unescaped)."""
        if start >= end:
            return []
        groups: list[tuple[int, int, int, str]] = []  # (piece, raw start, raw end, mode)
        i = max(0, bisect_right(self._dstarts, start) - 1)
        while i < len(self._runs) and self._runs[i].dstart < end:
            run = self._runs[i]
            dend = self._runs[i + 1].dstart if i + 1 < len(self._runs) else self.length
            a, b = max(start, run.dstart), min(end, dend)
            i += 1
            if a >= b:
                continue
            if run.ident:
                ra, rb = run.rstart + (a - run.dstart), run.rstart + (b - run.dstart)
            else:
                ra, rb = run.rstart, run.rend
            if groups and groups[-1][0] == run.piece:
                groups[-1] = (run.piece, groups[-1][1], rb, run.mode)
            else:
                groups.append((run.piece, ra, rb, run.mode))
        return [(ra, rb, escape(replacement, mode) if n == 0 else "") for n, (_, ra, rb, mode) in enumerate(groups)]


def glue(own: Value, inline: list[Value], apart: Callable[[int, int], bool]) -> None:
    """Join the text of inline HTML elements (``<b>``, ``<span>`` …) to the text of the element
    they render in (``own``) where digits meet across them: ``6109<b>02</b>1947…`` and
    ``<span>139</span> <span>1234</span>`` are one number on screen. Only pieces chained by
    digits (with nothing but white space or separators between) are joined, so a label in
    its own ``<span>`` still keys the value beside it; and none that ``apart`` says a block
    stands between (``<b>139…</b><p>x</p><b>5</b>``: glued, the mobile went out as a longer
    number, found by fuzzing)."""
    values = [own, *inline]
    pieces = sorted((start, end, text, n) for n, value in enumerate(values) for start, end, text in value.pieces())
    glued: set[int] = set()
    chain: list[int] | None = None  # owners since the last piece that ended in a digit
    last_end = 0
    for start, end, text, n in pieces:
        if chain is not None and apart(last_end, start):
            chain = None
        last_end = end
        core = text.strip(BETWEEN_DIGITS)
        if not core:
            if chain is not None:
                chain.append(n)
            continue
        if chain is not None and (core[0].isdigit() or core[0] in _CHECK_X):  # an ID number's check character
            glued.update(chain)
            glued.add(n)
        chain = [n] if core[-1].isdigit() else None
    breaks = _apart_digits(pieces, glued)
    for at in breaks:
        own.break_line(at)
    absorbed = [values[n] for n in sorted(glued) if n != 0]
    if absorbed or breaks:
        own.absorb(absorbed)  # in document order, the line's ends among them


def _apart_digits(pieces: list[tuple[int, int, str, int]], glued: set[int]) -> list[int]:
    """Where the element's own text resumes with a digit after one, an inline element that is
    not glued in standing between (``139…<b>备注</b>138…``): its text is not in this one, and
    the two numbers would touch in it (found by fuzzing). The raw offsets of those pieces."""
    breaks: list[int] = []
    last = ""  # the core of the last piece in the own text (its own, or glued in)
    between = False  # an inline piece with text, not glued, since then
    for start, _, text, n in pieces:
        core = text.strip(BETWEEN_DIGITS)
        if not core:
            continue
        if n != 0 and n not in glued:
            between = True
            continue
        # An ID number's check character ends a number too (…917X<em>。</em>2024年).
        if between and (last[-1:].isdigit() or last[-1:] in _CHECK_X) and (core[0].isdigit() or core[0] in _CHECK_X):
            breaks.append(start)
        last, between = core, False
    return breaks
