"""An .xlsx workbook: its sheets' cells masked in place as the tables they are, the archive still
a workbook that a reader opens, nothing of what was masked left anywhere in it, and a workbook
holding what is not rewritten refused."""

from __future__ import annotations

import io
import warnings
import zipfile

import openpyxl
import openpyxl.drawing.image
import pytest
from PIL import Image

from classifiers.inspect import Inspection, InspectionError
from classifiers.levels import DataLevel
from classifiers.mediatypes import WORKBOOK
from support.inspected import INSPECTOR, PROFILES
from support.office_parts import MAIN, THEME, pivot_cache
from support.synth_people import make_card, make_id

ID = make_id(birth="19491231", seq="002")
ID2 = make_id(region="610921", birth="19550312", seq="013")
CARD = make_card()
ADDRESS = "陕西省安康市汉滨区新城街道育才路12号"
SECRETS = [ID, ID2, CARD, "张伟", "李娜", "13912345678", "育才路12号"]
HEADER = ["序号", "姓名", "身份证号码", "手机号码", "家庭住址", "银行卡号", "保障金额"]


def _roster() -> bytes:
    """A roster as openpyxl writes one: a title merged across the columns, the header, rows;
    a mobile written as a number, as a spreadsheet keeps it."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "低保名册"
    sheet.append(["2024年汉滨区低保人员花名册"])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADER)
    sheet.append([1, "张伟", ID, 13912345678, ADDRESS, CARD, 650.5])
    sheet.append([2, "李娜", ID2, "13800138000", "陕西省安康市汉阴县城关镇东大街8号", make_card(serial=2), 720])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _inspect(body: bytes, role: str = "outsourced") -> Inspection:
    return INSPECTOR.inspect(body, WORKBOOK, None, PROFILES.for_roles([role]))


def _all_parts(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def _rows(body: bytes) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


# Hand-written parts, as Apache POI writes a workbook (shared strings, numbered cells).
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>'
    "</Relationships>"
)


def _workbook_xml(sheet_name: str = "Sheet1") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def _sheet_xml(rows: str, prefix: str = "", after: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}><{p}sheetData>{rows}</{p}sheetData>{after}</{p}worksheet>'


def _strings_xml(items: list[str]) -> str:
    body = "".join(f"<si><t>{s}</t></si>" for s in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'


def _sst(items: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{items}</sst>'


def _handmade(sheet: str, strings: list[str], **extra: str) -> bytes:
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "xl/workbook.xml": _workbook_xml(),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": _strings_xml(strings),
        **extra,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def _row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def _shared(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def _inline(ref: str, inner: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is>{inner}</is></c>'


_HEADER_ROW = _row(1, _shared("A1", 0), _shared("B1", 1), _shared("C1", 2))


@pytest.mark.parametrize("role", ["outsourced", "caseworker"])
def test_a_roster_is_masked_cell_by_cell_and_opens(role: str) -> None:
    inspection = _inspect(_roster(), role)
    rows = _rows(inspection.body)
    assert rows[0][0] == "2024年汉滨区低保人员花名册"  # the title, and the header, as they were
    assert list(rows[1]) == HEADER
    assert rows[2][0] == 1 and rows[2][6] == 650.5 and rows[3][6] == 720  # numbers stay numbers
    expected = ["[已屏蔽]"] * 5 if role == "outsourced" else ["张**", f"{ID[:6]}********{ID[-4:]}", "139****5678"]
    assert list(rows[2][1 : 1 + len(expected)]) == expected
    everything = _all_parts(inspection.body)
    assert not [s for s in SECRETS if s in everything]
    assert inspection.level == DataLevel.IMPORTANT
    assert inspection.records == 2
    assert inspection.entity_counts == {
        "PERSON_NAME": 2,
        "RESIDENT_ID": 2,
        "MOBILE": 2,
        "ADDRESS": 2,
        "BANK_CARD": 2,
    }
    assert inspection.persons == {ID, ID2}


def test_a_workbook_with_nothing_to_mask_is_returned_as_it_came() -> None:
    body = _handmade(_sheet_xml(_HEADER_ROW + _row(2, _shared("A2", 3))), ["月份", "户数", "金额", "1月"])
    assert _inspect(body).body == body


def test_strings_no_cell_still_shows_are_emptied() -> None:
    """A masked value's shared string, and a string no cell shows, go; those still shown stay
    at their index (``户数`` shows under B)."""
    sheet = _sheet_xml(
        _row(1, _shared("A1", 0), _shared("B1", 1), _shared("C1", 2))
        + _row(2, _shared("A2", 3), _shared("B2", 4), '<c r="C2"><v>650</v></c>')
    )
    body = _handmade(sheet, ["姓名", "身份证号码", "保障金额", "张伟", ID, f"{ID2} 李娜 备用"])
    inspection = _inspect(body)
    assert not [s for s in SECRETS if s in _all_parts(inspection.body)]
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
    assert strings.count("<si>") == 6 and 'count="3"' in strings  # indices kept; three cells still shared
    assert _rows(inspection.body) == [("姓名", "身份证号码", "保障金额"), ("[已屏蔽]", "[已屏蔽]", 650)]


@pytest.mark.parametrize(
    ("cell", "secret"),
    [
        (_inline("B2", f"<r><t>{ID[:6]}</t></r><r><rPr><b/></rPr><t>{ID[6:]}</t></r>"), ID),  # rich text runs
        (_inline("B2", f"<t>_x0036_{ID[1:]}</t>"), ID),  # OOXML's escape of a digit
        (_inline("B2", f"<t>{'&#x' + format(ord(ID[0]), 'x') + ';'}{ID[1:]}</t>"), ID),  # a character reference
        ('<c r="B2"><v>13912345678</v></c>', "13912345678"),  # a number
        ('<c r="B2" t="str"><f>A2</f><v>13912345678</v></c>', "13912345678"),  # a formula's result
    ],
)
def test_what_a_cell_shows_is_what_is_inspected(cell: str, secret: str) -> None:
    key = "身份证号码" if secret == ID else "手机号码"
    sheet = _sheet_xml(_row(1, _shared("A1", 0), _shared("B1", 1)) + _row(2, _shared("A2", 2), cell))
    inspection = _inspect(_handmade(sheet, ["姓名", key, "张伟"]))
    assert secret not in _all_parts(inspection.body)
    assert _rows(inspection.body)[1] == ("[已屏蔽]", "[已屏蔽]")


def test_a_masked_formula_goes_and_so_does_the_calculation_chain() -> None:
    sheet = _sheet_xml(
        _row(1, _shared("A1", 0), _shared("B1", 1))
        + _row(2, _shared("A2", 2), '<c r="B2" t="str"><f>"139"&amp;"12345678"</f><v>13912345678</v></c>')
    )
    calc_chain = f'<calcChain xmlns="{MAIN}"><c r="B2" i="1"/></calcChain>'
    inspection = _inspect(_handmade(sheet, ["姓名", "手机号码", "张伟"], **{"xl/calcChain.xml": calc_chain}))
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        names = archive.namelist()
        sheet_out = archive.read("xl/worksheets/sheet1.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
    assert "xl/calcChain.xml" not in names and "calcChain" not in rels + types
    assert "<f>" not in sheet_out and "12345678" not in sheet_out


def test_a_prefixed_sheet_keeps_its_prefix() -> None:
    """The Open XML SDK writes ``<x:c>``: cells rewritten in the sheet's own prefix."""
    rows = (
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>'
        f'<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>{ID}</x:t></x:is></x:c></x:row>'
    )
    inspection = _inspect(_handmade(_sheet_xml(rows, prefix="x"), ["姓名", "身份证号码", "张伟"]))
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        sheet_out = archive.read("xl/worksheets/sheet1.xml").decode()
    assert ID not in sheet_out and '<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">[已屏蔽]' in sheet_out


def _refused(body: bytes) -> str:
    with pytest.raises(InspectionError) as refused:
        _inspect(body)
    return refused.value.code


def _with_part(name: str, data: bytes) -> bytes:
    out = io.BytesIO(_handmade(_sheet_xml(_HEADER_ROW), ["姓名", "身份证号码", "金额"]))
    with warnings.catch_warnings(), zipfile.ZipFile(out, "a") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of a name written twice, and writes it
        archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        # Parts not rewritten here: a picture that has no blank, an embedded object, a sheet of
        # a chart, a slicer.
        (_with_part("xl/media/image1.emf", b"\x01\x00"), "binary"),
        (_with_part("xl/embeddings/oleObject1.bin", ID.encode()), "binary"),
        (_with_part("xl/chartsheets/sheet1.xml", f"<chartsheet><v>{ID}</v></chartsheet>".encode()), "binary"),
        (_with_part("xl/slicers/slicer1.xml", b"<slicers/>"), "binary"),
        (_with_part("../evil.xml", b"<x/>"), "binary"),
        # A sheet's name, a document property, a header or a formula holding personal data.
        (
            _handmade(
                _sheet_xml(_HEADER_ROW), ["姓名", "身份证号码", "金额"], **{"xl/workbook.xml": _workbook_xml(ID)}
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW),
                ["姓名", "身份证号码", "金额"],
                **{
                    "docProps/core.xml": f'<cp:coreProperties xmlns:cp="urn:cp"><title>申请人身份证号{ID}</title></cp:coreProperties>'
                },
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW, after=f"<headerFooter><oddHeader>身份证号码：{ID}</oddHeader></headerFooter>"),
                ["姓名", "身份证号码", "金额"],
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW + _row(2, f'<c r="C2" t="str"><f>"{ID}"</f><v>1</v></c>')),
                ["备注", "状态", "金额"],
            ),
            "unparseable",
        ),
        # What cannot be read safely: a DTD, cells out of place, a reference to no string.
        (_handmade('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>', ["姓名"]), "unparseable"),
        (_handmade(_sheet_xml(_row(1, _shared("A2", 0))), ["姓名"]), "unparseable"),
        # One place named twice: read once, the other copy would go out as it came.
        (
            _handmade(
                _sheet_xml(
                    _HEADER_ROW + _row(2, _shared("A2", 0), f'<c r="A2" t="inlineStr"><is><t>{ID}</t></is></c>')
                ),
                ["姓名", "身份证号码", "金额"],
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW + _row(2, _shared("B2", 0), _shared("A2", 1))), ["姓名", "身份证号码", "金额"]
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW + _row(2, _shared("A2", 0)) + _row(2, _shared("B2", 1))),
                ["姓名", "身份证号码", "金额"],
            ),
            "unparseable",
        ),
        (_handmade(_sheet_xml(_row(1, _shared("A1", 7))), ["姓名"]), "unparseable"),
        # Text between a sheet's elements: no reader shows it, but it is in the file.
        (
            _handmade(_sheet_xml(_HEADER_ROW + _row(2, _shared("A2", 0)) + ID), ["姓名", "身份证号码", "金额"]),
            "unparseable",
        ),
        # A string's phonetic reading (rPh), which Excel shows only when asked, and text between
        # the shared strings: both stay as they came beside a string an unchanged cell shows.
        (
            _handmade(
                _sheet_xml(_row(1, _shared("A1", 0))),
                [],
                **{"xl/sharedStrings.xml": _sst(f'<si><t>姓名</t><rPh sb="0" eb="2"><t>{ID}</t></rPh></si>')},
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_row(1, _shared("A1", 0))), [], **{"xl/sharedStrings.xml": _sst(f"<si><t>姓名</t></si>{ID}")}
            ),
            "unparseable",
        ),
        (
            _handmade(_sheet_xml(_row(1, _inline("A1", f'<t>备注</t><rPh sb="0" eb="2"><t>{ID}</t></rPh>'))), []),
            "unparseable",
        ),
        (b"PK\x03\x04 not a zip at all", "unparseable"),
        (_with_part("xl/worksheets/sheet1.xml", b"<worksheet/>"), "unparseable"),  # twice
        # What no reader shows and an unchanged part carries out all the same: an XML comment
        # (in a sheet, the shared strings, the workbook, the content types), a processing
        # instruction; a number format, whose text Excel shows in every cell it formats.
        (_handmade(_sheet_xml(_HEADER_ROW + f"<!-- {ID} -->"), ["姓名", "身份证号码", "金额"]), "unparseable"),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW),
                [],
                **{
                    "xl/sharedStrings.xml": _sst(
                        f"<si><t>姓名</t></si><si><t>身份证号码</t></si><si><t>金额</t></si><!-- {ID} -->"
                    )
                },
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW),
                ["姓名", "身份证号码", "金额"],
                **{"xl/workbook.xml": _workbook_xml().replace("</workbook>", f"<!-- {ID} --></workbook>")},
            ),
            "unparseable",
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW),
                ["姓名", "身份证号码", "金额"],
                **{"[Content_Types].xml": _CONTENT_TYPES.replace("</Types>", f"<!-- {ID} --></Types>")},
            ),
            "unparseable",
        ),
        (_handmade(_sheet_xml(_HEADER_ROW + f"<?note {ID}?>"), ["姓名", "身份证号码", "金额"]), "unparseable"),
        # What an unchanged cell or row carries beside its value: an element, an attribute, an
        # extension, which the parser reads past.
        *(
            (_handmade(_sheet_xml(_HEADER_ROW + row), ["姓名", "身份证号码", "金额"]), "unparseable")
            for row in (
                _row(2, f'<c r="A2"><v>1</v><x>身份证号{ID}</x></c>'),
                _row(2, f'<c r="A2" note="身份证号{ID}"><v>1</v></c>'),
                _row(2, f'<c r="A2"><v>1</v></c><x>身份证号{ID}</x>'),
                f'<row r="2" note="身份证号{ID}"><c r="A2"><v>1</v></c></row>',
                _row(2, f'<c r="A2"><v>1</v><extLst><ext uri="x"><y>身份证号{ID}</y></ext></extLst></c>'),
            )
        ),
        (
            _handmade(
                _sheet_xml(_HEADER_ROW),
                ["姓名", "身份证号码", "金额"],
                **{
                    "xl/styles.xml": f'<styleSheet xmlns="{MAIN}"><numFmts count="1">'
                    f'<numFmt numFmtId="164" formatCode="&quot;身份证号{ID} &quot;0"/></numFmts></styleSheet>'
                },
            ),
            "unparseable",
        ),
    ],
)
def test_what_is_not_rewritten_must_hold_nothing(body: bytes, code: str) -> None:
    assert _refused(body) == code


def test_a_phonetic_reading_of_nothing_personal_is_kept() -> None:
    """Excel in Chinese writes a reading's properties beside each string (``phoneticPr``), and in
    Japanese a reading of kana: neither keeps a workbook from being masked."""
    strings = '<si><t>姓名</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>张伟</t></si>'
    strings += '<si><t>备注</t><rPh sb="0" eb="2"><t>びこう</t></rPh></si>'
    sheet = _sheet_xml(_row(1, _shared("A1", 0), _shared("B1", 2)) + _row(2, _shared("A2", 1), _shared("B2", 2)))
    inspection = _inspect(_handmade(sheet, [], **{"xl/sharedStrings.xml": _sst(strings)}))
    assert _rows(inspection.body) == [("姓名", "备注"), ("[已屏蔽]", "备注")]


def test_photos_over_a_roster_s_cells_are_blanked() -> None:
    """A roster with each person's photo placed over a cell (openpyxl's drawing): the photos are
    IMAGE findings, blanked where the profile masks photos, kept under clear."""
    book = openpyxl.load_workbook(io.BytesIO(_roster()))
    sheet = book.active
    assert sheet is not None
    for row in (3, 4):
        photo = io.BytesIO()
        Image.new("RGB", (40, 50), (200, 120, 90)).save(photo, "PNG")
        sheet.add_image(openpyxl.drawing.image.Image(photo), f"H{row}")
    out = io.BytesIO()
    book.save(out)
    body = out.getvalue()
    inspection = _inspect(body)
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("xl/media/")]
    assert len(media) == 2
    for data in media:
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.size == (1, 1)
    assert inspection.entity_counts["IMAGE"] == 2 and _rows(inspection.body)[2][1] == "[已屏蔽]"
    kept = INSPECTOR.inspect(body, WORKBOOK, None, PROFILES.get("clear"))
    assert kept.body == body and kept.entity_counts["IMAGE"] == 2


def test_a_drawing_s_alternative_text_is_checked() -> None:
    drawing = f'<xdr:wsDr xmlns:xdr="urn:xdr"><xdr:pic><xdr:cNvPr id="1" name="照片" descr="身份证号{ID}"/></xdr:pic></xdr:wsDr>'
    body = _handmade(_sheet_xml(_HEADER_ROW), ["姓名", "身份证号码", "金额"], **{"xl/drawings/drawing1.xml": drawing})
    assert _refused(body) == "unparseable"


def _chart(categories: list[str], title: str = "各街道低保人数") -> str:
    """A bar chart as Excel writes one: its title, and a copy of the cells it shows."""
    points = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(categories))
    return (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart>'
        f"<c:title><c:tx><c:rich><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title>"
        '<c:plotArea><c:barChart><c:ser><c:idx val="0"/><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f>'
        f'<c:strCache><c:ptCount val="{len(categories)}"/>{points}</c:strCache></c:strRef></c:cat>'
        "<c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        '<c:ptCount val="2"/><c:pt idx="0"><c:v>650.5</c:v></c:pt><c:pt idx="1"><c:v>720</c:v></c:pt>'
        "</c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>"
    )


_PAID = _handmade(
    _sheet_xml(
        _row(1, _shared("A1", 0), _shared("B1", 1))
        + _row(2, _shared("A2", 2), '<c r="B2"><v>650.5</v></c>')
        + _row(3, _shared("A3", 3), '<c r="B3"><v>720</v></c>')
    ),
    ["姓名", "保障金额", "张伟", "李娜"],
)


def _table(*columns: str) -> str:
    """A table's part as Excel writes one when a range is formatted as a table."""
    named = "".join(f'<tableColumn id="{i + 1}" name="{c}"/>' for i, c in enumerate(columns))
    return (
        f'<table xmlns="{MAIN}" id="1" name="表1" displayName="表1" ref="A1:B3"><autoFilter ref="A1:B3"/>'
        f'<tableColumns count="{len(columns)}">{named}</tableColumns></table>'
    )


def test_a_pivot_cache_is_read_back_into_the_rows_it_was_made_from() -> None:
    """A cache of a query outside the workbook: no cell copies it, its fields' names key it."""
    kept = _with_parts(_PAID, pivot_cache("街道", "新城街道", "老城街道"))
    assert _rows(_inspect(kept).body)[1:] == [("[已屏蔽]", 650.5), ("[已屏蔽]", 720)]
    assert _refused(_with_parts(_PAID, pivot_cache("姓名", "王秀英", "赵敏"))) == "unparseable"
    records_only = pivot_cache("街道", "新城街道")
    del records_only["xl/pivotCache/pivotCacheDefinition1.xml"]
    assert _refused(_with_parts(_PAID, records_only)) == "unparseable"


def _pivot_table(*items: str) -> str:
    shown = "".join(f'<item n="{i}" x="{n}"/>' for n, i in enumerate(items))
    return (
        f'<pivotTableDefinition xmlns="{MAIN}" name="数据透视表1" cacheId="1" dataCaption="值">'
        f'<pivotFields count="1"><pivotField axis="axisRow"><items count="{len(items)}">{shown}</items>'
        "</pivotField></pivotFields></pivotTableDefinition>"
    )


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("xl/charts/chart1.xml", _chart(["新城街道", "老城街道"])),  # amounts by district
        ("xl/tables/table1.xml", _table("姓名", "保障金额")),  # the header's cells, not masked
        ("xl/pivotTables/pivotTable1.xml", _pivot_table("新城街道", "老城街道")),
    ],
    ids=["chart", "table", "pivot-table"],
)
def test_a_copy_of_nothing_personal_goes_as_it_came(name: str, part: str) -> None:
    """Beside a roster: the roster is masked, the chart, the table or the pivot table kept."""
    inspection = _inspect(_with_parts(_PAID, {name: part}))
    assert _rows(inspection.body)[1:] == [("[已屏蔽]", 650.5), ("[已屏蔽]", 720)]
    with zipfile.ZipFile(io.BytesIO(inspection.body)) as archive:
        assert archive.read(name).decode() == part


@pytest.mark.parametrize(
    "parts",
    [
        {"xl/charts/chart1.xml": _chart(["张伟", "李娜"])},  # the axis copies the masked names
        {"xl/charts/chart1.xml": _chart(["新城街道", "老城街道"], title=f"身份证号{ID}的保障金")},
        pivot_cache("街道", "张伟", "新城街道"),  # a copy of a masked cell under no name's key
        pivot_cache("街道", f"身份证号{ID}"),
        {"xl/pivotTables/pivotTable1.xml": _pivot_table("李娜", "张伟")},
        {"xl/tables/table1.xml": _table(f"身份证号{ID}", "保障金额")},
    ],
    ids=["chart-axis", "chart-title", "pivot-records", "pivot-records-id", "pivot-items", "table-column"],
)
def test_a_copy_that_shows_what_was_masked_is_refused(parts: dict[str, str]) -> None:
    body = _with_parts(_PAID, parts)
    assert _refused(body) == "unparseable"
    kept = INSPECTOR.inspect(body, WORKBOOK, None, PROFILES.get("clear"))
    assert kept.body == body


def _with_parts(body: bytes, parts: dict[str, str]) -> bytes:
    out = io.BytesIO(body)
    with zipfile.ZipFile(out, "a") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def test_an_archive_without_sheets_is_no_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", _strings_xml(["张伟", ID]))
    assert _refused(out.getvalue()) == "unparseable"


def test_a_part_inflating_past_the_limit_is_refused() -> None:
    """A zip bomb: a sheet of 40 MB of spaces deflates to some 40 KB (the limit: 4 x 8 MiB)."""
    body = _handmade(_sheet_xml(_HEADER_ROW) + " " * 40_000_000, ["姓名", "身份证号码", "金额"])
    assert len(body) < 200_000
    assert _refused(body) == "too_large"


def test_a_sheet_mostly_of_gaps_is_refused() -> None:
    """A cell in column A and one in XFD on each row: 16,384 places a row for two cells."""
    rows = "".join(_row(n, f'<c r="A{n}"><v>1</v></c>', f'<c r="XFD{n}"><v>1</v></c>') for n in range(1, 200))
    assert _refused(_handmade(_sheet_xml(rows), ["姓名"])) == "too_large"


def test_a_part_larger_than_it_states_is_refused() -> None:
    body = bytearray(_handmade(_sheet_xml(_HEADER_ROW), ["姓名", "身份证号码", "金额"]))
    # The central directory's uncompressed size of the first entry, made one byte smaller.
    directory = body.index(b"PK\x01\x02")
    size = int.from_bytes(body[directory + 24 : directory + 28], "little")
    body[directory + 24 : directory + 28] = (size - 1).to_bytes(4, "little")
    assert _refused(bytes(body)) == "unparseable"


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("xl/theme/theme1.xml", THEME.format(ID)),
        ("xl/theme/theme1.xml", THEME.format("宋体") + "<!-- 13912345678 -->"),
        ("xl/charts/colors1.xml", f'<cs:colorStyle xmlns:cs="urn:cs" meth="cycle" id="10">{ID}</cs:colorStyle>'),
        ("xl/calcChain.xml", f'<calcChain xmlns="{MAIN}"><c r="A1" i="1" l="{ID}"/></calcChain>'),
    ],
)
def test_a_part_passed_as_it_came_must_hold_nothing(name: str, part: str) -> None:
    """A theme, a chart's style or colours and the calculation chain are not rewritten, so an
    unchanged workbook carries them out whole: found by fuzzing, an ID in a theme went out."""
    body = _handmade(_sheet_xml(_HEADER_ROW), ["姓名", "身份证号码", "金额"], **{name: part})
    assert _refused(body) == "unparseable"
