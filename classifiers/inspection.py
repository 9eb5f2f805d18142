"""What an inspection of one response body yields (``Inspection``), or why there is none
(``InspectionError``: the gateway then refuses the response).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .levels import DataLevel
from .run import Finding


class InspectionError(Exception):
    """The body could not be inspected; ``code`` is machine-readable, str() says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(init=False)
class Inspection:
    body: bytes
    level: DataLevel
    entity_counts: dict[str, int]
    records: int
    persons: frozenset[str]  # raw 18-character ID numbers: the gateway tokenises, then drops them
    regions: frozenset[str]  # 行政区划代码 found under region keys (catalog `regions`)
    masked: int
    clear: int
    reasons: tuple[str, ...]
    # Objects outside the answer's record list that hold a person's name or ID number, in the
    # JSON documents walked (persons.Persons.apart): the records a page nested
    # deeper, GraphQL's edges or a household's members stand for.
    persons_apart: int
    # Of those, the persons in the envelope beside the record list that its records do not
    # name, by ID number or by name and phone (persons.Persons.beside): they
    # count with the records, not instead of them.
    persons_beside: int
    # Values under region keys that are no 行政区划代码 (a name: 紫阳县): regions not judged.
    unread_regions: frozenset[str]
    # Per text inspected (the body, then each header added): each such value, and the records
    # holding it that hold no code of their own (Run.unread_records).
    unread_records: tuple[dict[str, frozenset[int]], ...]
    # Builds the findings when first read: the gateway never reads them (counts suffice).
    find: Callable[[], list[Finding]] = field(repr=False, compare=False)

    # Written out (the dataclass keeps its eq and repr): mypyc compiles it, where the __init__ the
    # dataclasses module writes is Python code run by the interpreter (~7,000 instructions an
    # inspection, 0.5 % of the demo document's).
    def __init__(
        self,
        body: bytes,
        level: DataLevel,
        entity_counts: dict[str, int],
        records: int,
        persons: frozenset[str],
        regions: frozenset[str],
        masked: int,
        clear: int,
        reasons: tuple[str, ...] = (),
        persons_apart: int = 0,
        persons_beside: int = 0,
        unread_regions: frozenset[str] = frozenset(),
        unread_records: tuple[dict[str, frozenset[int]], ...] = (),
        find: Callable[[], list[Finding]] = list,
    ) -> None:
        self.body = body
        self.level = level
        self.entity_counts = entity_counts
        self.records = records
        self.persons = persons
        self.regions = regions
        self.masked = masked
        self.clear = clear
        self.reasons = reasons
        self.persons_apart = persons_apart
        self.persons_beside = persons_beside
        self.unread_regions = unread_regions
        self.unread_records = unread_records
        self.find = find

    @cached_property
    def findings(self) -> list[Finding]:
        """Every finding (path, entity, span, score, evidence), in walk order."""
        return self.find()

    def add(self, other: Inspection) -> None:
        """Count ``other`` (of text that goes out beside the body: a response header) with
        this inspection: the higher level, and the reasons, counts, persons and masked/clear
        values of both. Records and findings stay the body's."""
        self.level = max(self.level, other.level)
        self.reasons += tuple(r for r in other.reasons if r not in self.reasons)
        counts = dict(self.entity_counts)
        for entity, n in other.entity_counts.items():
            counts[entity] = counts.get(entity, 0) + n
        self.entity_counts = counts
        self.persons |= other.persons
        self.regions |= other.regions
        self.unread_regions |= other.unread_regions
        self.unread_records += other.unread_records  # its records are none of the body's
        self.masked += other.masked
        self.clear += other.clear
