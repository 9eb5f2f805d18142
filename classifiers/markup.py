"""Walk XML and HTML bodies structurally: element text, attribute values, CDATA, comments, PIs.

Like JSON keys, element and attribute names give field-name evidence: ``<sfzh>``,
``<姓名>``, ``<ns1:lxdh>``, an attribute ``phone="…"``, and a naming attribute
(``<field name="sfzh">…</field>``, ``<input name="phone" value="…">``). HTML tables take
their keys from the header row (``<th>`` cells), and a value without a key of its own takes
the label just before it (``<td>身份证号：</td><td>…</td>``, ``<dt>``/``<dd>``).

XML is first parsed by defusedxml with DTDs forbidden (no external entities, no entity
expansion, so no billion-laughs): a body it refuses or cannot parse raises
:class:`MarkupError` and the inspector fails closed, as for unparseable JSON. The masking
pass itself is a lexer over the (then known well-formed) text, so that everything outside
the masked spans stays byte for byte. HTML is lexed leniently, as browsers read it.
Escaped XML inside an XML text node (SOAP services returning ``&lt;sfzh&gt;…``) is walked
as a document of its own, up to three levels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree

from .markup_text import (
    ATTR_BARE,
    ATTR_DQ,
    ATTR_SQ,
    CDATA,
    COMMENT,
    HTML_REF,
    PI,
    RAW,
    TEXT,
    XML_REF,
    Edit,
    Value,
)
from .structured import ENVELOPE, Cell, _splice

SpanVisitor = Callable[[Cell], list[tuple[int, int, str]]]  # replacements in cell.text coordinates
KnownKey = Callable[[str], bool]

_MAX_NESTING = 3
_MAX_TAG = 64 * 1024
_START = re.compile(r"<([^\s/>!?<&\"'=]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_END = re.compile(r"</([^\s/>]+)[^>]*>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_RAWTEXT = frozenset({"script", "style"})
_RCDATA = frozenset({"textarea", "title"})
_NAMING = ("name", "field", "key", "data-field", "data-key", "data-name", "property", "column", "prop", "id")
_VALUE_ATTRS = frozenset({"value", "content", "data-value", "title"})
_LABEL_JUNK = " \t\r\n:：*＊"


class MarkupError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_xml(text: str) -> None:
    """Parse ``text`` safely or raise: no DTD, hence no entity declarations or external entities."""
    try:
        defusedxml.ElementTree.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise MarkupError("unsafe_xml", f"XML body refused: {type(exc).__name__}") from None
    except ParseError as exc:
        raise MarkupError("unparseable", f"body declared as XML does not parse: {exc}") from None


@dataclass(eq=False)
class _Elem:
    name: str  # local name (no prefix); lower-case in HTML
    path: str
    parent: _Elem | None
    attrs: dict[str, str] = field(default_factory=dict)
    text: Value = field(default_factory=Value)
    counts: dict[str, int] = field(default_factory=dict)
    label: str | None = None  # text just before this element (a sibling leaf or the parent's own text)
    last_leaf: str | None = None
    has_children: bool = False
    mark: int = 0  # parts of ``text`` before the last child element closed
    row: int = 0  # <tr>: its number in the table; <table>: rows so far
    cols: int = 0  # <tr>: cells so far
    cell: tuple[_Elem, int, int, bool] | None = None  # <td>/<th>: table, row, column, is header
    headers: list[str] | None = None  # <table>


@dataclass(eq=False)
class _Item:
    value: Value
    elem: _Elem
    kind: str  # "text", "attr", "other"
    path: str
    attr: str = ""


class _Walk:
    """One document: the lexer fills ``items``, then each is visited with its key and record."""

    def __init__(self, visit: SpanVisitor, known: KnownKey, records: dict[int, int]) -> None:
        self.visit = visit
        self.known = known
        self.records = records  # id(record element) -> record index, shared with nested documents
        self.keep: list[_Elem] = []  # record elements stay alive while their id() is a key

    def edits(self, doc: str, is_html: bool, depth: int, prefix: str = "") -> list[Edit]:
        items = _Lexer(doc, is_html, prefix).run()
        out: list[Edit] = []
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
            cell = Cell(item.path, self._key(item), text, self._record(item.elem, is_html), True)
            for start, end, new in self.visit(cell):
                out += item.value.raw_edits(start, end, new)
        return out

    def _nested(self, text: str, depth: int, path: str) -> list[Edit] | None:
        try:
            check_xml(text)
        except MarkupError:
            return None  # not a document: scanned as plain text instead (nothing is expanded)
        return self.edits(text, False, depth + 1, path)

    def _key(self, item: _Item) -> str | None:
        elem = item.elem
        if item.kind == "attr":
            if item.attr in _VALUE_ATTRS:
                named = self._naming(elem)
                if named is not None:
                    return named
            return item.attr if self.known(item.attr) else None
        if item.kind != "text":
            return None
        if self.known(item.value.text.strip(_LABEL_JUNK)):
            return None  # a label itself ("姓名", "联系电话"), not a value: the label before it is no key
        candidates = [elem.name, self._naming(elem), _header(elem), elem.label]
        return next((c for c in candidates if c and self.known(c)), None)

    def _naming(self, elem: _Elem) -> str | None:
        for attr in _NAMING:
            value = elem.attrs.get(attr)
            if value and self.known(value):
                return value
        return None

    def _record(self, elem: _Elem, is_html: bool) -> int:
        """Index of the record a value belongs to: its <tr> (HTML), else its outermost
        element that repeats among its siblings (``<person>`` in ``<persons>``)."""
        chain: list[_Elem] = []
        node: _Elem | None = elem
        while node is not None:
            chain.append(node)
            node = node.parent
        record = next((e for e in chain if e.name == "tr"), None) if is_html else None
        if record is None:
            record = next((e for e in reversed(chain) if e.parent and e.parent.counts.get(e.name, 0) > 1), None)
        if record is None:
            return ENVELOPE
        index = self.records.get(id(record))
        if index is None:
            index = self.records[id(record)] = len(self.records)
            self.keep.append(record)
        return index


def _header(elem: _Elem) -> str | None:
    if elem.cell is None:
        return None
    table, _, col, is_header = elem.cell
    if is_header or not table.headers:
        return None
    return table.headers[col] if col < len(table.headers) else None


def _looks_like_xml(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("<") and stripped.endswith(">")


def walk(text: str, visit: SpanVisitor, known: KnownKey, *, is_html: bool) -> tuple[str, bool, int]:
    """Mask ``text`` (XML, or HTML when ``is_html``); returns (text, changed, records)."""
    if not is_html:
        check_xml(text)
    records: dict[int, int] = {}
    edits = _Walk(visit, known, records).edits(text, is_html, 0)
    return _splice(text, edits), bool(edits), max(1, len(records))


class _Lexer:
    def __init__(self, doc: str, is_html: bool, prefix: str) -> None:
        self.doc = doc
        self.html = is_html
        self.refs = HTML_REF if is_html else XML_REF
        self.root = _Elem("", prefix, None)
        self.stack = [self.root]
        self.items: list[_Item] = []
        self.rows: list[tuple[_Elem, int, list[_Elem]]] = []  # (table, row, cells) for header detection

    def run(self) -> list[_Item]:
        doc, n, pos, text_from = self.doc, len(self.doc), 0, 0
        while True:
            lt = doc.find("<", pos)
            if lt < 0:
                break
            end = self._token(lt, text_from)
            if end < 0:  # a literal '<' (HTML)
                pos = lt + 1
                continue
            pos = text_from = end
        self._text(text_from, n)
        while len(self.stack) > 1:
            self._close()
        self._find_headers()
        return self.items

    def _text(self, start: int, end: int, mode: str = TEXT, decode: bool = True) -> None:
        self.stack[-1].text.add(self.doc, start, end, mode, self.refs if decode else None, self.html)

    def _other(self, start: int, end: int, mode: str, suffix: str) -> None:
        value = Value()
        value.add(self.doc, start, end, mode, None, self.html)
        elem = self.stack[-1]
        self.items.append(_Item(value, elem, "other", f"{elem.path}/{suffix}"))

    def _token(self, lt: int, text_from: int) -> int:
        """Handle the markup at ``lt``; returns where text resumes, or -1 if it is not markup."""
        doc = self.doc
        nxt = doc[lt + 1 : lt + 2]
        if doc.startswith("<!--", lt):
            close = doc.find("-->", lt + 4)
            stop = close if close >= 0 else len(doc)
            self._text(text_from, lt)
            self._other(lt + 4, stop, COMMENT, "comment()")
            return stop + 3 if close >= 0 else stop
        if doc.startswith("<![CDATA[", lt):
            close = doc.find("]]>", lt + 9)
            stop = close if close >= 0 else len(doc)
            self._text(text_from, lt)
            self._text(lt + 9, stop, CDATA, decode=False)
            return stop + 3 if close >= 0 else stop
        if nxt in ("!", "?"):
            close = doc.find("?>" if nxt == "?" and not self.html else ">", lt + 2)
            stop = close if close >= 0 else len(doc)
            self._text(text_from, lt)
            if nxt == "?":
                target = re.match(r"[^\s?>]*", doc[lt + 2 : stop])
                name = target.group() if target else ""
                if name.lower() != "xml":
                    self._other(lt + 2 + len(name), stop, PI, f"processing-instruction({name})")
            return stop + (2 if nxt == "?" and not self.html else 1) if close >= 0 else stop
        if nxt == "/":
            m = _END.match(doc, lt)
            if m is None:
                return -1
            self._text(text_from, lt)
            self._end(m.group(1))
            return m.end()
        # The window bounds the cost of a '<' that opens no tag (HTML): no rescan to the end.
        m = _START.match(doc, lt, lt + _MAX_TAG)
        if m is None or (self.html and not m.group(1)[:1].isalpha()):
            return -1
        self._text(text_from, lt)
        return self._start(m)

    def _start(self, m: re.Match[str]) -> int:
        qname = m.group(1)
        name = qname.rsplit(":", 1)[-1]
        if self.html:
            name = name.lower()
            self._implied_end(name)
        parent = self.stack[-1]
        parent.has_children = True
        count = parent.counts[name] = parent.counts.get(name, 0) + 1
        elem = _Elem(name, f"{parent.path}/{qname}" + (f"[{count}]" if count > 1 else ""), parent)
        own = parent.text.since(parent.mark)[-40:].rsplit("\n", 1)[-1].strip(_LABEL_JUNK)
        elem.label = own or parent.last_leaf
        self._table_cell(elem)
        attrs, body_end = m.group(2), m.end(2)
        self_closing = attrs.rstrip().endswith("/")
        for a in _ATTR.finditer(m.string, m.start(2), body_end):
            attr = a.group(1).rsplit(":", 1)[-1]
            attr = attr.lower() if self.html else attr
            for group, mode in ((2, ATTR_DQ), (3, ATTR_SQ), (4, ATTR_BARE)):
                if a.start(group) >= 0:
                    value = Value()
                    value.add(m.string, a.start(group), a.end(group), mode, self.refs, self.html)
                    elem.attrs.setdefault(attr, value.text.strip())
                    self.items.append(_Item(value, elem, "attr", f"{elem.path}/@{a.group(1)}", attr))
        self.stack.append(elem)
        if self_closing or (self.html and name in _VOID):
            self._close()
            return m.end()
        if self.html and name in (_RAWTEXT | _RCDATA):
            close = re.compile(f"</{name}[\\s>/]", re.IGNORECASE).search(self.doc, m.end())
            stop = close.start() if close else len(self.doc)
            if name in _RAWTEXT:
                self._other(m.end(), stop, RAW, "text()")
            else:
                self._text(m.end(), stop)
            return stop
        return m.end()

    def _implied_end(self, name: str) -> None:
        """HTML's optional end tags: a new cell closes the open one, a new row the open row."""
        top = self.stack[-1].name
        if name in ("td", "th") and top in ("td", "th"):
            self._close()
        elif name == "tr":
            while self.stack[-1].name in ("td", "th", "tr"):
                self._close()
        elif name in ("li", "dt", "dd", "p", "option") and top == name:
            self._close()

    def _table_cell(self, elem: _Elem) -> None:
        if not self.html or elem.name not in ("tr", "td", "th"):
            return
        holder = "table" if elem.name == "tr" else "tr"
        owner = next((e for e in reversed(self.stack) if e.name == holder), None)
        if owner is None:
            return
        if elem.name == "tr":
            owner.row += 1
            elem.row = owner.row
            self.rows.append((owner, elem.row, []))
            return
        table = next((e for e in reversed(self.stack) if e.name == "table"), None)
        if table is not None and self.rows and self.rows[-1][0] is table:
            elem.cell = (table, owner.row, owner.cols, elem.name == "th")
            self.rows[-1][2].append(elem)
        owner.cols += 1

    def _end(self, qname: str) -> None:
        name = qname.rsplit(":", 1)[-1]
        name = name.lower() if self.html else name
        if not any(e.name == name for e in self.stack[1:]):
            return  # a stray end tag (HTML): ignored, as browsers do
        while len(self.stack) > 1:
            closed = self.stack[-1].name == name
            self._close()
            if closed:
                return

    def _close(self) -> None:
        elem = self.stack.pop()
        parent = self.stack[-1]
        parent.last_leaf = None if elem.has_children else elem.text.text.strip(_LABEL_JUNK)[:40] or None
        parent.mark = parent.text.parts
        self.items.append(_Item(elem.text, elem, "text", elem.path))

    def _find_headers(self) -> None:
        """A table's header row: its first row made only of <th> cells."""
        for table, _, cells in self.rows:
            if table.headers is None and cells and all(c.cell is not None and c.cell[3] for c in cells):
                table.headers = [c.text.text.strip(_LABEL_JUNK) for c in cells]
