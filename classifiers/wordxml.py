"""The XML of a Word document's stories (WordprocessingML, ECMA-376 part 1 §17): the body, a
header, a footer, the footnotes; their paragraphs and tables read with a parser, and the texts
that changed rewritten where they stand.

A paragraph's text is spread over runs (``<w:r><w:t>张</w:t></w:r><w:r><w:t>伟</w:t></w:r>``:
Word splits a run wherever formatting, spelling marks or an edit's session change), so a
paragraph is read whole and a change to it is shared back among the texts it came from. Tabs
and breaks stand between texts and are never rewritten: a mask that would take one is refused.
What the paragraphs do not show is checked, not masked: deleted text kept for tracked changes,
field codes, alternative texts of drawings, revisions' authors.
"""

from __future__ import annotations

import difflib
import re
from typing import Final
from xml.etree.ElementTree import Element

from .inspection import InspectionError
from .officezip import local, parse, xml_text

# Run content that shows as a character between texts.
_SHOWN: Final = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Attributes that say nothing a person could be found by: revision session ids.
_PLAIN_ATTRIBUTE: Final = re.compile(r"\{[^}]*\}(?:rsid\w*|paraId|textId)")
_TEXT_START: Final = re.compile(r"<((?:[\w.-]+:)?)t(?=[\s/>])")
_PRESERVE: Final = re.compile(r"""\sxml:space\s*=\s*["']preserve["']""")


class Paragraph:
    """A paragraph's text as pieces: (text, the index of the ``t`` element it is, or -1 for a
    tab or a break)."""

    __slots__ = ("pieces",)

    def __init__(self) -> None:
        self.pieces: list[tuple[str, int]] = []

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


class Story:
    """One part's paragraphs: those standing in no table's cell (``loose``, in order) and the
    tables' (rows of cells, each cell its paragraphs' indices; a merged cell's span filled with
    empty cells), and what the part holds besides (``metadata``)."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.paragraphs: list[Paragraph] = []
        self.loose: list[int] = []
        self.tables: list[list[list[list[int]]]] = []
        self.texts = 0  # how many ``t`` elements the parser read
        self.metadata: list[str] = []
        self.masked: dict[int, str] = {}  # the new text of each ``t`` element a walk changed


def read_story(data: bytes, name: str) -> Story:
    root, text, comments = parse(data, name, "document")
    story = Story(name, text)
    story.metadata += comments
    _visit(story, root, "", None, None, None)
    for element in root.iter():
        story.metadata += [v for k, v in element.attrib.items() if v.strip() and not _PLAIN_ATTRIBUTE.fullmatch(k)]
    story.metadata = list(dict.fromkeys(story.metadata))  # a style's or a size's value, checked once
    return story


def _visit(
    story: Story,
    element: Element,
    parent: str,
    paragraph: Paragraph | None,
    row: list[list[int]] | None,
    cell: list[int] | None,
) -> None:
    for child in element:
        tag = local(child.tag)
        if child.tail and child.tail.strip():
            story.metadata.append(child.tail)  # text between elements: shown by no reader, but there
        if tag == "p":
            new = Paragraph()
            # A paragraph in a text box stands in its anchor's paragraph: read as loose text.
            (cell if cell is not None and paragraph is None else story.loose).append(len(story.paragraphs))
            story.paragraphs.append(new)
            _visit(story, child, tag, new, None, None)
        elif tag == "tbl":
            story.tables.append([])
            _visit(story, child, tag, None, None, None)
        elif tag == "tr" and parent == "tbl":
            story.tables[-1].append([])
            _visit(story, child, tag, None, story.tables[-1][-1], None)
        elif tag == "tc" and row is not None:
            row.append([])
            new_cell = row[-1]
            _visit(story, child, tag, None, None, new_cell)
            row.extend([] for _ in range(_span(child, story.name) - 1))
        elif tag == "t":
            if parent != "r" or paragraph is None:
                raise InspectionError("unparseable", f"{story.name} holds a text outside a paragraph's run")
            paragraph.pieces.append((child.text or "", story.texts))
            story.texts += 1
        elif tag in _SHOWN and parent == "r" and paragraph is not None:
            paragraph.pieces.append((_SHOWN[tag], -1))
        else:
            if child.text and child.text.strip():
                story.metadata.append(child.text)  # deleted text, a field's code, a position
            _visit(story, child, tag, paragraph, row, cell)


def _span(cell: Element, name: str) -> int:
    """How many of the table's grid columns a cell spans (``<w:tcPr><w:gridSpan w:val="3"/>``)."""
    spans = [e for p in cell if local(p.tag) == "tcPr" for e in p if local(e.tag) == "gridSpan"]
    if not spans:
        return 1
    value = next((v for k, v in spans[0].attrib.items() if local(k) == "val"), "1")
    if not value.isdigit() or not 0 < int(value) <= 64:
        raise InspectionError("unparseable", f"a cell of {name} spans {value!r} columns")
    return int(value)


def mask_paragraph(story: Story, paragraph: Paragraph, new: str) -> None:
    """Share a paragraph's masked text back among the texts it was read from: each change goes
    to the text where it starts, the rest of what it replaces is taken out of the texts after."""
    old = paragraph.text
    if new == old:
        return
    texts = [text for text, _ in paragraph.pieces]
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text))
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):  # from the end: earlier offsets stay valid
        if tag == "equal":
            continue
        covered = [k for k in range(len(texts)) if starts[k] < i2 and starts[k + 1] > i1]
        if i1 == i2:  # an insertion: into the text it follows, or the one it precedes
            around = [k for k in range(len(texts)) if starts[k] < i1 <= starts[k + 1]]
            around += [k for k in range(len(texts)) if starts[k] == i1 < starts[k + 1]]
            covered = [k for k in around if paragraph.pieces[k][1] >= 0][:1]
        if not covered or any(paragraph.pieces[k][1] < 0 for k in covered):
            raise InspectionError("unparseable", f"a masked text in {story.name} spans a tab or a break")
        first = covered[0]
        for k in reversed(covered):
            a, b = max(i1, starts[k]) - starts[k], min(i2, starts[k + 1]) - starts[k]
            texts[k] = texts[k][:a] + (new[j1:j2] if k == first else "") + texts[k][b:]
    if "".join(texts) != new:
        raise InspectionError("unparseable", f"a masked paragraph of {story.name} cannot be written back")
    for (text, index), changed in zip(paragraph.pieces, texts, strict=True):
        if changed != text:
            story.masked[index] = changed


def rewrite_story(story: Story) -> bytes:
    """The part with each changed text written where it stands. The spans must name the texts
    the parser read, one for one."""
    text = story.text
    spans: list[tuple[int, int, int, str]] = []  # the element's start, its content's start and end, prefix
    pos = 0
    while (m := _TEXT_START.search(text, pos)) is not None:
        tag_end = text.find(">", m.end())
        if tag_end < 0:
            break
        p = m.group(1)
        if text[tag_end - 1] == "/":  # <w:t/>
            spans.append((m.start(), tag_end + 1, tag_end + 1, p))
            pos = tag_end + 1
            continue
        # A text holds no element, and writes "<" as "&lt;": the first end tag is its own.
        end = text.find(f"</{p}t>", tag_end)
        if end < 0:
            break
        spans.append((m.start(), tag_end + 1, end, p))
        pos = end
    if len(spans) != story.texts:
        raise InspectionError("unparseable", f"the texts of {story.name} cannot be told apart in its XML")
    pieces: list[str] = []
    last = 0
    for index in sorted(story.masked):
        start, content, end, p = spans[index]
        masked = xml_text(story.masked[index])
        empty = content == end and text[content - 2] == "/"
        # Spaces at a text's ends are dropped unless it says to keep them.
        keep = not empty and _PRESERVE.search(text, start, content) is not None
        pieces += [text[last:start], text[start:content] if keep else f'<{p}t xml:space="preserve">', masked]
        pieces.append(f"</{p}t>")
        last = end if empty else end + len(p) + 4
    pieces.append(text[last:])
    return "".join(pieces).encode("utf-8")
