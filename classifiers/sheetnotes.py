"""A workbook's comments (ECMA-376 part 1 §18.7; Excel 365's threaded comments, MS-XLSX
§2.6.207): each comment's text read with a parser, and rewritten where it stands once masked.

A reviewer's note on a cell of a roster (``申请人张伟之子已就业，月收入3000元``) says about a
person what the row does, or more. A legacy comment (Excel's "note"; what openpyxl and POI
write) holds rich text as a shared string does (runs, phonetic readings); a threaded comment
holds plain text, and may mention staff by their place in it. Excel 365 writes each threaded
comment as a legacy one too ("[Threaded comment] … Comment: …"), for older readers: both are
read and masked.

A comment that changed is written back as one run of its masked text (its bold author line
and fonts go); a threaded one loses its mentions, whose places in the text the mask moved.
Everything else in the part stays as it was: authors are the caller's to check, as are the
texts no reader shows (phonetic readings, text between elements).
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element

from .inspection import InspectionError
from .officezip import local, parse, xml_text
from .sheetxml import escape, shown, unshown

_PREFIX: Final = r"(?:[\w.-]+:)?"
# A comment holds no comment, and its text no element named text: the first end tag is its own.
_COMMENT: Final = re.compile(rf"<({_PREFIX})(comment|threadedComment)\b[^>]*?(?:/>|>.*?</\1\2>)", re.S)
_TEXT: Final = re.compile(rf"<({_PREFIX})text\b[^>]*?(?:/>|>.*?</\1text>)", re.S)
_MENTIONS: Final = re.compile(rf"<({_PREFIX})mentions\b[^>]*?(?:/>|>.*?</\1mentions>)", re.S)


class Comments:
    """One part of comments: each comment's text as a reader shows it, what the part holds
    beside them, and the masked texts once walked."""

    def __init__(self, name: str, text: str, threaded: bool, texts: list[str], beside: list[str]) -> None:
        self.name = name
        self.text = text
        self.threaded = threaded
        self.texts = texts
        self.beside = beside  # authors, phonetic readings, text between elements
        self.masked: dict[int, str] = {}


def read_comments(data: bytes, name: str) -> Comments:
    root, text, beside = parse(data, name, "workbook")
    threaded = local(root.tag) == "ThreadedComments"
    comments = [e for e in root.iter() if local(e.tag) in ("comment", "threadedComment")]
    texts: list[str] = []
    in_comments: set[int] = set()
    for comment in comments:
        body = next((e for e in comment if local(e.tag) == "text"), None)
        texts.append(_text(body, threaded))
        if body is not None and not threaded:
            beside += unshown(body)
        in_comments.update(id(e) for e in (comment.iter() if body is None else body.iter()))
    for element in root.iter():
        # Authors, a threaded comment's dates and ids, and any text a reader does not show.
        if id(element) not in in_comments and element.text and element.text.strip():
            beside.append(element.text)
        if element.tail and element.tail.strip():
            beside.append(element.tail)
        beside += element.attrib.values()
    return Comments(name, text, threaded, texts, beside)


def _text(body: Element | None, threaded: bool) -> str:
    if body is None:
        return ""
    return (body.text or "") if threaded else shown(body)


def rewrite_comments(comments: Comments) -> bytes:
    """The part with each masked comment's text written as one run (a threaded comment's as
    its text), the rest as it stood."""
    text = comments.text
    found = list(_COMMENT.finditer(text))
    if len(found) != len(comments.texts):
        raise InspectionError("unparseable", f"the comments of {comments.name} cannot be told apart in their text")
    pieces: list[str] = []
    last = 0
    for i, m in enumerate(found):
        masked = comments.masked.get(i)
        if masked is None:
            continue
        body = _TEXT.search(text, m.start(), m.end())
        if body is None:
            raise InspectionError("unparseable", f"a comment of {comments.name} has no text to mask")
        p = body.group(1)
        if comments.threaded:
            new = f"<{p}text>{xml_text(masked)}</{p}text>"
        else:
            new = f'<{p}text><{p}t xml:space="preserve">{escape(masked)}</{p}t></{p}text>'
        pieces += [text[last : body.start()], new]
        last = body.end()
        mentions = _MENTIONS.search(text, last, m.end())
        if comments.threaded and mentions is not None:
            pieces.append(text[last : mentions.start()])
            last = mentions.end()
    pieces.append(text[last:])
    return "".join(pieces).encode("utf-8")
