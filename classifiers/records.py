"""What was found in each record, kept per column where a whole column decides it.

Grading needs, per record (array item, CSV row, or the whole document), the set of
entities and of categories found in it. Values visited one by one add to a per-record
``RecordSummary``; a keyed column or a category column of a 26,000-row export adds one
fact — (entity or category, the rows it holds) — instead of 26,000 set insertions. The
grader then looks at each distinct (entities, categories) combination once: rows are
split into blocks that the same facts cover (C-level set operations, one pass per
group of facts sharing their rows), and only the records with a summary of their own are combined one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from .grading import RecordSummary

Combination = tuple[frozenset[str], frozenset[str]]  # (entities, categories)
_BOUNDS_FROM = 4  # blocks
_UNBOUNDED = (-(1 << 60), 1 << 60)  # bounds not worked out: every block may overlap


class Records:
    def __init__(self) -> None:
        self.single: dict[int, RecordSummary] = {}
        self._facts: list[tuple[bool, str, Sequence[int]]] = []  # (is entity, name, rows)

    def one(self, index: int) -> RecordSummary:
        """The summary of one record, for values visited one by one."""
        summary = self.single.get(index)
        if summary is None:
            summary = self.single[index] = RecordSummary()
        return summary

    def entity_rows(self, entity: str, rows: Sequence[int]) -> None:
        """``entity`` was found in each record of ``rows`` (repeats allowed)."""
        if rows:
            self._facts.append((True, entity, rows))

    def category_rows(self, category: str, rows: Sequence[int]) -> None:
        if rows:
            self._facts.append((False, category, rows))

    def combinations(self, personal: frozenset[str]) -> tuple[list[Combination], int]:
        """The distinct (entities, categories) of the records, ordered by their first
        record, and how many records hold an entity of ``personal``."""
        # Facts sharing a row list (the columns of one table, or of one block of an export)
        # are one group: one set of rows, the names of all its facts.
        groups: dict[int, tuple[set[int], set[str], set[str]]] = {}
        for is_entity, name, rows in self._facts:
            group = groups.get(id(rows))
            if group is None:
                group = groups[id(rows)] = (set(rows), set(), set())
            (group[1] if is_entity else group[2]).add(name)
        # Blocks of rows covered by the same groups: (rows, entities, categories, lowest,
        # highest row). A group's rows outside every block so far make a block of their own;
        # a block it covers in part is split. The bounds skip, without a set operation,
        # the blocks a group cannot touch (an export's blocks follow each other); worked
        # out once there are a few blocks to skip (a JSON document has one to three).
        blocks: list[tuple[set[int], set[str], set[str], int, int]] = []
        for group_rows, entities, categories in groups.values():
            low, high = (min(group_rows), max(group_rows)) if len(blocks) >= _BOUNDS_FROM else _UNBOUNDED
            split: list[tuple[set[int], set[str], set[str], int, int]] = []
            covered: list[set[int]] = []
            inside_rows = 0
            for block in blocks:
                members, block_entities, block_categories, block_low, block_high = block
                if high < block_low or block_high < low:
                    split.append(block)
                    continue
                whole = len(members) <= len(group_rows) and members <= group_rows  # no new set
                inside = members if whole else members & group_rows
                if not inside:
                    split.append(block)
                    continue
                covered.append(inside)
                inside_rows += len(inside)
                if not whole:
                    split.append((members - inside, block_entities, block_categories, block_low, block_high))
                split.append(
                    (
                        inside,
                        block_entities | entities if entities else block_entities,
                        block_categories | categories if categories else block_categories,
                        block_low if whole else low,
                        block_high if whole else high,
                    )
                )
            # Blocks share their sets with groups and other blocks: none is changed in place.
            if not covered:
                split.append((group_rows, entities, categories, low, high))
            elif inside_rows < len(group_rows):
                split.append((group_rows.difference(*covered), entities, categories, low, high))
            blocks = split
        ranked: list[tuple[int, Combination, int]] = []
        singles = self.single.keys()
        for members, entities, categories, _, _ in blocks:
            if singles:
                members = members - singles  # a record with a summary of its own is ranked below
            if members:
                ranked.append((min(members), (frozenset(entities), frozenset(categories)), len(members)))
        for index, summary in self.single.items():
            found, kinds = set(summary.entities), set(summary.categories)
            for group_rows, entities, categories in groups.values():
                if index in group_rows:
                    found |= entities
                    kinds |= categories
            ranked.append((index, (frozenset(found), frozenset(kinds)), 1))
        ranked.sort(key=itemgetter(0))
        with_personal = sum(count for _, (entities, _), count in ranked if entities & personal)
        return list(dict.fromkeys(combination for _, combination, _ in ranked)), with_personal
