"""A name before a mobile with the phone's label between them (张伟的手机是139…, 王强 手机 139…)
or in brackets (【张伟】139…), through ``Inspector.inspect``: each went out in clear with the
mobile masked beside it. And the labels that say which phone, not whose, which must stay."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, in_clear, leaks, out

MOBILE = "13912345678"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"张伟的手机是{MOBILE}", "张伟"),
        (f"张伟的电话是{MOBILE}", "张伟"),
        (f"李娜电话{MOBILE}", "李娜"),
        (f"王秀英手机号{MOBILE}", "王秀英"),
        (f"张伟的联系电话：{MOBILE}", "张伟"),
        (f"欧阳娜娜的手机号码为{MOBILE}", "欧阳娜娜"),
        (f"王强 手机 {MOBILE}", "王强"),
        (f"王强 电话：{MOBILE}", "王强"),
        (f"请联系张伟电话{MOBILE}", "张伟"),
        (f"【张伟】{MOBILE}", "张伟"),
    ],
)
def test_a_name_before_a_phone_label_goes(text: str, name: str) -> None:
    leaks(text, [name, MOBILE])
    in_clear(text, text[text.index(name) + len(name) : text.index(MOBILE)])  # the label stays


@pytest.mark.parametrize(
    "label",
    [
        "联系电话",
        "本人电话",
        "家属电话",
        "村委会电话",
        "值班电话",
        "咨询电话",
        "紧急联系人电话",
        "他的电话",
        "其子电话",
        "户主电话",
        "常用手机",
        "备用电话 ",
        "【通知】",
        "新手机号",
        "移动电话",
        "社区电话：",
        "网格员电话",
        "高龄老人电话",
        "监护人手机",
    ],
)
def test_a_label_that_says_which_phone_stays(label: str) -> None:
    for role in ROLES:
        assert out(label + MOBILE, "text/plain", role).startswith(label), (role, label)
