"""The column-wise CSV walk (``fastcsv``) against what it must agree with, in the build that
runs (compiled or not; no function is replaced, so the compiled walk is the one compared):
the cell-by-cell walker (``structured.walk_csv``) where both read a text alike, and
fastcsv's own RFC 4180 parse (``_Walker.parsed``) where only fastcsv reads a title line or a
pivot. Same text, rows, counts, persons, masked and clear values, regions, findings and
grading combinations. Speed changes to the export's walk are checked here (the seventh
round's: RE2 on UTF-8, category rows shared, names' context by RE2)."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers import fastcsv, structured
from classifiers.grading import Grader
from classifiers.inspect import Inspector
from classifiers.run import Run
from demo.generate import generate
from demo.views import persons_csv
from policies.masking import load_profiles
from support.synth_people import make_card, make_id

DETECTOR = Inspector().detector
PROFILES = load_profiles()
PERSONAL = Grader.load().personal_entities
ID, ID2 = make_id(seq="123"), make_id(region="610921", birth="20150704", seq="456")
CARD = make_card("622848", 19, 77)
EXPORT = persons_csv(generate(seed=9, persons_per_district=40).persons.values())


def _state(run: Run) -> tuple[Any, ...]:
    findings = sorted((f.path, f.entity, f.start, f.end, f.score, f.evidence) for f in run.findings())
    combinations, with_personal = run.records.combinations(PERSONAL)
    return (
        dict(run.counts),
        run.persons,
        run.masked,
        run.clear,
        run.regions,
        run.unread_regions,
        findings,
        set(combinations),
        with_personal,
    )


def _fast(text: str, profile: str, block_chars: int = fastcsv.BLOCK_CHARS) -> tuple[Any, ...]:
    run = Run(DETECTOR, PROFILES.get(profile))
    out = fastcsv.walk_csv(
        text,
        run.value,
        DETECTOR.plan,
        run.keyed_column,
        run.category_rows,
        run.detections.detected,
        run.region_values,
        block_chars,
        run.one_record,
    )
    return out, _state(run)


def _cell_by_cell(text: str, profile: str) -> tuple[Any, ...]:
    run = Run(DETECTOR, PROFILES.get(profile))
    plan = DETECTOR.plan
    out = structured.walk_csv(text, lambda c: run.value(c.text, plan(c.key), c.record, c.path, c.scan))
    return out, _state(run)


def _parsed(text: str, profile: str) -> tuple[Any, ...]:
    """fastcsv's walk through its RFC 4180 parser, whatever the text's quoting."""
    run = Run(DETECTOR, PROFILES.get(profile))
    walker = fastcsv._Walker(
        structured.sniff_delimiter(text),
        run.value,
        DETECTOR.plan,
        run.keyed_column,
        run.category_rows,
        run.detections.detected,
        run.region_values,
        run.one_record,
    )
    return walker.parsed(text), _state(run)


# Category columns filled in every row, in some rows ("否", "0", "", "无" are no value), and in
# none; keyed columns beside them; a region code.
_CATEGORIES = "".join(
    f"{name},{number},{grade},{income},{health},610902{row % 3:03d}001\r\n"
    for row, (name, number, grade, income, health) in enumerate(
        [
            ("张三", ID, "二级", "1200.00", "健康"),
            ("李四", ID2, "否", "0.00", "慢性病"),
            ("王五", make_id(seq="789"), "", "0", "健康"),
            ("赵六", make_id(birth="19770202"), "无", "300", "重大疾病"),
        ]
        * 3
    )
)

_SHAPES = [
    "姓名,身份证号码,残疾等级,月收入,健康状况,区划代码\r\n" + _CATEGORIES,
    "姓名,身份证号码,残疾等级,月收入,健康状况,区划代码\n" + _CATEGORIES.replace("\r\n", "\n"),
    f'姓名,身份证号码,银行卡号,备注\r\n张三,{ID},{CARD},"配偶李四,身份证号{ID2}"\r\n王五,{ID2},,无\r\n',
    f"xm,sfzh,csrq\n张三,{ID},1976-03-01\n\n王五,{ID2},2015-07-04\n李,{ID[:9]}\u200b{ID[9:]},1990-01-01\n",
    f"户主,{ID}\n配偶,{ID2}\r\n",  # no header row, mixed line ends
    f"name,phone\n张三,139 1234 5678\n,\n王五,13912345678,extra,{ID}\n",  # ragged rows
    f"姓名\t身份证号码\t联系电话\n张三\t{ID}\t13912345678\n户主李四\t{ID2}\t\n",  # tabs; a context word
]


@pytest.mark.parametrize("profile", ["caseworker", "strict", "statistician"])
@pytest.mark.parametrize("block_chars", [fastcsv.BLOCK_CHARS, 3000])
def test_demo_export_equals_cell_by_cell(profile: str, block_chars: int) -> None:
    fast = _fast(EXPORT, profile, block_chars)
    assert fast[0][1] and fast[0][2] == EXPORT.count("\r\n") - 1
    assert fast == _cell_by_cell(EXPORT, profile)


@pytest.mark.parametrize("profile", ["caseworker", "strict"])
@pytest.mark.parametrize("body", _SHAPES)
def test_csv_shapes_equal_cell_by_cell(profile: str, body: str) -> None:
    assert _fast(body, profile) == _cell_by_cell(body, profile)


@pytest.mark.parametrize("profile", ["caseworker", "strict"])
@pytest.mark.parametrize(
    "body",
    [
        f"低保人员花名册\r\n姓名,身份证号码,月收入\r\n张三,{ID},300\r\n李四,{ID2},0\r\n",  # a title line
        f"低保人员花名册,,\r\n姓名,身份证号码,月收入\r\n张三,{ID},300\r\n李四,{ID2},0\r\n",  # as Excel saves it
        "月份,张三,李四\r\n1月,300,200\r\n2月,310.5,\r\n",  # a pivot by person
        f"姓名,张三,李四\r\n身份证号,{ID},{ID2}\r\n补助,300,200\r\n",  # a table turned, names heading it
        *_SHAPES[:2],
    ],
)
def test_lines_equal_the_parser(profile: str, body: str) -> None:
    """Where only fastcsv reads the text (titles, pivots), its block walk against its parser."""
    assert _fast(body, profile, 40) == _parsed(body, profile)


def test_filled_category_columns_share_the_rows_of_their_block() -> None:
    """A category column every row fills (月收入, 健康状况) gives grading the block's row
    list itself: one group of rows to set apart, not a set of its own per column."""
    run = Run(DETECTOR, PROFILES.get("caseworker"))
    text = "姓名,身份证号码,残疾等级,月收入,健康状况\r\n" + "".join(
        f"张三,{ID},{grade},300,健康\r\n" for grade in ("二级", "", "否") * 4
    )
    fastcsv.walk_csv(
        text, run.value, DETECTOR.plan, run.keyed_column, run.category_rows, run.detections.detected, run.region_values
    )
    lists = {id(rows): name for _, name, rows in run.records._facts}
    assert sorted(lists.values())[:1] == ["disability"] and len(lists) == 2  # the block's, and 残疾等级's own
