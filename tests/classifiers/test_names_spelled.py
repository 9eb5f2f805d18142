"""Names under a name key spelled to slip past the name tests: a hyphen, a dot or an underscore
typed between the characters (docs/classifiers-rounds.md, "Twenty-seventh round, the session's
own work"). Spaces between them were read already (a roster pads 张伟 to 张　伟)."""

from __future__ import annotations

import pytest

from support.inspected import json_leaks, unchanged_json


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"xm": "张-伟"}, ["伟"]),
        ({"xm": "张.伟", "sfzh": "1"}, ["伟"]),
        ({"姓名": "李_娜"}, ["娜"]),
        ({"jtcy": "王 - 秀 - 英"}, ["秀", "英"]),
        ({"applicantName": "王-秀英"}, ["秀英"]),
        ([{"xm": "张-伟", "bz": "a"}, {"xm": "李.娜", "bz": "b"}, {"xm": "王秀英", "bz": "c"}], ["伟", "娜", "秀英"]),
    ],
)
def test_a_name_with_separators_typed_between_its_characters_is_masked(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "doc",
    [
        {"name": "低保-城市"},
        {"xm": "N-A"},
        {"bz": "张-伟"},  # no name key: a remark's hyphen parts words as often
    ],
)
def test_values_with_such_separators_that_are_no_name_stay(doc: object) -> None:
    unchanged_json(doc)
