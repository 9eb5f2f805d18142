"""A workbook's comments: Excel's notes as openpyxl, POI and Excel write them, and Excel 365's
threaded comments, masked where they stand; what is beside them checked."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from openpyxl.comments import Comment

from classifiers.inspect import Inspection, InspectionError
from classifiers.mediatypes import WORKBOOK
from support.inspected import INSPECTOR, PROFILES
from support.office_parts import MAIN, PERSONS, replaced, threaded
from support.synth_people import make_id

ID = make_id(birth="19491231", seq="002")
REMARK = f"申请人张伟之子已就业，电话13912345678，身份证号{ID}"


def _commented(*notes: tuple[str, str]) -> bytes:
    """A roster as openpyxl writes one, a note (author, text) on each of its first cells:
    ``xl/comments/comment1.xml`` and its VML boxes in ``xl/drawings/commentsDrawing1.vml``."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "审核意见"])
    sheet.append([1, "同意"])
    for cell, (author, text) in zip(("B2", "A1", "A2"), notes, strict=False):
        sheet[cell].comment = Comment(text, author)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _inspect(body: bytes, role: str = "outsourced") -> Inspection:
    return INSPECTOR.inspect(body, WORKBOOK, None, PROFILES.for_roles([role]))


def _part(body: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return archive.read(name).decode()


def _notes(body: bytes) -> dict[str, str]:
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert sheet is not None
    return {c.coordinate: c.comment.text for row in sheet.iter_rows() for c in row if c.comment is not None}


@pytest.mark.parametrize(
    ("role", "masked"),
    [
        ("outsourced", "申请人[已屏蔽]之子已就业，电话[已屏蔽]，身份证号[已屏蔽]"),
        ("caseworker", f"申请人张**之子已就业，电话139****5678，身份证号{ID[:6]}********{ID[-4:]}"),
    ],
)
def test_a_reviewer_s_note_is_masked_in_place_and_opens(role: str, masked: str) -> None:
    inspection = _inspect(_commented(("王主任", REMARK), ("王主任", "表头说明")), role)
    assert _notes(inspection.body) == {"B2": masked, "A1": "表头说明"}
    assert {"PERSON_NAME", "MOBILE", "RESIDENT_ID"} <= set(inspection.entity_counts)
    assert "王主任" in _part(inspection.body, "xl/comments/comment1.xml")  # the author, staff, kept


def test_notes_with_nothing_to_mask_leave_the_workbook_as_it_came() -> None:
    body = _commented(("王主任", "请核实收入情况"))
    assert _inspect(body).body == body


# As Excel writes a note: the author's name in a bold run, the text in the next, the box in
# VML that writes an empty line as <br>.
_EXCEL_NOTE = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<comments xmlns="{MAIN}">'
    "<authors><author>王主任</author></authors><commentList>"
    '<comment ref="B2" authorId="0" shapeId="0"><text>'
    '<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>王主任:</t></r>'
    '<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr>'
    f'<t xml:space="preserve">\n{REMARK}</t></r></text></comment></commentList></comments>'
)
_EXCEL_VML = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202">'
    "<v:textbox><div style='text-align:left'><br></div></v:textbox>"
    '<x:ClientData ObjectType="Note"><x:Anchor>2, 15, 0, 2, 4, 15, 3, 16</x:Anchor>'
    "<x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>"
)


def test_an_excel_note_in_runs_is_masked_as_one_run() -> None:
    body = replaced(
        _commented(("王主任", "x")),
        **{"xl/comments/comment1.xml": _EXCEL_NOTE, "xl/drawings/commentsDrawing1.vml": _EXCEL_VML},
    )
    inspection = _inspect(body)
    assert _notes(inspection.body) == {"B2": "王主任:\n申请人[已屏蔽]之子已就业，电话[已屏蔽]，身份证号[已屏蔽]"}
    assert "<authors><author>王主任</author></authors>" in _part(inspection.body, "xl/comments/comment1.xml")


def test_a_threaded_comment_and_its_note_for_older_readers_are_both_masked() -> None:
    mention = '<mentions><mention mentionpersonId="{5D0B}" mentionId="{77}" startIndex="0" length="4"/></mentions>'
    note = f"[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    {REMARK}"
    body = replaced(
        _commented(("tc={0A1B2C3D-0000-4000-8000-000000000001}", note)),
        **{
            "xl/threadedComments/threadedComment1.xml": threaded(f"@王主任 {REMARK}", mention),
            "xl/persons/person.xml": PERSONS,
        },
    )
    inspection = _inspect(body)
    comment = _part(inspection.body, "xl/threadedComments/threadedComment1.xml")
    assert "申请人[已屏蔽]之子已就业，电话[已屏蔽]，身份证号[已屏蔽]</text></threadedComment>" in comment
    assert "mention" not in comment  # its place in the text moved with the mask
    assert ID not in _notes(inspection.body)["B2"] and "张伟" not in _notes(inspection.body)["B2"]


@pytest.mark.parametrize(
    "parts",
    [
        # An author, a phonetic reading, the text of a note's box, a person threaded comments name.
        {"xl/comments/comment1.xml": _EXCEL_NOTE.replace("<author>王主任</author>", f"<author>{ID}</author>")},
        {
            "xl/comments/comment1.xml": _EXCEL_NOTE.replace(
                "</r></text>", f'</r><rPh sb="0" eb="1"><t>身份证号{ID}</t></rPh></text>'
            )
        },
        {"xl/drawings/commentsDrawing1.vml": _EXCEL_VML.replace("<br>", f"身份证号{ID}")},
        {"xl/persons/person.xml": PERSONS.replace('userId="王主任"', f'userId="身份证号{ID}"')},
        # Text between a note's elements, and an XML comment beside the notes.
        {"xl/comments/comment1.xml": _EXCEL_NOTE.replace("</comment>", f"</comment>身份证号{ID}")},
        {"xl/comments/comment1.xml": _EXCEL_NOTE.replace("<commentList>", f"<!-- {ID} --><commentList>")},
        # A note hidden in an XML comment where it would be counted among the notes.
        {
            "xl/comments/comment1.xml": _EXCEL_NOTE.replace(
                "<commentList>", '<commentList><!-- <comment ref="A1"><text><t>x</t></text></comment> -->'
            )
        },
        # A VML drawing that is not XML, as a form control's may be.
        {"xl/drawings/commentsDrawing1.vml": _EXCEL_VML.replace("</xml>", "")},
    ],
    ids=["author", "phonetic", "vml-text", "person", "between", "xml-comment", "hidden-note", "vml-unreadable"],
)
def test_what_is_beside_the_notes_must_hold_nothing(parts: dict[str, str]) -> None:
    body = replaced(
        _commented(("王主任", "x")),
        **{"xl/comments/comment1.xml": _EXCEL_NOTE, "xl/drawings/commentsDrawing1.vml": _EXCEL_VML, **parts},
    )
    with pytest.raises(InspectionError) as refused:
        _inspect(body)
    assert refused.value.code == "unparseable"


def test_under_clear_notes_go_as_they_came() -> None:
    body = _commented(("王主任", REMARK))
    inspection = INSPECTOR.inspect(body, WORKBOOK, None, PROFILES.get("clear"))
    assert inspection.body == body and inspection.entity_counts["RESIDENT_ID"] == 1
