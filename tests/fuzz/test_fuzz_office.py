"""XML-level mutations of a workbook and a Word document as their writers make them, with the
parts that carry text beside the body: notes, threaded comments, a chart, a pivot cache,
Word comments. Tokens are inserted, spans deleted or duplicated, bytes changed.

Two promises: the inspector answers every mutation with a result or an ``InspectionError``,
never a crash; and what it lets go under ``outsourced`` shows no resident ID and no mobile in
any text, attribute value or XML comment of any part. Names are not searched: a bare name in a
part's metadata is a staff member's and passes by design (docs/formats.md)."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import docx
import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment

from classifiers.inspect import InspectionError
from classifiers.mediatypes import DOCUMENT, WORKBOOK
from support.inspected import INSPECTOR, PROFILES
from support.office_parts import PERSONS, pivot_cache, replaced, threaded
from support.synth_people import make_id

ID = make_id(birth="19491231", seq="002")
MOBILE = "13912345678"
REMARK = f"申请人张伟之子已就业，电话{MOBILE}，身份证号{ID}"
# Searched with digits on neither side: a mutation that glues a digit to one makes another number.
_SECRETS = re.compile(f"(?<![0-9])(?:{ID}|{MOBILE})(?![0-9])")
OUTSOURCED = PROFILES.for_roles(["outsourced"])
RUNS = settings(max_examples=150, deadline=None, derandomize=True)

_TOKENS = [
    *(t.encode() for t in ("<", ">", "/", '"', "=", "<!--", "-->", "<?x ?>", "<![CDATA[", "]]>", "&amp;")),
    *(t.encode() for t in ("<t>", "</t>", "<r>", "</r>", "<text>", "</text>", "<w:t>", "</w:t>", "<w:r>")),
    *(t.encode() for t in ('<comment ref="A1">', "</comment>", "<rPh><t>", "</rPh>", ' xml:space="preserve"')),
    *(t.encode() for t in ('<x v="5"/>', '<s v="张伟"/>', "<mentions/>", "&#x5F20;", "_x0041_", "\u200b")),
    ID.encode(),
    MOBILE.encode(),
    f"身份证号{ID}".encode(),
    "张伟".encode(),
    b"\r\n",
]


def _workbook() -> bytes:
    """A roster as openpyxl writes one, a note on a cell and a chart of amounts by district,
    with Excel 365's threaded comment and a pivot cache of a query beside them."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号码", "手机号码", "街道", "保障金额"])
    sheet.append(["张伟", ID, MOBILE, "新城街道", 650.5])
    sheet.append(["李娜", make_id(region="610921", birth="19550312", seq="013"), "13800138000", "老城街道", 720])
    sheet["B2"].comment = Comment(REMARK, "王主任")
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=5, min_row=1, max_row=3), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=4, min_row=2, max_row=3))
    sheet.add_chart(chart, "G2")
    out = io.BytesIO()
    book.save(out)
    return replaced(
        out.getvalue(),
        **{
            "xl/threadedComments/threadedComment1.xml": threaded(f"请核实 {REMARK}"),
            "xl/persons/person.xml": PERSONS,
            **pivot_cache("街道", "新城街道", "老城街道"),
        },
    )


def _document() -> bytes:
    """An approval form as python-docx writes one: prose, a table, a reviewer's comment."""
    document = docx.Document()
    document.add_heading("最低生活保障审批表", 1)
    prose = document.add_paragraph(REMARK)
    table = document.add_table(rows=2, cols=2)
    for c, (label, value) in enumerate([("姓名", "张伟"), ("身份证号", ID)]):
        table.cell(0, c).text = label
        table.cell(1, c).text = value
    document.add_comment(prose.runs, text=f"请复核：{REMARK}", author="王主任", initials="王")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _parts(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _shown(data: bytes) -> str:
    """Every text, attribute value and XML comment of a part; a part that is no XML, whole."""
    builder = ElementTree.TreeBuilder(insert_comments=True, insert_pis=True)
    try:
        parser = ElementTree.XMLParser(target=builder)
        parser.feed(data)
        root = parser.close()
    except ElementTree.ParseError:
        return data.decode("utf-8", "replace")
    return "\n".join(
        piece for element in root.iter() for piece in (element.text or "", element.tail or "", *element.attrib.values())
    )


_MUTATION = st.tuples(
    st.sampled_from(("insert", "delete", "duplicate", "byte")),
    st.integers(0, 1 << 20),
    st.integers(0, 1 << 20),
    st.integers(1, 60),
)


def _mutated(parts: dict[str, bytes], name: str, mutations: list[tuple[str, int, int, int]]) -> bytes:
    data = bytearray(parts[name])
    for kind, at, other, length in mutations:
        at %= len(data) + 1
        if kind == "insert":
            data[at:at] = _TOKENS[other % len(_TOKENS)]
        elif kind == "delete":
            del data[at : at + length]
        elif kind == "duplicate":
            start = other % (len(data) + 1)
            data[at:at] = data[start : start + length]
        else:
            data[at:at] = bytes([32 + other % 95])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, bytes(data) if part == name else content)
    return out.getvalue()


def _check(body: bytes, kind: str) -> None:
    try:
        inspection = INSPECTOR.inspect(body, kind, None, OUTSOURCED)
    except InspectionError:
        return
    for name, data in _parts(inspection.body).items():
        found = _SECRETS.search(_shown(data))
        assert found is None, f"{found.group()} in {name}" if found else ""


def _texts_of(body: bytes) -> list[str]:
    return sorted(name for name in _parts(body) if name.endswith((".xml", ".vml", ".rels")))


_WORKBOOK = _workbook()
_WORKBOOK_PARTS = _parts(_WORKBOOK)
_DOCUMENT = _document()
_DOCUMENT_PARTS = _parts(_DOCUMENT)


def test_the_unmutated_files_pass_masked() -> None:
    """The oracle can fail: each file holds the secrets, and passes with them masked."""
    for body, kind in ((_WORKBOOK, WORKBOOK), (_DOCUMENT, DOCUMENT)):
        assert any(_SECRETS.search(_shown(data)) for data in _parts(body).values())
        _check(body, kind)


@RUNS
@given(st.sampled_from(_texts_of(_WORKBOOK)), st.lists(_MUTATION, min_size=1, max_size=3))
def test_a_mutated_workbook_is_refused_or_shows_nothing(name: str, mutations: list[tuple[str, int, int, int]]) -> None:
    _check(_mutated(_WORKBOOK_PARTS, name, mutations), WORKBOOK)


@RUNS
@given(st.sampled_from(_texts_of(_DOCUMENT)), st.lists(_MUTATION, min_size=1, max_size=3))
def test_a_mutated_document_is_refused_or_shows_nothing(name: str, mutations: list[tuple[str, int, int, int]]) -> None:
    _check(_mutated(_DOCUMENT_PARTS, name, mutations), DOCUMENT)
