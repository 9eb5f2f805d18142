"""The state of one inspection: findings, counts, records and persons, fed by the walkers.

Walkers hand over values one by one (``value``, ``edits``) or, for a column of clean values
under a key that names their entity (18-character ID numbers under ``idNumber``, bare
mobiles under ``lxdh``), a whole column at once (``keyed_column``). For such a column the
outcome of detection is known without a scan — one whole-value match of the key's entity —
so counting, grading, persons and masking are done in list comprehensions, and the
findings (with their validated/unvalidated score and evidence) are worked out only if
someone reads them: the gateway never does, tests and ``minguard scan`` do.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from policies.masking import REDACTED, MaskingProfile  # at run time: mypyc reads the annotations

from . import base64text, hextext, markup_text, tokens, urls
from .columns import SEPARATOR
from .detect import Detector, Plan
from .detections import Detections
from .entities import address, bank_card, landline, mobile, person_name, resident_id
from .entities.embedded_file import ENTITY as IMAGE
from .grading import RecordSummary
from .keyedcolumns import KEYED_ENTITY, KeyedColumn, odd_names, unchanged_masks
from .masked_in_part import as_came, may_hold_mask
from .minors import _age, minor_records
from .name_headings import name_shaped
from .records import Records
from .regionfields import ABSENT
from .regionlinks import linked_regions, may_be_link
from .regionnotes import RegionNotes
from .scanner import Match
from .structured import Cell, unquote_escapes
from .valuepaths import Ref, path_of

# The text between two tags of a value in markup (run.Run._tag_texts).
_TAG_TEXT = re.compile(r">([^<>]+)<")
# HTML's numeric character references, with or without their ";" as browsers read them.
_NUMERIC_REF = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});?")
# How many values walked as markup may stand inside one another (Run._markup): escaped XML in
# a SOAP body takes three (markup._MAX_NESTING).
_MARKUP_DEPTH_MAX = 4
# The key a path segment shaped like a name is inspected under (see Run._in_url).
_NAME_KEY = "xm"
# The longest first line read as a table's headings in a value (_table_text): a line of prose is longer.
_HEADER_MAX = 512


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    entity: str
    start: int
    end: int
    score: float
    evidence: str  # how it was found; never the value itself


class Run(RegionNotes):
    """The visitor called by the walkers for every value (or keyed column). Its ``__init__`` is
    written out, which mypyc compiles: as a dataclass, the ``__init__`` the dataclasses module
    writes was Python code run by the interpreter (one or two runs an inspection, ~1 % of the demo
    document's instructions)."""

    def __init__(
        self,
        detector: Detector,
        profile: MaskingProfile,
        *,
        today: _dt.date | None = None,
        json_text: Callable[[Run, str], str | None] | None = None,
        typed_text: Callable[[Run, str, str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.detector = detector
        self.profile = profile
        self.raw: list[tuple[Ref, Match] | KeyedColumn] = []
        # A dict, not a Counter: a Counter's __init__ and its __missing__ (each key's first count,
        # each read of a key not counted) are Python code run by the interpreter.
        self.counts: dict[str, int] = {}
        self.records = Records()
        self.persons: set[str] = set()
        # Objects outside the record lists that hold a person (``Inspection.persons_apart``).
        self.persons_apart = 0
        # Persons named beside the record list, by ID number or name and phone, that its records
        # do not name (``Inspection.persons_beside``).
        self.persons_beside = 0
        self.masked = 0
        self.clear = 0
        self.today = _dt.date.today() if today is None else today
        self.detections = Detections(detector)
        # JSON text walked as a document of this run: masked, itself if unchanged, None when it
        # does not parse (Inspector._json_text; see base64 in ``edits``).
        self.json_text = json_text
        # Text of a media type found inside a value (a data URI's, a JWT's claims) walked as that
        # type: masked, itself if unchanged, None when it cannot be (Inspector._typed_text).
        self.typed_text = typed_text
        # Values walked as markup inside one another now (``_markup``).
        self.markup_depth = 0
        # The names masked, whatever told them (a name field's value, a label, a role word, an
        # ID number beside): masked wherever else the body writes them (known_names.py).
        self.known: set[str] = set()

    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        keyed = self.detector.keyed
        for item in self.raw:
            if isinstance(item, KeyedColumn):
                values = item.values.split(SEPARATOR) if isinstance(item.values, str) else item.values
                for i, value in zip(item.indices, values, strict=True):
                    m = keyed(value, item.plan)[0]
                    out.append(Finding(item.where(i), m.entity, m.start, m.end, m.score, m.evidence))
                continue
            ref, m = item
            out.append(Finding(path_of(ref), m.entity, m.start, m.end, m.score, m.evidence))
        return out

    def category(self, record: int, name: str) -> None:
        self.records.one(record).categories.add(name)

    def category_rows(self, rows: list[int], name: str) -> None:
        """``category`` for each of ``rows`` (a CSV column under a category header)."""
        self.records.category_rows(name, rows)

    def visit(self, cell: Cell) -> str | None:
        return self.value(cell.text, self.detector.plan(cell.key), cell.record, cell.path, cell.scan)

    def finds(self, key: str) -> bool:
        """Would an object key produce findings? (Checked before choosing a walk; records nothing.)"""
        return bool(self.detector.scanner.scan(key))

    def picture(self, path: str) -> bool:
        """A picture found whole (a document's image part, whose content no recognizer reads):
        an ``IMAGE`` finding, a record of its own; whether this caller's profile masks it."""
        self.raw.append((path, Match(IMAGE, 0, 0, 1.0, "picture")))
        self.counts[IMAGE] = self.counts.get(IMAGE, 0) + 1
        self.records.one(-1).entities.add(IMAGE)
        if self.profile.operator(IMAGE).op == "keep":
            self.clear += 1
            return False
        self.masked += 1
        return True

    def found(self) -> tuple[int, int, int, int]:
        """(ID numbers and bank cards, mobiles, names, landlines and addresses) found so far: the
        JSON walker compares them around a value to tell a person's record that names no one else."""
        counts = self.counts
        return (
            counts.get(resident_id.ENTITY, 0) + counts.get(bank_card.ENTITY, 0),
            counts.get(mobile.ENTITY, 0),
            counts.get(person_name.ENTITY, 0),
            counts.get(landline.ENTITY, 0) + counts.get(address.ENTITY, 0),
        )

    def spans(self, cell: Cell) -> list[tuple[int, int, str]]:
        """The replacements inside one value, as (start, end, new text) in its coordinates."""
        return self.edits(cell.text, self.detector.plan(cell.key), cell.record, cell.path, cell.scan)

    def value(self, value: str, plan: Plan, record: int, path: Ref, scan: bool) -> str | None:
        """The replacement of one value (None: unchanged); records findings and counts."""
        edits = self.edits(value, plan, record, path, scan)
        if not edits:
            return None
        if len(edits) == 1 and edits[0][0] == 0 and edits[0][1] == len(value):
            return edits[0][2]
        pieces: list[str] = []
        last = 0
        for start, end, new in edits:
            pieces.append(value[last:start])
            pieces.append(new)
            last = end
        pieces.append(value[last:])
        return "".join(pieces)

    def edits(self, value: str, plan: Plan, record: int, path: Ref, scan: bool) -> list[tuple[int, int, str]]:
        """The masked spans of one value, in order; records findings and counts."""
        info = plan.info
        if info is not None and info.category and value.strip().lower() not in ABSENT:
            self.records.one(record).categories.add(info.category)
        if info is not None and scan:  # scan: a string or an integer
            if info.region:
                self.region_values((value,), info.region_code_only, record)
            if info.region_part:
                self.region_part(info.region_part, (value,), record)
        if scan and may_be_link(value) and (info is None or not info.region):
            for text, code_only in linked_regions(value, self.detector.key_info):
                self.region_values((text,), code_only, record)
        if not scan:
            return []
        if value[:1] == "<" and value[-1:] == ">" and value[1:2].isalpha():
            if info is None or info.entity is None:
                markup = self._markup(value)
                if markup is not None:
                    return markup
            elif info.entity != IMAGE:  # (an <img src="data:…"> under a photo key is one file, as before)
                texts = self._tag_texts(value, plan, record, path)
                if texts is not None:
                    return texts
        if "\n" in value and (info is None or info.entity is None) and self._table_text(value):
            table = self._table(value)
            if table is not None:
                return table
        hexed = hextext.decoded(value)
        if hexed is not None:
            new = self._decoded_text(hexed.text, plan, record, path)
            return [] if new is None else [(0, len(value), hextext.encoded(new, hexed.upper))]
        encoded = base64text.decoded(value)
        if encoded is not None:
            new = self._decoded_text(encoded.text, plan, record, path)
            return [] if new is None else [(0, len(value), base64text.encoded(new, encoded.url_safe, encoded.padded))]
        if "&#" in value:
            referenced = self._referenced(value, plan, record, path)
            if referenced is not None:
                return referenced
        pieces = urls.pieces(value)
        wrapped = tokens.found(value)
        matches = self.detections.detected(value, plan, not pieces and not wrapped)
        if not pieces and not wrapped:
            return self._masked(value, matches, record, path)
        if wrapped:  # read decoded instead, as what it is (an escaped CSV's digits are plain)
            matches = [m for m in matches if not any(w.start < m.end and m.start < w.end for w in wrapped)]
            pieces = [p for p in pieces if not any(w.start < p.end and p.start < w.end for w in wrapped)]
        edits = self._masked(value, matches, record, path)
        if pieces:
            edits = self._in_url(value, pieces, edits, matches, plan, record, path)
        if wrapped:
            edits = self._in_tokens(value, wrapped, edits, plan, record, path)
        return edits

    def _markup(self, value: str) -> list[tuple[int, int, str]] | None:
        """The edit of a value that is an XML or HTML document (``"xml": "<xm>张伟</xm>"``, a
        rich text's ``<p><b>姓名</b>张伟</p>``), walked as one so that its element names and
        labels are evidence: read as text, a name in it had none. None when it cannot be walked
        (then it is scanned as text)."""
        walk = self.typed_text
        if walk is None or self.markup_depth >= _MARKUP_DEPTH_MAX:
            # A value may read as markup that holds itself as a value (an unclosed quote in
            # ``<input value="…>``, found by fuzzing, recursed until Python's limit): past the
            # depth escaped XML in SOAP takes, it is scanned as text.
            return None
        self.markup_depth += 1
        try:
            # As HTML: lenient (a fragment need not be well-formed), labels before values read
            # (<b>姓名</b>张伟), XML's element names as keys all the same (the catalog ignores case).
            new = walk(self, value, "text/html")
        finally:
            self.markup_depth -= 1
        if new is None:
            return None
        return [] if new == value else [(0, len(value), new)]

    def _table_text(self, text: str) -> bool:
        """Is ``text`` a CSV table (an export answered inside a JSON string, ``{"data": "姓名,性别\\n张伟,男"}``,
        or in base64; or a Markdown table)? Its first line two headings or more, one of them an entity's key the
        catalog knows, and the next line as many fields. Scanned as one text, its headings keyed
        nothing, and names under 姓名 went out in clear."""
        end = text.find("\n")
        first = text[:end].strip()
        # (a Markdown table's bars: | 姓名 | 性别 |, a report's text)
        delimiter = "," if "," in first else "\t" if "\t" in first else "|" if first[:1] == "|" == first[-1:] else ""
        if not delimiter or len(first) > _HEADER_MAX:
            return False
        headings = [cell.strip().strip('"') for cell in first.split(delimiter)]
        after = text.find("\n", end + 1)
        second = text[end + 1 : len(text) if after < 0 else after]
        if second.count(delimiter) != len(headings) - 1:
            return False
        key_info = self.detector.key_info
        return any(
            heading and (info := key_info(heading)) is not None and info.entity is not None for heading in headings
        )

    def _table(self, value: str) -> list[tuple[int, int, str]] | None:
        """The edit of a value that is a CSV table (``_table_text``), walked as one so that its
        headings are evidence; None when it cannot be (then it is scanned as text)."""
        walk = self.typed_text
        new = walk(self, value, "text/csv") if walk is not None else None
        if new is None:
            return None
        return [] if new == value else [(0, len(value), new)]

    def _tag_texts(self, value: str, plan: Plan, record: int, path: Ref) -> list[tuple[int, int, str]] | None:
        """The edits of a value in markup under a key naming an entity (``{"xm": "<b>张伟</b>"}``,
        a rich-text field): the texts between its tags, each judged under that key. Whole, the
        value was neither a name nor a number, and the name inside went out in clear. None
        when it holds no text (then it is judged whole, as before)."""
        out: list[tuple[int, int, str]] = []
        texts = 0
        for m in _TAG_TEXT.finditer(value):
            if m.group(1).strip():
                texts += 1
                at = m.start(1)
                out += [(at + a, at + b, new) for a, b, new in self.edits(m.group(1), plan, record, path, True)]
        return out if texts else None

    def _masked(self, value: str, matches: list[Match], record: int, path: Ref) -> list[tuple[int, int, str]]:
        """The edits of a value's matches; records findings and counts."""
        if not matches:
            return []
        summary = self.records.one(record)
        edits: list[tuple[int, int, str]] = []
        masks = may_hold_mask(value)  # once a value: few hold a mask
        for m in matches:
            original = value[m.start : m.end]
            replacement = self.profile.apply(m.entity, original)
            if masks and replacement is not None and may_hold_mask(original) and as_came(original, replacement):
                continue  # masked upstream as this caller's profile masks: nothing more goes out
            self.raw.append((path, m))
            self.counts[m.entity] = self.counts.get(m.entity, 0) + 1
            summary.entities.add(m.entity)
            if m.entity == resident_id.ENTITY:
                self._person(original, summary)
            if replacement is None or replacement == original:
                self.clear += 1
                continue
            self.masked += 1
            edits.append((m.start, m.end, replacement))
            if m.entity == person_name.ENTITY:
                self.known.add(original)
        return edits

    def _referenced(self, value: str, plan: Plan, record: int, path: Ref) -> list[tuple[int, int, str]] | None:
        """The edits of a value holding HTML's numeric character references (``&#49;&#49;…``,
        ``&#x5f20;``: a JSON or CSV value a page writes into HTML shows them as the digits or
        the name), inspected decoded and masked in the raw value (markup_text.Value); None
        when it holds none."""
        text = markup_text.Value()
        text.add(value, 0, len(value), markup_text.RAW, _NUMERIC_REF, True)
        decoded = text.text
        if decoded == value:
            return None
        out: list[tuple[int, int, str]] = []
        for start, end, new in self.edits(decoded, plan, record, path, True):
            out += text.raw_edits(start, end, new)
        out.sort()
        return out

    def _in_url(
        self,
        value: str,
        pieces: list[urls.Piece],
        edits: list[tuple[int, int, str]],
        matches: list[Match],
        plan: Plan,
        record: int,
        path: Ref,
    ) -> list[tuple[int, int, str]]:
        """``edits`` of a value that is a URL or a path, with those of its pieces that no
        match of the whole value touches (``urls.pieces``): read decoded, a path segment
        shaped like a full name under one naming persons (``/persons/张伟``, ``/photos/张伟.jpg``)
        as a name, a query value under
        its parameter's name, an escaped or a long one (text in base64) as a value of its own, and
        written back escaped as it came."""
        out = list(edits)
        plan_of = self.detector.plan
        for piece in pieces:
            if any(m.start < piece.end and piece.start < m.end for m in matches):
                continue
            raw = value[piece.start : piece.end]
            # "+" is a space in a query only: in a path it is itself (base64's "+").
            text, encoding = unquote_escapes(raw if piece.key is not None else raw.replace("+", "%2B"), "utf-8")
            new: str | None = None
            if piece.key is not None:
                key, _ = unquote_escapes(piece.key, encoding)
                new = self.value(text, plan_of(key), record, path, True)
            else:
                name = urls.stem(text)
                parent, _ = unquote_escapes(piece.under, encoding)
                if urls.names_person(parent, plan_of) and person_name.is_name(name) and name_shaped(name, plan_of):
                    masked = self.value(name, plan_of(_NAME_KEY), record, path, True)
                    new = None if masked is None else masked + text[len(name) :]
                elif "%" in raw or len(raw) >= base64text.MIN_LENGTH:  # else the scan of the whole read it
                    new = self.value(text, plan, record, path, True)
            if new is None or new == text:
                continue
            out.append((piece.start, piece.end, quote(new, safe="*", encoding=encoding) if "%" in raw else new))
        out.sort()
        return out

    def _in_tokens(
        self,
        value: str,
        wrapped: list[tokens.Wrapped],
        edits: list[tuple[int, int, str]],
        plan: Plan,
        record: int,
        path: Ref,
    ) -> list[tuple[int, int, str]]:
        """``edits`` with those of the JWTs and data URIs of text in a value (``tokens.found``;
        the matches of the whole value inside them are left out): what they carry inspected as what it is (JSON, CSV, text),
        a data URI's data encoded again once masked. A token whose claims the profile masks is
        redacted whole: masked claims would break its signature, and it is a credential too."""
        out = list(edits)
        walk = self.typed_text
        for inner in wrapped:
            text = inner.text
            new = walk(self, text, inner.media_type) if walk is not None else None
            if new is None:
                new = self.value(text, plan, record, path, True)
            if new is None or new == text:
                continue
            out.append((inner.start, inner.end, REDACTED if inner.kind == tokens.JWT else tokens.encoded(inner, new)))
        out.sort()
        return out

    def _decoded_text(self, text: str, plan: Plan, record: int, path: Ref) -> str | None:
        """The masked text of a value that is text in base64 or hex (a JSON document walked as
        one, a CSV export as a table), which the caller encodes again as a whole; None when
        nothing in it changed."""
        walk = self.json_text
        new = walk(self, text) if walk is not None and text.lstrip()[:1] in ("{", "[") else None
        if new is None and "\n" in text and self._table_text(text):  # a CSV export in base64
            table = self._table(text)
            new = table[0][2] if table else None if table is None else text
        if new is None:
            new = self.value(text, plan, record, path, True)
        return None if new is None or new == text else new

    def keyed_column(
        self,
        values: list[str],
        plan: Plan,
        records: list[int],
        where: Callable[[int], str],
        indices: list[int],
        joined: str | None,
    ) -> list[str | None]:
        """``value`` for each of a column's values that ``plan.canonical`` matches whole,
        at once: the replacements (None: unchanged), aligned with ``values``.

        ``records[k]`` is the record of ``values[k]``, ``indices[k]`` its position for
        ``where`` (the path, formatted only if findings are read); ``joined``, when the
        column matched ``plan.column`` whole, the values joined by NUL. Values the keyed
        outcome does not cover (a name holding a context word, a one-character address)
        take ``value`` one by one.
        """
        info = plan.info
        entity = KEYED_ENTITY.get(info.entity or "") if info is not None else None
        if entity is None:
            raise ValueError(f"keyed_column needs a plan whose key names one of {sorted(KEYED_ENTITY)}")
        odd: list[int] = []
        if entity == person_name.ENTITY:
            odd = odd_names(values, info, joined)
        elif entity == address.ENTITY:
            odd = [k for k, v in enumerate(values) if len(v) < 2]
        if not odd:
            return self._keyed(entity, values, plan, records, where, indices, joined)
        out: list[str | None] = [None] * len(values)
        for k in odd:
            out[k] = self.value(values[k], plan, records[k], where(indices[k]), True)
        skip = set(odd)
        keep = [k for k in range(len(values)) if k not in skip]
        if keep:
            new = self._keyed(
                entity,
                [values[k] for k in keep],
                plan,
                [records[k] for k in keep],
                where,
                [indices[k] for k in keep],
                None,
            )
            for k, replacement in zip(keep, new, strict=True):
                out[k] = replacement
        return out

    def _keyed(
        self,
        entity: str,
        values: list[str],
        plan: Plan,
        records: list[int],
        where: Callable[[int], str],
        indices: list[int],
        joined: str | None,
    ) -> list[str | None]:
        """``keyed_column`` for values the keyed outcome covers, without a step per value
        where C-level list operations do (counts, persons, masks)."""
        self.raw.append(KeyedColumn(values if joined is None else joined, plan, where, indices))
        self.counts[entity] = self.counts.get(entity, 0) + len(values)
        self.records.entity_rows(entity, records)
        if entity == resident_id.ENTITY:
            self._persons(values, records)
        new = self.profile.apply_clean(entity, values)
        unchanged = unchanged_masks(new, values)
        self.clear += unchanged
        self.masked += len(values) - unchanged
        if entity == person_name.ENTITY and unchanged < len(values):
            self.known.update(values)
        if not unchanged:
            return new
        return [r if r is not None and r != v else None for r, v in zip(new, values, strict=True)]

    def _persons(self, numbers: list[str], records: list[int]) -> None:
        """``_person`` for clean 18-character numbers (``minors.minor_records``)."""
        joined = "\x00".join(numbers)
        upper = joined.upper().split("\x00") if "x" in joined else numbers  # one C-level pass
        self.persons.update(upper)
        self.records.category_rows("minor", minor_records(upper, records, self.today))

    def _person(self, original: str, summary: RecordSummary) -> None:
        number = resident_id.canonical(original)
        if len(number) != 18:
            return
        self.persons.add(number)
        born = resident_id.birth_date(number)
        if born is not None and _age(born, self.today) < 18:
            summary.categories.add("minor")
