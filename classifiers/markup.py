"""Walk XML and HTML bodies structurally: element text, attribute values, CDATA, comments, PIs.

Like JSON keys, element and attribute names give field-name evidence: ``<sfzh>``,
``<姓名>``, ``<ns1:lxdh>``, an attribute ``phone="…"``, and a naming attribute
(``<field name="sfzh">…</field>``, ``<input name="phone" value="…">``). HTML tables take
their keys from the header row (``<th>`` cells, or a first row of labels in ``<td>``), and a
value without a key of its own takes the label just before it (``<td>身份证号：</td><td>…</td>``,
``<dt>``/``<dd>``).

XML is first parsed by defusedxml with DTDs forbidden (no external entities, no entity
expansion, so no billion-laughs): a body it refuses or cannot parse raises
:class:`MarkupError` and the inspector fails closed, as for unparseable JSON. The masking
pass itself is a lexer (markup_lexer.py) over the (then known well-formed) text, so that
everything outside the masked spans stays byte for byte. HTML is lexed leniently, as browsers read it.
Escaped XML inside an XML text node (SOAP services returning ``&lt;sfzh&gt;…``) is walked
as a document of its own, up to three levels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree

from .entities import name_tests
from .markup_fields import _BUTTONS, _CELLS, _NAMING, _NAMING_SET, _VALUE_ATTRS, _header, _in_header_row
from .markup_lexer import LABEL_JUNK, Elem, Item, Lexer, cell_text, headings
from .markup_names import Attribute, names_beside_numbers
from .markup_script import _LITERAL_START, _NAMED_STRING, _literal_end
from .markup_text import BETWEEN_DIGITS, DIGITS, INVISIBLE, Edit, digits_only
from .numberish import text_may_hold_number
from .regionfields import DISAGREE, held_region
from .regionlevels import nested
from .structured import ENVELOPE, Cell, _splice, looks_like_header, nested_region_code

SpanVisitor = Callable[[Cell], list[tuple[int, int, str]]]  # replacements in cell.text coordinates
KnownKey = Callable[[str], bool]
# JSON text in an element (web services returning JSON inside XML, <script type="application/json">):
# the masked JSON, the text itself when nothing changed, None when it is no JSON.
JsonText = Callable[[str], "str | None"]
# Notes a record's region values: (values, code only? (never here), the record's index) (Run.region_values)
Regions = Callable[[Sequence[Any], bool, int], None]
OneRecord = Callable[[list[int]], None]  # these records are one record's fields (Run.one_record)

_MAX_NESTING = 3
# Where a value written after its label ends: <b>姓名</b>张伟，男，汉族 (see _Walk._labelled).
_VALUE_END = re.compile(r"[\s,，;；、。|/（(]")
# What parts digit groups (139 1234 5678, 139/1234/5678) without ending a value, and invisible
# characters beside it.
_GROUPING = " \t\xa0\u3000/" + INVISIBLE


def _glued_label(text: str, start: int, label: str) -> tuple[int, str]:
    """(start, label) of a labelled value whose label's leaf may end in the value's first digits,
    glued on to it by a browser as by ``glue`` (<span>手机 1</span>35-4714-4644): those digits
    belong to the value."""
    glued = len(label) - len(label.rstrip(DIGITS))
    if glued and text[start - glued : start] == label[-glued:]:
        return start - glued, label[:-glued]
    return start, label


def _value_end(text: str, start: int, limit: int) -> int:
    """Where a labelled value from ``start`` ends: at the next separator, but not at one between
    two digit groups (<b>手机</b>139 1234 5678: cut after 139, the mobile went out; and with a
    hyphen, a dash or a middle dot among the spaces, 139 - 1234 · 5678), and not
    before ``limit``, where the next labelled value begins. Digits glued on after the label's
    own piece (<b>账号</b>6222<em>0200</em>…, <!-- a comment -->) belong to it."""
    at = start
    while True:
        m = _VALUE_END.search(text, at, limit)
        if m is None:
            return limit
        end = before = m.start()
        while before > start and text[before - 1] in _GROUPING:
            before -= 1
        if text[end] in _GROUPING and before > start and text[before - 1] in DIGITS:
            after = end
            while after < limit and text[after] in BETWEEN_DIGITS:
                after += 1
            if after < limit and text[after] in DIGITS:
                at = after
                continue
        return end


# XHTML served as XML (a report exported as text/xml): a document whose root is <html> or <table>,
# after a declaration or comments (a doctype is refused: check_xml). Walked as XML, its
# <th>姓名</th><th>性别</th> were a label and its value (性别 masked) and the names in the rows
# went out; walked as HTML, the header row heads its columns.
_XHTML_ROOT = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:html|table)[\s>]", re.S | re.I)


class MarkupError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_xml(text: str) -> None:
    """Parse ``text`` safely or raise: no DTD, hence no entity declarations or external entities."""
    try:
        defusedxml.ElementTree.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as unsafe:  # one name per exception type: mypyc types it once
        raise MarkupError("unsafe_xml", f"XML body refused: {type(unsafe).__name__}") from None
    except ParseError as broken:
        raise MarkupError("unparseable", f"body declared as XML does not parse: {broken}") from None


class _Walk:
    """One document: the lexer fills ``items``, then each is visited with its key and record."""

    def __init__(
        self,
        visit: SpanVisitor,
        known: KnownKey,
        records: dict[int, int],
        json_text: JsonText,
        region_key: KnownKey | None = None,
        regions: Regions | None = None,
        one_record: OneRecord | None = None,
        person_key: KnownKey | None = None,
    ) -> None:
        self.visit = visit
        self.known = known
        self.region_key = region_key
        self.person_key = person_key
        # ids of elements that are one of several siblings each holding a person (_persons_apart)
        self.apart: set[int] = set()
        self.regions = regions
        self.one_record = one_record
        self.json_text = json_text
        self.records = records  # id(record element) -> record index, shared with nested documents
        self.keep: list[Elem] = []  # record elements stay alive while their id() is a key

    def edits(self, doc: str, is_html: bool, depth: int, prefix: str = "") -> list[Edit]:
        lexer = Lexer(doc, is_html, prefix)
        items = lexer.run()
        self._label_rows(lexer.rows)
        self._label_value_tables(lexer.rows, is_html)
        if not is_html:
            self._persons_apart(items)
        self._region_elements(items, is_html)
        out: list[Edit] = []
        attributes: dict[int, list[Attribute]] = {}  # id(element) -> its attributes as visited (XML)
        for item in sorted(items, key=lambda it: it.value.raw_start):
            text = item.value.text
            if not text.strip():
                continue
            if item.kind == "text" and not is_html and depth < _MAX_NESTING and _looks_like_xml(text):
                inner = self._nested(text, depth, item.path)
                if inner is not None:
                    for start, end, new in inner:
                        out += item.value.raw_edits(start, end, new)
                    continue
            stripped = text.strip()
            if stripped[:1] in ("{", "[") and stripped[-1:] in ("}", "]"):
                # JSON in the element: walked as JSON, so that its keys ("xm") are evidence.
                masked = self.json_text(stripped)
                if masked is not None:
                    if masked != stripped:
                        start = text.index(stripped)
                        out += item.value.raw_edits(start, start + len(stripped), masked)
                    continue
            if is_html and item.kind != "attr" and item.elem.name == "script":
                text, script_edits = self._script(item, text)
                out += script_edits
            key = self._key(item)
            if key is None and item.kind == "text" and item.elem.labelled:
                text, labelled_edits = self._labelled(item, text, is_html)
                out += labelled_edits
            cell = Cell(item.path, key, text, self._record(item.elem, is_html), True)
            spans = self.visit(cell)
            for start, end, new in spans:
                out += item.value.raw_edits(start, end, new)
            if item.kind == "attr" and not is_html:
                attributes.setdefault(id(item.elem), []).append((item, text, cell.record, bool(spans)))
        if attributes:  # <p a="张伟" b="<ID number>"/>: full names beside a person's number
            out += names_beside_numbers(attributes, self.known, self.visit)
        self._check_names(lexer.names, prefix)
        return out

    def _check_names(self, names: dict[str, None], prefix: str) -> None:
        """Refuse a document whose names, end tags or declarations hold what a value's walk
        masks: they go out as they came (found by fuzzing: ``<td>6109…</td>`` cut to
        ``</s6109…</td>``, an ID left in an attribute's name). Names of ASCII without ``@``
        or a number's length of digits, almost all, are not scanned."""
        text = "\n".join(names)
        if text.isascii() and "@" not in text and not text_may_hold_number(text):
            return
        if self.visit(Cell(f"{prefix}/name()", None, text, ENVELOPE, True)):
            raise MarkupError(
                "unparseable", "an element's or an attribute's name, an end tag or a declaration holds personal data"
            )

    def _script(self, item: Item, text: str) -> tuple[str, list[Edit]]:
        """The JSON literals of a script walked as JSON and its named strings under their
        names; returns the script with those spans blanked (same length, for the scan of the
        rest) and their edits."""
        out: list[Edit] = []
        done: list[tuple[int, int]] = []
        for m in _LITERAL_START.finditer(text):
            start = m.start(1)
            if any(s <= start < e for s, e in done):
                continue  # nested in a literal walked already
            end = _literal_end(text, start)
            if end < 0:
                continue
            masked = self.json_text(text[start:end])
            if masked is None:
                continue
            if masked != text[start:end]:
                out += item.value.raw_edits(start, end, masked)
            done.append((start, end))
        record = self._record(item.elem, True)
        for m in _NAMED_STRING.finditer(text):
            start = m.start(4)
            if not self.known(m.group(2)) or any(s <= start < e for s, e in done):
                continue
            for a, b, new in self.visit(Cell(item.path, m.group(2), m.group(4), record, True)):
                out += item.value.raw_edits(start + a, start + b, new)
            done.append(m.span(4))
        for s, e in done:
            text = text[:s] + " " * (e - s) + text[e:]
        return text, out

    def _labelled(self, item: Item, text: str, is_html: bool) -> tuple[str, list[Edit]]:
        """The pieces of an element's text that follow a label in a child element (``<p><b>姓名
        </b>张伟</p>``, ``<span>姓名</span>张伟``) visited under that label; returns the text
        with them blanked (same length, for the visit of the rest) and their edits."""
        out: list[Edit] = []
        record = self._record(item.elem, is_html)
        spans = item.elem.labelled
        labelled = [
            _glued_label(text, start, label)
            for start, (_, label) in zip(item.value.decoded([raw for raw, _ in spans]), spans, strict=True)
        ]
        for k, (start, label) in enumerate(labelled):
            # Never into the next labelled value: its label's text is not in this one's. (A leaf
            # of digits glued into this value labels nothing.)
            limit = next((labelled[n][0] for n in range(k + 1, len(spans)) if not digits_only(spans[n][1])), len(text))
            # The value runs from its first character to the next separator: <b>姓名</b> 张伟，男
            piece = text[start:limit]
            end = _value_end(text, start + len(piece) - len(piece.lstrip()), limit)
            if not self.known(label) or self.known(text[start:end].strip(LABEL_JUNK)):
                continue
            for a, b, new in self.visit(Cell(item.path, label, text[start:end], record, True)):
                out += item.value.raw_edits(start + a, start + b, new)
            text = text[:start] + " " * (end - start) + text[end:]
        return text, out

    def _nested(self, text: str, depth: int, path: str) -> list[Edit] | None:
        try:
            check_xml(text)
        except MarkupError:
            return None  # not a document: scanned as plain text instead (nothing is expanded)
        return self.edits(text, False, depth + 1, path)

    def _label_rows(self, rows: list[tuple[Elem, int, list[Elem]]]) -> None:
        """A table without a row of <th> cells takes its first row as the header when that
        row is made of labels: Excel exports written as HTML head their columns with <td>
        (姓名, 身份证号码, …), and so do Excel 2003 XML ones with their first <Row>; the names
        under 姓名 went out in clear. Labels: at least two cells, and half of them, are keys
        the catalog knows, and none holds a value's digits, and the row is no row of labels
        and persons' names in turn (:meth:`_label_pairs`)."""
        seen: dict[int, int] = {}  # id(table) -> rows looked at
        for table, row, cells in rows:
            looked = seen.get(id(table), 0)
            if looked >= 2 or table.headers is not None:
                continue
            if len(cells) < 2:  # a title row above the header ("低保人员花名册", colspan)
                seen[id(table)] = looked + 1
                continue
            seen[id(table)] = 2
            texts = [cell_text(c) for c in cells]
            known = sum(1 for t in texts if self.known(t))
            if known >= 2 and known * 2 >= len(texts) and looks_like_header(texts) and not self._label_pairs(texts):
                table.headers = headings(cells)
                table.header_row = row

    def _label_pairs(self, texts: list[str]) -> bool:
        """Is a row labels and their values in turn, a person's name after a person's label
        (<td>户主</td><td>王秀英</td><td>配偶</td><td>李强</td>: a household's card)? Taken as
        the header, its names were headings and went out in clear. Every label a key the catalog
        knows, no value one (a header row 姓名, 性别, 户主, 关系 has keys in between), and at
        least one value a name under a key for persons."""
        if len(texts) % 2:
            return False
        person_key = self.person_key if self.person_key is not None else self.known
        named = False
        for label, value in zip(texts[::2], texts[1::2], strict=True):
            if not self.known(label) or self.known(value) or name_tests.is_heading(value):
                return False
            named = named or (person_key(label) and name_tests.plausible(value))
        return named

    def _label_value_tables(self, rows: list[tuple[Elem, int, list[Elem]]], is_html: bool) -> None:
        """Tell ``one_record`` the rows of each table that is one record written as labels and
        values (<tr><th>区划代码</th><td>610902001</td></tr><tr><th>区划名称</th><td>江北街道</td>):
        no header, two cells a row, at least half of the first cells keys the catalog knows.
        Each row is a record to grading, yet the region of one row is the others' too."""
        if self.one_record is None or not is_html:
            return
        tables: dict[int, list[list[Elem]]] = {}
        for table, _, cells in rows:
            if table.headers is None:
                tables.setdefault(id(table), []).append(cells)
        for table_rows in tables.values():
            labels = [cell_text(cells[0]) for cells in table_rows if len(cells) == 2]
            if 1 < len(labels) == len(table_rows) and 2 * sum(1 for label in labels if self.known(label)) >= len(
                labels
            ):
                self.one_record([self._record(cells[1], is_html) for cells in table_rows])

    def _key(self, item: Item) -> str | None:
        elem = item.elem
        if item.kind == "attr":
            if item.attr in _VALUE_ATTRS or (item.attr[:1].isupper() and item.attr.lower() in _VALUE_ATTRS):
                named = self._naming(elem)
                if named is not None:
                    return named
            if item.attr == "value" and elem.name == "input" and elem.attrs.get("type", "").lower() not in _BUTTONS:
                # A form shows the input's value under the label before it or its column's
                # heading, as a cell's text (<div>姓名：<input value="张伟"></div>,
                # <td>姓名</td><td><input value="张伟"></td>): read as keyless it went out in clear.
                cell = elem.parent if elem.parent is not None and elem.parent.name in _CELLS else None
                labels = (_header(elem), elem.label, cell.label if cell is not None else None)
                label = next((c for c in labels if c and self.known(c)), None)
                if label is not None:
                    return label
            # HTML's own attributes (data-xzqhdm, data-region-code) carry a field's name after
            # data-: read whole, the catalog knows none, and 汉阴县's row went out.
            name = item.attr[5:] if item.attr.startswith("data-") else item.attr
            return name if self.known(name) else None
        if item.kind != "text":
            return None
        if self.known(item.value.text.strip(LABEL_JUNK)):
            return None  # a label itself ("姓名", "联系电话"), not a value: the label before it is no key
        # A heading is no value of the heading before it (<th>姓名</th><th>操作</th>).
        label = None if _in_header_row(elem) else elem.label
        # An attribute naming the field comes before the element's own name, which is a grid's
        # word for a value (<cell name="xm">张伟</cell>: "cell" is a phone's key to the catalog).
        candidates = [self._naming(elem), elem.name, _header(elem), label]
        select = elem.parent if elem.name == "option" else None
        if select is not None and select.name in ("select", "datalist"):
            # <label>姓名</label><select><option selected>张伟</option>: the options are the
            # values of what names the select (an option list of persons under 户主 are persons).
            cell = select.parent if select.parent is not None and select.parent.name in _CELLS else None
            candidates += [self._naming(select), _header(select), select.label, cell.label if cell else None]
        return next((c for c in candidates if c and self.known(c)), None)

    def _region_elements(self, items: list[Item], is_html: bool) -> None:
        """Note what each element named by a region key holds, as for a region key over a JSON
        object: its codes if it holds any (<xzqh><dm>610921</dm></xzqh>: "dm" is no region key,
        yet the code is the record's region; the key it is masked under stays as it was), else its texts and attribute values, read as no code
        (<xzqh><mc>紫阳县</mc></xzqh> and <xzqh mc="紫阳县"/> leave the record's region unjudged,
        as {"xzqh": {"mc": "紫阳县"}} does). Namespace declarations and qualified attributes
        (xsi:nil, xsi:type) are markup, not values."""
        if self.regions is None or self.region_key is None:
            return
        held: dict[int, tuple[Elem, list[str]]] = {}
        for item in items:
            if item.kind == "other":
                continue
            if item.kind == "attr":
                qname = item.path.rsplit("/@", 1)[-1]
                if ":" in qname or qname.startswith("xmlns"):
                    continue
            top = self._region_elem(item.elem)
            if top is not None:
                held.setdefault(id(top), (top, []))[1].append(item.value.text)
        for top, texts in held.values():
            codes = [text for text in texts if nested_region_code(text)]
            values = held_region(codes, texts)
            if len(codes) > 1 and not nested(codes):  # a parent's code that does not contain the code
                values = [*values, DISAGREE]
            self.regions(values, False, self._record(top, is_html))

    def _persons_apart(self, items: list[Item]) -> None:
        """Note in ``apart`` the elements that are records though they do not repeat: siblings
        of different names that each hold a person's name or ID number (``<data><person>…
        </person><applicant>…</applicant></data>``, a SOAP answer's beneficiary beside its
        applicant). Read as one record, the region code of one placed the township named alone
        in the other. A part of one person (``<basic>`` with the name beside ``<address>``
        with the code) holds no other person, and stays in its record."""
        if self.person_key is None:
            return
        holders: dict[int, set[int]] = {}  # id(parent) -> ids of its children holding a person
        seen: set[int] = set()
        for item in items:
            if item.kind == "text":
                field, holder = item.elem.name, item.elem.parent  # <xm>张伟</xm>: its element holds it
            elif item.kind == "attr":
                field, holder = item.attr, item.elem  # <applicant xm="张伟">
            else:
                continue
            if id(holder) in seen or not item.value.text.strip() or not self.person_key(field):
                continue
            while holder is not None and holder.parent is not None:
                seen.add(id(holder))
                holders.setdefault(id(holder.parent), set()).add(id(holder))
                holder = holder.parent
        for children in holders.values():
            if len(children) > 1:
                self.apart |= children

    def _region_elem(self, elem: Elem) -> Elem | None:
        """The outermost element named by a region key that ``elem`` is or lies in."""
        found: Elem | None = None
        node: Elem | None = elem
        while node is not None:
            if self.region_key is not None and self.region_key(node.name):
                found = node
            node = node.parent
        return found

    def _naming(self, elem: Elem) -> str | None:
        for attr in _NAMING:
            value = elem.attrs.get(attr)
            if value and self.known(value):
                return value
        # XML keeps an attribute's case: .NET's <Field Name="XM" Value="张伟"/>, Oracle's
        # <COLUMN NAME="XM">, read as no name, left the name in clear.
        for attr, value in elem.attrs.items():
            if attr[:1].isupper() and attr.lower() in _NAMING_SET and value and self.known(value):
                return value
        return None

    def _record(self, elem: Elem, is_html: bool) -> int:
        """Index of the record a value belongs to: its <tr> (HTML) or SpreadsheetML <Row>,
        else its outermost element that repeats among its siblings (``<person>`` in
        ``<persons>``; a workbook's <Worksheet>s repeat, and each holds many persons) or
        that is one of several siblings holding a person each (``apart``)."""
        chain: list[Elem] = []
        node: Elem | None = elem
        while node is not None:
            chain.append(node)
            node = node.parent
        if is_html:
            record = next((e for e in chain if e.name == "tr"), None)
        else:  # a row the lexer numbered: a SpreadsheetML table's
            record = next((e for e in chain if e.name == "Row" and e.row), None)
        if record is None:
            apart = self.apart
            record = next(
                (e for e in reversed(chain) if e.parent and (e.parent.counts.get(e.name, 0) > 1 or id(e) in apart)),
                None,
            )
        if record is None:
            return ENVELOPE
        index = self.records.get(id(record))
        if index is None:
            index = self.records[id(record)] = len(self.records)
            self.keep.append(record)
        return index


def _looks_like_xml(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("<") and stripped.endswith(">")


def walk(
    text: str,
    visit: SpanVisitor,
    known: KnownKey,
    json_text: JsonText,
    *,
    is_html: bool,
    region_key: KnownKey | None = None,
    regions: Regions | None = None,
    one_record: OneRecord | None = None,
    person_key: KnownKey | None = None,
) -> tuple[str, bool, int]:
    """Mask ``text`` (XML, or HTML when ``is_html``); returns (text, changed, records).
    ``regions`` is told the region codes found inside elements that ``region_key`` names;
    ``person_key``: the names of elements and attributes that say who a person is (姓名, 身份证号)."""
    if not is_html:
        check_xml(text)
        is_html = _XHTML_ROOT.match(text) is not None
    records: dict[int, int] = {}
    walk = _Walk(visit, known, records, json_text, region_key, regions, one_record, person_key)
    edits = walk.edits(text, is_html, 0)
    return _splice(text, edits), bool(edits), max(1, len(records))
