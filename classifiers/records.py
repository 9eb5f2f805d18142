"""What was found in each record, kept per column where a whole column decides it.

Grading needs, per record (array item, CSV row, or the whole document), the set of
entities and of categories found in it. Values visited one by one add to a per-record
``RecordSummary``; a keyed column or a category column of a 26,000-row export adds one
fact — (entity or category, the rows it holds) — instead of 26,000 set insertions. The
grader then looks at each distinct (entities, categories) combination once: rows are
split into blocks that the same facts cover (C-level set operations, one pass per
fact), and only the records with a summary of their own are combined one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from .grading import RecordSummary

Combination = tuple[frozenset[str], frozenset[str]]  # (entities, categories)


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
        sets: dict[int, set[int]] = {}  # columns of one table share their row list
        facts = [
            (is_entity, name, sets[id(rows)] if id(rows) in sets else sets.setdefault(id(rows), set(rows)))
            for is_entity, name, rows in self._facts
        ]
        everything = set().union(*sets.values())
        bulk_only = everything - self.single.keys()
        # Blocks of rows covered by the same facts: (rows, entities, categories). The name
        # sets are a block's own, so a fact covering the whole block adds to them in place.
        blocks: list[tuple[set[int], set[str], set[str]]] = [(bulk_only, set(), set())] if bulk_only else []
        for is_entity, name, rows in facts:
            split: list[tuple[set[int], set[str], set[str]]] = []
            whole = len(rows) == len(everything)  # the fact covers every row: no block splits
            for block in blocks:
                members, entities, categories = block
                inside = members if whole else members & rows
                if not inside:
                    split.append(block)
                    continue
                if len(inside) < len(members):
                    split.append((members - inside, entities, categories))
                    block = (inside, set(entities), set(categories))
                (block[1] if is_entity else block[2]).add(name)
                split.append(block)
            blocks = split
        ranked: list[tuple[int, Combination, int]] = [
            (min(members), (frozenset(entities), frozenset(categories)), len(members))
            for members, entities, categories in blocks
        ]
        for index, summary in self.single.items():
            found, kinds = set(summary.entities), set(summary.categories)
            for is_entity, name, rows in facts:
                if index in rows:
                    (found if is_entity else kinds).add(name)
            ranked.append((index, (frozenset(found), frozenset(kinds)), 1))
        ranked.sort(key=lambda item: item[0])
        with_personal = sum(count for _, (entities, _), count in ranked if entities & personal)
        return list(dict.fromkeys(combination for _, combination, _ in ranked)), with_personal
