"""An Office Open XML workbook (.xlsx: a zip of XML parts), its cells inspected as the tables
they are and masked in place.

Civil-affairs systems export their rosters as .xlsx (Apache POI and EasyExcel in Java,
openpyxl in Python). Each sheet's cells are read into rows (``sheetxml``) and walked as a CSV
table, so that its headings are keys; a cell the walk changed is written back as an inline
string, its style kept and its formula dropped. The shared strings table keeps only the
strings that an unchanged cell still shows: the others, the masked values among them and any
that no cell shows, are emptied where they stand, so that every index stays valid.

Pictures (``pictures``) are found whole and masked as the caller's profile masks a photo.
Comments (``sheetnotes``: Excel's notes and threaded comments) are walked one by one as texts
and masked where they stand.

Fail closed: what is not rewritten must hold nothing to mask. A part this module does not know
(embedded objects, external links, sheets of charts, slicers), a name or a property of the
workbook or of a sheet, a comment's author, a formula with text in it, a string's phonetic
reading or text between elements that holds personal data, a chart, a table or a pivot table
that copies a masked cell, a DTD, an encrypted or a repeated entry: the workbook is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from .inspection import InspectionError
from .officezip import Check, Picture, Walk, check_unwalked, read_metadata, walk_rows
from .pictures import blank_pictures
from .pivotcache import items_table, read_fields, read_records
from .printersettings import PRINTER
from .printersettings import blank as blank_printers
from .sheetnotes import read_comments, rewrite_comments
from .sheetxml import Sheet, read_sheet, read_strings, rewrite_sheet, rewrite_strings
from .zipparts import drop_references, entry_names, read_parts, write_parts

# The parts a workbook of rows holds, as Excel, POI, EasyExcel, openpyxl and WPS write them,
# pictures (a photo placed over a cell, WPS's pictures in cells), comments, charts, tables and
# pivot tables among them. Any other part may hold what is not rewritten here (an embedded
# object, a link to another workbook).
_KNOWN_PARTS: Final = re.compile(
    r"""\[Content_Types\]\.xml|_rels/\.rels|docProps/(?:app|core|custom)\.xml
    |xl/workbook\.xml|xl/_rels/workbook\.xml\.rels|xl/styles\.xml|xl/theme/theme\d+\.xml
    |xl/calcChain\.xml|xl/sharedStrings\.xml|xl/printerSettings/printerSettings\d+\.bin
    |xl/worksheets/sheet\d+\.xml|xl/worksheets/_rels/sheet\d+\.xml\.rels
    |xl/drawings/drawing\d+\.xml|xl/drawings/_rels/drawing\d+\.xml\.rels|xl/media/[\w.-]+
    |xl/cellimages\.xml|xl/_rels/cellimages\.xml\.rels
    |xl/comments\d+\.xml|xl/comments/comment\d+\.xml|xl/threadedComments/threadedComment\d+\.xml
    |xl/persons/person\.xml|xl/drawings/(?:vmlDrawing|commentsDrawing)\d+\.vml
    |xl/charts/chart\d+\.xml|xl/charts/_rels/chart\d+\.xml\.rels|xl/charts/(?:style|colors)\d+\.xml
    |xl/tables/table\d+\.xml|xl/pivotTables/pivotTable\d+\.xml|xl/pivotTables/_rels/pivotTable\d+\.xml\.rels
    |xl/pivotCache/pivotCache(?:Definition|Records)\d+\.xml|xl/pivotCache/_rels/pivotCacheDefinition\d+\.xml\.rels""",
    re.VERBOSE,
)
# Parts whose texts and attribute values are metadata the walk does not mask: the workbook's
# sheet names and defined names, the document's properties, relationships' targets (a link),
# the drawings that place pictures (their names, alternative texts, a text box's text), the
# VML drawings of comments' boxes (and of form controls' labels), the persons threaded
# comments name (staff: a display name, an account), the styles (a number format shows its
# text in every cell it formats: ``"申请人"@``), the content types.
_METADATA: Final = re.compile(
    r"docProps/.*|xl/workbook\.xml|.*\.rels|xl/drawings/drawing\d+\.xml|xl/cellimages\.xml|xl/styles\.xml"
    r"|\[Content_Types\]\.xml"
    r"|xl/drawings/(?:vmlDrawing|commentsDrawing)\d+\.vml|xl/persons/person\.xml"
)
_SHEET: Final = re.compile(r"xl/worksheets/sheet\d+\.xml")
_COMMENTS: Final = re.compile(
    r"xl/comments\d+\.xml|xl/comments/comment\d+\.xml|xl/threadedComments/threadedComment\d+\.xml"
)
# Parts that keep a copy of cells, which a reader shows until it reads the cells again: a
# chart's cached values, a table's column names (its header's cells), a pivot cache's items
# and records (every row it was made from), a pivot table's items. Checked, and refused where
# they copy a cell that was masked.
_COPIES: Final = re.compile(
    r"xl/charts/chart\d+\.xml|xl/tables/table\d+\.xml|xl/pivotTables/pivotTable\d+\.xml"
    r"|xl/pivotCache/pivotCache(?:Definition|Records)\d+\.xml"
)
_PIVOT_CACHE: Final = re.compile(r"xl/pivotCache/pivotCache(Definition|Records)(\d+)\.xml")
_STRINGS: Final = "xl/sharedStrings.xml"
_CALC_CHAIN: Final = "xl/calcChain.xml"
# Parts passed as they came (or the calculation chain dropped, once a cell changed) that a
# reader shows nothing of: themes, charts' styles and colours. An unchanged part still carries
# out whatever it holds, so each is read as far as ``read_passed`` needs to.
_PASSED: Final = re.compile(r"xl/theme/theme\d+\.xml|xl/charts/(?:style|colors)\d+\.xml|xl/calcChain\.xml")
# The parts read: the others (pictures) are passed as they came, or blanked. The printer's
# settings are binary, their texts checked,
# their names blanked where they may name a person (printersettings.py).
_READ: Final = re.compile(
    rf"{_METADATA.pattern}|{_PASSED.pattern}|{_SHEET.pattern}|{_COMMENTS.pattern}|{_COPIES.pattern}"
    rf"|xl/sharedStrings\.xml|{PRINTER.pattern}"
)
_CALC_CHAIN_REFS: Final = re.compile(r"<(?:[\w.-]+:)?(?:Relationship|Override)\b[^>]*calcChain[^>]*/>")


def walk(body: bytes, walk_text: Walk, check: Check, picture: Picture, max_bytes: int) -> tuple[bytes, bool, int]:
    """(body, changed, records) of a workbook: every sheet's table and every comment walked by
    ``walk_text``; ``check`` says whether a text that is not masked in place would be changed;
    each picture a blank one where ``picture`` says it is masked."""
    parts = read_parts(body, _KNOWN_PARTS, _READ, max_bytes, "workbook")
    check_unwalked(parts, _METADATA, _PASSED, check, "workbook")
    strings, unshown = read_strings(parts[_STRINGS]) if _STRINGS in parts else ([], [])
    if check("\n".join(unshown)):
        raise InspectionError(
            "unparseable",
            "a shared string's phonetic reading, text between its elements or an XML comment holds personal data",
        )
    sheets = {name: read_sheet(data, name, strings) for name, data in parts.items() if _SHEET.fullmatch(name)}
    if not sheets:
        raise InspectionError("unparseable", "a zip archive without worksheets is no workbook")
    changed: dict[str, bytes] = {}
    blank_printers(parts, changed)  # a device named after its user (printersettings.py)
    records = 0
    for name, sheet in sheets.items():
        if check("\n".join(sheet.metadata)):
            raise InspectionError(
                "unparseable",
                f"a sheet's header, footer, link, XML comment or what is beside its cells' values ({name}) "
                "holds personal data",
            )
        sheet_changed, sheet_records = _walk_sheet(sheet, lambda text: walk_text(text, True), check)
        records += sheet_records
        if sheet_changed:
            changed[name] = rewrite_sheet(sheet)
    showing = [c.shared for s in sheets.values() for c in s.cells if c.shared is not None and c.masked is None]
    shown = set(showing)
    if _STRINGS in parts and len(shown) < len(strings):
        # a masked value, or one that no cell shows
        changed[_STRINGS] = rewrite_strings(parts[_STRINGS], len(strings), shown, len(showing))
    masked = {c.text.strip() for s in sheets.values() for c in s.cells if c.masked is not None} - {""}
    for name, data in parts.items():
        if _COMMENTS.fullmatch(name):
            records += _walk_comments(name, data, walk_text, check, changed)
        elif _COPIES.fullmatch(name):
            _check_copy(name, data, masked, check)
    _check_pivot_caches(parts, lambda text: walk_text(text, True))
    blank_pictures(entry_names(body), picture, changed, "workbook")
    if not changed:
        return body, False, records
    # Formulas of masked cells are gone; a calculation chain naming them makes Excel repair the
    # file. Excel writes it anew when it next calculates (openpyxl never writes one).
    drop_references(parts, changed, ("[Content_Types].xml", "xl/_rels/workbook.xml.rels"), _CALC_CHAIN_REFS)
    return write_parts(body, changed, (_CALC_CHAIN,)), True, records


def _check_copy(name: str, data: bytes, masked: set[str], check: Check) -> None:
    """Refuse a chart, a table or a pivot table whose texts copy a masked cell's text, or hold
    what a walk would mask: a chart of amounts by district passes as it came, one whose axis
    lists the applicants' names does not; so does a pivot table of counts by district, not the
    cache of the roster's rows it was made from."""
    found = read_metadata(data, name, "workbook")
    if any(text in masked for text in found):
        raise InspectionError("unparseable", f"{name} keeps a copy of a masked cell")
    if check("\n".join(found)):
        raise InspectionError("unparseable", f"a title, a label or a copied value in {name} holds personal data")


def _check_pivot_caches(parts: dict[str, bytes], walk_table: Callable[[str], tuple[str, bool, int]]) -> None:
    """Refuse a pivot cache whose rows, read back into the table they came from (``pivotcache``),
    hold what a walk masks: its source may be a query outside the workbook, whose rows no walk
    of a sheet saw."""
    for name, data in parts.items():
        number = _PIVOT_CACHE.fullmatch(name)
        if number is None:
            continue
        defined = f"xl/pivotCache/pivotCacheDefinition{number.group(2)}.xml"
        if defined not in parts:
            raise InspectionError("unparseable", f"{name} is the rows of no pivot cache's definition")
        names, items = read_fields(parts[defined], defined)
        table = items_table(names, items) if number.group(1) == "Definition" else read_records(data, name, names, items)
        if table and walk_rows(table, walk_table, f"the rows of {name}")[0] is not None:
            raise InspectionError(
                "unparseable", f"the rows {name} keeps of the pivot table's source hold personal data"
            )


def _walk_comments(name: str, data: bytes, walk_text: Walk, check: Check, changed: dict[str, bytes]) -> int:
    """The records the comments of a part counted, walked one by one as texts; the part
    rewritten into ``changed`` when a walk masked one."""
    comments = read_comments(data, name)
    if check("\n".join(comments.beside)):
        raise InspectionError("unparseable", f"an author or a text no reader shows in {name} holds personal data")
    records = 0
    for i, text in enumerate(comments.texts):
        new, masked, comment_records = walk_text(text, False)
        records += comment_records
        if masked:
            comments.masked[i] = new
    if comments.masked:
        changed[name] = rewrite_comments(comments)
    return records


def _walk_sheet(sheet: Sheet, walk_table: Callable[[str], tuple[str, bool, int]], check: Check) -> tuple[bool, int]:
    """Whether the sheet's table's walk changed a cell (each changed one gets its ``masked``
    text), and the records it counted. A formula with text in it is checked as text: it is
    kept only where it holds nothing."""
    rows = sheet.rows()
    if not rows:
        return False, 0
    texts = [[c.text if c else "" for c in row] for row in rows]
    new_rows, records = walk_rows(texts, walk_table, f"the table of {sheet.name}")
    if new_rows is not None:
        for row, new_row in zip(rows, new_rows, strict=True):
            for cell, new in zip(row, new_row, strict=True):
                if cell is not None and cell.text != new:
                    cell.masked = new
    for cell in sheet.cells:
        if cell.formula and cell.masked is None and '"' in cell.formula and check(cell.formula):
            raise InspectionError("unparseable", f"a formula in {sheet.name} ({cell.ref}) holds personal data")
    return any(cell.masked is not None for cell in sheet.cells), records
