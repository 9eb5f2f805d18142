"""Persons' names that went out in clear (names round nineteen), through ``Inspector.inspect`` with
the strict and the caseworker profiles, as a plain-text body and as a JSON string; the look-alikes
beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, as_bodies, leaks, out

# A name beside a mobile masked in part that is glued to its phone's label (手机138****8000，张伟):
# with a space after 手机 the mobile was a field of the line, and the name beside it was masked.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("手机138****8000，张伟", ["张伟"]),
        ("手机：138****8000，张伟", ["张伟"]),
        ("手机:138****8000，张伟", ["张伟"]),
        ("联系电话138****8000，李娜", ["李娜"]),
        ("联系电话：138****8000，王秀英", ["王秀英"]),
        ("手机号138****8000，张伟", ["张伟"]),
        ("手机号码138****8000 张伟", ["张伟"]),
        ("电话138-****-8000，李娜", ["李娜"]),
        ("张伟，手机138****8000", ["张伟"]),
        ("张伟 手机：138****8000", ["张伟"]),
        ("手机 138****8000，张伟", ["张伟"]),  # caught before
        ("联系人张伟，手机138****8000", ["张伟"]),  # caught before
    ],
)
def test_a_name_beside_a_masked_mobile_glued_to_its_label(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("手机138****8000，男", "男"),
        ("电话138****8000，已核实", "已核实"),
        ("手机138****8000，王某", "王某"),
        ("手机138****8000，张家", "张家"),
        ("手机138****8000，城关镇", "城关镇"),
        ("手机138****8000，2024年3月", "2024年3月"),
        ("手机138****8000，同意", "同意"),
        ("手机138****8000，本人", "本人"),
        # a word of a name's shape beside the mobile was masked with a space too (手机 138****8000，金额)
        ("手机138****8000，金额", "金额"),
        ("手机 138****8000，金额", "金额"),
        ("手机138****8000，高新区", "高新区"),
        ("手机 138****8000，张家", "张家"),
    ],
)
def test_what_stands_beside_a_labelled_masked_mobile_stays(text: str, kept: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            assert kept in masked, (role, media_type, masked)
            assert "8000" not in masked or role == "caseworker", (role, masked)  # the mobile, for the strict
