"""An Office Open XML workbook (.xlsx: a zip of XML parts), its cells inspected as the tables
they are and masked in place.

Civil-affairs systems export their rosters as .xlsx (Apache POI and EasyExcel in Java,
openpyxl in Python). Each sheet's cells are read into rows (``sheetxml``) and walked as a CSV
table, so that its headings are keys; a cell the walk changed is written back as an inline
string, its style kept and its formula dropped. The shared strings table keeps only the
strings that an unchanged cell still shows: the others, the masked values among them and any
that no cell shows, are emptied where they stand, so that every index stays valid.

Fail closed: what is not rewritten must hold nothing to mask. A part this module does not know
(pictures, comments, pivot caches, embedded objects, external links, tables), a name or a
property of the workbook or of a sheet that holds personal data, a formula with text in it
that does, a DTD, an encrypted or a repeated entry: the workbook is refused.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from typing import Final

from .inspection import InspectionError
from .sheetxml import Sheet, read_metadata, read_sheet, read_strings, rewrite_sheet, rewrite_strings

# A walk of one sheet's table as CSV text: (text, changed, records).
Walk = Callable[[str], tuple[str, bool, int]]
# Would a walk change this text, which is not masked in place (names, properties, formulas)?
Check = Callable[[str], bool]

# The parts a workbook of rows holds, as Excel, POI, EasyExcel and openpyxl write them. Any
# other part may hold what is not rewritten here (xl/media: photos of ID cards; comments).
_KNOWN_PARTS: Final = re.compile(
    r"""\[Content_Types\]\.xml|_rels/\.rels|docProps/(?:app|core|custom)\.xml
    |xl/workbook\.xml|xl/_rels/workbook\.xml\.rels|xl/styles\.xml|xl/theme/theme\d+\.xml
    |xl/calcChain\.xml|xl/sharedStrings\.xml|xl/printerSettings/printerSettings\d+\.bin
    |xl/worksheets/sheet\d+\.xml|xl/worksheets/_rels/sheet\d+\.xml\.rels""",
    re.VERBOSE,
)
# Parts whose texts and attribute values are metadata the walk does not mask: the workbook's
# sheet names and defined names, the document's properties, relationships' targets (a link).
_METADATA: Final = re.compile(r"docProps/.*|xl/workbook\.xml|.*\.rels")
_SHEET: Final = re.compile(r"xl/worksheets/sheet\d+\.xml")
_STRINGS: Final = "xl/sharedStrings.xml"
_CALC_CHAIN: Final = "xl/calcChain.xml"
_CALC_CHAIN_REFS: Final = re.compile(r"<(?:[\w.-]+:)?(?:Relationship|Override)\b[^>]*calcChain[^>]*/>")
# How many times the inspection limit the parts may hold once inflated (a zip bomb inflates a
# thousand times). XML of cells deflates five to ten times: a workbook of a few MB is read, and
# what is held in memory stays within a few times what a text body may be.
_INFLATED_MAX: Final = 4


def walk(body: bytes, walk_table: Walk, check: Check, max_bytes: int) -> tuple[bytes, bool, int]:
    """(body, changed, records) of a workbook: every sheet's table walked by ``walk_table``;
    ``check`` says whether a text that is not masked in place would be changed."""
    parts = _read(body, max_bytes)
    for name, data in parts.items():
        if _METADATA.fullmatch(name) and check("\n".join(read_metadata(data, name))):
            raise InspectionError("unparseable", f"a name or property of the workbook ({name}) holds personal data")
    strings = read_strings(parts[_STRINGS]) if _STRINGS in parts else []
    sheets = {name: read_sheet(data, name, strings) for name, data in parts.items() if _SHEET.fullmatch(name)}
    if not sheets:
        raise InspectionError("unparseable", "a zip archive without worksheets is no workbook")
    changed_any, records = False, 0
    new_parts = dict(parts)
    for name, sheet in sheets.items():
        if check("\n".join(sheet.metadata)):
            raise InspectionError("unparseable", f"a sheet's header, footer or link ({name}) holds personal data")
        changed, sheet_records = _walk_sheet(sheet, walk_table, check)
        records += sheet_records
        if changed:
            changed_any = True
            new_parts[name] = rewrite_sheet(sheet)
    showing = [c.shared for s in sheets.values() for c in s.cells if c.shared is not None and c.masked is None]
    shown = set(showing)
    if _STRINGS in parts and len(shown) < len(strings):
        changed_any = True  # a masked value, or one that no cell shows
        new_parts[_STRINGS] = rewrite_strings(parts[_STRINGS], len(strings), shown, len(showing))
    if not changed_any:
        return body, False, records
    if _CALC_CHAIN in new_parts:
        # Formulas of masked cells are gone; a calculation chain naming them makes Excel repair
        # the file. Excel writes it anew when it next calculates (openpyxl never writes one).
        del new_parts[_CALC_CHAIN]
        for name in ("[Content_Types].xml", "xl/_rels/workbook.xml.rels"):
            if name in new_parts:
                new_parts[name] = _CALC_CHAIN_REFS.sub("", new_parts[name].decode("utf-8")).encode("utf-8")
    return _write(body, new_parts), True, records


def _read(body: bytes, max_bytes: int) -> dict[str, bytes]:
    """The workbook's parts by name, in the archive's order, each one known and checked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InspectionError("unparseable", f"the workbook is not a readable zip archive: {exc}") from None
    budget = max_bytes * _INFLATED_MAX
    parts: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = info.filename
            if name in parts:
                # Two entries of one name: readers disagree on which one counts.
                raise InspectionError("unparseable", f"the workbook holds {name} twice")
            if info.flag_bits & 0x1:
                raise InspectionError("unparseable", f"the workbook's part {name} is encrypted")
            if name.endswith("/") and info.file_size == 0:
                continue  # a folder's entry
            if not _KNOWN_PARTS.fullmatch(name):
                raise InspectionError("binary", f"a workbook's part {name!r} cannot be inspected")
            budget -= info.file_size
            if budget < 0:
                raise InspectionError("too_large", "the workbook's parts exceed the inspection limit once inflated")
            try:
                with archive.open(info) as part:
                    data = part.read(info.file_size + 1)  # the size the directory states is checked too
            except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError) as exc:
                raise InspectionError("unparseable", f"the workbook's part {name} cannot be read: {exc}") from None
            if len(data) != info.file_size:
                raise InspectionError("unparseable", f"the workbook's part {name} is not the size it states")
            parts[name] = data
    return parts


def _walk_sheet(sheet: Sheet, walk_table: Walk, check: Check) -> tuple[bool, int]:
    """Whether the sheet's table's walk changed a cell (each changed one gets its ``masked``
    text), and the records it counted. A formula with text in it is checked as text: it is
    kept only where it holds nothing."""
    rows = sheet.rows()
    if not rows:
        return False, 0
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[c.text if c else "" for c in row] for row in rows])
    text = out.getvalue()
    new_text, changed, records = walk_table(text)
    if changed:
        new_rows = list(csv.reader(io.StringIO(new_text, newline="")))
        if len(new_rows) != len(rows) or any(len(a) != len(b) for a, b in zip(new_rows, rows, strict=True)):
            raise InspectionError("unparseable", "a sheet's masked table has not the shape it was read in")
        for row, new_row in zip(rows, new_rows, strict=True):
            for cell, new in zip(row, new_row, strict=True):
                if cell is not None and cell.text != new:
                    cell.masked = new
    for cell in sheet.cells:
        if cell.formula and cell.masked is None and '"' in cell.formula and check(cell.formula):
            raise InspectionError("unparseable", f"a formula in {sheet.name} ({cell.ref}) holds personal data")
    return any(cell.masked is not None for cell in sheet.cells), records


def _write(body: bytes, parts: dict[str, bytes]) -> bytes:
    """The archive written anew, its entries in their order, each as it was compressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename not in parts:
                continue  # dropped (the calculation chain) or a folder's entry
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            new.writestr(entry, parts[info.filename])
    return out.getvalue()
