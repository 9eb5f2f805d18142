"""Person names beside a mobile or an ID number, through ``Inspector.inspect``; and the words
beside such numbers that must stay."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, leaks
from support.synth_people import make_id

ID = make_id()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("张伟 13912345678", "张伟"),
        ("张伟/13912345678", "张伟"),
        ("张伟（13912345678）", "张伟"),
        ("张伟：13912345678", "张伟"),
        ("联系李娜13800138000", "李娜"),
        ("请联系李娜 13800138000，谢谢", "李娜"),
        ("13912345678 张伟", "张伟"),
        ("13912345678（欧阳娜娜）", "欧阳娜娜"),
        ("紧急联系：张伟 +86 13912345678", "张伟"),
    ],
)
def test_a_name_beside_a_mobile(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("车队13912345678", "车队"),
        ("联系方式13912345678", "联系方式"),
        ("王家庄 13912345678", "王家庄"),
        ("高龄 13912345678", "高龄"),
        ("金额 13912345678", "金额"),
        ("安康市民政局13912345678", "民政局"),
        ("张伟 14012345678", "张伟"),  # 140 is no allocated segment: no mobile
        ("13912345678 转接", "转接"),
    ],
)
def test_words_beside_a_mobile_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"扎西多吉_{ID}.pdf", "扎西多吉"),
        (f"{ID}_卓玛.jpg", "卓玛"),
        (f"张伟,{ID}", "张伟"),
        (f"李娜，{ID}，汉阴县", "李娜"),
        (f"王强|{ID}|13912345678", "王强"),
        (f"{ID}，巴特尔，男", "巴特尔"),
    ],
)
def test_a_name_beside_an_id_number_after_a_comma_or_without_a_surname(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"申请人,{ID}", "申请人"),
        (f"汉阴县,{ID}", "汉阴县"),
        (f"民政局，{ID}", "民政局"),
        (f"多次_{ID}", "多次"),
        (f"金额,{ID}", "金额"),
        (f"{ID},汉族", "汉族"),
        (f"{ID}，农民", "农民"),
        (f"单位,{ID}", "单位"),
    ],
)
def test_words_beside_an_id_number_after_a_comma_stay(text: str, kept: str) -> None:
    in_clear(text, kept)
