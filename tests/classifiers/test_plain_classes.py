"""Classes mypyc builds by a C call, which were named tuples (``normalise.Folded``, ``matches.Match``)
or dataclasses with the ``__init__`` a dataclass writes (``address.ParsedAddress``,
``grading.RecordSummary``): Python code run by the interpreter for each one built. Their equality,
hash, text form (and ``Folded.span``, ``ParsedAddress.fine``) callers and tests rely on are
compared here with the classes they were, written out as they were."""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from classifiers.entities.address import LEVELS, ParsedAddress
from classifiers.grading import Grade, RecordSummary
from classifiers.inspect import Inspector
from classifiers.inspection import Inspection
from classifiers.levels import DataLevel
from classifiers.matches import Match
from classifiers.normalise import Folded
from classifiers.run import Run
from policies.masking import load_profiles


class _NamedFolded(NamedTuple):
    """The named tuple ``Folded`` was (2026-12-01), ``span`` as it was."""

    text: str
    offsets: tuple[int, ...] | None
    original_length: int
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1 if self.ends is None else self.ends[end - 1]


def _fields(rng: random.Random) -> tuple[str, tuple[int, ...] | None, int, tuple[int, ...] | None]:
    """Few choices per field, so that pairs often agree on some fields and differ in one."""
    text = rng.choice(["", "1", "12", "ab", "张伟"])
    offsets = rng.choice([None, (0, 1), (0, 2), (1, 2)]) if text else None
    ends = rng.choice([None, None, (1, 2), (2, 3)]) if offsets is not None and len(text) == 2 else None
    return text, offsets, rng.choice([len(text), len(text) + 1]), ends


def test_folded_compares_hashes_and_reads_as_the_named_tuple() -> None:
    rng = random.Random(18)
    for _ in range(4_000):
        one, two = _fields(rng), _fields(rng)
        new_one, new_two = Folded(*one), Folded(*two)
        old_one, old_two = _NamedFolded(*one), _NamedFolded(*two)
        assert (new_one == new_two) == (old_one == old_two), (one, two)
        assert (new_one != new_two) == (old_one != old_two), (one, two)
        assert new_one == Folded(*one) and hash(new_one) == hash(Folded(*one))
        assert repr(new_one) == repr(old_one).replace("_NamedFolded", "Folded")
        assert (new_one.text, new_one.offsets, new_one.original_length, new_one.ends) == tuple(old_one)
        size = len(one[0])
        for start in range(size + 1):
            for end in range(start, size + 1):
                assert new_one.span(start, end) == old_one.span(start, end), (one, start, end)
    assert Folded("ab", None, 2) == Folded("ab", None, 2, None)  # ends defaults to None
    assert Folded("ab", None, 2) != ("ab", None, 2, None)  # no tuple: unequal to one


class _NamedMatch(NamedTuple):
    """The named tuple ``Match`` was (2026-12-01)."""

    entity: str
    start: int
    end: int
    score: float
    evidence: str


def _match_fields(rng: random.Random) -> tuple[str, int, int, float, str]:
    return (
        rng.choice(["MOBILE", "RESIDENT_ID"]),
        rng.choice([0, 3]),
        rng.choice([11, 18]),
        rng.choice([0.85, 1.0]),
        rng.choice(["pattern", "pattern+key"]),
    )


def test_match_compares_hashes_and_reads_as_the_named_tuple() -> None:
    rng = random.Random(18)
    for _ in range(4_000):
        one, two = _match_fields(rng), _match_fields(rng)
        new_one, new_two = Match(*one), Match(*two)
        old_one, old_two = _NamedMatch(*one), _NamedMatch(*two)
        assert (new_one == new_two) == (old_one == old_two), (one, two)
        assert (new_one != new_two) == (old_one != old_two), (one, two)
        assert new_one == Match(*one) and hash(new_one) == hash(Match(*one))
        assert repr(new_one) == repr(old_one).replace("_NamedMatch", "Match")
        assert (new_one.entity, new_one.start, new_one.end, new_one.score, new_one.evidence) == tuple(old_one)
    assert Match("MOBILE", 0, 11, 1.0, "pattern") != ("MOBILE", 0, 11, 1.0, "pattern")  # no tuple


@dataclass(frozen=True, slots=True)
class _DataParsedAddress:
    """The frozen dataclass ``ParsedAddress`` was (2026-12-01); ``fine`` as it was (a level from the
    township on: street, village, number ...)."""

    start: int
    end: int
    components: dict[str, tuple[int, int]]

    @property
    def fine(self) -> bool:
        return any(LEVELS.index(name) >= LEVELS.index("township") for name in self.components)


def test_parsed_address_compares_and_reads_as_the_dataclass() -> None:
    rng = random.Random(18)
    for _ in range(4_000):
        one, two = [
            (
                rng.choice([0, 2]),
                rng.choice([5, 9]),
                {name: (0, 2) for name in rng.sample(LEVELS, rng.randint(0, 2))},
            )
            for _ in range(2)
        ]
        new_one, new_two = ParsedAddress(*one), ParsedAddress(*two)
        old_one, old_two = _DataParsedAddress(*one), _DataParsedAddress(*two)
        assert (new_one == new_two) == (old_one == old_two), (one, two)
        assert (new_one != new_two) == (old_one != old_two), (one, two)
        assert repr(new_one) == repr(old_one).replace("_DataParsedAddress", "ParsedAddress")
        assert new_one.fine == old_one.fine, one


@dataclass
class _DataRecordSummary:
    """``RecordSummary`` as the dataclass wrote its ``__init__`` (2026-12-01)."""

    entities: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)


def test_record_summary_builds_as_the_dataclass_did() -> None:
    """Each record its own sets (the defaults no set shared between records), the sets handed in kept."""
    first, second = RecordSummary(), RecordSummary()
    first.entities.add("MOBILE")
    first.categories.add("低保")
    assert second == RecordSummary() and second.entities == set() and second.categories == set()
    entities, categories = {"RESIDENT_ID"}, {"特困"}
    given = RecordSummary(entities, categories)
    assert given.entities is entities and given.categories is categories
    assert RecordSummary(entities) == RecordSummary(entities, set())
    for summary in (first, second, given, RecordSummary(categories=categories)):
        old = _DataRecordSummary(summary.entities, summary.categories)
        assert repr(summary) == repr(old).replace("_DataRecordSummary", "RecordSummary")
    assert first != second


def test_run_starts_as_the_dataclass_did() -> None:
    """``run.Run``'s ``__init__`` is written out (it was the one the dataclasses module writes): each
    attribute starts as the dataclass's default did, the mutable ones new for each run."""
    detector, profile = Inspector().detector, load_profiles().get("strict")
    today = datetime.date(2026, 12, 1)
    defaults = {
        "raw": [],
        "counts": {},  # a Counter as the dataclass's default; a dict now (no __missing__ in Python)
        "persons": set(),
        "regions": set(),
        "unread_regions": set(),
        "region_fields": [],
        "region_record_of": {},
        "region_documents": [],
        "region_parts": [],
        "region_item": None,
        "persons_apart": 0,
        "persons_beside": 0,
        "masked": 0,
        "clear": 0,
        "json_text": None,
        "typed_text": None,
    }
    one, two = Run(detector, profile), Run(detector, profile, today=today, json_text=len, typed_text=max)
    assert one.detector is detector and one.profile is profile
    assert one.today == datetime.date.today() and two.today is today
    assert two.json_text is len and two.typed_text is max
    for name, value in defaults.items():
        assert getattr(one, name) == value, name
        if isinstance(value, list | dict | set):
            assert type(getattr(one, name)) is type(value) and getattr(one, name) is not getattr(two, name), name
    assert one.records is not two.records and one.records.single == {}
    assert one.detections._memo == {} and one.detections._memo is not two.detections._memo


@dataclass
class _DataInspection:
    """``Inspection`` as the dataclass wrote its ``__init__`` (2026-12-01); the findings aside."""

    body: bytes
    level: DataLevel
    entity_counts: dict[str, int]
    records: int
    persons: frozenset[str]
    regions: frozenset[str]
    masked: int
    clear: int
    reasons: tuple[str, ...] = ()
    persons_apart: int = 0
    persons_beside: int = 0
    unread_regions: frozenset[str] = frozenset()
    unread_records: tuple[dict[str, frozenset[int]], ...] = ()
    find: Callable[[], list[Any]] = field(default=list, repr=False, compare=False)


def test_inspection_builds_compares_and_prints_as_the_dataclass() -> None:
    """``Inspection``'s ``__init__`` is written out: every argument where it was, by position or by
    name, the defaults as they were, equality and text form the dataclass's."""
    given = (b"{}", DataLevel.parse("core"), {"MOBILE": 2}, 3, frozenset({"x"}), frozenset({"610902"}), 2, 1)
    extra = {
        "reasons": ("r",),
        "persons_apart": 4,
        "persons_beside": 5,
        "unread_regions": frozenset({"紫阳县"}),
        "unread_records": ({"紫阳县": frozenset({1})},),
    }
    for args, kwargs in [(given, {}), (given, extra), (given[:4], dict(zip(_FIRST_NAMES[4:], given[4:], strict=True)))]:
        new, old = Inspection(*args, **kwargs), _DataInspection(*args, **kwargs)
        assert repr(new) == repr(old).replace("_DataInspection", "Inspection")
        assert new.findings == [] and new.find is list
        assert new == Inspection(*args, **kwargs, find=lambda: [])
    assert Inspection(*given) != Inspection(*given, reasons=("r",))


_FIRST_NAMES = ("body", "level", "entity_counts", "records", "persons", "regions", "masked", "clear")


@dataclass(frozen=True, slots=True)
class _DataGrade:
    """``grading.Grade`` as it was (2026-12-01)."""

    level: DataLevel
    reasons: tuple[str, ...]


def test_grade_compares_hashes_and_reads_as_the_dataclass() -> None:
    rng = random.Random(19)
    reasons = ("entity:RESIDENT_ID", "joined:identity+contact", "volume:>=50", "category:disability")
    for _ in range(4_000):
        one, two = [(rng.choice(list(DataLevel)), tuple(rng.sample(reasons, rng.randint(0, 2)))) for _ in range(2)]
        new_one, new_two = Grade(*one), Grade(*two)
        old_one, old_two = _DataGrade(*one), _DataGrade(*two)
        assert (new_one == new_two) == (old_one == old_two), (one, two)
        assert (new_one != new_two) == (old_one != old_two), (one, two)
        assert hash(new_one) == hash(old_one), one
        assert repr(new_one) == repr(old_one).replace("_DataGrade", "Grade")
        assert (new_one.level, new_one.reasons) == (old_one.level, old_one.reasons)
        assert new_one != old_one and new_one != one  # a Grade equals only a Grade, as the dataclass did
