"""The Inspector: find, grade and mask personal data in one upstream response body."""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from . import markup, structured
from .catalog import Catalog
from .charsets import CharsetError, decode
from .detect import Detector, Plan
from .entities import resident_id
from .fastjson import ColumnWalker, path_of
from .grading import Grader, RecordSummary
from .levels import DataLevel
from .scanner import Scanner

if TYPE_CHECKING:
    from policies.masking import MaskingProfile

# Media types that are never text: refuse rather than "mask" bytes of an image.
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset(
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-protobuf",
        "application/protobuf",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
)
_ABSENT = frozenset({"", "false", "0", "null", "none", "否", "无"})


class InspectionError(Exception):
    """The body could not be inspected; ``code`` is machine-readable, str() says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    entity: str
    start: int
    end: int
    score: float
    evidence: str  # how it was found; never the value itself


@dataclass
class Inspection:
    body: bytes
    level: DataLevel
    entity_counts: dict[str, int]
    records: int
    persons: frozenset[str]  # raw 18-character ID numbers: the gateway tokenises, then drops them
    findings: list[Finding]
    masked: int
    clear: int
    reasons: tuple[str, ...] = ()


class Inspector:
    def __init__(self, *, max_bytes: int = 8 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self.catalog = Catalog.load()
        self.grader = Grader.load()
        self.detector = Detector(self.catalog, Scanner())

    def inspect(self, body: bytes, media_type: str, charset: str | None, profile: MaskingProfile) -> Inspection:
        if len(body) > self.max_bytes:
            raise InspectionError(
                "too_large", f"body of {len(body)} bytes exceeds the inspection limit of {self.max_bytes}"
            )
        kind = _kind(media_type)
        if charset is None and kind in ("xml", "html"):
            charset = declared_charset(body)
        try:
            text, codec = decode(body, charset)
        except CharsetError as exc:
            raise InspectionError("unsupported_encoding", str(exc)) from None
        run = _Run(self.detector, profile)
        if kind == "json":
            doc, fast = _loads(text)
            try:
                new_doc, changed, records = ColumnWalker(run.value, self.detector.plan, run.finds).walk_document(doc)
            except RecursionError:
                raise InspectionError("unparseable", "JSON body is nested too deeply") from None
            new_text = (orjson.dumps(new_doc).decode() if fast else structured.dumps(new_doc)) if changed else text
        elif kind == "csv":
            new_text, changed, records = structured.walk_csv(text, run.visit)
        elif kind == "form":
            new_text, changed, records = structured.walk_form(text, run.visit, codec.encoding)
        elif kind in ("xml", "html"):
            try:
                new_text, changed, records = markup.walk(text, run.spans, self._known, is_html=kind == "html")
            except markup.MarkupError as exc:
                raise InspectionError(exc.code, str(exc)) from None
        else:
            new_text, changed, records = structured.walk_text(text, run.visit)
        grade = self.grader.grade(run.records.values(), len(run.persons))
        return Inspection(
            body=codec.encode(new_text) if changed else body,
            level=grade.level,
            entity_counts=dict(run.counts),
            records=records,
            persons=frozenset(run.persons),
            findings=run.findings,
            masked=run.masked,
            clear=run.clear,
            reasons=grade.reasons,
        )

    def _known(self, key: str) -> bool:
        return self.detector.key_info(key) is not None


# orjson reads integers beyond 64 bits as floats (digits lost); those bodies take json.
_HUGE_INT = re.compile(r"[0-9]{20}|-[0-9]{19}")


def _loads(text: str) -> tuple[Any, bool]:
    """The parsed document, and whether orjson parsed it (then it also serialises it).

    orjson parses and serialises a 4 KB document in a third of json's time, keeps key
    order and writes compact UTF-8 like ``structured.dumps``; the only visible difference
    is the exponent of very small or large floats (1e-7, not 1e-07). Whatever it refuses
    (NaN, lone surrogates, a BOM, nesting beyond 1024) goes through json as before, so
    accepted input and error messages are json's.
    """
    if _HUGE_INT.search(text) is None:
        try:
            return orjson.loads(text), True
        except orjson.JSONDecodeError:
            pass
    try:
        return json.loads(text), False
    except (ValueError, RecursionError) as exc:
        raise InspectionError("unparseable", f"body declared as JSON does not parse: {exc}") from None


# Where an XML prolog or an HTML <meta> declares the encoding (used when the header does not;
# a BOM still wins, as in XML 1.0 appendix F and the HTML encoding sniffing algorithm).
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)|<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9._-]+)""",
    re.IGNORECASE,
)


def declared_charset(body: bytes) -> str | None:
    """The charset an XML declaration or HTML <meta> in the first 1 KB names, if any."""
    if body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    m = _DECLARED.search(body[:1024])
    return (m.group(1) or m.group(2)).decode("ascii") if m else None


def _kind(media_type: str) -> str:
    base = media_type.split(";", 1)[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    if base in ("text/html", "application/xhtml+xml"):  # XHTML as served is rarely well-formed XML
        return "html"
    if base in ("application/xml", "text/xml") or base.endswith("+xml"):
        return "xml"
    if base in ("text/csv", "application/csv"):
        return "csv"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base in _BINARY_TYPES or base.startswith(_BINARY_PREFIXES):
        raise InspectionError("unsupported_encoding", f"media type {base!r} is not text")
    return "text"


@dataclass
class _Run:
    """State of one inspection: the visitor called by the walkers for every value."""

    detector: Detector
    profile: MaskingProfile
    findings: list[Finding] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    records: dict[int, RecordSummary] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    masked: int = 0
    clear: int = 0
    today: _dt.date = field(default_factory=_dt.date.today)

    def _record(self, index: int) -> RecordSummary:
        summary = self.records.get(index)
        if summary is None:
            summary = self.records[index] = RecordSummary()
        return summary

    def visit(self, cell: structured.Cell) -> str | None:
        return self.value(cell.text, self.detector.plan(cell.key), cell.record, cell.path, cell.scan)

    def finds(self, key: str) -> bool:
        """Would an object key produce findings? (Checked before choosing a walk; records nothing.)"""
        return bool(self.detector.scanner.scan(key))

    def spans(self, cell: structured.Cell) -> list[tuple[int, int, str]]:
        """The replacements inside one value, as (start, end, new text) in its coordinates."""
        return self.edits(cell.text, self.detector.plan(cell.key), cell.record, cell.path, cell.scan)

    def value(
        self, value: str, plan: Plan, record: int, path: str | tuple[str, int | str, str], scan: bool
    ) -> str | None:
        """The replacement of one value (None: unchanged); records findings and counts."""
        edits = self.edits(value, plan, record, path, scan)
        if not edits:
            return None
        pieces: list[str] = []
        last = 0
        for start, end, new in edits:
            pieces.append(value[last:start])
            pieces.append(new)
            last = end
        pieces.append(value[last:])
        return "".join(pieces)

    def edits(
        self, value: str, plan: Plan, record: int, path: str | tuple[str, int | str, str], scan: bool
    ) -> list[tuple[int, int, str]]:
        """The masked spans of one value, in order; records findings and counts."""
        info = plan.info
        if info is None:
            matches = self.detector.scanner.scan(value) if scan else []
        else:
            if info.category and value.strip().lower() not in _ABSENT:
                self._record(record).categories.add(info.category)
            if not scan:
                return []
            if plan.canonical is not None and plan.canonical.fullmatch(value) is not None:
                matches = self.detector.keyed(value, plan)
            else:
                matches = self.detector.detect(value, info, plan)
        if not matches:
            return []
        summary = self._record(record)
        where = path_of(path)
        edits: list[tuple[int, int, str]] = []
        for m in matches:
            original = value[m.start : m.end]
            self.findings.append(Finding(where, m.entity, m.start, m.end, m.score, m.evidence))
            self.counts[m.entity] += 1
            summary.entities.add(m.entity)
            if m.entity == resident_id.ENTITY:
                self._person(original, summary)
            replacement = self.profile.apply(m.entity, original)
            if replacement is None or replacement == original:
                self.clear += 1
                continue
            self.masked += 1
            edits.append((m.start, m.end, replacement))
        return edits

    def _person(self, original: str, summary: RecordSummary) -> None:
        number = resident_id.canonical(original)
        if len(number) != 18:
            return
        self.persons.add(number)
        born = resident_id.birth_date(number)
        if born is not None and _age(born, self.today) < 18:
            summary.categories.add("minor")


def _age(born: _dt.date, today: _dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
