"""Names under the keys of a case's staff, its record's author, a parent and a household's head,
in Chinese and by their pinyin initials (classifiers/catalog.yaml, PERSON_NAME's weak keys;
docs/classifiers-rounds.md, "Twenty-seventh round, the session's own work"). Each went out in
clear: an unknown key's value is read as text, and a full name alone is no name to the text
passes. Weak keys: a surname is required, so a status, a login or a unit stays."""

from __future__ import annotations

import pytest

from support.inspected import json_leaks, unchanged_json

_KEYS = (
    "审核人 审批人 复核人 负责人 操作员 录入人 填报人 创建人 调查人 走访人 赡养人 抚养人 父亲 母亲 "
    "father mother createdBy updatedBy modifiedBy lastModifiedBy createUser updateUser reviewedBy "
    "approvedBy handledBy shr spr fhr fzr czy lrr tbr cjr dcr ptr fq mq po hz hzmc"
).split()


@pytest.mark.parametrize("key", _KEYS)
def test_a_name_under_the_key_is_masked(key: str) -> None:
    json_leaks({key: "张伟", "id": 1}, ["张伟"])


@pytest.mark.parametrize(
    "doc",
    [
        {"父亲": "已故"},
        {"母亲": "不详"},
        {"审核人": "系统"},
        {"操作员": "管理员"},
        {"负责人": "社区居委会"},
        {"shr": "高新区民政局"},
        {"createdBy": "admin"},
        {"czy": "wangfang"},
        {"hz": "50"},
        {"po": "PO-2024-001"},
        {"fq": "无"},
        {"cjr": "是"},
    ],
)
def test_values_under_such_keys_that_are_no_name_stay(doc: object) -> None:
    unchanged_json(doc)
