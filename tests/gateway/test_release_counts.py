"""What a response counts for against the record limits (release stage): its records, the
persons it names by ID number, or the objects holding a person's field wherever they are
nested, whichever is most."""

from __future__ import annotations

import json

import pytest

from gateway.stages.release import counted_records
from support.release_case import released as _released
from support.synth_people import GIVEN, SURNAMES, make_id, make_mobile


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


def _contacts(n: int) -> list[dict[str, str]]:
    """Persons without ID numbers: a name and a mobile each."""
    return [{"xm": "张伟", "lxdh": make_mobile(i), "regionCode": "610902"} for i in range(n)]


def _households(n: int) -> list[dict[str, object]]:
    """Households under their head, three members each, the head among them: 3n persons."""
    return [{"hzxm": "张伟", "jtcy": _contacts(3)} for _ in range(n)]


@pytest.mark.parametrize(
    "body",
    [
        {"payload": {"entries": _contacts(201)}},
        {"data": {"persons": {"edges": [{"node": person} for person in _contacts(201)]}}},  # GraphQL
        {"@odata.context": "$metadata#persons", "value": _contacts(201)},  # OData
        {"_embedded": {"persons": _contacts(201)}},  # HAL
        {"data": [{"type": "case", "id": "1"}], "included": _contacts(201)},  # JSON:API
        {"a": {"list": _contacts(101)}, "b": {"list": _contacts(100)}},  # two lists
        {"code": 0, "data": json.dumps(_contacts(201), ensure_ascii=False)},  # the list inside a JSON string
        {"xm": ["张伟"] * 201, "lxdh": [make_mobile(i) for i in range(201)]},  # column-wise
        {"items": _households(67)},  # 201 members of 67 households
        {"result": {"households": _households(67)}},
    ],
    ids=["entries", "graphql", "odata", "hal", "jsonapi", "two-lists", "json-string", "columns", "members", "deep"],
)
def test_persons_without_id_numbers_count_by_the_objects_holding_them(body: dict[str, object]) -> None:
    """201 persons named by name and mobile, no ID number, under keys the inspector does not
    read as the answer's list: they counted as one record (or the 67 households), and went out
    past the caseworker's limit of 200 a response and the day's count."""
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is not None and ex.failure.code == "too_many_records", ex.failure


@pytest.mark.parametrize(
    "body",
    [
        {"payload": {"entries": _contacts(200)}},
        {"items": _households(66)},  # 198 members: the households count through them, not beside
        {"result": {"households": _households(66)}},
        {"items": [{"xm": "张伟", "lxdh": make_mobile(0), "contacts": _contacts(150)}]},
    ],
    ids=["entries", "members", "deep", "one-record"],
)
def test_objects_holding_persons_within_the_limit_go_out(body: dict[str, object]) -> None:
    """A household counts by its members, not beside them (its head is among them), wherever
    the list of households lies."""
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is None, ex.failure


def _listed(n: int, start: int = 0) -> list[dict[str, str]]:
    """Persons of the answer's list, each with an ID number, a name and a mobile."""
    return [
        {
            "xm": "张伟",
            "sfzh": make_id("610902", "19500101", f"{i:03d}"),
            "lxdh": make_mobile(i),
            "regionCode": "610902",
        }
        for i in range(start, start + n)
    ]


def _named_by_mobile(n: int, start: int = 0) -> list[dict[str, str]]:
    return [{"xm": "张伟", "lxdh": make_mobile(i)} for i in range(start, start + n)]


@pytest.mark.parametrize(
    "body",
    [
        {"data": {"records": _listed(120)}, "payload": {"entries": _named_by_mobile(120, 500)}},
        {"data": {"records": _listed(120)}, "contacts": _named_by_mobile(60, 500) + _named_by_mobile(60, 800)},
        {"items": _listed(101), "related": {"persons": _named_by_mobile(100, 500)}},
    ],
    ids=["entries", "contacts", "related"],
)
def test_persons_named_by_a_mobile_beside_the_list_count_with_it(body: dict[str, object]) -> None:
    """120 persons of the answer's list and 120 others named by name and mobile beside it (no
    ID number): the count was the larger of the two, 120, and 240 persons went out past the
    caseworker's limit of 200 a response (and the volume rule's count)."""
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is not None and ex.failure.code == "too_many_records", ex.failure


@pytest.mark.parametrize(
    "body",
    [
        # The same persons again beside the list, by name and mobile: 120, not 240.
        {"data": {"records": _listed(120)}, "payload": {"entries": _named_by_mobile(120)}},
        {"data": {"records": _listed(150)}, "payload": {"entries": _named_by_mobile(50, 100)}},
        # A household counts by its members, as before.
        {"items": _households(66)},
    ],
    ids=["same-persons", "overlap", "members"],
)
def test_persons_beside_the_list_that_are_in_it_count_once(body: dict[str, object]) -> None:
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is None, ex.failure


def _disguised(number: str, how: str) -> str:
    """One ID number as systems and people spell it: full-width digits, a zero-width space."""
    if how == "full-width":
        return number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    return number[:6] + "\u200b" + number[6:]


@pytest.mark.parametrize("how", ["full-width", "zero-width"])
@pytest.mark.parametrize("where", ["beside", "listed"])
def test_one_person_spelt_two_ways_in_and_beside_the_list_counts_once(how: str, where: str) -> None:
    """The list and the object beside it spelt one ID number with their own strip().upper():
    written with a full-width digit or a zero-width space in one place, the person counted twice."""
    number = make_id("610902", "19500101", "001")
    listed, beside = (number, _disguised(number, how)) if where == "beside" else (_disguised(number, how), number)
    body = {
        "data": {"records": [{"xm": "张伟", "sfzh": listed}]},
        "payload": {"entries": [{"xm": "张伟", "sfzh": beside}]},
    }
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.inspection is not None and counted_records(ex.inspection) == 1


def test_two_persons_in_and_beside_the_list_count_twice() -> None:
    body = {
        "data": {"records": [{"xm": "张伟", "sfzh": make_id("610902", "19500101", "001")}]},
        "payload": {
            "entries": [{"xm": "张伟", "sfzh": _disguised(make_id("610902", "19500101", "002"), "full-width")}]
        },
    }
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.inspection is not None and counted_records(ex.inspection) == 2


def _name(i: int) -> str:
    """A distinct synthetic name for each i below 1000."""
    return SURNAMES[i // 100 % 10] + GIVEN[i // 10 % 10] + GIVEN[i % 10]


def _listed_named(n: int) -> list[dict[str, str]]:
    return [{"xm": _name(i), "sfzh": make_id("610902", "19500101", f"{i:03d}")} for i in range(n)]


@pytest.mark.parametrize(
    "body",
    [
        {"data": {"records": _listed_named(120)}, "payload": {"entries": [{"xm": _name(i)} for i in range(500, 620)]}},
        {"items": _listed_named(101), "related": {"persons": [{"姓名": _name(i)} for i in range(500, 600)]}},
    ],
    ids=["entries", "related"],
)
def test_persons_named_by_name_alone_beside_the_list_count_with_it(body: dict[str, object]) -> None:
    """120 persons of the answer's list and 120 others beside it named by name alone: a bare
    name was never counted beside the list, so 240 persons went out past the caseworker's limit
    of 200 a response."""
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is not None and ex.failure.code == "too_many_records", ex.failure


@pytest.mark.parametrize(
    ("beside", "count"),
    [
        ([{"xm": "李娜"}], 2),  # a name no record of the list carries: one more person
        ([{"xm": "张伟"}], 1),  # a record of the list carries it: may be that person, not counted again
        ([{"xm": "张 伟"}], 1),  # padded as rosters pad it
        ([{"xm": "李娜"}, {"xm": "李娜"}], 2),  # the same bare name twice cannot be told apart
    ],
    ids=["other-name", "same-name", "padded", "twice"],
)
def test_a_bare_name_beside_the_list_counts_unless_a_record_carries_it(
    beside: list[dict[str, str]], count: int
) -> None:
    body = {"data": {"records": [{"xm": "张伟", "sfzh": make_id("610902", "19500101", "001")}]}, "payload": beside}
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.inspection is not None and counted_records(ex.inspection) == count


def test_bare_names_beside_the_list_that_are_in_it_count_once() -> None:
    body = {"data": {"records": _listed_named(150)}, "payload": {"entries": [{"xm": _name(i)} for i in range(100)]}}
    ex = _released(json.dumps(body, ensure_ascii=False).encode(), "j")
    assert ex.failure is None, ex.failure
    assert ex.inspection is not None and counted_records(ex.inspection) == 150
