"""Bodies that name a record's region in each shape the inspector reads, for the region-scope
tests (tests/gateway/test_release_region_shapes.py, tests/e2e/test_region_shapes.py).

Each shape comes with a record of another county beside one of the caller's (汉滨区, 610902),
the other named only by a township, 城关镇, which dozens of counties have: the answer must be
refused (502 records_region_unreadable); and with both records placed by their own codes:
released. Synthetic records, real region codes.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

OWN = {"xm": "张三", "xzqhdm": "610902001", "xzqhmc": "江北街道"}
OWN_TOWNSHIP = {"xm": "李四", "xzqhdm": "610902101", "xzqhmc": "城关镇"}
ALONE = {"xm": "李四", "xzqhmc": "城关镇"}
UNREADABLE = "records_region_unreadable"
NDJSON = "application/x-ndjson"
MULTIPART = "multipart/mixed; boundary=b1"
JSON = "application/json"


def text(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False)


def lines(*docs: Any) -> bytes:
    return "".join(text(doc) + "\n" for doc in docs).encode()


def multipart(*parts: tuple[str, str]) -> bytes:
    body = "".join(f"--b1\r\nContent-Type: {media_type}\r\n\r\n{content}\r\n" for media_type, content in parts)
    return (body + "--b1--\r\n").encode()


# name -> (body, media type, the refusal or None). Documents walked apart inside one body.
DOCUMENTS: dict[str, tuple[bytes, str, str | None]] = {
    "ndjson": (lines(OWN, ALONE), NDJSON, UNREADABLE),
    "ndjson-pages": (lines({"items": [OWN]}, {"items": [ALONE]}), NDJSON, UNREADABLE),
    "ndjson-own": (lines(OWN, OWN_TOWNSHIP), NDJSON, None),
    "multipart-json": (
        multipart(("application/json", text(OWN)), ("application/json", text(ALONE))),
        MULTIPART,
        UNREADABLE,
    ),
    "multipart-csv": (
        multipart(
            ("text/csv", "姓名,区划代码,区划名称\n张三,610902001,江北街道"), ("text/csv", "姓名,区划名称\n李四,城关镇")
        ),
        MULTIPART,
        UNREADABLE,
    ),
    "multipart-own": (
        multipart(("application/json", text(OWN)), ("application/json", text(OWN_TOWNSHIP))),
        MULTIPART,
        None,
    ),
    "event-stream": (f"data: {text(OWN)}\n\ndata: {text(ALONE)}\n\n".encode(), "text/event-stream", UNREADABLE),
    "event-stream-own": (f"data: {text(OWN)}\n\ndata: {text(OWN_TOWNSHIP)}\n\n".encode(), "text/event-stream", None),
    "json-in-xml": (
        f"<r><p><xzqhdm>610902001</xzqhdm></p><p><ext>{text(ALONE)}</ext></p></r>".encode(),
        "application/xml",
        UNREADABLE,
    ),
    "json-in-xml-own": (f"<r><p><ext>{text(OWN)}</ext></p></r>".encode(), "application/xml", None),
}

# Records the walker finds in no record list of the answer: a page nested deeper than
# structured.json_records looks, a list in a JSON string, column-wise JSON (record i the i-th
# value of every array), a household's members.
LISTS: dict[str, tuple[bytes, str, str | None]] = {
    "columns": (
        text({"xm": ["张三", "李四"], "xzqhdm": ["610902001", ""], "xzqhmc": ["江北街道", "城关镇"]}).encode(),
        "application/json",
        UNREADABLE,
    ),
    "columns-short": (
        text({"data": {"xm": ["张三", "李四"], "xzqhdm": ["610902001"], "xzqhmc": ["江北街道", "城关镇"]}}).encode(),
        "application/json",
        UNREADABLE,
    ),
    "columns-own": (
        text({"xm": ["张三", "李四"], "xzqhdm": ["610902001", "610902101"], "xzqhmc": ["江北街道", "城关镇"]}).encode(),
        "application/json",
        None,
    ),
    "json-string": (text({"code": 0, "data": text([OWN, ALONE])}).encode(), "application/json", UNREADABLE),
    "json-string-own": (text({"code": 0, "data": text([OWN, OWN_TOWNSHIP])}).encode(), "application/json", None),
    "deep-page": (text({"code": 0, "data": {"page": {"list": [OWN, ALONE]}}}).encode(), "application/json", UNREADABLE),
    "deep-page-own": (
        text({"result": {"data": {"page": {"list": [OWN, OWN_TOWNSHIP]}}}}).encode(),
        "application/json",
        None,
    ),
    "members": (text({"items": [{**OWN, "jtcy": [ALONE]}]}).encode(), "application/json", UNREADABLE),
    "members-own": (
        text({"items": [{**OWN, "jtcy": [OWN_TOWNSHIP, {"xm": "王五"}]}]}).encode(),
        "application/json",
        None,
    ),
}

# Other shapes the inspector reads, where a region field was not read at all, or not per
# record: JSON in a form's value, name/value pairs naming the region field, pandas' columns
# by row index, a CSV column headed 区划.
FORM = "application/x-www-form-urlencoded"
OUTSIDE = {"xm": "李四", "xzqhdm": "610921101"}  # 汉阴县's 城关镇: outside 汉滨区 by its code
_OTHER: dict[str, tuple[str, str, str | None]] = {
    "form-json": ("data=" + quote(text([OWN, ALONE])), FORM, UNREADABLE),
    "form-json-outside": ("data=" + quote(text([OUTSIDE])), FORM, "records_outside_region"),
    "form-json-own": ("total=2&data=" + quote(text([OWN, OWN_TOWNSHIP])), FORM, None),
    "pairs-outside": (
        text({"items": [{"fields": [{"name": "xzqhdm", "value": "610921101"}]}]}),
        JSON,
        "records_outside_region",
    ),
    "pairs": (
        text([[{"name": "xzqhdm", "value": "610902001"}], [{"label": "区划名称", "value": "城关镇"}]]),
        JSON,
        UNREADABLE,
    ),
    "pairs-form": (
        text([{"name": "xzqhdm", "value": "610902001"}, {"name": "xzqhmc", "value": "江北街道"}]),
        JSON,
        None,
    ),
    "pairs-own": (
        text(
            {"items": [{"fields": [{"key": "xzqhdm", "value": "610902001"}, {"key": "xzqhmc", "value": "江北街道"}]}]}
        ),
        JSON,
        None,
    ),
    "pandas-columns": (
        text(
            {"xm": {"0": "张三", "1": "李四"}, "xzqhdm": {"0": "610902001"}, "xzqhmc": {"0": "江北街道", "1": "城关镇"}}
        ),
        JSON,
        UNREADABLE,
    ),
    "pandas-columns-own": (
        text(
            {
                "xm": {"0": "张三", "1": "李四"},
                "xzqhdm": {"0": "610902001", "1": "610902101"},
                "xzqhmc": {"0": "江北街道", "1": "城关镇"},
            }
        ),
        JSON,
        None,
    ),
    "csv-quhua-outside": ("姓名,区划\n李四,610921101\n", "text/csv", "records_outside_region"),
    "csv-quhua-own": ("姓名,区划\n张三,610902001\n李四,汉滨区城关镇\n", "text/csv", None),
    "csv-quxian-outside": ("姓名,所在区县\n李四,汉阴县\n", "text/csv", "records_outside_region"),
    "json-quhua-township": (text({"items": [OWN, {"xm": "李四", "区划": "城关镇"}]}), JSON, UNREADABLE),
}
OTHER_SHAPES = {name: (body.encode(), media_type, code) for name, (body, media_type, code) in _OTHER.items()}

# XML whose records are siblings of different names, each holding a person (an applicant beside
# the person served, a SOAP answer's): one record to the inspector, so the code of one placed
# the township the other names alone. A part of one person (<basic> with the name beside
# <address> with the code) holds no other person and stays one record.
_XML_OWN = "<xm>张三</xm><xzqhdm>610902001</xzqhdm><xzqhmc>江北街道</xzqhmc>"
_XML_ALONE = "<xm>李四</xm><xzqhmc>城关镇</xzqhmc>"
_XML_OWN_TOWNSHIP = "<xm>李四</xm><xzqhdm>610902101</xzqhdm><xzqhmc>城关镇</xzqhmc>"
_SOAP = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><t>1</t></s:Header><s:Body>{}</s:Body></s:Envelope>'
XML = "application/xml"
_XML_SIBLINGS: dict[str, tuple[str, str, str | None]] = {
    "xml-siblings": (f"<data><person>{_XML_OWN}</person><applicant>{_XML_ALONE}</applicant></data>", XML, UNREADABLE),
    "xml-siblings-own": (
        f"<data><person>{_XML_OWN}</person><applicant>{_XML_OWN_TOWNSHIP}</applicant></data>",
        XML,
        None,
    ),
    "xml-siblings-attributes": (
        '<data><person xzqhdm="610902001"><xm>张三</xm></person><applicant xzqhmc="城关镇"><xm>李四</xm></applicant></data>',
        XML,
        UNREADABLE,
    ),
    "soap-siblings": (
        _SOAP.format(f'<r xmlns="urn:mz"><person>{_XML_OWN}</person><applicant>{_XML_ALONE}</applicant></r>'),
        "application/soap+xml",
        UNREADABLE,
    ),
    "soap-own": (
        _SOAP.format(f'<r xmlns="urn:mz"><person>{_XML_OWN}</person><applicant>{_XML_OWN_TOWNSHIP}</applicant></r>'),
        "application/soap+xml",
        None,
    ),
    "xml-one-person-in-parts": (
        "<person><basic><xm>李四</xm><xzqhmc>城关镇</xzqhmc></basic><address><xzqhdm>610902101</xzqhdm></address></person>",
        XML,
        None,
    ),
}
XML_SIBLINGS = {name: (body.encode(), media_type, code) for name, (body, media_type, code) in _XML_SIBLINGS.items()}

# Form answers whose records are indexed fields (Spring's items[0].xm, PHP's and Rails'
# items[0][xm], qs's list.0.xm): read whole, items[1].xzqhmc named no field, so no region was
# judged at all, and every index was one record.
_INDEXED_FORMS: dict[str, str | None] = {
    "items[0].xm=张三&items[0].xzqhdm=610902001&items[1].xm=李四&items[1].xzqhmc=城关镇": UNREADABLE,
    "items[0][xm]=张三&items[0][xzqhdm]=610902001&items[1][xm]=李四&items[1][xzqhmc]=城关镇": UNREADABLE,
    "list.0.xm=张三&list.0.xzqhdm=610902001&list.1.xm=李四&list.1.xzqhmc=城关镇": UNREADABLE,
    "xzqhdm=610902&items[0].xm=李四&items[0].xzqhmc=城关镇": UNREADABLE,  # the form's own code places no item
    "items[0].xm=张三&items[0].xzqhdm=610902001&items[1].xm=李四&items[1].xzqhdm=610921101": "records_outside_region",
    "items[0].xm=张三&items[0].xzqhdm=610902001&items[1].xm=李四&items[1].xzqhdm=610902101&items[1].xzqhmc=城关镇": None,
    "total=2&list.0.xzqhmc=汉滨区江北街道&list.1.xzqhmc=汉滨区城关镇": None,
}
INDEXED_FORMS = {
    f"form-indexed-{i}": (body.encode(), FORM, code) for i, (body, code) in enumerate(_INDEXED_FORMS.items())
}

# HTML tables whose cells span rows or columns (a household's head over its members' rows, a
# merged remark): counted as one column each, the cells after them were read under the
# headings of the columns before them, and 汉阴县's code under 成员 was no region field.
_HOUSEHOLD_HEAD = "<table><tr><th>户主</th><th>成员</th><th>区划代码</th></tr>"
_HTML_SPANS: dict[str, tuple[str, str | None]] = {
    "html-rowspan": (
        _HOUSEHOLD_HEAD + "<tr><td rowspan=2>张三</td><td>张三</td><td>610902001</td></tr>"
        "<tr><td>李四</td><td>610921101</td></tr></table>",
        "records_outside_region",
    ),
    "html-colspan": (
        "<table><tr><th>姓名</th><th>备注</th><th>区划代码</th></tr><tr><td>张三</td><td>无</td><td>610902001</td></tr>"
        "<tr><td colspan=2>李四</td><td>610921101</td></tr></table>",
        "records_outside_region",
    ),
    "html-rowspan-own": (
        _HOUSEHOLD_HEAD + "<tr><td rowspan=2>张三</td><td>张三</td><td>610902001</td></tr>"
        "<tr><td>李四</td><td>610902101</td></tr></table>",
        None,
    ),
}
HTML_SPANS = {name: (body.encode(), "text/html", code) for name, (body, code) in _HTML_SPANS.items()}

# YAML and TOML answers: masked as text, they had no region field read at all.
_YAML_TWO = "items:\n  - xm: 张三\n    xzqhdm: '610902001'\n  - xm: 李四\n    xzqhdm: '{}'\n    xzqhmc: 城关镇\n"
_TOML_TWO = '[[items]]\nxm = "张三"\nxzqhdm = "610902001"\n[[items]]\nxm = "李四"\nxzqhdm = "{}"\n'
_DATA_TEXT: dict[str, tuple[str, str, str | None]] = {
    "yaml-outside": (_YAML_TWO.format("610921101"), "application/yaml", "records_outside_region"),
    "yaml-township": (
        "items:\n  - xm: 张三\n    xzqhdm: '610902001'\n  - xm: 李四\n    xzqhmc: 城关镇\n",
        "application/yaml",
        UNREADABLE,
    ),
    "yaml-own": (_YAML_TWO.format("610902101"), "application/x-yaml", None),
    "yaml-aliases": ("a: &a [610902001]\nb: [*a, *a]\n", "application/yaml", UNREADABLE),
    "toml-outside": (_TOML_TWO.format("610921101"), "application/toml", "records_outside_region"),
    "toml-own": (_TOML_TWO.format("610902101"), "application/toml", None),
}
DATA_TEXT = {name: (body.encode(), media_type, code) for name, (body, media_type, code) in _DATA_TEXT.items()}

# A record's region written in parts, from the province down: codes in segments (sheng 61, shi
# 09, xian 21), prefixes (shengdm 61, shidm 6109) or names (province 陕西省, city 安康市, county
# 汉阴县). None of the parts was a region key, or the county's was one of region words
# (county, district) where a name says nothing: 汉阴县's records went out to a 汉滨区 caller.
# The record's region is the most specific part present, read with the parts above it.
OUTSIDE_REGION = "records_outside_region"
_SPLIT: dict[str, tuple[str, str, str | None]] = {
    "split-segments": (
        text({"items": [OWN, {"xm": "李四", "sheng": "61", "shi": "09", "xian": "21"}]}),
        JSON,
        OUTSIDE_REGION,
    ),
    "split-segments-own": (
        text({"items": [OWN, {"xm": "李四", "sheng": "61", "shi": "09", "xian": "02"}]}),
        JSON,
        None,
    ),
    "split-numbers": (text({"items": [{"xm": "李四", "sheng": 61, "shi": 9, "xian": 21}]}), JSON, OUTSIDE_REGION),
    "split-prefixes-city": (text({"items": [{"xm": "李四", "shengdm": "61", "shidm": "6101"}]}), JSON, OUTSIDE_REGION),
    "split-codes-own": (
        text({"items": [{"xm": "李四", "省代码": "610000", "市代码": "610900", "xian": "610902"}]}),
        JSON,
        None,
    ),
    "split-names": (
        text({"items": [{"xm": "李四", "province": "陕西省", "city": "安康市", "county": "汉阴县"}]}),
        JSON,
        OUTSIDE_REGION,
    ),
    "split-names-district": (
        text({"data": {"xm": "李四", "province": "陕西省", "city": "安康市", "district": "汉阴县"}}),
        JSON,
        OUTSIDE_REGION,
    ),
    "split-names-chinese": (
        text([{"姓名": "李四", "省": "陕西省", "市": "安康市", "县": "汉阴县"}]),
        JSON,
        OUTSIDE_REGION,
    ),
    "split-names-own": (
        text({"items": [{"xm": "李四", "province": "陕西省", "city": "安康市", "county": "汉滨区"}]}),
        JSON,
        None,
    ),
    "split-names-columns": (
        text(
            {
                "xm": ["张三", "李四"],
                "province": ["陕西省", "陕西省"],
                "city": ["安康市", "安康市"],
                "county": ["汉滨区", "汉阴县"],
            }
        ),
        JSON,
        OUTSIDE_REGION,
    ),
    # A CSV export's columns: a column of 61s or of 陕西省 was skipped whole (nothing personal
    # in it) and its parts never noted.
    "split-csv": ("姓名,sheng,shi,xian\n张三,61,09,02\n李四,61,09,21\n", "text/csv", OUTSIDE_REGION),
    "split-csv-own": ("姓名,sheng,shi,xian\n张三,61,09,02\n李四,61,09,02\n", "text/csv", None),
    "split-csv-names": ("姓名,省,市,县\n李四,陕西省,安康市,汉阴县\n", "text/csv", OUTSIDE_REGION),
    "split-csv-quoted": (
        '"姓名","province","city","county"\n"李四","陕西省","安康市","汉阴县"\n',
        "text/csv",
        OUTSIDE_REGION,
    ),
    # Parts that do not nest (another province's code above the county's): no region to judge.
    "split-disagree": (text({"items": [{"xm": "李四", "shengdm": "14", "xiandm": "610902"}]}), JSON, UNREADABLE),
    "split-xml": (
        "<r><p><xm>李四</xm><province>陕西省</province><city>安康市</city><county>汉阴县</county></p></r>",
        XML,
        OUTSIDE_REGION,
    ),
    "split-html": (
        "<table><tr><th>姓名</th><th>省</th><th>市</th><th>县</th></tr>"
        "<tr><td>李四</td><td>陕西省</td><td>安康市</td><td>汉阴县</td></tr></table>",
        "text/html",
        OUTSIDE_REGION,
    ),
    # Name/value pairs naming the parts (a dynamic form's fields): read as under their names.
    "split-pairs": (
        text(
            {
                "items": [
                    {
                        "xm": "李四",
                        "fields": [
                            {"name": "sheng", "value": "61"},
                            {"name": "shi", "value": "09"},
                            {"name": "xian", "value": "21"},
                        ],
                    }
                ]
            }
        ),
        JSON,
        OUTSIDE_REGION,
    ),
    "split-pairs-own": (
        text(
            [{"label": "省", "value": "陕西省"}, {"label": "市", "value": "安康市"}, {"label": "县", "value": "汉滨区"}]
        ),
        JSON,
        None,
    ),
    # Look-alikes: one part alone says what it said before (a city is no record's region by
    # itself here); six digits under a business key are no region.
    "city-alone": (text({"items": [OWN, {"xm": "李四", "city": "西安市"}]}), JSON, None),
    "business-number": (text({"items": [{**OWN, "ywbh": "610921"}]}), JSON, None),
}
SPLIT = {name: (body.encode(), media_type, code) for name, (body, media_type, code) in _SPLIT.items()}

# Excel 2003 XML (SpreadsheetML) whose cells span rows (ss:MergeDown): a household's head
# written once over its members' rows. Counted as no column in the rows below, the cells after
# it were read under the headings of the columns before them: 汉阴县's code under 成员, no
# region field, went out. As an HTML rowspan: the merged cell takes its columns in the rows it
# spans; a code written once over several rows is still its own row's only (fail closed).
_SHEET = (
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="户籍"><Table>{}</Table></Worksheet>'
    "</Workbook>"
)


def _row(*cells: str) -> str:
    return "<Row>" + "".join(cells) + "</Row>"


def _cell(text: str, attributes: str = "") -> str:
    return f'<Cell{attributes}><Data ss:Type="String">{text}</Data></Cell>'


_SHEET_HEAD = _row(_cell("户主"), _cell("成员"), _cell("区划代码"))
_SHEETS: dict[str, tuple[str, str | None]] = {
    "sheet-merge-down": (
        _SHEET_HEAD
        + _row(_cell("张三", ' ss:MergeDown="1"'), _cell("张三"), _cell("610902001"))
        + _row(_cell("李四"), _cell("610921101")),
        OUTSIDE_REGION,
    ),
    "sheet-merge-down-across": (
        _row(_cell("户主"), _cell("备注"), _cell("成员"), _cell("区划代码"))
        + _row(_cell("张三", ' ss:MergeDown="2" ss:MergeAcross="1"'), _cell("张三"), _cell("610902001"))
        + _row(_cell("王五"), _cell("610902001"))
        + _row(_cell("李四"), _cell("610921101")),
        OUTSIDE_REGION,
    ),
    "sheet-merged-code-township-below": (
        _row(_cell("姓名"), _cell("区划代码"), _cell("区划名称"))
        + _row(_cell("张三"), _cell("610902001", ' ss:MergeDown="1"'), _cell("江北街道"))
        + _row(_cell("李四"), _cell("城关镇")),
        UNREADABLE,
    ),
    # Look-alikes: Excel's own export skips the merged column with ss:Index (read as before);
    # the members of one's own county stay released.
    "sheet-merge-down-index": (
        _SHEET_HEAD
        + _row(_cell("张三", ' ss:MergeDown="1"'), _cell("张三"), _cell("610902001"))
        + _row(_cell("李四", ' ss:Index="2"'), _cell("610921101")),
        OUTSIDE_REGION,
    ),
    "sheet-merge-down-own": (
        _SHEET_HEAD
        + _row(_cell("张三", ' ss:MergeDown="1"'), _cell("张三"), _cell("610902001"))
        + _row(_cell("李四"), _cell("610902101")),
        None,
    ),
}
SHEETS = {name: (_SHEET.format(rows).encode(), "application/xml", code) for name, (rows, code) in _SHEETS.items()}
