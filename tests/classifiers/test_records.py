"""Records.combinations against the per-record definition it shortcuts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.records import Combination, Records

NAMES = ["RESIDENT_ID", "PHONE", "PERSON_NAME", "disability", "income"]
PERSONAL = frozenset({"RESIDENT_ID", "PERSON_NAME"})


def _reference(
    facts: list[tuple[bool, str, list[int]]], singles: dict[int, tuple[set[str], set[str]]]
) -> tuple[list[Combination], int]:
    """Each record's names, record by record, in the order of the records."""
    per_record: dict[int, tuple[set[str], set[str]]] = {}
    for is_entity, name, rows in facts:
        for row in rows:
            entities, categories = per_record.setdefault(row, (set(), set()))
            (entities if is_entity else categories).add(name)
    for row, (entities, categories) in singles.items():
        found, kinds = per_record.setdefault(row, (set(), set()))
        found |= entities
        kinds |= categories
    ordered = [(frozenset(e), frozenset(c)) for _, (e, c) in sorted(per_record.items())]
    return list(dict.fromkeys(ordered)), sum(1 for e, _ in ordered if e & PERSONAL)


# Row lists as an export's walk makes them: consecutive blocks whose columns share one list
# (the case the bounds make cheap), parts of a block (a column batched in part, a category
# present in some rows), and lists that span blocks or repeat rows.
_blocks = st.lists(st.integers(1, 40), min_size=1, max_size=6)


@st.composite
def _facts(draw: st.DrawFn) -> tuple[list[tuple[bool, str, list[int]]], dict[int, tuple[set[str], set[str]]]]:
    sizes = draw(_blocks)
    shared: list[list[int]] = []
    start = 0
    for size in sizes:
        shared.append(list(range(start, start + size)))
        start += size
    facts: list[tuple[bool, str, list[int]]] = []
    for _ in range(draw(st.integers(1, 12))):
        is_entity = draw(st.booleans())
        name = draw(st.sampled_from(NAMES))
        kind = draw(st.sampled_from(["shared", "part", "any"]))
        if kind == "shared":
            rows = draw(st.sampled_from(shared))  # the same list object, as one block's columns share it
        elif kind == "part":
            block = draw(st.sampled_from(shared))
            rows = draw(st.lists(st.sampled_from(block), min_size=1))
        else:
            rows = draw(st.lists(st.integers(0, start + 5), min_size=1))
        facts.append((is_entity, name, rows))
    singles = draw(
        st.dictionaries(
            st.integers(0, start + 5),
            st.tuples(st.sets(st.sampled_from(NAMES[:3])), st.sets(st.sampled_from(NAMES[3:]))),
            max_size=5,
        )
    )
    return facts, singles


@settings(max_examples=400, deadline=None)
@given(_facts())
def test_combinations_equal_record_by_record(
    case: tuple[list[tuple[bool, str, list[int]]], dict[int, tuple[set[str], set[str]]]],
) -> None:
    facts, singles = case
    records = Records()
    for is_entity, name, rows in facts:
        (records.entity_rows if is_entity else records.category_rows)(name, rows)
    for row, (entities, categories) in singles.items():
        summary = records.one(row)
        summary.entities |= entities
        summary.categories |= categories
    assert records.combinations(PERSONAL) == _reference(facts, singles)


def test_blocks_of_an_export_are_not_intersected() -> None:
    """Consecutive blocks, each with its own shared row list: one block of rows per list."""
    records = Records()
    for start in range(0, 10_000, 1000):
        rows = list(range(start, start + 1000))
        records.entity_rows("RESIDENT_ID", rows)
        records.entity_rows("PHONE", rows)
    records.category_rows("disability", [5, 2500])
    combos, with_personal = records.combinations(PERSONAL)
    assert combos == [
        (frozenset({"RESIDENT_ID", "PHONE"}), frozenset()),
        (frozenset({"RESIDENT_ID", "PHONE"}), frozenset({"disability"})),
    ]
    assert with_personal == 10_000
