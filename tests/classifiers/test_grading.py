import pytest

from classifiers.grading import Grader, RecordSummary
from classifiers.levels import DataLevel
from support.inspected import inspected_json

GRADER = Grader.load()


def grade(*records: set[str], ids: int = 0, categories: set[str] | None = None) -> DataLevel:
    summaries = [RecordSummary(set(r)) for r in records]
    if categories:
        summaries.append(RecordSummary(set(), set(categories)))
    return GRADER.grade(summaries, ids).level


def test_entity_levels() -> None:
    assert grade({"USCC", "EMAIL", "LANDLINE"}) is DataLevel.GENERAL
    assert grade({"MOBILE"}) is DataLevel.GENERAL
    assert grade({"PERSON_NAME"}) is DataLevel.GENERAL
    assert grade({"RESIDENT_ID"}) is DataLevel.IMPORTANT
    assert grade({"BANK_CARD"}) is DataLevel.IMPORTANT


def test_joined_with_identity_in_same_record() -> None:
    assert grade({"MOBILE", "PERSON_NAME"}) is DataLevel.IMPORTANT
    assert grade({"ADDRESS", "RESIDENT_ID"}) is DataLevel.IMPORTANT
    assert grade({"MOBILE"}, {"PERSON_NAME"}) is DataLevel.GENERAL  # different records


def test_categories_and_volume() -> None:
    assert grade(set(), categories={"disability"}) is DataLevel.IMPORTANT
    assert grade(set(), categories={"minor"}) is DataLevel.IMPORTANT
    assert grade({"RESIDENT_ID"}, ids=50) is DataLevel.CORE
    assert grade(*[{"MOBILE"}] * 50) is DataLevel.CORE
    assert grade(*[{"MOBILE"}] * 49) is DataLevel.GENERAL


@pytest.mark.parametrize(
    "doc",
    [
        {"dbj": 560},
        {"低保金": "560.00"},
        {"是否低保": "是"},
        {"dblb": "A类"},
        {"tkgy": "集中供养"},
        {"benefitType": "dibao"},
        {"data": [{"jzlb": "临时救助", "jzje": 800}]},
    ],
)
def test_a_benefit_status_or_amount_is_important(doc: object) -> None:
    """Benefit status is among the issue's categories: that a household lives on the minimum
    allowance tells it is poor, as its income does (catalog.yaml, categories.benefit)."""
    assert inspected_json(doc, "outsourced").level is DataLevel.IMPORTANT


@pytest.mark.parametrize("doc", [{"amount": 560}, {"status": "已发放"}, {"jzxm": "临时救助"}])
def test_amounts_and_statuses_under_business_keys_stay_general(doc: object) -> None:
    assert inspected_json(doc, "outsourced").level is DataLevel.GENERAL
