"""The lexer behind classifiers/markup.py: XML or HTML text into the values to visit.

It reads the text once, keeps the element path, attributes, the label before each element
and the table cells of HTML and of Excel 2003 XML (SpreadsheetML), and hands back every text node, attribute value and other
value (CDATA, comments, processing instructions) with the raw spans it came from, so that
masking can replace exactly those spans and leave every other byte as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    Value,
    glue,
)

_MAX_TAG = 64 * 1024
_START = re.compile(r"<([^\s/>!?<&\"'=]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_END = re.compile(r"</([^\s/>]+)[^>]*>")
# A comment is matched whole, so that a tag inside it is skipped: it is no element.
_TAG_NAME = re.compile(r"<!--.*?(?:-->|\Z)|</?([A-Za-z][^\s/>]*)", re.DOTALL)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_RAWTEXT = frozenset({"script", "style"})
_RCDATA = frozenset({"textarea", "title"})
# Elements that render inside the text around them: digits split across them are one number
# on screen (markup_text.glue).
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var",
})  # fmt: skip


def _inline(name: str) -> bool:
    """Does the element render inside the text around it? Custom elements (``<el-tag>``,
    ``<x-num>``: a hyphen in the name) do as well, unless a style says otherwise."""
    return name in _INLINE or "-" in name


LABEL_JUNK = " \t\r\n:：*＊"

# Excel 2003 XML ("XML 表格 2003"), as civil-affairs systems export rosters: Workbook >
# Worksheet > Table > Row > Cell > Data, the first row's cells heading the columns as a
# first <td> row does in HTML. A cell's ss:Index (1-based) skips the columns before it, and
# ss:MergeAcross spans the next ones.
SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
# element -> the element holding it: row -> table, cell -> row
_HTML_TABLE = {"tr": "table", "td": "tr", "th": "tr"}
_SHEET_TABLE = {"Row": "Table", "Cell": "Row"}


@dataclass(eq=False)
class Elem:
    name: str  # local name (no prefix); lower-case in HTML
    path: str
    parent: Elem | None
    attrs: dict[str, str] = field(default_factory=dict)
    text: Value = field(default_factory=Value)
    counts: dict[str, int] = field(default_factory=dict)
    label: str | None = None  # text just before this element (a sibling leaf or the parent's own text)
    last_leaf: str | None = None
    has_children: bool = False
    mark: int = 0  # parts of ``text`` before the last child element closed
    # A child that breaks the line closed since the last text: the next text starts a line.
    broken: bool = False
    row: int = 0  # <tr>: its number in the table; <table>: rows so far
    cols: int = 0  # <tr>: cells so far
    cell: tuple[Elem, int, int, bool] | None = None  # <td>/<th>: table, row, column, is header
    span: int = 1  # columns the cell covers (HTML colspan, SpreadsheetML ss:MergeAcross)
    headers: list[str] | None = None  # <table>
    # <table>: column -> the last row a cell of a row above covers there (HTML rowspan,
    # SpreadsheetML ss:MergeDown)
    covered: dict[int, int] = field(default_factory=dict)
    spanners: dict[int, Elem] = field(default_factory=dict)  # <table>: column -> the cell covering it so
    header_row: int = 0  # <table>: the number of the row its headers come from
    group_heading: bool = False  # <table>: a cell of that row spans several columns
    # Text that follows a child leaf, as its raw offset and that leaf's text: <p><b>姓名</b>张伟
    # </p> shows 张伟 under the label 姓名.
    labelled: list[tuple[int, str]] = field(default_factory=list)


@dataclass(eq=False)
class Item:
    value: Value
    elem: Elem
    kind: str  # "text", "attr", "other"
    path: str
    attr: str = ""


class Lexer:
    def __init__(self, doc: str, is_html: bool, prefix: str) -> None:
        self.doc = doc
        self.html = is_html
        self.refs = HTML_REF if is_html else XML_REF
        self.tables: dict[str, str] = _HTML_TABLE if is_html else _SHEET_TABLE if SPREADSHEET_NS in doc else {}
        self.root = Elem("", prefix, None)
        self.stack = [self.root]
        self.items: list[Item] = []
        self.rows: list[tuple[Elem, int, list[Elem]]] = []  # (table, row, cells) for header detection
        # id(element) -> (element, texts of the inline elements rendered in it), HTML
        self.inline: dict[int, tuple[Elem, list[Value]]] = {}
        # What is not visited as a value and goes out all the same, each once: the names of
        # elements, attributes and processing instructions, end tags, declarations (HTML's
        # ``<!…>`` and ``</9…>`` among them, which browsers read as comments).
        self.names: dict[str, None] = {}

    def run(self) -> list[Item]:
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
        for flow, texts in self.inline.values():
            glue(flow.text, texts, self._apart)
        # Text outside every element: HTML before <html> or after </html>, or a body with no
        # tags at all (an error text, JSON served as text/html). Browsers show it.
        self.items.append(Item(self.root.text, self.root, "text", self.root.path))
        self._find_headers()
        return self.items

    def _apart(self, start: int, end: int) -> bool:
        """Does a tag of an element that is not inline stand between ``start`` and ``end``? A
        paragraph or a cell between two numbers breaks the line they are on."""
        names = (m.group(1) for m in _TAG_NAME.finditer(self.doc, start, end))
        return any(name is not None and not _inline(name.rsplit(":", 1)[-1].lower()) for name in names)

    def _text(self, start: int, end: int, mode: str = TEXT, decode: bool = True) -> None:
        elem = self.stack[-1]
        before, parts = elem.text.length, elem.text.parts
        if elem.broken and start < end:
            # <td>139…<br>138…</td>, <div>139…<p>x</p>138…</div>: the element's own texts on
            # both sides of a block or a break are two lines, not one number (found by fuzzing).
            elem.broken = False
            if before:
                elem.text.break_line(start)
        elem.text.add(self.doc, start, end, mode, self.refs if decode else None, self.html)
        if self.html and elem.last_leaf and parts == elem.mark and elem.text.length > before:
            # By raw offsets: glue may take inline elements' texts into this one before it.
            elem.labelled.append((start, elem.last_leaf))

    def _other(self, start: int, end: int, mode: str, suffix: str) -> None:
        value = Value()
        value.add(self.doc, start, end, mode, None, self.html)
        elem = self.stack[-1]
        self.items.append(Item(value, elem, "other", f"{elem.path}/{suffix}"))

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
                self.names[name] = None
                if name.lower() != "xml":
                    self._other(lt + 2 + len(name), stop, PI, f"processing-instruction({name})")
            else:
                self.names[doc[lt + 2 : stop]] = None
            return stop + (2 if nxt == "?" and not self.html else 1) if close >= 0 else stop
        if nxt == "/":
            m = _END.match(doc, lt)
            if m is None:
                return -1
            self._text(text_from, lt)
            self.names[doc[lt + 2 : m.end() - 1]] = None
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
        elem = Elem(name, f"{parent.path}/{qname}" + (f"[{count}]" if count > 1 else ""), parent)
        own = parent.text.since(parent.mark)[-40:].rsplit("\n", 1)[-1].strip(LABEL_JUNK)
        elem.label = own or parent.last_leaf
        attrs, body_end = m.group(2), m.end(2)
        self_closing = attrs.rstrip().endswith("/")
        self.names[qname] = None
        for a in _ATTR.finditer(m.string, m.start(2), body_end):
            self.names[a.group(1)] = None
            attr = a.group(1).rsplit(":", 1)[-1]
            attr = attr.lower() if self.html else attr
            for group, mode in ((2, ATTR_DQ), (3, ATTR_SQ), (4, ATTR_BARE)):
                if a.start(group) >= 0:
                    value = Value()
                    value.add(m.string, a.start(group), a.end(group), mode, self.refs, self.html)
                    elem.attrs.setdefault(attr, value.text.strip())
                    self.items.append(Item(value, elem, "attr", f"{elem.path}/@{a.group(1)}", attr))
        self._table_cell(elem)  # after the attributes: a SpreadsheetML cell's place is one
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

    def _table_cell(self, elem: Elem) -> None:
        holder = self.tables.get(elem.name)
        if holder is None:
            return
        owner = next((e for e in reversed(self.stack) if e.name == holder), None)
        if owner is None:
            return
        if holder in ("table", "Table"):
            owner.row += 1
            elem.row = owner.row
            self.rows.append((owner, elem.row, []))
            return
        col = owner.cols
        table = next((e for e in reversed(self.stack) if e.name == self.tables[holder]), None)
        # A cell of a row above that spans down (HTML rowspan, SpreadsheetML ss:MergeDown) takes
        # its columns in this row, and a cell spanning across (colspan, ss:MergeAcross) takes the
        # next ones: counted as one column each (or none below), the cells after them were read
        # under the headings of the columns before them, a region code under 成员 (no region
        # key) and a name under 区划代码. A SpreadsheetML cell's ss:Index places it (Excel
        # writes one after a merged cell), and only then is it past the cells spanning down.
        if not self.html:
            col = max(col, _count(elem.attrs.get("Index")) - 1)
        if table is not None:
            first = col
            # A row outside every table (<tr><table><td>: found by fuzzing) is row 0, which every
            # column's "covered up to row 0" met: the loop never ended, 37 bytes held a worker.
            while owner.row > 0 and col < _MAX_COLUMNS and table.covered.get(col, 0) >= owner.row:
                col += 1
            if first == 0 < col and elem.label is None:
                # The row's first cell after a label spanning down (<th rowspan="2">姓名</th>
                # <td>张伟</td></tr><tr><td>李娜</td>): that label is its label too, as it shows.
                elem.label = cell_text(table.spanners[col - 1])[:40] or None
        if self.html:
            elem.span = max(1, min(_count(elem.attrs.get("colspan")), _MAX_COLUMNS - col))
            down = _count(elem.attrs.get("rowspan"))
        else:
            elem.span = max(1, min(1 + _count(elem.attrs.get("MergeAcross")), _MAX_COLUMNS - col))
            down = 1 + _count(elem.attrs.get("MergeDown"))
        if table is not None and down > 1:
            table.covered.update(dict.fromkeys(range(col, col + elem.span), owner.row + down - 1))
            table.spanners.update(dict.fromkeys(range(col, col + elem.span), elem))
        if table is not None and self.rows and self.rows[-1][0] is table:
            elem.cell = (table, owner.row, col, elem.name == "th")
            self.rows[-1][2].append(elem)
        owner.cols = col + elem.span

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
        if elem.name == "Data" or parent.cell is None or self.html:  # a SpreadsheetML cell's text is its Data
            if self.html and elem.cell is not None:
                # A cell's label may stand in an inline element (<td><b>姓名</b></td><td>张伟</td>):
                # the cell's text, as a heading's (cell_text), labels the cell after it.
                parent.last_leaf = cell_text(elem)[:40] or None
            else:
                parent.last_leaf = None if elem.has_children else elem.text.text.strip(LABEL_JUNK)[:40] or None
        parent.mark = parent.text.parts
        parent.broken = parent.broken or not (self.html and _inline(elem.name))
        self.items.append(Item(elem.text, elem, "text", elem.path))
        if self.html and _inline(elem.name) and elem.text.length:
            self._inline(elem)

    def _inline(self, elem: Elem) -> None:
        """Remember an inline element's text with the element it renders in."""
        flow = next(e for e in reversed(self.stack) if not _inline(e.name))  # the root's "" is no inline name
        entry = self.inline.get(id(flow))
        if entry is None:
            self.inline[id(flow)] = (flow, [elem.text])
        else:
            entry[1].append(elem.text)

    def _find_headers(self) -> None:
        """A table's header row: its first row made only of <th> cells; and a row of them right
        below one holding a group's heading over several columns (<th colspan="2">人员</th>, then
        <th>姓名</th><th>电话</th>), whose headings name the columns they stand over: under the
        group's heading alone the names went out in clear."""
        for table, row, cells in self.rows:
            if not cells or not all(c.cell is not None and c.cell[3] for c in cells):
                continue
            if table.headers is None:
                table.headers = headings(cells)
                table.header_row = row
            elif row == table.header_row + 1 and table.group_heading:
                lower, upper = headings(cells), table.headers
                width = max(len(lower), len(upper))
                lower, upper = lower + [""] * (width - len(lower)), upper + [""] * (width - len(upper))
                table.headers = [heading or above for heading, above in zip(lower, upper, strict=True)]
                table.header_row = row
            else:
                continue
            table.group_heading = any(c.span > 1 for c in cells)


def cell_text(cell: Elem) -> str:
    """A heading cell's text: its own, or its one inline element's (``<th><b>姓名</b></th>``,
    SpreadsheetML's ``<Cell><Data>姓名</Data></Cell>``)."""
    return cell.text.text.strip(LABEL_JUNK) or (cell.last_leaf or "")


def headings(cells: list[Elem]) -> list[str]:
    """The heading of each column, from a header row's cells: a cell heads every column it
    covers, and a column no cell covers has none ("")."""
    out: list[str] = []
    for cell in cells:
        if cell.cell is None:
            continue
        col = cell.cell[2]
        out += [""] * (col + cell.span - len(out))
        out[col : col + cell.span] = [cell_text(cell)] * cell.span
    return out


_MAX_COLUMNS = 16384  # Excel's own limit: an ss:Index past it is no column


def _count(value: str | None) -> int:
    """An attribute holding a whole number up to Excel's column count (ss:Index,
    ss:MergeAcross), else 0."""
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 5:
        return 0
    number = int(value)
    return number if number <= _MAX_COLUMNS else 0
