"""The column fast paths (keyed batches, column-wise CSV, memoised detection) against the
value-by-value reference: same bodies, counts, persons, grades and findings. The reference
is made by replacing the fast paths' functions, which the compiled inspector would not see:
those tests are marked ``pure_python`` (tests/support/pure_python.py)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from classifiers import detect, detections, fastcsv, inspect, run, structured
from classifiers.columnbatch import ColumnBatch
from classifiers.fastjson import ColumnWalker
from classifiers.inspect import Inspection, Inspector
from demo.generate import generate
from demo.views import persons_csv
from policies.masking import load_profiles
from support.corpus import corpus
from support.synth_people import make_card, make_id

INSPECTOR = Inspector()
PROFILES = load_profiles()


def _reference_csv(text: str, value: Any, plan_of: Any, *_: Any, **__: Any) -> tuple[str, bool, int]:
    """The cell-by-cell CSV walker, fed through the same visitor."""
    return structured.walk_csv(text, lambda c: value(c.text, plan_of(c.key), c.record, c.path, c.scan))


def _outcome(result: Inspection) -> tuple[Any, ...]:
    findings = sorted((f.path, f.entity, f.start, f.end, f.score, f.evidence) for f in result.findings)
    return (
        result.body,
        result.level,
        tuple(sorted(result.reasons)),  # the order of reasons follows set iteration
        result.entity_counts,
        result.persons,
        result.regions,
        result.masked,
        result.clear,
        findings,
    )


def _both(body: bytes, media_type: str, profile: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    chosen = PROFILES.get(profile)
    fast = _outcome(INSPECTOR.inspect(body, media_type, None, chosen))
    with monkeypatch.context() as m:
        m.setattr(ColumnBatch, "keyed", lambda self, items, column, *rest: (list(range(len(column))), False))
        m.setattr(ColumnBatch, "category", lambda self, *args: False)
        m.setattr(inspect.fastcsv, "walk_csv", _reference_csv)
        m.setattr(detections, "_CLEAN_MAX_CHARS", -1)  # nothing remembered across inspections
        INSPECTOR.detector.clean_values.clear()
        INSPECTOR.detector.clean_keys.clear()
        slow = _outcome(INSPECTOR.inspect(body, media_type, None, chosen))
    return fast, slow


@pytest.mark.pure_python
@pytest.mark.parametrize("profile", ["caseworker", "statistician", "reviewer"])
def test_corpus_fast_equals_value_by_value(profile: str, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [d for d in corpus(600, seed=11) if d.kind != "text"]
    assert {d.kind for d in docs} == {"json", "csv"}
    for doc in docs:
        fast, slow = _both(doc.body, doc.media_type, profile, monkeypatch)
        assert fast == slow, doc.body.decode()[:300]


ID, ID2 = make_id(seq="123"), make_id(region="610921", birth="20150704", seq="456")
CARD = make_card("622848", 19, 77)
FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@pytest.mark.pure_python
@pytest.mark.parametrize(
    "body",
    [
        f'姓名,身份证号码,银行卡号,备注\r\n张三,{ID},{CARD},"配偶李四,身份证号{ID2}"\r\n王五,{ID2},,无\r\n',
        f"xm,sfzh,csrq\n张三,{ID},1976-03-01\n\n王五,{ID2.translate(FULL)},2015/07/04\n李,{ID[:9]}\u200b{ID[9:]}\n",
        f"户主,{ID}\n配偶,{ID2}\r\n",  # no header row, mixed line ends
        f"name,phone\n张三,139 1234 5678\n,\n王五,13912345678,extra,{ID}\n",  # ragged rows
    ],
)
def test_csv_shapes_fast_equals_value_by_value(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for profile in ("caseworker", "statistician"):
        fast, slow = _both(body.encode(), "text/csv", profile, monkeypatch)
        assert fast == slow


# Category keys (disability, income) across records: present, absent ("否", 0, false, null,
# missing), floats, embedded JSON, a keyed entity beside them, a nested list of objects.
_CATEGORY_DOCS = [
    {"items": [{"xm": "张三", "disabilityGrade": g, "monthlyIncome": m} for g, m in rows]}
    for rows in (
        [("二级", 1200.5), ("否", 0), (None, 0.0), ("无", None), (" ", 3)],
        [(True, "0"), (False, "none"), (2, "NULL"), (0, " 800 ")],
    )
] + [
    {"items": [{"sfzh": ID, "disabilityType": '{"level": 2}'}, {"sfzh": ID2, "disabilityType": "肢体"}]},
    {"items": [{"xm": "李四"}, {"xm": "王五", "income": 900}]},
    {"household": {"members": [{"disability": "视力"}, {"disability": ""}], "income": [100, 0]}},
    {"a": {"disabilityGrade": "一级", "x": 1}, "b": {"disabilityGrade": "否", "x": 2}},
]


@pytest.mark.pure_python
@pytest.mark.parametrize("doc", _CATEGORY_DOCS)
def test_category_columns_fast_equals_value_by_value(doc: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.dumps(doc, ensure_ascii=False).encode()
    for profile in ("caseworker", "statistician"):
        fast, slow = _both(body, "application/json", profile, monkeypatch)
        assert fast == slow


def test_category_column_grades_only_records_with_a_value() -> None:
    rows = [{"xm": "张三", "disabilityGrade": "二级"}] + [{"xm": "李四", "disabilityGrade": "否"}] * 3
    result = INSPECTOR.inspect(json.dumps({"items": rows}).encode(), "application/json", None, PROFILES.get("strict"))
    combos, _ = _combinations(rows)
    assert ({"PERSON_NAME"}, {"disability"}) in combos and ({"PERSON_NAME"}, set()) in combos
    assert "disability" in " ".join(result.reasons)


def _combinations(rows: list[dict[str, Any]]) -> tuple[list[tuple[set[str], set[str]]], int]:
    """The (entities, categories) per record that a fresh run records for ``rows``."""
    seen = run.Run(INSPECTOR.detector, PROFILES.get("strict"))
    walker = ColumnWalker(
        seen.value,
        INSPECTOR.detector.plan,
        seen.finds,
        seen.keyed_column,
        seen.category_rows,
        set(),
        set(),
        seen.region_values,
        seen.found,
        INSPECTOR.detector.member_name_plan,
    )
    walker.walk_document({"items": rows})
    combos, with_personal = seen.records.combinations(INSPECTOR.grader.personal_entities)
    return [(set(e), set(c)) for e, c in combos], with_personal


def test_clean_values_are_remembered_and_found_ones_are_not() -> None:
    detector = INSPECTOR.detector
    detector.clean_values.clear()
    body = json.dumps({"items": [{"bankName": "中国农业银行", "sfzh": ID, "bz": f"身份证{ID2}"}]}, ensure_ascii=False)
    INSPECTOR.inspect(body.encode(), "application/json", None, PROFILES.get("strict"))
    remembered = {value for _, value in detector.clean_values}
    assert "中国农业银行" in remembered
    assert not any(ID in v or ID2 in v for v in remembered)
    # Bounded: once full, the set starts again instead of growing.
    for i in range(detections._CLEAN_MAX_ENTRIES + 10):
        detector.clean_values.add((0, f"v{i}"))
    INSPECTOR.inspect(b'{"status": "approved-x"}', "application/json", None, PROFILES.get("strict"))
    assert len(detector.clean_values) <= detections._CLEAN_MAX_ENTRIES + 10
    assert len(detector.clean_values) < 10


def test_keyed_column_with_disguised_values() -> None:
    """Clean values go in one batch, disguised ones one by one; every one is masked whole."""
    shown = [ID, ID.translate(FULL), f"{ID[:6]}\u200b{ID[6:]}", f"{ID[:6]} {ID[6:14]} {ID[14:]}", ID2]
    rows = "".join(f'{{"sfzh":"{v}","je":1}},' for v in shown).rstrip(",")
    result = INSPECTOR.inspect(f'{{"data":[{rows}]}}'.encode(), "application/json", None, PROFILES.get("statistician"))
    assert result.body.decode().count("<RESIDENT_ID>") == len(shown)
    assert result.persons == frozenset({ID, ID2})
    assert "minor" in "".join(result.reasons)  # ID2 was born in 2015
    assert [f.evidence for f in result.findings][:2] == ["pattern+checksum+key:sfzh"] * 2


def test_keyed_csv_column_masks_every_row() -> None:
    ids = [make_id(seq=f"{i:03d}") for i in range(50)]
    body = "身份证号码,出生日期\n" + "".join(f"{i},{i[6:10]}-{i[10:12]}-{i[12:14]}\n" for i in ids)
    result = INSPECTOR.inspect(body.encode(), "text/csv", None, PROFILES.get("caseworker"))
    lines = result.body.decode().splitlines()[1:]
    assert lines == [f"{i[:6]}********{i[-4:]},{i[6:10]}年" for i in ids]
    assert result.entity_counts == {"RESIDENT_ID": 50, "BIRTH_DATE": 50} and result.masked == 100


@pytest.mark.parametrize("profile", ["strict", "caseworker", "reviewer", "statistician", "clear"])
@pytest.mark.parametrize(
    ("entity", "values"),
    [
        ("RESIDENT_ID", [ID, ID2.lower()[:-1] + "x"]),
        ("MOBILE", ["13912345678", "19900001111"]),
        ("BANK_CARD", [CARD, "6222020200112233"]),
        ("PERSON_NAME", ["张三", "欧阳娜娜", "李"]),
        ("ADDRESS", ["陕西省安康市汉滨区育才路1号", "汉滨区", "育才路１号"]),
        ("BIRTH_DATE", ["1976-03-01", "2015-07-04"]),
        ("EMAIL", ["user595310@example.cn", "a@163.com"]),
    ],
)
def test_apply_clean_equals_apply(profile: str, entity: str, values: list[str]) -> None:
    chosen = PROFILES.get(profile)
    assert chosen.apply_clean(entity, values) == [chosen.apply(entity, v) for v in values]


def _export_with_odd_lines() -> str:
    """A demo export (~70 KB) with, in its middle, an empty line, a row with a field too many,
    disguised and grouped numbers and a one-character name: lines a block must take one by
    one, and values that are not clean."""
    lines = persons_csv(generate(seed=9, persons_per_district=40).persons.values()).split("\r\n")
    odd = [
        "",
        f"王五,{ID2},13912345678,陕西省安康市汉滨区育才路1号,{CARD},中国银行,男,2015-07-04,P1,H1,户主,610902002001,,0,健康,extra",
        f"李,{ID.translate(FULL)},139 1234 5678,汉滨区,{CARD[:6]} {CARD[6:]},,女,1976-03-01,P2,H2,配偶,610902,一级,1200.5,",
    ]
    middle = len(lines) // 2
    return "\r\n".join(lines[:middle] + odd + lines[middle:])


@pytest.mark.pure_python
@pytest.mark.parametrize("block_chars", [1, 3000, 20_000])
def test_csv_export_in_blocks_equals_value_by_value(block_chars: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export walked in blocks (one line each, a few dozen, a few hundred; the header
    only in the first) gives what the cell-by-cell walk gives."""
    body = _export_with_odd_lines().encode()
    walk = fastcsv.walk_csv
    with monkeypatch.context() as m:
        m.setattr(inspect.fastcsv, "walk_csv", lambda *args, **kwargs: walk(*args, **kwargs, block_chars=block_chars))
        blocks = _outcome(INSPECTOR.inspect(body, "text/csv", None, PROFILES.get("caseworker")))
    fast, slow = _both(body, "text/csv", "caseworker", monkeypatch)
    assert blocks == slow
    assert fast == slow
    assert blocks[0] != body and len(blocks[4]) > 300  # masked; the persons of many blocks


def _walk_keyed(body: str, masks: Any) -> tuple[str, bool, int]:
    """fastcsv.walk_csv with keyed columns masked by `masks` and nothing else found."""
    return fastcsv.walk_csv(
        body, lambda *a: None, INSPECTOR.detector.plan, masks, lambda r, c: None, lambda v, p: [], lambda v: None
    )


def test_quoted_csv_keeps_untouched_bytes() -> None:
    body = f'"a","sfzh"\r\n"x, y",{ID}\r\n'
    text, changed, rows = _walk_keyed(body, lambda v, *a: ["M"] * len(v))
    assert (text, changed, rows) == ('"a","sfzh"\r\n"x, y",M\r\n', True, 1)


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
@pytest.mark.parametrize("ragged", [False, True])
def test_masks_holding_csv_syntax_are_quoted(delimiter: str, ragged: bool) -> None:
    """A mask (from a profile's fill or label text) holding the delimiter, a quote or a line
    end is quoted, in a table of equal lines and line by line alike (a line end between two
    delimiters too: a table of equal lines marks its own line ends so)."""
    masks = [f"a{delimiter}b", 'say "hi"', "two\r\nlines", "plain", f"a{delimiter}\n{delimiter}b"]
    lines = [f"{ID}{delimiter}{i}" + (f"{delimiter}extra" if ragged and i == 1 else "") for i in range(5)]
    body = f"sfzh{delimiter}n\n" + "\n".join(lines) + "\n"
    text, changed, rows = _walk_keyed(body, lambda v, *a: masks[: len(v)])
    parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert changed and rows == 5
    assert [r[0] for r in parsed[1:]] == masks and [r[1] for r in parsed[1:]] == ["0", "1", "2", "3", "4"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lines_whose_widths_only_add_up_are_taken_line_by_line(newline: str) -> None:
    """Lines of 4, 3 and 5 fields hold as many fields as three of 4: a block is split in one
    piece only when each line has the first's width, else its columns would be misread."""
    body = newline.join(["sfzh,a,b,c", f"{ID},1,2,3", f"{ID},4,5", f"{ID},6,7,8,9"]) + newline
    text, changed, rows = _walk_keyed(body, lambda v, *a: ["M"] * len(v))
    assert (text, changed, rows) == (body.replace(ID, "M"), True, 3)


def test_key_let_out_in_clear_is_still_masked_for_the_next_caller() -> None:
    """Keys are remembered across inspections only when nothing was found in them: a name
    the reviewer's profile shows must not make the key "clean" for a caseworker."""
    body = json.dumps({"户主张三": {"je": 1}, "配偶李四": {"je": 2}}, ensure_ascii=False).encode()
    shown = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("reviewer"))
    assert "张三" in shown.body.decode() and shown.entity_counts.get("PERSON_NAME") == 2
    masked = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("caseworker"))
    assert "张三" not in masked.body.decode() and "李四" not in masked.body.decode()
    assert masked.entity_counts.get("PERSON_NAME") == 2


def test_keys_seen_are_bounded_and_plans_stay_one_per_catalog_entry() -> None:
    """A map keyed by ID numbers must not make the detector keep every number it saw, and
    the plans that remembered clean values name (by id) are never replaced."""
    inspector = Inspector()
    detector = inspector.detector
    id_plan, unknown = detector.plan("sfzh"), detector.plan("no-such-key")
    numbers = [make_id(birth=f"19{50 + i // 1000}0101", seq=f"{i % 1000:03d}") for i in range(6000)]
    for start in range(0, len(numbers), 500):
        body = json.dumps({n: "x" for n in numbers[start : start + 500]}).encode()
        result = inspector.inspect(body, "application/json", None, PROFILES.get("strict"))
        assert numbers[start] not in result.body.decode()
    assert 0 < len(detector._plans) <= detect._PLANS_MAX
    assert detector.plan("sfzh") is id_plan and detector.plan("another-unknown") is unknown


@pytest.mark.parametrize("profile", ["caseworker", "strict", "statistician"])
def test_long_columns_mask_as_value_by_value(profile: str) -> None:
    """Long columns of one length (an export's ID numbers, mobiles, cards) and of two are
    masked by ``apply_clean`` exactly as value by value."""
    chosen = PROFILES.get(profile)
    ids = [make_id(seq=f"{i:03d}") for i in range(80)]
    mobiles = [f"139{i:08d}" for i in range(1000, 1080)]
    cards_16 = [make_card("622202", 16, i) for i in range(1, 81)]
    mixed = cards_16[:40] + [make_card("622848", 19, i) for i in range(1, 41)]  # two lengths: value by value
    for entity, values in (("RESIDENT_ID", ids), ("MOBILE", mobiles), ("BANK_CARD", cards_16), ("BANK_CARD", mixed)):
        assert chosen.apply_clean(entity, values) == [chosen.apply(entity, v) for v in values]
