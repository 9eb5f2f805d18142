"""The Inspector: find, grade and mask personal data in one upstream response body."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import (
    datatext,
    dispositions,
    events,
    fastcsv,
    formnames,
    known_names,
    markup,
    sniff,
    structured,
    wordfile,
    workbook,
)
from .catalog import Catalog
from .charsets import CharsetError, decode
from .custom import parse
from .declared import DeclaringScanner
from .detect import Detector
from .entities import person_name, resident_id
from .fastjson import ColumnWalker
from .grading import Grader
from .inspection import Inspection, InspectionError
from .jsonbody import _NOT_PARSED, _dumps, _dumps_utf8, _loads, _loads_utf8
from .jsonduplicates import hides_duplicates
from .mediatypes import _kind, declared_charset
from .regionfields import DISAGREE
from .regionlevels import finest, names_beside
from .run import Finding, Run
from .scanner import Scanner
from .structured import Cell

if TYPE_CHECKING:
    from policies.masking import MaskingProfile

_CLEAN_KEYS_MAX = 4096
# The entities that say who a person is: elements holding them side by side are records apart,
# and so are objects holding them in any JSON list.
_WHO = frozenset({person_name.ENTITY, resident_id.ENTITY})
__all__ = ["Finding", "Inspection", "InspectionError", "Inspector"]


class Inspector:
    def __init__(self, *, max_bytes: int = 8 * 1024 * 1024, custom_entities: Mapping[str, Any] | None = None) -> None:
        self.max_bytes = max_bytes
        custom = parse(custom_entities or {})  # inspection.custom_entities: checked once, here
        self.catalog = Catalog.load(custom=custom)
        self.grader = Grader.load(custom=custom)
        scanner = DeclaringScanner(tuple(c.spec for c in custom)) if custom else Scanner()
        self.detector = Detector(self.catalog, scanner)

    def inspect(self, body: bytes, media_type: str, charset: str | None, profile: MaskingProfile) -> Inspection:
        if len(body) > self.max_bytes:
            raise InspectionError(
                "too_large", f"body of {len(body)} bytes exceeds the inspection limit of {self.max_bytes}"
            )
        kind = _kind(media_type)
        if charset is None and kind in ("xml", "html"):
            charset = declared_charset(body)
        run = Run(self.detector, profile, json_text=self._json_text, typed_text=self._typed_text)
        if kind in ("workbook", "document"):
            walk_file = workbook.walk if kind == "workbook" else wordfile.walk
            new_body, _, records = walk_file(
                body,
                lambda text, table: self._apart(run, text, "csv" if table else "text"),
                lambda text: self._walk_text(run, text)[1],
                run.picture,
                self.max_bytes,
            )
            return self._inspection(run, new_body, records)
        if kind == "json" and (doc := _loads_utf8(body, charset)) is not _NOT_PARSED:
            # The usual case: UTF-8 JSON that orjson reads from the bytes (which proves them
            # valid UTF-8) and writes back as bytes; the text is never needed.
            new_doc, changed, records = self._walk_json(run, doc)
            if changed or hides_duplicates(body, doc):
                return self._inspection(run, _dumps_utf8(new_doc), records)
            return self._inspection(run, body, records)
        try:
            text, codec = decode(body, charset)
        except CharsetError as undecodable:  # one name per exception type: mypyc types it once
            raise InspectionError("unsupported_encoding", str(undecodable)) from None
        utf8 = body if codec.encoding == "utf-8" else None
        parsed: Any = _NOT_PARSED
        fast = False
        if kind in ("text", "html") and text.lstrip()[:1] in ("{", "["):
            # JSON under a type that says otherwise (legacy servers answer text/html or
            # text/plain): walked as JSON if it is, so that its keys are evidence too.
            try:
                parsed, fast = _loads(text, utf8)
                kind = "json"
            except InspectionError:
                pass
        if kind == "text":
            kind = sniff.text_kind(text)
        if kind == "json" and parsed is not _NOT_PARSED:
            new_doc, changed, records = self._walk_json(run, parsed)
            changed = changed or hides_duplicates(text, parsed)
            new_text = _dumps(new_doc, fast) if changed else text
        else:
            new_text, changed, records = self._walk(run, text, kind, utf8, codec.encoding, 0)
        if not changed:
            return self._inspection(run, body, records)
        try:
            out = codec.encode(new_text)
        except UnicodeEncodeError as unencodable:  # a lone surrogate that json read from \ud800
            raise InspectionError("unsupported_encoding", f"the masked body cannot be encoded: {unencodable}") from None
        return self._inspection(run, out, records)

    def _walk(
        self, run: Run, text: str, kind: str, utf8: bytes | None, encoding: str, depth: int
    ) -> tuple[str, bool, int]:
        """(text, changed, records) of a body, or of a multipart body's part, of this kind."""
        if kind == "json":
            doc, fast = _loads(text, utf8)
            new_doc, changed, records = self._walk_json(run, doc)
            changed = changed or hides_duplicates(text, doc)
            return (_dumps(new_doc, fast) if changed else text), changed, records
        if kind == "ndjson":
            return self._walk_lines(run, text, utf8)
        if kind == "csv":
            return fastcsv.walk_csv(
                text,
                run.value,
                self.detector.plan,
                run.keyed_column,
                run.category_rows,
                run.detections.detected,
                run.region_values,
                one_record=run.one_record,
                region_part=run.region_part,
                known=lambda columns: known_names.in_csv(run, columns),
            )
        if kind == "form":
            return structured.walk_form(
                text,
                run.visit,
                encoding,
                lambda inner: self._json_text(run, inner),
                lambda fields: self._form_fields(run, fields),
            )
        if kind in ("xml", "html"):
            try:
                new, changed, records = markup.walk(
                    text,
                    lambda cell: self._spans(run, cell),
                    self._known,
                    lambda inner: self._json_text(run, inner),
                    is_html=kind == "html",
                    region_key=self._region_key,
                    regions=run.region_values,
                    one_record=run.one_record,
                    person_key=self._person_key,
                )
            except markup.MarkupError as refused:
                raise InspectionError(refused.code, str(refused)) from None
            known = known_names.in_text(run, new, True)
            return (new, changed, records) if known is None else (known, True, records)
        if kind == "multipart":
            return self._walk_multipart(run, text, encoding, depth)
        if kind == "events":
            return self._walk_events(run, text)
        if kind in ("yaml", "toml"):  # masked as the text it is, judged as the data it holds
            new, changed, records = self._walk(run, text, sniff.text_kind(text), utf8, encoding, depth)
            data_records, masks = self._data_text(run, text, kind)
            if masks:  # a name the object rule masks in the data ({a: 张伟, b: <ID number>}), in clear in the text
                rewritten = datatext.rewrite(new, masks)
                changed = changed or rewritten != new
                new = rewritten
            return new, changed, max(records, data_records)
        new, changed, records = self._walk_text(run, text)
        known = known_names.in_text(run, new, False)
        return (new, changed, records) if known is None else (known, True, records)

    def _form_fields(self, run: Run, fields: list[tuple[str, str, str, int, bool]]) -> dict[int, str]:
        """{a form field's index: its mask} of the fields read beside each other once walked:
        names beside a person's number (``formnames``), then the known names in the others."""
        beside = formnames.names_beside_numbers(fields, self.detector.plan, run.visit)
        return {**known_names.in_form(run, fields, self.detector.plan, beside), **beside}

    def _apart(self, run: Run, text: str, kind: str) -> tuple[str, bool, int]:
        """A text of a file made of parts, walked as a document of its own: a workbook's sheet
        or a Word document's table, as the CSV table it is read into; a Word document's
        paragraphs outside tables, as text."""
        outer = run.document()
        try:
            return self._walk(run, text, kind, None, "utf-8", 0)
        finally:
            run.document_end(outer)

    def _data_text(self, run: Run, text: str, kind: str) -> tuple[int, dict[str, str]]:
        """Note the region fields of a YAML or TOML answer, walked as the data it parses to
        (datatext.py) with a run of its own whose findings are dropped, its records numbered
        apart as a document's in text are; returns its records and the scalars that walk masked
        (``datatext.masked_values``: the text's walk reads no object's members beside each
        other). One that does not parse holds region fields no one can read."""
        doc = datatext.parse(text, kind)
        if doc is datatext.UNPARSED:
            run.unread_regions.add(f"({kind} 无法解析)")
            return 1, {}
        data = Run(self.detector, run.profile)
        new_doc, changed, records = self._walk_json(data, doc)
        # the walk masks lists of objects in place: the scalars as they were are parsed again
        masks = datatext.masked_values(datatext.parse(text, kind), new_doc) if changed else {}
        data.parts_end()
        run.regions |= data.regions
        run.unread_regions |= data.unread_regions
        run.region_documents += [*data.region_documents, (data.region_fields, data.region_record_of)]
        run.persons_apart += data.persons_apart
        run.persons_beside += data.persons_beside
        return records, masks

    def _labelled(self, text: str) -> list[tuple[str, int, int]]:
        """(key, start, end) of each name written under a name key in ``text``."""
        return self.detector.labelled_names(text)

    def _spans(self, run: Run, cell: Cell) -> list[tuple[int, int, str]]:
        """``run.spans`` of an XML or HTML value, with the names written under a name key in
        a value that has no key of its own visited under that key (an error page's
        ``<pre>… xm=张伟 …</pre>``), as in text."""
        labelled = self._labelled(cell.text) if cell.key is None else []
        if not labelled:
            return run.spans(cell)
        out: list[tuple[int, int, str]] = []
        last = 0
        for key, start, end in [*labelled, (None, len(cell.text), len(cell.text))]:
            before = Cell(cell.path, None, cell.text[last:start], cell.record, cell.scan)
            out += [(a + last, b + last, new) for a, b, new in run.spans(before)]
            if key is not None:
                value = Cell(cell.path, key, cell.text[start:end], cell.record, cell.scan)
                out += [(a + start, b + start, new) for a, b, new in run.spans(value)]
            last = end
        return out

    def _walk_multipart(self, run: Run, text: str, encoding: str, depth: int) -> tuple[str, bool, int]:
        """A MIME multipart body (multipart/mixed, form-data, related: the gateway reads it as
        text): each part walked as what its own Content-Type says, its headers scanned as
        text (a file name). Read as one string, a CSV part's headings keyed nothing. A part
        in base64 or quoted-printable, or of a binary type, cannot be inspected."""
        if depth >= sniff.MULTIPART_DEPTH_MAX:
            raise InspectionError("unparseable", "multipart body nested too deeply")
        boundary = sniff.boundary(text)
        if boundary is None:  # cannot happen: _text_kind found it
            return self._walk_text(run, text)
        delimiter = re.compile(r"^--" + re.escape(boundary) + r"(?:--)?[ \t]*\r?$", re.MULTILINE)
        pieces: list[str] = []
        last, records, changed = 0, 0, False
        for i, line in enumerate(delimiter.finditer(text)):
            part = text[last : line.start()]
            if i == 0:  # the preamble
                new_part, part_changed, _ = structured.walk_text(part, run.visit) if part.strip() else (part, False, 0)
            else:
                new_part, part_changed, part_records = self._walk_part(run, part, encoding, depth)
                records += part_records
            pieces += [new_part, line.group()]
            changed = changed or part_changed
            last = line.end()
        epilogue, epilogue_changed, _ = structured.walk_text(text[last:], run.visit)
        pieces.append(epilogue)
        return "".join(pieces), changed or epilogue_changed, max(records, 1)

    def _walk_part(self, run: Run, part: str, encoding: str, depth: int) -> tuple[str, bool, int]:
        """One part: the line break after the delimiter, its headers, a blank line, its body."""
        head = sniff.PART_HEAD.match(part)
        if head is None:  # no blank line: all headers, or no headers at all; scanned as text
            return structured.walk_text(part, run.visit)
        headers = head.group(1)
        media_type = ""
        for line in headers.splitlines():
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-type":
                media_type = value.split(";", 1)[0].strip().lower()
            elif name == "content-transfer-encoding" and value.strip().lower() not in ("7bit", "8bit", "binary"):
                raise InspectionError(
                    "unsupported_encoding", f"a multipart part in {value.strip()} cannot be inspected"
                )
        named = dispositions.masked_headers(headers, lambda name: run.visit(Cell("part", "filename", name, 0, True)))
        new_headers, headers_changed, _ = structured.walk_text(named, run.visit)
        headers_changed = headers_changed or named != headers
        # The line break before the next delimiter belongs to the delimiter; a walker that
        # writes its document anew (JSON) would drop it.
        body = part[head.end() :].rstrip("\r\n")
        kind = _kind(media_type)
        kind = sniff.text_kind(body) if kind == "text" else kind
        outer = run.document()  # each part its own document: its records none of the others'
        try:
            new_body, body_changed, records = self._walk(run, body, kind, None, encoding, depth + 1)
        finally:
            run.document_end(outer)
        new_part = part[: head.start(1)] + new_headers + part[head.end(1) : head.end()] + new_body
        new_part = new_part if headers_changed or body_changed else part
        return new_part + part[head.end() + len(body) :], headers_changed or body_changed, records

    def _walk_lines(self, run: Run, text: str, utf8: bytes | None) -> tuple[str, bool, int]:
        """JSON lines (NDJSON): each line a document, walked with the others' run."""
        lines = text.split("\n")
        changed, records = False, 0
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            doc, fast = _loads(line, None if utf8 is None else line.encode())
            outer = run.document()  # a line's records are numbered from 0, as the next line's
            try:
                new_doc, line_changed, line_records = self._walk_json(run, doc)
            finally:
                run.document_end(outer)
            records += line_records
            if line_changed or hides_duplicates(line, doc):
                lines[i] = _dumps(new_doc, fast) + ("\r" if line.endswith("\r") else "")
                changed = True
        return "\n".join(lines), changed, records

    def _walk_events(self, run: Run, text: str) -> tuple[str, bool, int]:
        """Server-sent events: the data of an event of several ``data:`` lines walked joined, as
        the client reads it (events.py), the rest of the stream as text (``data: {...}`` read
        as JSON there)."""
        spread = events.joined(text)
        if not spread:
            return self._walk_text(run, text)
        pieces: list[str] = []
        last, records, changed = 0, 0, False
        for data in spread:
            gap, gap_changed, gap_records = self._walk_text(run, text[last : data.start], 0)
            new, data_changed, data_records = self._walk_text(run, data.text)
            # The other lines between the data lines go out too: an id:, an event:, a line the
            # client ignores (found by fuzzing: an ID on one went out in clear).
            others, others_changed, _ = self._walk_text(run, data.others, 0)
            if data_changed or others_changed:
                pieces += [gap, events.written(data, new, others)]
            else:
                pieces += [gap, text[data.start : data.end]]
            changed = changed or gap_changed or data_changed or others_changed
            records += gap_records + data_records
            last = data.end
        rest, rest_changed, rest_records = self._walk_text(run, text[last:], 0)
        pieces.append(rest)
        return "".join(pieces), changed or rest_changed, max(records + rest_records, 1)

    def _walk_text(self, run: Run, text: str, least: int = 1) -> tuple[str, bool, int]:
        """Plain text, with the JSON documents in it walked as JSON: JSONP (``cb({...})``),
        server-sent events (``data: {...}``), a multipart body's JSON part, a script's
        ``var d = {...}``. Scanned as one string, their keys were no evidence: a name under
        "name" went out in clear. The text around them is scanned as text."""
        pieces: list[str] = []
        last, records, changed = 0, 0, False
        for start, end in sniff.json_spans(text):
            gap, gap_changed = self._walk_labelled(run, text[last:start])
            inner = text[start:end]
            doc, fast = _loads(inner)
            outer = run.document()
            try:
                new_doc, doc_changed, doc_records = self._walk_json(run, doc)
            finally:
                run.document_end(outer)
            doc_changed = doc_changed or hides_duplicates(inner, doc)
            pieces += [gap, _dumps(new_doc, fast) if doc_changed else inner]
            changed = changed or gap_changed or doc_changed
            records += doc_records
            last = end
        if not pieces:
            whole, whole_changed = self._walk_labelled(run, text)
            return whole, whole_changed, least
        rest, rest_changed = self._walk_labelled(run, text[last:])
        pieces.append(rest)
        return "".join(pieces), changed or rest_changed, max(records, least)

    def _walk_labelled(self, run: Run, text: str) -> tuple[str, bool]:
        """Text, with the names written under a field name that says so (``xm=张伟`` in an
        error text, ``name: 张伟`` in YAML, ``{name: '张伟'}`` in a script) visited under that
        key, as a JSON member's would be: scanned as text they had no evidence and went out
        in clear. Only name keys: other entities need no key, and cutting the text around
        their values could split a number written in groups."""
        pieces: list[str] = []
        last, changed = 0, False
        for key, start, end in self._labelled(text):
            before, before_changed, _ = structured.walk_text(text[last:start], run.visit)
            value = text[start:end]
            masked = run.visit(Cell("text", key, value, 0, True))
            pieces += [before, value if masked is None else masked]
            changed = changed or before_changed or (masked is not None and masked != value)
            last = end
        if not pieces:
            whole, whole_changed, _ = structured.walk_text(text, run.visit)
            return whole, whole_changed
        rest, rest_changed, _ = structured.walk_text(text[last:], run.visit)
        pieces.append(rest)
        return "".join(pieces), changed or rest_changed

    def _json_text(self, run: Run, text: str) -> str | None:
        """JSON found inside another format (an XML element): masked, itself if unchanged, or
        None when it does not parse (then it is scanned as text)."""
        try:
            doc, fast = _loads(text)
        except InspectionError:
            return None
        outer = run.document()  # its records are numbered from 0: none of them the XML's
        try:
            new_doc, changed, _ = self._walk_json(run, doc)
        finally:
            run.document_end(outer)
        return _dumps(new_doc, fast) if changed or hides_duplicates(text, doc) else text

    def _typed_text(self, run: Run, text: str, media_type: str) -> str | None:
        """Text of a media type inside another value (a data URI's, a JWT's claims) walked as
        that type: masked, itself if unchanged, or None when it cannot be (then it is scanned
        as text)."""
        outer = run.document()
        try:
            kind = _kind(media_type)
            kind = sniff.text_kind(text) if kind == "text" else kind
            new, _, _ = self._walk(run, text, kind, None, "utf-8", sniff.MULTIPART_DEPTH_MAX - 1)
        except InspectionError:
            return None
        finally:
            run.document_end(outer)
        return new

    def _walk_json(self, run: Run, doc: Any) -> tuple[Any, bool, int]:
        detector = self.detector
        if len(detector.clean_keys) > _CLEAN_KEYS_MAX:  # keys are few per route; this bounds odd ones
            detector.clean_keys.clear()
        walker = ColumnWalker(
            run.value,
            detector.plan,
            run.finds,
            run.keyed_column,
            run.category_rows,
            detector.clean_keys,
            detector.clean_values,
            run.region_values,
            run.found,
            detector.member_name_plan,
            detector.split_keys,
            run.item,
            _WHO,
            run.region_part,
            detector.compound_keys,
        )
        try:
            new_doc, changed, records = walker.walk_document(doc)
            changed |= known_names.in_json(run, new_doc, detector.plan, walker.texts)
        except RecursionError:
            raise InspectionError("unparseable", "JSON body is nested too deeply") from None
        run.persons_apart += walker.persons.apart()
        run.persons_beside += walker.persons.beside()
        return new_doc, changed, records

    def _inspection(self, run: Run, body: bytes, records: int) -> Inspection:
        run.parts_end()
        combinations, with_personal = run.records.combinations(self.grader.personal_entities)
        # The volume rule counts persons as the release stage's limits do: a page nested where
        # no record list is looked for is as many persons as it holds, not one record.
        with_personal = max(with_personal + run.persons_beside, run.persons_apart)
        grade = self.grader.grade_combinations(combinations, with_personal, len(run.persons))
        documents = [*run.region_documents, (run.region_fields, run.region_record_of)]
        unread = run.unread_regions
        regions = run.regions
        if unread and (run.regions or len(unread) > 1):
            # A name beside a record's code, or another name: the parents' names say nothing
            # against it (安康市 beside 610902 or 汉滨区), one that does not nest with it leaves the
            # record unreadable; a code above the record's name (610900 beside 汉滨区) is a parent.
            parents, disagree, codes_above = names_beside(documents)
            unread = (unread - parents) | ({DISAGREE} if disagree else set())
            regions = regions - codes_above
        return Inspection(
            body=body,
            level=grade.level,
            entity_counts=dict(run.counts),
            records=records,
            persons=frozenset(run.persons),
            persons_apart=run.persons_apart,
            persons_beside=run.persons_beside,
            # A parent's code written beside a record's region is no region of its own.
            regions=finest(regions, documents),
            masked=run.masked,
            clear=run.clear,
            reasons=grade.reasons,
            unread_regions=frozenset(unread),
            # Read record by record only when there is something to place (most answers carry codes).
            unread_records=run.unread_records() if unread else (),
            find=run.findings,
        )

    def _known(self, key: str) -> bool:
        return self.detector.key_info(key) is not None

    def _person_key(self, key: str) -> bool:
        """A key that says who a person is: a name or an ID number."""
        info = self.detector.key_info(key)
        return info is not None and info.entity in _WHO

    def _region_key(self, key: str) -> bool:
        """A key whose every value is a region (its element's texts judged together); a key
        of region words (areaCode) has its own values judged as the catalog says."""
        info = self.detector.key_info(key)
        return info is not None and info.region and not info.region_code_only
