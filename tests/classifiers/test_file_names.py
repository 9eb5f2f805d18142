"""Persons named in a file name (classifiers/file_names.py): 张伟_身份证.xlsx in a body's fileName,
a link's download attribute, a column of attachments. Read as free text a name there had no
evidence and went out; a word shaped like a name is one only when the file is about one person."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, body_leaks, out

LEAKS = [
    ('{"fileName": "张伟_身份证.jpg"}', "application/json"),
    ('{"附件": "低保申请表_王秀英.pdf"}', "application/json"),
    ('{"files": ["2026-王秀英的户口本.JPG", "方案.csv"]}', "application/json"),
    ('{"records": [{"fj": "张伟_银行卡.png", "id": 1}, {"fj": "李娜_银行卡.png", "id": 2}]}', "application/json"),
    ('<a download="张伟_残疾证.jpg" href="/f/1">下载</a>', "text/html"),
    ("文件名,大小\n张伟_身份证.jpg,12KB\n方案.csv,3KB\n", "text/csv"),
    ('{"wjm": "张伟_13800138000.xlsx"}', "application/json"),
]


@pytest.mark.parametrize(("body", "media_type"), LEAKS)
def test_a_name_in_a_file_name_about_one_person_is_masked(body: str, media_type: str) -> None:
    body_leaks(body, media_type, ["张伟", "王秀英", "李娜"])


@pytest.mark.parametrize(
    "value",
    [
        "张伟.csv",  # alone, no more a name than 方案.csv
        "周报_张伟.xlsx",  # a report, about no one's data or papers
        "方案_申请表说明.pdf",  # 方案 and 申请表 begin with surnames
        "张家港市民政局_申请表.pdf",
        "付款_申请书.docx",
        "12.50",
        "版本1.2",
    ],
)
def test_what_names_no_person_in_a_file_name_stays(value: str) -> None:
    body = json.dumps({"fileName": value, "note": value}, ensure_ascii=False)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role)) == json.loads(body), role
