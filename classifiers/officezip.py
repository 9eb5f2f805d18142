"""The XML parts of an Office Open XML file (.xlsx, .docx), as both kinds read them: each part
parsed only once a DTD is ruled out (no DTD, so no entity: what defusedxml guards against),
which lets the C parser read it; texts, attribute values and XML comments gathered to be
checked; a table of cells' texts walked as CSV. The archive itself is ``zipparts``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, XMLParser

from .inspection import InspectionError
from .numberish import bytes_may_hold_number
from .printersettings import PRINTER
from .printersettings import texts as printer_texts

# What the walkers of both kinds are handed. A walk of a text, as a table (CSV: True) or not:
# (text, changed, records).
Walk = Callable[[str, bool], tuple[str, bool, int]]
# Would a walk change this text, which is not masked in place (names, properties, formulas)?
Check = Callable[[str], bool]
# A picture found (by its part's name): does the caller's profile mask it?
Picture = Callable[[str], bool]

_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)""")
# What the tree builder is handed for each XML comment: the tree does not keep it.
_NOT_KEPT = Element("comment")


def parse(data: bytes, name: str, kind: str) -> tuple[Element, str, list[str]]:
    """A part's root element, its text, and the texts of its XML comments (``<!-- … -->``),
    which the tree does not hold but an unchanged part carries out: the caller's to check."""
    # UTF-16 holds NUL bytes (and would hide a declaration from the search below); a DTD is
    # where entities are declared, and no part of these files has one.
    if b"\x00" in data or b"<!DOCTYPE" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InspectionError("unparseable", f"the {kind}'s part {name} is not UTF-8 XML without a DTD")
    # A processing instruction's text is read by no one and reported by no parser here; Office
    # writes none but the declaration.
    declared = data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml"))
    if data.count(b"<?") > (1 if declared else 0):
        raise InspectionError("unparseable", f"the {kind}'s part {name} holds a processing instruction")
    # The parser would read the bytes in the encoding the declaration names, the part's text is
    # read (and rewritten) as UTF-8: the two must be one.
    encoding = _ENCODING.match(data) if declared else None
    if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
        raise InspectionError("unparseable", f"the {kind}'s part {name} is declared in an encoding other than UTF-8")
    comments: list[str] = []

    def comment(text: str | None) -> Element:
        comments.append(text or "")
        return _NOT_KEPT

    try:
        text = data.decode("utf-8-sig")
        parser = XMLParser(target=TreeBuilder(comment_factory=comment))
        parser.feed(data)
        return parser.close(), text, comments
    except (UnicodeDecodeError, ParseError, ValueError, LookupError) as exc:
        raise InspectionError("unparseable", f"the {kind}'s part {name} is not readable XML: {exc}") from None


def xml_text(text: str) -> str:
    """A text as an element's content holds it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def local(tag: str) -> str:
    """A tag without its namespace (``{…/main}c``: ``c``); the tree holds no comments."""
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
    """The texts and attribute values of a part, each once, and its comments."""
    if name.endswith(".vml"):
        # Excel writes VML as HTML, an empty line as <br> (Apache POI reads it so too).
        data = data.replace(b"<br>", b"<br/>")
    root, _, comments = parse(data, name, kind)
    return texts(root) + comments


def read_passed(data: bytes, name: str, kind: str) -> list[str]:
    """What a check must see of a part passed as it came (styles, a theme): its texts and XML
    comments, unless its bytes are ASCII with no reference (``&#…;`` may write any character),
    no ``@`` and no run of a number's length, and so hold nothing a check finds. The bytes
    first: python-docx writes 800 KB of styles, ``Normal`` and ``Calibri``, which these tests
    read in a fifth of the time a parse takes."""
    # b"&", not b"&#": one byte is found as memchr finds it, far faster than two are.
    plain = data.isascii() and b"&" not in data and b"@" not in data
    if plain and not bytes_may_hold_number(data):
        return []
    return read_metadata(data, name, kind)


def check_unwalked(
    parts: dict[str, bytes], metadata: re.Pattern[str], passed: re.Pattern[str], check: Check, kind: str
) -> None:
    """Refuses the file where a part that is not walked (``metadata``: properties, names, links,
    drawings; ``passed``: styles, themes, passed as they came if ``read_passed`` says so; a
    printer's settings, ``PRINTER``) holds what ``check`` finds: it cannot be masked in place,
    and must not go out."""
    for name, data in parts.items():
        if metadata.fullmatch(name):
            found = read_metadata(data, name, kind)
        elif passed.fullmatch(name):
            found = read_passed(data, name, kind)
        elif PRINTER.fullmatch(name):
            found = printer_texts(data)
        else:
            continue
        if check("\n".join(found)):
            raise InspectionError(
                "unparseable",
                f"a name, a property, a link, a style, a printer or an XML comment of the {kind} ({name}) "
                "holds personal data",
            )


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
