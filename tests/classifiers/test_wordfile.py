"""A .docx Word document: its paragraphs and tables masked in place, a name split over runs
masked whole, the archive still a document that a reader opens, nothing of what was masked
left anywhere in it, and a document holding what is not rewritten refused."""

from __future__ import annotations

import io
import random
import zipfile

import docx
import openpyxl
import pytest
from docx.document import Document
from PIL import Image

from classifiers.inspect import Inspection, InspectionError
from classifiers.levels import DataLevel
from classifiers.mediatypes import DOCUMENT
from classifiers.officezip import read_passed
from classifiers.wordxml import Paragraph, Story, mask_paragraph
from support.inspected import INSPECTOR, PROFILES, out
from support.office_parts import THEME
from support.synth_people import make_id

ID = make_id(birth="19491231", seq="002")
ID2 = make_id(region="610921", birth="19550312", seq="013")
ADDRESS = "陕西省安康市汉滨区新城街道育才路12号"
SECRETS = [ID, ID2, "张伟", "李娜", "王强", "13912345678", "育才路12号"]
_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _form() -> bytes:
    """An approval form as a template engine fills one: a heading, prose with the applicant's
    name split over two runs, a table of labels and values with a merged cell, a table of the
    household's members, a nested table, a break inside a paragraph, a footer."""
    document = docx.Document()
    document.add_heading("最低生活保障审批表", 1)
    prose = document.add_paragraph("申请人")
    prose.add_run("张").bold = True
    prose.add_run(f"伟，身份证号{ID}，联系电话13912345678。")
    form = document.add_table(rows=3, cols=4)
    for r, values in enumerate([["姓名", "张伟", "性别", "男"], ["身份证号", ID, "电话", "13912345678"]]):
        for c, value in enumerate(values):
            form.cell(r, c).text = value
    form.cell(2, 0).text = "家庭住址"
    merged = form.cell(2, 1).merge(form.cell(2, 3))
    merged.text = ADDRESS
    members = document.add_table(rows=3, cols=3)
    for r, values in enumerate([["姓名", "关系", "身份证号码"], ["张伟", "户主", ID], ["李娜", "配偶", ID2]]):
        for c, value in enumerate(values):
            members.cell(r, c).text = value
    inner = members.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "联系电话"
    inner.cell(0, 1).text = "13912345678"
    broken = document.add_paragraph("审核意见：同意。")
    broken.add_run().add_break()
    broken.add_run("审核人：王强")
    document.sections[0].footer.paragraphs[0].text = "经办人：王强"
    return _saved(document)


def _saved(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _inspect(body: bytes, role: str = "outsourced") -> Inspection:
    return INSPECTOR.inspect(body, DOCUMENT, None, PROFILES.for_roles([role]))


def _all_parts(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def _texts(body: bytes) -> list[str]:
    """Every paragraph and every table cell as python-docx reads them, in order."""
    document = docx.Document(io.BytesIO(body))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
        texts += [
            cell.text for row in table.rows for cell in row.cells for inner in cell.tables for cell in inner._cells
        ]
    return [*texts, document.sections[0].footer.paragraphs[0].text]


@pytest.mark.parametrize("role", ["outsourced", "caseworker"])
def test_a_form_is_masked_in_place_and_opens(role: str) -> None:
    inspection = _inspect(_form(), role)
    texts = _texts(inspection.body)
    assert not [s for s in SECRETS if s in _all_parts(inspection.body)]
    if role == "outsourced":
        assert "申请人[已屏蔽]，身份证号[已屏蔽]，联系电话[已屏蔽]。" in texts
        assert texts[-1] == "经办人：[已屏蔽]" and "审核意见：同意。\n审核人：[已屏蔽]" in texts
    else:
        assert f"申请人张**，身份证号{ID[:6]}********{ID[-4:]}，联系电话139****5678。" in texts
        assert "陕西省安康市汉滨区***" in texts and "李**" in texts and "139****5678" in texts
    # Labels, headings and what holds nothing stay as they were.
    assert {"最低生活保障审批表", "姓名", "性别", "男", "家庭住址", "关系", "户主", "配偶"} <= set(texts)
    assert inspection.level == DataLevel.IMPORTANT
    assert inspection.entity_counts["RESIDENT_ID"] >= 3 and inspection.persons == {ID, ID2}


def test_a_name_split_over_runs_keeps_the_runs() -> None:
    """The bold run of 张 keeps its formatting: the mask is shared among the texts it covers."""
    inspection = _inspect(_form(), "caseworker")
    prose = docx.Document(io.BytesIO(inspection.body)).paragraphs[1]
    assert [(run.text, run.bold) for run in prose.runs[:2]] == [
        ("申请人", None),
        ("张", True),
    ]
    assert prose.runs[2].text.startswith("**，身份证号")
    strict = docx.Document(io.BytesIO(_inspect(_form()).body)).paragraphs[1]
    assert [(run.text, run.bold) for run in strict.runs[1:3]] == [
        ("[已屏蔽]", True),
        ("，身份证号[已屏蔽]，联系电话[已屏蔽]。", None),
    ]


def test_a_break_ends_a_line_of_the_paragraph() -> None:
    """A value before a break ends there: read as one line, 王强 and the next label ran together."""
    document = docx.Document()
    paragraph = document.add_paragraph("审核人：王强")
    paragraph.add_run().add_break()
    paragraph.add_run("汉族，同意。")
    assert _texts(_inspect(_saved(document), "caseworker").body)[0] == "审核人：王**\n汉族，同意。"


def test_a_document_with_nothing_to_mask_is_returned_as_it_came() -> None:
    document = docx.Document()
    document.add_paragraph("2024年第一季度低保资金发放情况：共发放1,200户，金额350万元。")
    body = _saved(document)
    inspection = _inspect(body)
    assert inspection.body == body and inspection.level == DataLevel.GENERAL


def test_the_first_page_s_picture_goes_with_what_it_shows() -> None:
    """Word saves a picture of the first page with the document (python-docx's template has
    one): once its text is masked, the picture is dropped, and what named it."""
    body = _form()
    assert "docProps/thumbnail.jpeg" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    masked = _inspect(body).body
    with zipfile.ZipFile(io.BytesIO(masked)) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
        assert "thumbnail" not in archive.read("_rels/.rels").decode()


def test_escaped_text_and_spaces_are_written_back_as_xml() -> None:
    document = docx.Document()
    document.add_paragraph(f"  备注 <重要> & 姓名：张伟，身份证号{ID}  ")
    masked = _inspect(_saved(document))
    assert _texts(masked.body)[0] == "  备注 <重要> & 姓名：[已屏蔽]，身份证号[已屏蔽]  "


# Hand-written parts, as a template engine writes them.
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _document_xml(body: str, prefix: str = "w") -> str:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{_MAIN}"' if prefix else f'xmlns="{_MAIN}"'
    extra = ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    return f'<?xml version="1.0" encoding="UTF-8"?><{p}document {xmlns}{extra}><{p}body>{body}</{p}body></{p}document>'


def _handmade(document: str, **extra: str | bytes) -> bytes:
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "word/document.xml": document, **extra}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def _r(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def _refused(body: bytes) -> str:
    with pytest.raises(InspectionError) as refused:
        _inspect(body)
    return refused.value.code


def test_a_document_without_a_prefix_keeps_its_namespace() -> None:
    body = _handmade(_document_xml(f"<p><r><t>身份证号：{ID}</t></r></p>", prefix=""))
    inspection = _inspect(body)
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        assert (
            '<p><r><t xml:space="preserve">身份证号：[已屏蔽]</t></r></p>' in archive.read("word/document.xml").decode()
        )


def test_a_text_box_s_paragraphs_are_masked_in_both_its_forms() -> None:
    """Word writes a text box twice, as a drawing and as VML for older readers: a paragraph in
    another paragraph's run, read as text of its own, in each."""
    box = _p(_r(f"<w:t>身份证号：{ID}</w:t>"))
    content = f"<w:txbxContent>{box}</w:txbxContent>"
    document = _document_xml(
        _p(
            _r("<w:t>见框内</w:t>"),
            f"<w:r><mc:AlternateContent><mc:Choice>{content}</mc:Choice>"
            f"<mc:Fallback>{content}</mc:Fallback></mc:AlternateContent></w:r>",
        )
    ).replace("<w:document ", '<w:document xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ')
    with zipfile.ZipFile(io.BytesIO(_inspect(_handmade(document)).body)) as archive:
        masked = archive.read("word/document.xml").decode()
    assert ID not in masked and masked.count("身份证号：[已屏蔽]") == 2 and "见框内" in masked


_REMARKS = [
    f"申请人张伟，身份证号{ID}，联系电话13912345678，住{ADDRESS}。",
    f"户主：李娜 配偶：王强 身份证号码：{ID2}",
    "经入户调查，该户家庭人均收入低于当地低保标准，同意纳入。",
    "银行卡号：6222021234567890123，开户人张伟，手机139 1234 5678。",
    "审核人：王强    审批日期：2024年3月5日",
]


@pytest.mark.parametrize("seed", range(12))
def test_runs_split_anywhere_mask_as_the_text_does(seed: int) -> None:
    """However Word splits a paragraph into runs (inside a name, an ID number, a label), the
    document's text masks as the same text does alone."""
    rng = random.Random(seed)
    paragraphs = rng.sample(_REMARKS, 3)
    body = ""
    for text in paragraphs:
        cuts = sorted(rng.sample(range(1, len(text)), rng.randrange(1, 6)))
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        body += _p(*(_r(f'<w:t xml:space="preserve">{piece}</w:t>') for piece in pieces))
    for role in ("outsourced", "caseworker"):
        masked = _inspect(_handmade(_document_xml(body)), role).body
        expected = out("\n".join(paragraphs), "text/plain", role).split("\n")
        assert [p.text for p in docx.Document(io.BytesIO(masked)).paragraphs] == expected


def test_a_glossary_of_building_blocks_is_read_as_the_document_is() -> None:
    """Content controls bring a glossary document (their placeholders): refused as a part not
    known, every such document went out as 502; what it holds is masked as the body's text."""
    glossary = (
        f'<w:glossaryDocument xmlns:w="{_MAIN}"><w:docParts><w:docPart><w:docPartBody>'
        + _p(_r("<w:t>单击或点击此处输入文字。</w:t>"))
        + _p(_r(f"<w:t>示例：张伟，身份证号{ID}</w:t>"))
        + "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    )
    body = _handmade(_document_xml(_p(_r("<w:t>姓名：李娜</w:t>"))), **{"word/glossary/document.xml": glossary})
    with zipfile.ZipFile(io.BytesIO(_inspect(body).body)) as archive:
        masked = archive.read("word/glossary/document.xml").decode()
        assert "姓名：[已屏蔽]" in archive.read("word/document.xml").decode()
    assert ID not in masked and "张伟" not in masked and "单击或点击此处输入文字。" in masked


def test_a_mask_that_would_take_a_tab_is_refused() -> None:
    story = Story("word/document.xml", "")
    paragraph = Paragraph()
    paragraph.pieces = [("张", 0), ("\t", -1), ("伟", 1)]
    with pytest.raises(InspectionError):
        mask_paragraph(story, paragraph, "[已屏蔽]")
    mask_paragraph(story, paragraph, "张\t*")
    assert story.masked == {1: "*"}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        # Parts that are not rewritten: an embedded object, a picture that has no blank.
        (
            _handmade(_document_xml(_p(_r("<w:t>附件</w:t>"))), **{"word/embeddings/oleObject1.bin": b"\xd0\xcf"}),
            "binary",
        ),
        (_handmade(_document_xml(_p(_r("<w:t>照片</w:t>"))), **{"word/media/image1.emf": b"\x01\x00"}), "binary"),
        # Texts that are not shown, and not masked: deleted text kept for tracked changes, a
        # field's code, a drawing's alternative text, a revision's author, a property.
        (
            _handmade(_document_xml(_p(f'<w:del w:author="a"><w:r><w:delText>{ID}</w:delText></w:r></w:del>'))),
            "unparseable",
        ),
        (_handmade(_document_xml(_p(_r(f"<w:instrText> MERGEFIELD {ID} </w:instrText>")))), "unparseable"),
        (
            _handmade(
                _document_xml(
                    _p(f'<w:r><w:drawing><wp:docPr id="1" name="图片" descr="身份证{ID}"/></w:drawing></w:r>')
                )
            ),
            "unparseable",
        ),
        (
            _handmade(
                _document_xml(_p(_r("<w:t>无</w:t>"))),
                **{
                    "docProps/core.xml": f"<cp:coreProperties xmlns:cp='x'><cp:title>{ID}</cp:title></cp:coreProperties>"
                },
            ),
            "unparseable",
        ),
        # Text between elements: no reader shows it, but it is in the file.
        (_handmade(_document_xml(_p(_r("<w:t>无</w:t>") + ID))), "unparseable"),
        # What cannot be read safely: a DTD, a text outside a run, a zip of no document.
        (_handmade('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document/>'), "unparseable"),
        (_handmade(_document_xml(f"<w:p><w:t>{ID}</w:t></w:p>")), "unparseable"),
        (
            _handmade(_document_xml(_p(_r("<w:t>x</w:t>")))).replace(b"word/document.xml", b"word/documenx.xml"),
            "binary",
        ),
        (b"PK\x03\x04 not a zip at all", "unparseable"),
        # What no reader shows and an unchanged part carries out all the same: an XML comment
        # (in the body, in the content types), a processing instruction; a list's label, which
        # Word shows before each item.
        (_handmade(_document_xml(_p(_r("<w:t>无</w:t>")) + f"<!-- 身份证号 {ID} -->")), "unparseable"),
        (
            _handmade(
                _document_xml(_p(_r("<w:t>无</w:t>"))),
                **{"[Content_Types].xml": _CONTENT_TYPES.replace("</Types>", f"<!-- {ID} --></Types>")},
            ),
            "unparseable",
        ),
        (_handmade(_document_xml(_p(_r("<w:t>无</w:t>")) + f"<?note {ID}?>")), "unparseable"),
        (
            _handmade(
                _document_xml(_p(_r("<w:t>无</w:t>"))),
                **{
                    "word/numbering.xml": f'<w:numbering xmlns:w="{_MAIN}"><w:abstractNum w:abstractNumId="0">'
                    f'<w:lvl w:ilvl="0"><w:lvlText w:val="身份证号{ID}：%1"/></w:lvl></w:abstractNum></w:numbering>'
                },
            ),
            "unparseable",
        ),
        (
            _handmade(
                _document_xml(_p(_r("<w:t>无</w:t>"))),
                **{"word/fontTable.xml": f'<w:fonts xmlns:w="{_MAIN}"><w:font w:name="身份证号{ID}"/></w:fonts>'},
            ),
            "unparseable",
        ),
        # A part the parser would read in another encoding than the one it is rewritten in, or
        # in one it does not know (which crashed the inspector: found by fuzzing).
        (_handmade(_document_xml(_p(_r("<w:t>申请人张伟</w:t>"))).replace("UTF-8", "ISO-8859-1")), "unparseable"),
        (_handmade(_document_xml(_p(_r("<w:t>无</w:t>"))).replace("UTF-8", "UF-8")), "unparseable"),
    ],
    ids=[
        "embedded-object",
        "metafile",
        "deleted",
        "field",
        "alt-text",
        "property",
        "between",
        "dtd",
        "text-outside-run",
        "no-document",
        "no-zip",
        "xml-comment",
        "xml-comment-in-content-types",
        "processing-instruction",
        "list-label",
        "font-table",
        "declared-latin-1",
        "unknown-encoding",
    ],
)
def test_what_is_not_rewritten_must_hold_nothing(body: bytes, code: str) -> None:
    assert _refused(body) == code


def _chart_data(header: list[str], *rows: list[object]) -> bytes:
    """The workbook Word embeds beside a chart: the chart's data, as a table."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_CHART_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"'
    ' Target="../embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>'
)


def _chart(categories: list[str], title: str = "各街道低保人数") -> str:
    """A chart as Word writes one: its title, a copy of its data's cells, its data's place."""
    points = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(categories))
    return (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart>'
        f"<c:title><c:tx><c:rich><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title>"
        '<c:plotArea><c:barChart><c:ser><c:idx val="0"/><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f>'
        f'<c:strCache><c:ptCount val="{len(categories)}"/>{points}</c:strCache></c:strRef></c:cat>'
        "</c:ser></c:barChart></c:plotArea></c:chart>"
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
    )


def _with_chart(chart: str, data: bytes | None, rels: str = _CHART_RELS) -> bytes:
    parts: dict[str, str | bytes] = {"word/charts/chart1.xml": chart, "word/charts/_rels/chart1.xml.rels": rels}
    if data is not None:
        parts["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = data
    return _handmade(_document_xml(_p(_r(f"<w:t>申请人张伟，身份证号{ID}</w:t>"))), **parts)


def test_a_chart_of_nothing_personal_goes_as_it_came() -> None:
    """A report's chart of counts by district (poi-tl fills one from a template): the text is
    masked, the chart and its data kept."""
    data = _chart_data(["街道", "人数"], ["新城街道", 120], ["老城街道", 85])
    inspection = _inspect(_with_chart(_chart(["新城街道", "老城街道"]), data))
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        assert "申请人[已屏蔽]，身份证号[已屏蔽]" in archive.read("word/document.xml").decode()
        assert archive.read("word/embeddings/Microsoft_Excel_Worksheet.xlsx") == data


@pytest.mark.parametrize(
    "body",
    [
        # The chart's data holds names under their key, and the chart's axis copies them.
        _with_chart(_chart(["张伟", "李娜"]), _chart_data(["姓名", "保障金额"], ["张伟", 650], ["李娜", 720])),
        _with_chart(_chart(["新城街道"], title=f"身份证号{ID}"), _chart_data(["街道", "人数"], ["新城街道", 120])),
        # Its data linked to a file outside, or nowhere: the cached values are the only copy.
        _with_chart(_chart(["张伟", "李娜"]), None),
        _with_chart(_chart(["张伟", "李娜"]), None, _CHART_RELS.replace("/>", ' TargetMode="External"/>')),
        _with_chart(_chart(["张伟", "李娜"]), None, _CHART_RELS.replace("../embeddings/", "file:///C:/")),
    ],
    ids=["data", "title", "not-embedded", "linked", "linked-by-path"],
)
def test_a_chart_that_shows_what_would_be_masked_is_refused(body: bytes) -> None:
    assert _refused(body) == "unparseable"


def _comments_xml(*comments: tuple[str, str]) -> str:
    """Comments as Word writes them: (author, text) each, dated, initialled."""
    body = "".join(
        f'<w:comment w:id="{i}" w:author="{author}" w:date="2024-05-17T09:30:00Z" w:initials="审">{_p(_r(f"<w:t>{text}</w:t>"))}</w:comment>'
        for i, (author, text) in enumerate(comments)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{_MAIN}">{body}</w:comments>'


def test_a_reviewer_s_comments_are_masked_in_place() -> None:
    """A reviewer's remarks on an approval form, kept as comments beside the text."""
    document = _document_xml(
        _p('<w:commentRangeStart w:id="0"/>', _r("<w:t>审核意见：同意。</w:t>"), '<w:commentRangeEnd w:id="0"/>')
    )
    comments = _comments_xml(
        ("审核员", f"申请人张伟之子已就业，身份证号{ID}，建议复核。"), ("审核员", "联系电话13912345678。")
    )
    extended = (
        '<w15:commentsEx xmlns:w15="urn:w15"><w15:commentEx w15:paraId="1A2B3C4D" w15:done="0"/></w15:commentsEx>'
    )
    body = _handmade(document, **{"word/comments.xml": comments, "word/commentsExtended.xml": extended})
    inspection = _inspect(body, "caseworker")
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        masked = archive.read("word/comments.xml").decode()
        assert archive.read("word/document.xml").decode() == document
    assert ID not in masked and "张伟" not in masked and "13912345678" not in masked
    assert "建议复核。" in masked and 'w:author="审核员"' in masked and inspection.persons == {ID}


def test_a_comment_s_author_is_checked_not_masked() -> None:
    """An author's name is an attribute: what would be masked there refuses the document."""
    body = _handmade(
        _document_xml(_p(_r("<w:t>审核意见：同意。</w:t>"))),
        **{"word/comments.xml": _comments_xml((f"身份证号{ID}", "请复核。"))},
    )
    assert _refused(body) == "unparseable"


def _photo(kind: str) -> bytes:
    """A photo of 40 x 50 pixels, as a form's 一寸照片 is inserted."""
    out = io.BytesIO()
    Image.new("RGB", (40, 50), (200, 120, 90)).save(out, kind)
    return out.getvalue()


def _with_photos() -> bytes:
    """An application form with the applicant's photo in its body and a logo in its header."""
    document = docx.Document()
    document.add_paragraph("申请人照片：")
    document.add_picture(io.BytesIO(_photo("JPEG")))
    document.add_paragraph("审核意见：同意。")
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(_photo("PNG")))
    return _saved(document)


def _media(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.startswith("word/media/")}


@pytest.mark.parametrize("role", ["outsourced", "caseworker"])
def test_pictures_are_blanked_where_the_profile_masks_a_photo(role: str) -> None:
    """A face is biometric data, and no recognizer reads a picture: each is masked whole, by a
    blank of one pixel of its own format, and the document keeps its layout and opens."""
    body = _with_photos()
    inspection = _inspect(body, role)
    before, after = _media(body), _media(inspection.body)
    assert sorted(before) == sorted(after) and len(after) == 2
    for name, data in after.items():
        assert data != before[name]
        with Image.open(io.BytesIO(data)) as picture, Image.open(io.BytesIO(before[name])) as photo:
            assert picture.size == (1, 1) and picture.format == photo.format
    assert inspection.entity_counts == {"IMAGE": 2} and inspection.level == DataLevel.IMPORTANT
    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(io.BytesIO(inspection.body)).namelist()
    assert docx.Document(io.BytesIO(inspection.body)).paragraphs[0].text == "申请人照片："


def test_pictures_go_as_they_came_where_the_profile_keeps_photos() -> None:
    body = _with_photos()
    inspection = INSPECTOR.inspect(body, DOCUMENT, None, PROFILES.get("clear"))
    assert inspection.body == body and inspection.entity_counts == {"IMAGE": 2}
    metafile = _handmade(_document_xml(_p(_r("<w:t>照片</w:t>"))), **{"word/media/image1.emf": b"\x01\x00"})
    assert INSPECTOR.inspect(metafile, DOCUMENT, None, PROFILES.get("clear")).body == metafile


def test_an_archive_without_its_document_is_no_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/styles.xml", "<w:styles/>")
    assert _refused(out.getvalue()) == "unparseable"


_STYLES = (
    f'<w:styles xmlns:w="{_MAIN}"><w:style w:type="paragraph" w:styleId="a1"><w:name w:val="{{}}"/>'
    '<w:rsid w:val="00296396"/></w:style></w:styles>'
)


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("word/styles.xml", _STYLES.format(ID)),
        ("word/stylesWithEffects.xml", _STYLES.format("13912345678")),
        ("word/glossary/styles.xml", _STYLES.format("139 1234 5678")),  # spaced, ASCII
        # Zero-width spaces written as character references: no run of digits to see.
        ("word/styles.xml", _STYLES.format("&#x200B;".join(ID[i : i + 4] for i in range(0, 18, 4)))),
        ("word/styles.xml", _STYLES.format("Normal") + f"<!-- {ID} -->"),
        ("word/styles.xml", _STYLES.format("zhangwei@example.com")),
        ("word/theme/theme1.xml", THEME.format(f"身份证号{ID}")),
        ("word/charts/style1.xml", f'<cs:chartStyle xmlns:cs="urn:cs" id="201">{ID}</cs:chartStyle>'),
    ],
)
def test_a_part_passed_as_it_came_must_hold_nothing(name: str, part: str) -> None:
    """Styles and themes are not rewritten, so go out whole: found by fuzzing, an ID written
    into a style's name went out with them."""
    assert _refused(_handmade(_document_xml(_p(_r("<w:t>无</w:t>"))), **{name: part})) == "unparseable"


def test_styles_of_writers_names_only_are_not_parsed() -> None:
    """python-docx's 800 KB of styles hold ASCII names and short numbers: nothing to read."""
    with zipfile.ZipFile(io.BytesIO(_form())) as archive:
        styles = [archive.read(n) for n in ("word/styles.xml", "word/stylesWithEffects.xml")]
    assert [read_passed(data, "word/styles.xml", "document") for data in styles] == [[], []]
    assert read_passed(_STYLES.format("标题 1").encode(), "word/styles.xml", "document") == [
        "paragraph",
        "a1",
        "标题 1",
        "00296396",
    ]
    body = _handmade(_document_xml(_p(_r("<w:t>无</w:t>"))), **{"word/styles.xml": _STYLES.format("Normal")})
    assert _inspect(body).body == body
