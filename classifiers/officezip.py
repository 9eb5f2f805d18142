"""An Office Open XML file (.xlsx, .docx): a zip archive of XML parts, read part by part and
written anew with the parts that changed.

What both kinds share: only the parts a kind knows are read (any other may hold what is not
rewritten: photos of ID cards, comments, embedded files), each once, none encrypted, none
inflating past a few times the inspection limit (a zip bomb inflates a thousand times); and
each XML part is parsed only once a DTD is ruled out (no DTD, so no entity: what defusedxml
guards against), which lets the C parser read it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from typing import Final
from xml.etree.ElementTree import Element, ParseError, fromstring

from .inspection import InspectionError

# How many times the inspection limit the parts may hold once inflated. XML deflates five to
# ten times: a file of a few MB is read, and what is held in memory stays within a few times
# what a text body may be.
_INFLATED_MAX: Final = 4


def read_parts(body: bytes, known: re.Pattern[str], max_bytes: int, kind: str) -> dict[str, bytes]:
    """The parts by name, in the archive's order, each one known and checked (``kind`` names
    the file in errors: "workbook", "document")."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InspectionError("unparseable", f"the {kind} is not a readable zip archive: {exc}") from None
    budget = max_bytes * _INFLATED_MAX
    parts: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = info.filename
            if name in parts:
                # Two entries of one name: readers disagree on which one counts.
                raise InspectionError("unparseable", f"the {kind} holds {name} twice")
            if info.flag_bits & 0x1:
                raise InspectionError("unparseable", f"the {kind}'s part {name} is encrypted")
            if name.endswith("/") and info.file_size == 0:
                continue  # a folder's entry
            if not known.fullmatch(name):
                raise InspectionError("binary", f"a {kind}'s part {name!r} cannot be inspected")
            budget -= info.file_size
            if budget < 0:
                raise InspectionError("too_large", f"the {kind}'s parts exceed the inspection limit once inflated")
            try:
                with archive.open(info) as part:
                    data = part.read(info.file_size + 1)  # the size the directory states is checked too
            except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError) as exc:
                raise InspectionError("unparseable", f"the {kind}'s part {name} cannot be read: {exc}") from None
            if len(data) != info.file_size:
                raise InspectionError("unparseable", f"the {kind}'s part {name} is not the size it states")
            parts[name] = data
    return parts


def write_parts(body: bytes, parts: dict[str, bytes]) -> bytes:
    """The archive written anew, its entries in their order, each as it was compressed; an
    entry not in ``parts`` is left out."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename not in parts:
                continue  # dropped (a workbook's calculation chain) or a folder's entry
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            new.writestr(entry, parts[info.filename])
    return out.getvalue()


def parse(data: bytes, name: str, kind: str) -> tuple[Element, str]:
    """A part's root element and its text."""
    # UTF-16 holds NUL bytes (and would hide a declaration from the search below); a DTD is
    # where entities are declared, and no part of these files has one.
    if b"\x00" in data or b"<!DOCTYPE" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InspectionError("unparseable", f"the {kind}'s part {name} is not UTF-8 XML without a DTD")
    try:
        text = data.decode("utf-8-sig")
        return fromstring(data), text
    except (UnicodeDecodeError, ParseError, ValueError) as exc:
        raise InspectionError("unparseable", f"the {kind}'s part {name} is not readable XML: {exc}") from None


def local(tag: str) -> str:
    """A tag without its namespace (``{…/main}c``: ``c``); the parser keeps no comments."""
    return tag[tag.find("}") + 1 :]


def texts(root: Element) -> list[str]:
    """The texts, the texts between elements and the attribute values under an element, each once."""
    seen: dict[str, None] = {}
    for element in root.iter():
        for value in (element.text, element.tail, *element.attrib.values()):
            if value and value.strip():
                seen[value.strip()] = None
    return list(seen)


def read_metadata(data: bytes, name: str, kind: str) -> list[str]:
    """The texts and attribute values of a part, each once."""
    root, _ = parse(data, name, kind)
    return texts(root)


def walk_rows(
    rows: list[list[str]], walk: Callable[[str], tuple[str, bool, int]], what: str
) -> tuple[list[list[str]] | None, int]:
    """A table of cells' texts (a sheet's, a Word table's) walked as the CSV text it is written
    as: (its rows masked, of the shape they were read in, or None when the walk changed nothing;
    the records the walk counted). ``what`` names the table in errors."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    new_text, changed, records = walk(out.getvalue())
    if not changed:
        return None, records
    new_rows = list(csv.reader(io.StringIO(new_text, newline="")))
    if len(new_rows) != len(rows) or any(len(a) != len(b) for a, b in zip(new_rows, rows, strict=True)):
        raise InspectionError("unparseable", f"{what} has not the shape it was read in once masked")
    return new_rows, records
