"""Grade a response: general / important / core, the highest applicable level winning."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalog import LOADER
from .custom import CustomEntity
from .levels import DataLevel

DEFAULT_PATH = Path(__file__).with_name("grading.yaml")
_GRADED_MAX = 1024


@dataclass(init=False)
class RecordSummary:
    """What was found in one record (array item, CSV row, or the whole document)."""

    entities: set[str]
    categories: set[str]

    # Written out: mypyc compiles it, where the ``__init__`` a dataclass writes is Python code run by
    # the interpreter (~1,900 instructions a record, nine records an inspection of the corpus document).
    def __init__(self, entities: set[str] | None = None, categories: set[str] | None = None) -> None:
        self.entities = set() if entities is None else entities
        self.categories = set() if categories is None else categories


class Grade:
    """A response's level and the reasons above general. A plain class: mypyc builds it by a C
    call, where the frozen dataclass it was ran the ``__init__`` the dataclasses module writes
    in the interpreter (~3,300 instructions, one an inspection). Compared, hashed and printed
    by its fields as the dataclass was; unlike it, not frozen (nothing sets a field)."""

    __slots__ = ("level", "reasons")

    def __init__(self, level: DataLevel, reasons: tuple[str, ...]) -> None:
        self.level = level
        self.reasons = reasons

    def __eq__(self, other: object) -> bool:
        if type(other) is not Grade:
            return NotImplemented
        return self.level == other.level and self.reasons == other.reasons

    def __hash__(self) -> int:
        return hash((self.level, self.reasons))

    def __repr__(self) -> str:
        return f"Grade(level={self.level!r}, reasons={self.reasons!r})"


class Grader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.entity_levels = {k: DataLevel.parse(v) for k, v in (data.get("entities") or {}).items()}
        joined = data.get("joined") or {}
        self.joined_level = DataLevel.parse(joined.get("level", "important"))
        self.joined_entities = frozenset(joined.get("entities") or ())
        self.identities = frozenset(joined.get("identities") or ())
        self.category_levels = {k: DataLevel.parse(v) for k, v in (data.get("categories") or {}).items()}
        volume = data.get("volume") or {}
        self.volume_persons = int(volume.get("persons", 50))
        self.volume_level = DataLevel.parse(volume.get("level", "core"))
        self.personal_entities = frozenset(volume.get("personal_entities") or ())
        # The level and reasons of each (entities, categories) combination, worked out once:
        # responses of a route repeat a handful of combinations. Bounded: emptied when full.
        self._graded: dict[tuple[frozenset[str], frozenset[str]], tuple[DataLevel, tuple[str, ...]]] = {}

    @classmethod
    def load(cls, path: Path | None = None, custom: tuple[CustomEntity, ...] = ()) -> Grader:
        """The grading rules, with the level of each entity a deployment declares (custom.py);
        a declared entity is personal data (it counts for the volume rule)."""
        with (path or DEFAULT_PATH).open(encoding="utf-8") as fh:
            grader = cls(yaml.load(fh, Loader=LOADER) or {})  # libyaml's parser (catalog.LOADER)
        for entity in custom:
            grader.entity_levels[entity.spec.entity] = entity.level
        grader.personal_entities |= {entity.spec.entity for entity in custom}
        return grader

    def persons_estimate(self, records: Iterable[RecordSummary], ids: int) -> int:
        """Distinct ID numbers, or records holding personal data when that is larger.

        A list of 1,000 names and phones without ID numbers is still data about 1,000 people.
        """
        with_personal = sum(1 for r in records if r.entities & self.personal_entities)
        return max(ids, with_personal)

    def grade(self, records: Iterable[RecordSummary], ids: int) -> Grade:
        records = list(records)
        distinct = dict.fromkeys((frozenset(r.entities), frozenset(r.categories)) for r in records)
        return self.grade_combinations(distinct, sum(1 for r in records if r.entities & self.personal_entities), ids)

    def grade_combinations(
        self, combinations: Iterable[tuple[frozenset[str], frozenset[str]]], with_personal: int, ids: int
    ) -> Grade:
        """The grade from each distinct (entities, categories) of the records, in order of
        first appearance (the reasons keep that order), and the number of records holding
        personal data (an export of 30,000 rows has a handful of combinations)."""
        level = DataLevel.GENERAL
        reasons: dict[str, None] = {}  # in order of first appearance
        graded = self._graded
        for combination in combinations:
            found = graded.get(combination)
            if found is None:
                if len(graded) >= _GRADED_MAX:
                    graded.clear()
                found = graded[combination] = self._grade_one(*combination)
            if found[0] > level:
                level = found[0]
            reasons.update(dict.fromkeys(found[1]))
        if max(ids, with_personal) >= self.volume_persons:
            level = max(level, self.volume_level)
            if self.volume_level > DataLevel.GENERAL:
                reasons[f"volume:>={self.volume_persons}"] = None
        return Grade(level, tuple(reasons))

    def _grade_one(self, entities: frozenset[str], categories: frozenset[str]) -> tuple[DataLevel, tuple[str, ...]]:
        """The level of one combination, and the reasons above general, in order."""
        level = DataLevel.GENERAL
        reasons: dict[str, None] = {}

        def raise_to(candidate: DataLevel, reason: str) -> None:
            nonlocal level
            if candidate > level:
                level = candidate
            if candidate > DataLevel.GENERAL:
                reasons[reason] = None

        for entity in entities:
            raise_to(self.entity_levels.get(entity, DataLevel.GENERAL), f"entity:{entity}")
            if entity in self.joined_entities and (entities & self.identities) - {entity}:
                raise_to(self.joined_level, f"joined:{entity}")
        for category in categories:
            raise_to(self.category_levels.get(category, DataLevel.GENERAL), f"category:{category}")
        return level, tuple(reasons)
