from classifiers.grading import Grader, RecordSummary
from classifiers.levels import DataLevel

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
