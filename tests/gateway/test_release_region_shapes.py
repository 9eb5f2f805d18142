"""A township named alone is placed by its own record in every body shape the inspector reads
(release stage, region scope): the shapes of tests/support/region_shapes.py."""

from __future__ import annotations

import json

import pytest

from support.region_shapes import (
    DATA_TEXT,
    DOCUMENTS,
    HTML_SPANS,
    INDEXED_FORMS,
    LISTS,
    OTHER_SHAPES,
    SHEETS,
    SPLIT,
    XML_SIBLINGS,
)
from support.release_case import judged as _judged
from support.release_case import released


@pytest.mark.parametrize(("body", "media_type", "code"), DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_each_document_of_a_body_numbers_its_own_records(body: bytes, media_type: str, code: str | None) -> None:
    """The walkers number records from 0 in every document: record 0 of an NDJSON line, of a
    multipart part, of JSON in text or inside an XML element was record 0 of the others too,
    so a 汉滨区 code in one placed the bare 城关镇 of another, and the record went out."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), LISTS.values(), ids=LISTS.keys())
def test_each_object_of_a_list_is_placed_by_its_own_region_fields(
    body: bytes, media_type: str, code: str | None
) -> None:
    """Records in no list the walker took for the answer's record list (data.page.list, a list
    in a JSON string, column-wise arrays, a household's members) were one record with the whole
    answer, so the 汉滨区 code of one placed the bare 城关镇 of another, which went out."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), OTHER_SHAPES.values(), ids=OTHER_SHAPES.keys())
def test_region_fields_are_read_in_the_other_shapes(body: bytes, media_type: str, code: str | None) -> None:
    """Region fields the inspector did not read as such: JSON in a form's value was scanned as
    text, a name/value pair was read for entities only ({"name": "xzqhdm", "value": "610921101"}),
    a CSV column headed 区划 named no region; and pandas' columns by row index were one record.
    汉阴县's records went out to a 汉滨区 caller."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), XML_SIBLINGS.values(), ids=XML_SIBLINGS.keys())
def test_xml_siblings_that_each_hold_a_person_are_records_apart(body: bytes, media_type: str, code: str | None) -> None:
    """<data><person>…</person><applicant>…</applicant></data>: elements of different names
    were one record (only an element that repeats was one), so the 汉滨区 code of the person
    placed the bare 城关镇 of the applicant, who went out."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), INDEXED_FORMS.values(), ids=INDEXED_FORMS.keys())
def test_the_fields_of_one_index_of_a_form_are_one_record(body: bytes, media_type: str, code: str | None) -> None:
    """items[1].xzqhdm=610921101 (汉阴县) went out to a 汉滨区 caller: read whole, the field's
    name was no region key, and the indexes of a form were one record."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), HTML_SPANS.values(), ids=HTML_SPANS.keys())
def test_cells_spanning_rows_or_columns_keep_the_columns_of_the_cells_after_them(
    body: bytes, media_type: str, code: str | None
) -> None:
    """<td rowspan=2> and <td colspan=2> counted as one column: in the row below, 汉阴县's code
    610921101 was read under 成员 (or 备注), no region field, and went out to a 汉滨区 caller."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), DATA_TEXT.values(), ids=DATA_TEXT.keys())
def test_yaml_and_toml_answers_are_judged_as_the_data_they_hold(body: bytes, media_type: str, code: str | None) -> None:
    """Masked as text, a YAML or TOML answer had no region field read: 汉阴县's xzqhdm
    610921101 went out to a 汉滨区 caller."""
    _judged(body, media_type, code)


@pytest.mark.parametrize(("body", "media_type", "code"), SPLIT.values(), ids=SPLIT.keys())
def test_a_region_written_in_parts_is_its_most_specific_part(body: bytes, media_type: str, code: str | None) -> None:
    """{"sheng": "61", "shi": "09", "xian": "21"}, {"province": "陕西省", "city": "安康市",
    "county": "汉阴县"}: no part was a region key (or a name under county said nothing), and
    汉阴县's record went out to a 汉滨区 caller."""
    _judged(body, media_type, code)


# (route's region, record, released?) A county's name found in two provinces (新城区: 西安 and
# 呼和浩特; 长安区: 西安 and 石家庄) was read in the route's province alone.
_AMBIGUOUS = [
    ("610102", {"xm": "李四", "province": "内蒙古自治区", "city": "呼和浩特市", "countyName": "新城区"}, False),
    ("610102", {"xm": "李四", "province": "陕西省", "city": "西安市", "countyName": "新城区"}, True),
    ("610116", {"xm": "李四", "provinceName": "河北省", "cityName": "石家庄市", "districtName": "长安区"}, False),
    ("610116", {"xm": "李四", "provinceName": "陕西省", "cityName": "西安市", "districtName": "长安区"}, True),
]


@pytest.mark.parametrize(("region", "record", "inside"), _AMBIGUOUS)
def test_a_county_name_found_in_two_provinces_is_read_under_its_province_part(
    region: str, record: dict[str, str], inside: bool
) -> None:
    ex = released(json.dumps({"items": [record]}, ensure_ascii=False).encode(), "application/json", region)
    if inside:
        assert ex.failure is None and ex.response is not None, ex.failure
    else:
        assert ex.failure is not None and ex.failure.code == "records_outside_region", ex.failure


@pytest.mark.parametrize(("body", "media_type", "code"), SHEETS.values(), ids=SHEETS.keys())
def test_spreadsheet_cells_spanning_rows_keep_the_columns_of_the_cells_after_them(
    body: bytes, media_type: str, code: str | None
) -> None:
    """<Cell ss:MergeDown="1"> counted as no column in the row below: 汉阴县's code 610921101
    was read under 成员 (no region field) and went out to a 汉滨区 caller."""
    _judged(body, media_type, code)


# HTML's data-* attributes holding a record's region (<tr data-xzqhdm="610921">): read under
# their whole name (data-xzqhdm), which the catalog does not know, so 汉阴县's row went out.
_ROW = "<table><tr><th>姓名</th><th>身份</th></tr><tr {}><td>张伟</td><td>低保</td></tr></table>"
_DATA_ATTRIBUTES = [
    (_ROW.format('data-xzqhdm="610921"'), "records_outside_region"),
    (_ROW.format('data-region-code="610921101"'), "records_outside_region"),
    (_ROW.format('data-xzqhmc="汉阴县"'), "records_outside_region"),
    (_ROW.format('data-xian="汉阴县"'), "records_outside_region"),
    ('<div data-region-code="610921"><span>张伟</span></div>', "records_outside_region"),
    ('<ul><li data-area-code="610921">张伟</li><li data-area-code="610902">李娜</li></ul>', "records_outside_region"),
    (_ROW.format('data-xzqhmc="全部"'), "records_region_unreadable"),
    # Look-alikes: the caller's own county; six digits under data-id or data-ywbh; a data-*
    # attribute of no region (data-toggle, data-index).
    (_ROW.format('data-xzqhdm="610902"'), None),
    (_ROW.format('data-region-code="610902001" data-xzqhmc="江北街道"'), None),
    (_ROW.format('data-id="610921"'), None),
    (_ROW.format('data-ywbh="610921"'), None),
    (_ROW.format('data-toggle="collapse" data-index="610921"'), None),
]


@pytest.mark.parametrize(("body", "code"), _DATA_ATTRIBUTES)
def test_html_data_attributes_are_read_under_the_name_after_data(body: str, code: str | None) -> None:
    _judged(body.encode(), "text/html", code)
