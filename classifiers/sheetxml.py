"""The XML of a workbook's parts (SpreadsheetML, ECMA-376 part 1 §18): cells, shared strings
and the texts beside them, read with a parser and rewritten where they stand.

A part is read by an XML parser, which knows what text a cell shows: shared and inline strings,
rich text runs, character references, OOXML's own ``_xHHHH_`` escapes. A part with a document
type declaration is refused before it is parsed (``officezip.parse``), which lets the C parser
read it (defusedxml's runs Python code for every element, half the time of a sheet). A part is rewritten by replacing the spans of the cells that changed
in its text, so that everything else (namespace prefixes, ``mc:Ignorable``, extensions Excel
checks) stays as it was; the spans must name the cells the parser read, one for one.
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element

from .inspection import InspectionError
from .officezip import local, parse, texts, xml_text

# Excel's limits: 16,384 columns (XFD), 1,048,576 rows.
_COLUMNS_MAX: Final = 16384
_ROWS_MAX: Final = 1048576
# How many places of a sheet's table there may be for each cell it holds (a sparse sheet is
# read as a table of its gaps too).
_SPARSE_MAX: Final = 16
_REF: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
# OOXML's escape of a character XML cannot hold (``_x000D_``), and of such a text itself
# (``_x005F_x000D_``): ECMA-376 part 1 §22.9.2.19.
_OOXML_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_UNSAFE: Final = re.compile(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PREFIX: Final = r"(?:[\w.-]+:)?"
_SHEET_DATA: Final = re.compile(rf"<({_PREFIX})sheetData(?=[\s/>])")
_CELL: Final = re.compile(rf"<({_PREFIX})c(?=[\s/>])")
_REF_ATTRIBUTE: Final = re.compile(r"""\sr\s*=\s*["']([^"']*)""")
_STRING_ITEM: Final = re.compile(rf"<({_PREFIX})si\b[^>]*?(?:/>|>.*?</{_PREFIX}si>)", re.S)
_COUNT: Final = re.compile(rf"(<{_PREFIX}sst\b[^>]*?\scount=\")[0-9]*(\")")
_ATTRIBUTE: Final = re.compile(r"""\s([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')""")


class Cell:
    """One ``<c>`` element: where it stands, what it shows, and what the walk made of it."""

    __slots__ = ("column", "formula", "masked", "ref", "row", "shared", "text")

    def __init__(self, ref: str, row: int, column: int, text: str, shared: int | None, formula: str) -> None:
        self.ref = ref  # "B3", or "" when the element names no reference
        self.row = row
        self.column = column
        self.text = text  # what Excel shows (a number as written: 13800138000)
        self.shared = shared  # the shared string it shows, if it shows one
        self.formula = formula
        self.masked: str | None = None


class Sheet:
    def __init__(
        self, name: str, text: str, spans: list[tuple[int, int, str]], cells: list[Cell], metadata: list[str]
    ) -> None:
        self.name = name
        self.text = text
        self.spans = spans  # (start, end, prefix) of each cell's element in the text
        self.cells = cells
        self.metadata = metadata  # texts outside the cells: header, footer, links, validations

    def rows(self) -> list[list[Cell | None]]:
        """The cells as a table: the rows that hold one, the columns from the first used."""
        if not self.cells:
            return []
        first = min(c.column for c in self.cells)
        width = max(c.column for c in self.cells) - first + 1
        if len({c.row for c in self.cells}) * width > max(_SPARSE_MAX * len(self.cells), 1 << 20):
            # A cell in column A and one in XFD on each of many rows: a table mostly of gaps.
            raise InspectionError("too_large", f"{self.name} is too sparse to be read as a table")
        by_row: dict[int, list[Cell | None]] = {}
        for cell in self.cells:
            row = by_row.get(cell.row)
            if row is None:
                row = by_row[cell.row] = [None] * width
            row[cell.column - first] = cell
        return [by_row[r] for r in sorted(by_row)]


def _shown_elements(element: Element) -> list[Element]:
    """The ``t`` elements whose texts a string item or an inline string shows: its own and its
    rich text runs', not its phonetic readings' (``rPh``)."""
    found: list[Element] = []
    for child in element:
        tag = local(child.tag)
        if tag == "t":
            found.append(child)
        elif tag == "r":
            found.extend(t for t in child if local(t.tag) == "t")
    return found


def shown(element: Element) -> str:
    """The text a string item or an inline string shows."""
    return unescape_ooxml("".join(t.text or "" for t in _shown_elements(element)))


def unshown(element: Element) -> list[str]:
    """The texts under a string item or an inline string that no cell shows: its phonetic
    readings (which Excel shows above the text only when asked) and text beside its ``t``
    elements. Tails are the caller's to read."""
    seen = {id(t) for t in _shown_elements(element)}
    return [e.text for e in element.iter() if e.text and e.text.strip() and id(e) not in seen]


def unescape_ooxml(text: str) -> str:
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def escape(text: str) -> str:
    """A text as an inline string's ``<t>`` holds it."""
    return xml_text(
        _UNSAFE.sub(lambda m: "_x005F" + m.group() if m.group()[0] == "_" else f"_x{ord(m.group()):04X}_", text)
    )


def read_strings(data: bytes) -> tuple[list[str], list[str]]:
    """The shared strings as cells show them, and the texts the part holds that no cell shows
    (phonetic readings, text between elements): those go out as they came, so the caller checks
    them."""
    root, _, comments = parse(data, "xl/sharedStrings.xml", "workbook")
    strings = [shown(item) for item in root if local(item.tag) == "si"]
    hidden = comments + [e.tail for e in root.iter() if e.tail and e.tail.strip()]
    if root.text and root.text.strip():
        hidden.append(root.text)
    for item in root:
        hidden += unshown(item)
    return strings, hidden


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def read_sheet(data: bytes, name: str, strings: list[str]) -> Sheet:
    root, text, comments = parse(data, name, "workbook")
    sheet_data = next((e for e in root if local(e.tag) == "sheetData"), None)
    cells: list[Cell] = []
    row_number = 0
    for row in sheet_data if sheet_data is not None else ():
        if local(row.tag) != "row":
            continue
        last_row = row_number
        row_number = _number(row.get("r"), row_number + 1, _ROWS_MAX, name)
        if row_number <= last_row:
            # Rows and cells stand in order (ECMA-376 §18.3.1.73, §18.3.1.4): one place named
            # twice would be read once, the other copy going out as it came.
            raise InspectionError("unparseable", f"{name} names row {row_number} out of order")
        column = 0
        for c in row:
            if local(c.tag) != "c":
                continue
            ref = c.get("r") or ""
            if ref:
                m = _REF.fullmatch(ref)
                named = _column(m.group(1)) if m is not None else 0
                if m is None or int(m.group(2)) != row_number or named <= column:
                    raise InspectionError("unparseable", f"a cell of {name} names {ref!r} out of place")
                column = named
            else:
                column += 1
            if column > _COLUMNS_MAX:
                raise InspectionError("unparseable", f"a cell of {name} stands past the last column")
            cells.append(_cell(ref, row_number, column, c, strings, name))
    # What the cells do not hold: headers and footers, links, validations' lists; and, among
    # the cells, what no reader shows but an unchanged cell carries out all the same: text
    # between elements, an inline string's phonetic reading, attributes and elements the
    # parser read past (an extension's, or anyone's).
    metadata = comments + [t for e in root if local(e.tag) != "sheetData" for t in texts(e)]
    if sheet_data is not None:
        metadata += _beside_cells(sheet_data)
    return Sheet(name, text, _cells_found(text, name, cells), cells, metadata)


def _beside_cells(sheet_data: Element) -> list[str]:
    """The texts and attribute values under ``sheetData`` other than what the cells show (their
    values, formulas and inline strings) and where rows and cells stand, each once."""
    shown_ids: set[int] = set()
    found: dict[str, None] = {}
    for e in sheet_data.iter():  # an inline string comes before the elements it shows
        tag = local(e.tag)
        if tag == "is":
            shown_ids.update(id(t) for t in _shown_elements(e))
        if e.text and tag != "v" and tag != "f" and id(e) not in shown_ids and e.text.strip():
            found[e.text] = None
        if e.tail and e.tail.strip():
            found[e.tail] = None
        for key, value in e.items():
            if key != "r" or (tag != "c" and tag != "row"):
                found[value] = None
    return list(found)


def _number(value: str | None, default: int, most: int, name: str) -> int:
    if value is None:
        return default
    if not value.isdigit() or not 0 < int(value) <= most:
        raise InspectionError("unparseable", f"{name} numbers a row {value!r}")
    return int(value)


def _cell(ref: str, row: int, column: int, c: Element, strings: list[str], name: str) -> Cell:
    kind = c.get("t", "n")
    value: str | None = None
    formula = ""
    inline: Element | None = None
    for child in c:
        tag = local(child.tag)
        if tag == "v":
            value = child.text or ""
        elif tag == "f":
            formula = child.text or ""
        elif tag == "is":
            inline = child
    shared = None
    if kind == "s" and value is not None:
        if not value.strip().isdigit() or int(value) >= len(strings):
            raise InspectionError("unparseable", f"a cell of {name} shows shared string {value!r}, which is not there")
        shared = int(value)
        text = strings[shared]
    elif kind == "inlineStr":
        text = shown(inline) if inline is not None else ""
    else:
        text = unescape_ooxml(value or "")
    return Cell(ref, row, column, text, shared, formula)


def _cells_found(text: str, name: str, cells: list[Cell]) -> list[tuple[int, int, str]]:
    """(start, end, prefix) of each cell element in the sheet's text, checked against the cells
    the parser read: as many, each naming the reference the parser read."""
    found: list[tuple[int, int, str]] = []
    data = _SHEET_DATA.search(text)
    if data is not None:
        close = f"</{data.group(1)}sheetData>"
        end_of_data = text.find(close, data.end())
        pos = data.end()
        while (m := _CELL.search(text, pos, end_of_data)) is not None:
            # Cells hold no cells, and a text in one writes "<" as "&lt;": the first end tag is its own.
            p = m.group(1)
            tag_end = text.find(">", m.end())
            if tag_end < 0:
                break
            if text[tag_end - 1] == "/":
                end = tag_end + 1
            else:
                end = text.find(f"</{p}c>", tag_end)
                if end < 0:
                    break
                end += len(p) + 4
            ref = _REF_ATTRIBUTE.search(text, m.end(), tag_end)
            if ref is not None and len(found) < len(cells) and ref.group(1) != cells[len(found)].ref:
                break
            found.append((m.start(), end, p))
            pos = end
    if len(found) != len(cells):
        raise InspectionError("unparseable", f"the cells of {name} cannot be told apart in its text")
    return found


def rewrite_sheet(sheet: Sheet) -> bytes:
    """The sheet's part with each masked cell written as an inline string of its masked text."""
    pieces: list[str] = []
    last = 0
    text = sheet.text
    for (start, end, p), cell in zip(sheet.spans, sheet.cells, strict=True):
        if cell.masked is None:
            continue
        attributes = _ATTRIBUTE.findall(text, start, text.index(">", start))
        kept = "".join(f" {k}={v}" for k, v in attributes if k in ("r", "s"))
        masked = escape(cell.masked)
        pieces += [
            text[last:start],
            f'<{p}c{kept} t="inlineStr"><{p}is><{p}t xml:space="preserve">{masked}</{p}t></{p}is></{p}c>',
        ]
        last = end
    pieces.append(text[last:])
    return "".join(pieces).encode("utf-8")


def rewrite_strings(data: bytes, strings: int, shown: set[int], count: int) -> bytes:
    """The shared strings' part (read by ``read_strings``: ``strings`` of them) with every string
    no cell still shows emptied where it stands."""
    text = data.decode("utf-8-sig")
    pieces: list[str] = []
    last = 0
    items = list(_STRING_ITEM.finditer(text))
    if len(items) != strings:
        raise InspectionError("unparseable", "the shared strings cannot be told apart in their text")
    for i, m in enumerate(items):
        if i in shown:
            continue
        p = m.group(1)
        pieces += [text[last : m.start()], f"<{p}si><{p}t/></{p}si>"]
        last = m.end()
    pieces.append(text[last:])
    return _COUNT.sub(lambda m: f"{m.group(1)}{count}{m.group(2)}", "".join(pieces), count=1).encode("utf-8")
