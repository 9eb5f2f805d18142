"""Tables: CSV titles and headers, markdown tables of labels, pivots by person, report headings
over amounts, rows judged under their column names or a column mapped by index."""

import json
import re

import pytest

from support.inspected import INSPECTOR, PROFILES, inspected_json
from support.synth_people import make_id

ID_A, ID_B = make_id(seq="101"), make_id(seq="202")
# Tables written as JSON: the column names in one array, the rows as arrays (pandas'
# orient="split", report engines, grid widgets), or a list of rows whose first row is the
# header. Each cell is judged under its column's name.
_TABLE_ID = make_id(seq="303")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("quote", ["", '"'])
@pytest.mark.parametrize("title", ["低保人员花名册", "低保人员花名册,,", '"低保人员花名册",,'])
def test_a_csv_title_line_is_no_header(newline: str, quote: str, title: str) -> None:
    """A roster's title above its header: taken for the header, it left the names keyless.
    Excel saves a title merged across the columns with their empty fields (``花名册,,``)."""
    text = newline.join([title, "姓名,性别,身份证号", f"{quote}张伟{quote},男,{make_id()}", ""])
    result = INSPECTOR.inspect(text.encode(), "text/csv", None, PROFILES.get("strict"))
    assert result.entity_counts == {"PERSON_NAME": 1, "RESIDENT_ID": 1} and result.records == 1
    assert result.body.decode().startswith(newline.join([title, "姓名,性别,身份证号", ""]))


@pytest.mark.parametrize("quote", ["", '"'])
def test_a_csv_title_with_its_empty_fields_is_inspected_as_text(quote: str) -> None:
    text = f"{quote}家属张伟的成员表{quote},,\n与户主关系,备注,金额\n配偶,无,0\n"
    result = INSPECTOR.inspect(text.encode(), "text/csv", None, PROFILES.get("strict"))
    assert result.entity_counts == {"PERSON_NAME": 1}
    assert (
        "张伟" not in result.body.decode()
        and "的成员表" + quote + ",,\n与户主关系,备注,金额\n配偶,无,0\n" in result.body.decode()
    )


@pytest.mark.parametrize("quote", ["", '"'])
def test_a_csv_title_is_inspected_as_text(quote: str) -> None:
    text = f"{quote}家属张伟的成员表{quote}\n与户主关系,备注\n配偶,无\n"  # quoted: the full parser
    result = INSPECTOR.inspect(text.encode(), "text/csv", None, PROFILES.get("strict"))
    assert result.entity_counts == {"PERSON_NAME": 1}
    assert "张伟" not in result.body.decode() and "与户主关系,备注\n配偶,无\n" in result.body.decode()


@pytest.mark.parametrize(
    ("csv", "masked"),
    [
        # A table turned so that each person is a column, under its label 姓名 (quoted: the
        # full parser), and a pivot by person under xm.
        (f"姓名,张三,李四,合计\n身份证号,{ID_A},{ID_B},\n补助,300,200,500\n", "姓名,张**,李**,合计\n身份证号,"),
        (f'姓名,张三,"李四"\r\n身份证号,{ID_A},"{ID_B}"\n', '姓名,张**,"李**"\r\n身份证号,'),
        ("xm,欧阳明月,王五\r\n1月,300,200\r\n", "xm,欧阳**,王**\r\n1月,300,200\r\n"),
        # Ordinary headers and a pivot by region stay.
        (f"姓名,身份证号,申请日期\n张三,{ID_A},2024-01-05\n", "姓名,身份证号,申请日期\n张**,"),
        ("姓名,汉滨区,石泉,高新,王府井\n张三,3,4,5,6\n", "姓名,汉滨区,石泉,高新,王府井\n张**,3,4,5,6\n"),
    ],
    ids=["turned", "turned-quoted", "pivot", "roster", "pivot-by-region"],
)
def test_names_in_a_csv_header_labelled_as_names_do_not_go_out(csv: str, masked: str) -> None:
    """Header cells were not inspected: a table whose header row is 姓名 and the persons'
    names let them all out."""
    out = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", PROFILES.get("caseworker")).body.decode()
    assert out.startswith(masked) and not {"张三", "李四", "欧阳明月", "王五", ID_A} & set(re.split(r"[,\r\n\"]", out))


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # A tab-separated export with its title line: the title held no tab, so the comma was
        # taken for the delimiter, each line was one field, and the names went out in clear.
        (
            f"家庭成员\n姓名\t关系\t身份证号\n张伟\t户主\t{ID_A}\n李娜\t配偶\t{ID_B}\n",
            f"家庭成员\n姓名\t关系\t身份证号\n张**\t户主\t{ID_A[:6]}********{ID_A[-4:]}\n李**\t配偶\t",
        ),
        (
            '家庭成员\r\n姓名\t关系\r\n"张伟"\t户主\r\n李娜\t配偶\r\n',
            '家庭成员\r\n姓名\t关系\r\n"张**"\t户主\r\n李**\t配偶\r\n',
        ),
        # 关系 has a name's shape (关 is a surname): the header was read as a table turned under
        # 姓名, 关系 masked as a name and the names below went out in clear. Names under 姓名 in
        # most rows make it a roster; a turned table's rows hold labels there (性别, 身份证号).
        ("姓名\t关系\n张伟\t户主\n李娜\t配偶\n", "姓名\t关系\n张**\t户主\n李**\t配偶\n"),
        ("姓名,关系,备注\n张伟,户主,无\n李娜,配偶,无\n", "姓名,关系,备注\n张**,户主,无\n李**,配偶,无\n"),
        ("姓名,张三,李四\n关系,户主,配偶\n性别,男,女\n", "姓名,张**,李**\n关系,户主,配偶\n性别,男,女\n"),
    ],
    ids=["tsv-title", "tsv-title-quoted", "tsv-relation", "csv-relation", "turned-relation"],
)
@pytest.mark.parametrize("media_type", ["text/csv", "text/tab-separated-values", "text/plain"])
def test_a_roster_of_names_and_relations_is_read_by_its_header(text: str, masked: str, media_type: str) -> None:
    out = INSPECTOR.inspect(text.encode(), media_type, "utf-8", PROFILES.get("caseworker")).body.decode()
    assert out.startswith(masked) and not {"张伟", "李娜", "张三", "李四", ID_A} & set(re.split(r"[,\t\r\n\"]", out))


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # A Markdown table of labels and values: its rows open with "|", so the label 姓名 stood
        # in the second cell; the name above went out in clear and 电话 below was masked as one.
        ("| 姓名 | 张伟 |\n| 电话 | 13912345678 |\n", "| 姓名 |张**|\n| 电话 | 139****5678 |\n"),
        ("| 姓名 | 张伟 |\n|---|---|\n| 电话 | 13912345678 |\n", "| 姓名 |张**|\n|---|---|\n| 电话 | 139****5678 |\n"),
        (
            f"|姓名|张伟|李娜|\n|身份证号|{ID_A}|{ID_B}|\n",
            f"|姓名|张**|李**|\n|身份证号|{ID_A[:6]}********{ID_A[-4:]}|",
        ),
        # A Markdown table of records stays read by its header.
        (
            "| 姓名 | 电话 |\n|---|---|\n| 张伟 | 13912345678 |\n",
            "| 姓名 | 电话 |\n|---|---|\n| 张** | 139****5678 |\n",
        ),
    ],
    ids=["labels", "labels-with-rule", "turned", "records"],
)
def test_a_markdown_table_of_labels_is_read_by_its_labels(text: str, masked: str) -> None:
    out = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.get("caseworker")).body.decode()
    assert out.startswith(masked)


@pytest.mark.parametrize(
    ("csv", "masked"),
    [
        # A pivot by person under a label of its rows (月份, 日期), amounts or dates below;
        # with a total column, quoted (the full parser).
        ("月份,张三,李四\n1月,300,200\n2月,310.5,\n", "月份,张**,李**\n1月,300,200\n2月,310.5,\n"),
        ('日期,王小明,"欧阳明月",合计\r\n2024-01-05,"1,200.00",800,2000\r\n', '日期,王**,"欧阳**",合计\r\n2024-01-05,'),
        ("年度,张三,李四,王五\n2023年,2023-05-01,2023/06/01,\n", "年度,张**,李**,王**\n2023年,"),
    ],
    ids=["pivot", "pivot-quoted-total", "pivot-dates"],
)
def test_names_heading_a_pivot_without_a_name_label_do_not_go_out(csv: str, masked: str) -> None:
    """A pivot by person whose first header cell is the rows' label (月份,张三,李四) kept the
    names in its header in clear: only a header under 姓名 was read as names."""
    result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", PROFILES.get("caseworker"))
    out = result.body.decode()
    assert out.startswith(masked) and not {"张三", "李四", "王五", "王小明", "欧阳明月"} & set(
        re.split(r"[,\r\n\"]", out)
    )
    assert result.entity_counts["PERSON_NAME"] == len(re.findall(r"\*\*", masked))


@pytest.mark.parametrize(
    "csv",
    [
        "季度,华东,华南,华北\n一季度,300,200,100\n",  # one word family, not persons
        "时段,周一,周二,周三\n上午,8:00,9:00,10:00\n",
        "日期,应收,应付\n2024-01-05,100,200\n",
        "月份,收入,支出,余额\n1月,3,2,1\n",  # not every heading name-shaped
        "编号,方式,程序\n1,现金,普通\n",  # words below, not amounts
        "月份,张三\n1月,300\n",  # one column: too little to tell
        "月份,韩城市,华阴市\n1月,300,200\n",  # a pivot by county
    ],
)
def test_ordinary_headers_over_amounts_stay(csv: str) -> None:
    result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", PROFILES.get("caseworker"))
    assert result.body.decode() == csv and not result.findings


@pytest.mark.parametrize(
    ("body", "media_type", "masked"),
    [
        ('{"xm": "张  伟"}', "application/json", '{"xm":"张**"}'),
        (
            '{"items": [{"xm": "张\u3000伟"}, {"xm": "李娜"}]}',
            "application/json",
            '{"items":[{"xm":"张**"},{"xm":"李**"}]}',
        ),
        ("姓名,民族\r\n张  伟,汉族\r\n", "text/csv", "姓名,民族\r\n张**,汉族\r\n"),
        ('xm\tmz\r\n"张\t伟"\t汉族\r\n', "text/tab-separated-values", 'xm\tmz\r\n"张**"\t汉族\r\n'),
        (
            "<table><tr><th>姓名</th></tr><tr><td>张&nbsp;&nbsp;伟</td></tr></table>",
            "text/html",
            "<table><tr><th>姓名</th></tr><tr><td>张**</td></tr></table>",
        ),
    ],
    ids=["json", "json-ideographic-space", "csv", "tsv-quoted-tab", "html-nbsp"],
)
def test_a_name_padded_with_spaces_is_a_name(body: str, media_type: str, masked: str) -> None:
    """Rosters pad a two-character name to the width of three (张  伟): under a name key it
    was no name's shape and went out in clear."""
    result = INSPECTOR.inspect(body.encode(), media_type, "utf-8", PROFILES.get("caseworker"))
    assert result.body.decode() == masked
    assert result.entity_counts == {"PERSON_NAME": masked.count("**")}


# Headings of civil-affairs reports (periods, streets and towns of 汉滨区, categories of
# assistance, totals and figures), several of them beginning with a surname character.
_ROW_LABELS = ["月份", "季度", "街道", "类别", "日期", "年度", "救助类别", "统计月份"]


_REPORT_HEADINGS = [
    *[
        "一月",
        "十二月",
        "1月",
        "第一季度",
        "一季度",
        "上半年",
        "下半年",
        "全年",
        "本月",
        "上月",
        "本年",
        "本期",
        "上期",
        "去年同期",
        "周一",
        "周二",
    ],
    *["新城街道", "江北街道", "老城街道", "建民街道", "关庙镇", "张滩镇", "恒口镇", "城关镇"],
    *[
        "低保",
        "城市低保",
        "农村低保",
        "特困",
        "特困供养",
        "临时救助",
        "医疗救助",
        "孤儿",
        "残疾人",
        "高龄",
        "五保",
        "优抚",
        "分散供养",
        "集中供养",
    ],
    *[
        "合计",
        "小计",
        "总计",
        "平均",
        "均值",
        "同比",
        "环比",
        "增长",
        "增幅",
        "余额",
        "期初余额",
        "期末余额",
        "结余",
        "发放金额",
        "发放人数",
        "人数",
    ],
    *[
        "户数",
        "金额",
        "应发",
        "实发",
        "补发",
        "日期",
        "王牌",
        "方案",
        "标准",
        "比例",
        "占比",
        "户均",
        "人均",
        "累计",
        "预算",
        "支出",
        "收入",
        "资金",
        "差额",
    ],
    *["完成率", "钱数", "万元", "应收", "应付", "华东", "华南", "党员", "包户", "温泉", "向阳", "服务费"],
]


def test_report_headings_over_amounts_are_no_pivot_by_person() -> None:
    """Every pair of a report's headings under each rows' label, over amounts (and with a
    total after them): many begin with a surname (余额, 平均, 王牌, 方案, 钱数), and two of
    two surnames made a pivot by person whose headings were masked as names."""
    masked: list[str] = []
    caseworker = PROFILES.get("caseworker")
    for label in _ROW_LABELS:
        for i, first in enumerate(_REPORT_HEADINGS):
            for second in _REPORT_HEADINGS[i + 1 :: 7]:  # a seventh of the pairs: a quarter of a second
                csv = f"{label},{first},{second},合计\n2024-01,1200.00,300,1500\n2024-02,1300.5,0,1300.5\n"
                result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", caseworker)
                if result.entity_counts:
                    masked.append(result.body.decode().splitlines()[0])
    assert not masked, masked[:20]
    # Persons still are, beside a report's heading as the total.
    csv = "月份,张伟,李娜,合计\n2024-01,1200.00,300,1500\n"
    result = INSPECTOR.inspect(csv.encode(), "text/csv", "utf-8", caseworker)
    assert result.body.decode().startswith("月份,张**,李**,合计\n") and result.entity_counts == {"PERSON_NAME": 2}


@pytest.mark.parametrize(
    "body",
    [
        {"columns": ["xm", "sfzh", "lxdh"], "data": [["张伟", _TABLE_ID, "13912345678"], ["李娜", ID_A, None]]},
        {"columns": ["xm", "sfzh"], "index": [0, 1], "data": [["张伟", _TABLE_ID], ["李娜", ID_A]]},
        {"code": 0, "data": {"fields": ["xm", "sfzh"], "rows": [["张伟", _TABLE_ID], ["李娜", ID_A]]}},
        {"header": ["姓名", "身份证号", "家庭住址"], "rows": [["张伟", _TABLE_ID, "育才路12号"], ["李娜", ID_A, ""]]},
        {"cols": [{"name": "xm", "title": "姓名"}, {"name": "sfzh"}], "rows": [["张伟", _TABLE_ID], ["李娜", ID_A]]},
        [["姓名", "身份证号"], ["张伟", _TABLE_ID], ["李娜", ID_A]],
        {"rows": [["xm", "sfzh"], ["张伟", _TABLE_ID], ["李娜", ID_A]]},
        # Query engines' answers: ClickHouse's JSONCompact, OpenSearch SQL, an ECharts dataset.
        {
            "meta": [{"name": "xm", "type": "String"}, {"name": "sfzh", "type": "String"}],
            "data": [["张伟", _TABLE_ID], ["李娜", ID_A]],
        },
        {
            "schema": [{"name": "xm", "type": "keyword"}, {"name": "sfzh", "type": "keyword"}],
            "datarows": [["张伟", _TABLE_ID], ["李娜", ID_A]],
        },
        {"dimensions": ["xm", "sfzh"], "source": [["张伟", _TABLE_ID], ["李娜", ID_A]]},
    ],
)
def test_a_table_of_rows_is_judged_under_its_column_names(body: object) -> None:
    result = inspected_json(body, "caseworker")
    out = result.body.decode()
    assert not [name for name in ("张伟", "李娜", _TABLE_ID, ID_A) if name in out]
    assert result.entity_counts["PERSON_NAME"] == 2
    assert json.loads(out).keys() == body.keys() if isinstance(body, dict) else isinstance(json.loads(out), list)


@pytest.mark.parametrize(
    "body",
    [
        # Lists of strings that are no header: words, options, a header naming no entity.
        {"tags": [["张伟", "李娜"], ["王强", "赵敏"]]},
        {"columns": ["状态", "数量"], "data": [["张伟", 3]]},
        {"rows": [["bz", "zt"], ["张伟", "李娜"]]},
    ],
)
def test_lists_of_strings_without_a_header_are_no_table(body: object) -> None:
    result = inspected_json(body, "caseworker")
    assert result.entity_counts.get("PERSON_NAME", 0) == 0
    assert json.loads(result.body) == body


# pandas' DataFrame.to_json() by default (orient="columns"): each column a map from the row's
# index to its value. The values are the column's, judged under its name.
@pytest.mark.parametrize(
    "body",
    [
        {"xm": {"0": "张伟", "1": "李娜"}, "sfzh": {"0": _TABLE_ID, "1": ID_A}},
        {"code": 0, "data": {"xm": {"3": "张伟", "17": "李娜"}, "jtzz": {"3": "育才路12号", "17": ""}}},
    ],
)
def test_a_column_mapped_by_row_index_is_judged_under_its_name(body: dict[str, object]) -> None:
    result = inspected_json(body, "caseworker")
    out = result.body.decode()
    assert "张伟" not in out and "李娜" not in out
    assert result.entity_counts["PERSON_NAME"] == 2
    assert json.loads(out).keys() == body.keys()
