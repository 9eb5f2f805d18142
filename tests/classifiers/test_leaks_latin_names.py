"""Transliterated (Latin) names beside labels, in brackets and in record lines, through
``Inspector.inspect``; and words that only look like transliterated names, which must stay."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged
from support.synth_people import make_id

ID = make_id()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("监护人（扎西）", "扎西"),
        ("联系人【巴特尔】 13912345678", "巴特尔"),
        ("家庭成员：次仁（户主）、卓玛（配偶）", "次仁"),
        ("家庭成员：次仁（户主）、卓玛（配偶）", "卓玛"),
        ("阿依古丽(监护人)", "阿依古丽"),
    ],
)
def test_a_transliterated_name_in_or_before_brackets_beside_a_label(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "申请人（签字）",
        "户主（签名）：",
        "监护人（父母）",
        "联系人（电话）",
        "申请人（本人）",
        "多次（户主）",
        "监护人（法定代理人）",
        "户主（盖章）",
    ],
)
def test_words_in_or_before_brackets_beside_a_label_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("监护人为扎西", "扎西"),
        ("户主是扎西", "扎西"),
        ("申请人为次仁多吉，男", "次仁多吉"),
        ("扎西，男，45岁", "扎西"),
        ("次仁 女 72岁 低保", "次仁"),
    ],
)
def test_a_transliterated_name_after_a_label_and_a_verb_or_in_a_record_line(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "户主为本人",
        "申请人为低保户",
        "监护人为其父亲",
        "户主是多次申请",
        "申请人为特困人员",
        "多次，男，45岁",
        "户主为残疾人",
    ],
)
def test_words_after_a_label_and_a_verb_or_before_a_gender_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("买买提江，男，45岁", "买买提江"),
        ("买买提江，男，维吾尔族", "买买提江"),
        ("古丽汗，女，60岁", "古丽汗"),
        ("艾力·买买提，男，45岁", "艾力"),
        ("户主买买提江已核实", "买买提江"),
        ("申请人阿依古丽汗于2024年提出申请", "阿依古丽汗"),
        (f"{ID}，买买提江，男", "买买提江"),
        ("姓名：买买提江", "买买提江"),
        ("姓名：古丽娜尔，性别：女", "古丽娜尔"),
        ("姓名：艾力·买买提", "艾力"),
        ("阿依古丽，女，60岁", "阿依古丽"),
    ],
)
def test_a_transliterated_name_with_a_common_ending(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    ["户主多次江边捕鱼", "金沙江，男女老少都来了", "沿乌江而下", "次仁江边的家"],
)
def test_words_ending_as_transliterated_names_stay(text: str) -> None:
    unchanged(text, also_json=False)
