"""A Word document (.docx: a zip of WordprocessingML parts), its paragraphs and tables
inspected and masked in place.

Civil-affairs systems fill Word templates for what a person signs or is handed (审批表, 告知书,
证明: poi-tl and easypoi in Java, python-docx): a form of labels and values in a table, prose
around it, a reviewer's comments beside it. The body, each header and footer, the notes and
the comments are read as stories (``wordxml``): a story's paragraphs outside tables are walked
as text, each table as a CSV table of its cells (a cell's paragraphs one per line), so that a
label in one cell keys the value in the next; what the walk changed is shared back among the
texts each paragraph was read from, and only those are rewritten.

Pictures (``pictures``) are found whole and masked as the caller's profile masks a photo. A
chart passes where its data (a workbook embedded beside it, walked as ``workbook`` walks one)
and its cached values hold nothing to mask.

Fail closed: a part this module does not know (embedded objects other than workbooks) is
refused; so is a document whose properties, relationships, settings, revision or comment
authors, data bound to content controls, deleted text, field codes, drawings' alternative texts
or XML comments hold personal data, a chart whose data is not in the document, and a mask that
would take a tab or a break.
"""

from __future__ import annotations

import re
from typing import Final

from . import workbook
from .inspection import InspectionError
from .officezip import Check, Picture, Walk, check_unwalked, read_metadata, walk_rows
from .pictures import blank_pictures
from .printersettings import PRINTER
from .printersettings import blank as blank_printers
from .wordxml import Paragraph, Story, mask_paragraph, read_story, rewrite_story
from .zipparts import drop_references, entry_names, read_parts, write_parts

# The parts a document of text and tables holds, as Word, LibreOffice, poi-tl and python-docx
# write them.
# A document with content controls carries a glossary document of their building blocks
# (placeholder texts, "单击或点击此处输入文字。"), under word/glossary: read as the document is.
_KNOWN_PARTS: Final = re.compile(
    r"""\[Content_Types\]\.xml|_rels/\.rels|docProps/(?:app|core|custom)\.xml
    |word/(?:glossary/)?document\.xml|word/(?:glossary/)?_rels/(?:document|header\d+|footer\d+)\.xml\.rels
    |word/(?:glossary/)?(?:styles|stylesWithEffects|settings|webSettings|fontTable|numbering|people)\.xml
    |word/theme/theme\d+\.xml|word/(?:header|footer)\d+\.xml|word/(?:footnotes|endnotes)\.xml
    |word/comments(?:Extended|Ids|Extensible)?\.xml
    |customXml/(?:item\d+|itemProps\d+)\.xml|customXml/_rels/item\d+\.xml\.rels|docProps/thumbnail\.(?:jpeg|png)
    |word/media/[\w.-]+
    |word/charts/chart\d+\.xml|word/charts/_rels/chart\d+\.xml\.rels|word/charts/(?:style|colors)\d+\.xml
    |word/embeddings/[\w.-]+\.xlsx|word/printerSettings/printerSettings\d+\.bin""",
    re.VERBOSE,
)
_STORY: Final = re.compile(r"word/(?:glossary/document|document|header\d+|footer\d+|footnotes|endnotes|comments)\.xml")
# Parts whose texts and attribute values the walk does not mask: the document's properties,
# relationships' targets (a link), settings (document variables), revision authors, the data
# that content controls are bound to (Word's default template holds an empty one), what Word
# 2013 and later keep of comments beside their texts (replies, ids, dates), the numbering (a
# list's label is shown before each item: ``申请人%1``), the fonts' and web settings' parts,
# the content types.
_METADATA: Final = re.compile(
    r"docProps/.*\.xml|.*\.rels|word/(?:glossary/)?(?:settings|webSettings|fontTable|people|numbering)\.xml"
    r"|customXml/.*\.xml"
    r"|word/comments(?:Extended|Ids|Extensible)\.xml|\[Content_Types\]\.xml"
)
# A picture of the first page, saved with the document: dropped with what it names once the
# text it shows is masked.
_THUMBNAILS: Final = ("docProps/thumbnail.jpeg", "docProps/thumbnail.png")
_THUMBNAIL_REFS: Final = re.compile(r"<(?:[\w.-]+:)?(?:Relationship|Override)\b[^>]*docProps/thumbnail[^>]*/>")
# A chart (as Word and poi-tl write one) draws a copy of its data (its cached values) and keeps
# the data itself in a workbook of its own, embedded in the document.
_CHART: Final = re.compile(r"word/charts/chart(\d+)\.xml")
_EMBEDDED_WORKBOOK: Final = re.compile(r"word/embeddings/[\w.-]+\.xlsx")
_EMBEDDED_TARGET: Final = re.compile(rb'Target="(?:\.\./|/word/)embeddings/([\w.-]+\.xlsx)"')
# Parts passed as they came that a reader shows little of: the styles (a style's name, in
# Word's gallery of styles), themes, charts' styles and colours. An unchanged part still carries
# out whatever it holds, so each is read as far as ``read_passed`` needs to.
_PASSED: Final = re.compile(
    r"word/(?:glossary/)?(?:styles|stylesWithEffects)\.xml|word/theme/theme\d+\.xml|word/charts/(?:style|colors)\d+\.xml"
)
# The parts read: the others (the thumbnail, pictures) are passed as they came, or dropped. The
# printer's settings are binary, their texts checked,
# their names blanked where they may name a person (printersettings.py).
_READ: Final = re.compile(
    rf"{_STORY.pattern}|{_METADATA.pattern}|{_PASSED.pattern}|{_CHART.pattern}|{_EMBEDDED_WORKBOOK.pattern}"
    rf"|{PRINTER.pattern}"
)


def walk(body: bytes, walk_story: Walk, check: Check, picture: Picture, max_bytes: int) -> tuple[bytes, bool, int]:
    """(body, changed, records) of a Word document: every story's paragraphs walked by
    ``walk_story``; ``check`` says whether a text that is not masked in place would be changed;
    each picture a blank one where ``picture`` says it is masked."""
    parts = read_parts(body, _KNOWN_PARTS, _READ, max_bytes, "document")
    if "word/document.xml" not in parts:
        raise InspectionError("unparseable", "a zip archive without word/document.xml is no Word document")
    check_unwalked(parts, _METADATA, _PASSED, check, "document")
    changed: dict[str, bytes] = {}
    blank_printers(parts, changed)  # a device named after its user (printersettings.py)
    records = 0
    for name, data in parts.items():
        if not _STORY.fullmatch(name):
            continue
        story = read_story(data, name)
        if check("\n".join(story.metadata)):
            raise InspectionError(
                "unparseable",
                f"deleted text, a field's code, an alternative text or an XML comment in {name} holds personal data",
            )
        records += _walk_story(story, walk_story)
        if story.masked:
            changed[name] = rewrite_story(story)
    records += _check_charts(parts, walk_story, check, picture, max_bytes)
    blank_pictures(entry_names(body), picture, changed, "document")
    if not changed:
        return body, False, records
    drop_references(parts, changed, ("[Content_Types].xml", "_rels/.rels"), _THUMBNAIL_REFS)
    return write_parts(body, changed, _THUMBNAILS), True, records


def _check_charts(parts: dict[str, bytes], walk: Walk, check: Check, picture: Picture, max_bytes: int) -> int:
    """The records of the workbooks embedded for charts, each walked as a workbook is; refuse
    one that holds what a walk masks (its chart's cached values copy it), a chart whose title,
    labels or cached values hold what a walk would mask, and one whose data is not embedded
    (linked to a file outside, or nowhere), whose cached values are then the only copy and
    hold bare values no walk can key."""
    records = 0
    for name, data in parts.items():
        if _EMBEDDED_WORKBOOK.fullmatch(name):
            _, masked, found = workbook.walk(data, walk, check, picture, max_bytes)
            if masked:
                raise InspectionError("unparseable", f"the data of a chart or an object ({name}) holds personal data")
            records += found
        elif (chart := _CHART.fullmatch(name)) is not None:
            links = parts.get(f"word/charts/_rels/chart{chart.group(1)}.xml.rels", b"")
            embedded = [f"word/embeddings/{t.decode()}" for t in _EMBEDDED_TARGET.findall(links)]
            if b'TargetMode="External"' in links or not embedded or any(e not in parts for e in embedded):
                raise InspectionError("unparseable", f"the data of a chart ({name}) is not in the document")
            if check("\n".join(read_metadata(data, name, "document"))):
                raise InspectionError(
                    "unparseable", f"a chart's title, label or cached value ({name}) holds personal data"
                )
    return records


def _walk_story(story: Story, walk_story: Walk) -> int:
    """The records the story's walks counted; each paragraph a walk changed is masked."""
    records = 0
    loose = [story.paragraphs[i] for i in story.loose]
    if loose:
        new, changed, records = walk_story("\n".join(p.text for p in loose), False)
        if changed:
            _share(story, loose, new)
    for table in story.tables:
        cells = [[[story.paragraphs[i] for i in cell] for cell in row] for row in table]
        texts = [["\n".join(p.text for p in cell) for cell in row] for row in cells]
        new_rows, table_records = walk_rows(texts, lambda text: walk_story(text, True), f"a table of {story.name}")
        records += table_records
        if new_rows is None:
            continue
        for row, new_row in zip(cells, new_rows, strict=True):
            for cell, new_cell in zip(row, new_row, strict=True):
                _share(story, cell, new_cell)
    return records


def _share(story: Story, paragraphs: list[Paragraph], new: str) -> None:
    """Mask each of ``paragraphs`` with its lines of ``new``, their text masked as one (a
    paragraph holds as many lines as it has breaks and one)."""
    lines = new.split("\n") if paragraphs or new else []
    if len(lines) != sum(p.text.count("\n") + 1 for p in paragraphs):
        raise InspectionError("unparseable", f"a masked text of {story.name} has not the lines it was read in")
    at = 0
    for paragraph in paragraphs:
        count = paragraph.text.count("\n") + 1
        mask_paragraph(story, paragraph, "\n".join(lines[at : at + count]))
        at += count
