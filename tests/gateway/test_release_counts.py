"""What a response counts for against the record limits (release stage): its records, or the
persons it names by ID number if they are more."""

from __future__ import annotations

import json

import pytest

from support.release_case import released as _released
from support.synth_people import make_id


def _people(n: int) -> list[dict[str, str]]:
    return [{"xm": "张伟", "sfzh": make_id("610902", "19500101", f"{i:03d}"), "regionCode": "610902"} for i in range(n)]


@pytest.mark.parametrize(
    "body",
    [
        {"persons": _people(201)},  # under a key the inspector does not read as the answer's list
        {"code": 0, "data": json.dumps(_people(201), ensure_ascii=False)},  # the list inside a JSON string
        {"data": {"page": {"content": {"rows": _people(201)}}}},  # a page nested deeper
    ],
)
def test_persons_beyond_the_records_count_against_the_limit_per_response(body: dict[str, object]) -> None:
    """The caseworker's limit is 200 a response. These 201 records counted as one record,
    and went out whole."""
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is not None and ex.failure.code == "too_many_records", ex.failure


def test_a_list_within_the_limit_goes_out() -> None:
    ex = _released(json.dumps({"persons": _people(200)}, ensure_ascii=False).encode(), "j")
    assert ex.failure is None
    assert ex.inspection is not None and len(ex.inspection.persons) == 200
