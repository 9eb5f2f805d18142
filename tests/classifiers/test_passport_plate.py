"""Passport numbers and vehicle plates: the recognizer tables, the fast path, presidio and
the inspector (key evidence, free text, grading)."""

from __future__ import annotations

import json

import pytest

from classifiers.entities import licence_plate, passport
from classifiers.inspect import Inspector
from classifiers.levels import DataLevel
from classifiers.registry import analyzer_engine
from classifiers.scanner import Scanner
from policies.masking import load_profiles

SCANNER = Scanner()
ENGINE = analyzer_engine()
INSPECTOR = Inspector()
STRICT = load_profiles().get("strict")


def _found(text: str, entity: str) -> list[str]:
    return [text[m.start : m.end] for m in SCANNER.scan(text) if m.entity == entity]


def _presidio(text: str, entity: str) -> list[str]:
    return [text[r.start : r.end] for r in ENGINE.analyze(text=text, language="zh") if r.entity_type == entity]


PASSPORTS = [
    # (text, what the scan finds)
    ("护照号码：E12345678。", ["E12345678"]),
    ("护照EA1234567已过期", ["EA1234567"]),  # the series after E + 8 digits ran out
    ("持旧版护照G12345678出境", ["G12345678"]),
    ("港澳通行证C87654321", ["C87654321"]),
    ("passport: e12345678", ["e12345678"]),
    ("护照号：Ｅ１２３４５６７８", ["Ｅ１２３４５６７８"]),  # full-width, as typed on a phone
    ("公务护照SE1234567", ["SE1234567"]),
    # look-alikes: no passport's word before them, or not a passport's shape
    ("订单E12345678已发货", []),
    ("型号G12345678", []),
    ("护照E1234567", []),  # seven digits after E: no series
    ("护照E123456789", []),  # nine
    ("护照EI1234567", []),  # I is no series letter
    ("护照E00000000", []),  # a placeholder
    ("护照XE12345678", []),  # inside a longer code
]


@pytest.mark.parametrize(("text", "found"), PASSPORTS)
def test_passport(text: str, found: list[str]) -> None:
    assert _found(text, passport.ENTITY) == found


@pytest.mark.parametrize(("text", "found"), PASSPORTS)
def test_passport_presidio_agrees_where_the_context_counts(text: str, found: list[str]) -> None:
    # presidio's own context enhancer needs tokens (no NLP engine here): it reports the
    # pattern's hits below the fast path's threshold, so only the validation is compared.
    hits = _presidio(text, passport.ENTITY)
    assert set(found) <= set(hits)


PLATES = [
    ("车牌号陕G12345，", ["陕G12345"]),
    ("名下车辆陕G·D12345（新能源）", ["陕G·D12345"]),
    ("陕GD12345", ["陕GD12345"]),
    ("京A12345F", ["京A12345F"]),  # a large new-energy vehicle
    ("教练车陕G1234学", ["陕G1234学"]),
    ("粤Z1234港", ["粤Z1234港"]),
    ("京AB1C23", ["京AB1C23"]),  # two letters in the serial
    ("苏E·12345", ["苏E·12345"]),
    ("车牌：浙Ａ１２３４５", ["浙Ａ１２３４５"]),
    # Spaced as a plate is printed (陕 G 12345).
    ("车牌 陕 G 12345", ["陕 G 12345"]),
    ("车牌号：陕 G·D12345，已核实", ["陕 G·D12345"]),
    # look-alikes
    ("陕 GDP增长", []),
    ("川 A 是省会", []),
    ("京ABCDE", []),  # no digit: five letters
    ("陕G123456", []),  # six digits without D or F
    ("陕I12345", []),  # no office letter I
    ("新版A12345", []),  # no province's character before the letter
    ("沪A股12345", []),
    ("陕G12345678", []),  # inside a longer run
    ("陕陕G12345", []),  # a province's character is no serial's
]


@pytest.mark.parametrize(("text", "found"), PLATES)
def test_licence_plate(text: str, found: list[str]) -> None:
    assert _found(text, licence_plate.ENTITY) == found


@pytest.mark.parametrize(("text", "found"), PLATES)
def test_licence_plate_presidio(text: str, found: list[str]) -> None:
    assert _presidio(text, licence_plate.ENTITY) == found


@pytest.mark.parametrize(
    ("serial", "valid"),
    [
        ("陕G12345", True),
        ("陕GAB123", True),
        ("陕GD12345", True),
        ("陕GABC12", False),
        ("陕GD1234A", False),
        ("陕 G12345", True),
        ("陕G1234AD", False),
    ],
)
def test_licence_plate_validate(serial: str, valid: bool) -> None:
    assert (licence_plate.validate(serial) is not False) is valid


def _inspect(doc: object) -> tuple[dict[str, object], DataLevel, dict[str, int]]:
    body = json.dumps(doc, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(body, "application/json", None, STRICT)
    return json.loads(result.body), result.level, result.entity_counts


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("passportNo", "E12345678"),
        ("hzhm", "EA1234567"),
        ("护照号码", "E 1234 5678"),
        ("passport", "K1234567"),  # a foreign passport's shape: the key says what it is
        ("cph", "陕G12345"),
        ("plateNumber", "陕G·D12345"),
        ("hphm", "陕G 12345"),
        ("车牌号", "陕G1234学"),
    ],
)
def test_values_under_their_keys_are_masked(key: str, value: str) -> None:
    out, _, counts = _inspect({"records": [{"xm": "张伟", key: value}]})
    record = out["records"][0]  # type: ignore[index]
    assert record[key] == "[已屏蔽]", record
    assert sum(counts.values()) == 2


@pytest.mark.parametrize(("key", "value"), [("orderNo", "E12345678"), ("status", "陕G"), ("bz", "京ABCDE")])
def test_business_values_stay(key: str, value: str) -> None:
    out, _, counts = _inspect({key: value})
    assert out == {key: value} and counts == {}


def test_grading() -> None:
    _, level, _ = _inspect({"hzhm": "E12345678"})
    assert level == DataLevel.IMPORTANT  # an identity document's number, as the ID number
    _, level, _ = _inspect({"cph": "陕G12345"})
    assert level == DataLevel.GENERAL
    _, level, _ = _inspect({"records": [{"xm": "张伟", "cph": "陕G12345"}]})
    assert level == DataLevel.IMPORTANT  # a plate tied to a named person
    people = [{"xm": "张伟", "cph": f"陕G{i:05d}"} for i in range(1, 61)]
    _, level, counts = _inspect({"records": people})
    assert level == DataLevel.CORE and counts["LICENCE_PLATE"] == 60


def test_in_free_text_and_csv() -> None:
    out, level, counts = _inspect({"bz": "户主持有护照E12345678，名下车辆陕G·D12345已核查"})
    assert out == {"bz": "户主持有护照[已屏蔽]，名下车辆[已屏蔽]已核查"}
    assert counts == {"PASSPORT": 1, "LICENCE_PLATE": 1} and level == DataLevel.IMPORTANT
    csv = "序号,车牌号,护照号码,备注\n1,陕G12345,E12345678,车辆陕A8888D已过户\n"
    result = INSPECTOR.inspect(csv.encode(), "text/csv", None, STRICT)
    assert result.body.decode() == "序号,车牌号,护照号码,备注\n1,[已屏蔽],[已屏蔽],车辆[已屏蔽]已过户\n"
