"""Entity types a deployment declares (inspection.custom_entities, classifiers/custom.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from classifiers.custom import parse
from classifiers.inspect import Inspector
from classifiers.levels import DataLevel
from classifiers.registry import analyzer_engine
from policies.masking import load_profiles
from support.declared_entities import DIBAO_CERT

DECLARED: dict[str, Any] = {
    "DIBAO_CERT": DIBAO_CERT,
    "TEKUN_CERT": {
        "patterns": [{"regex": "TK-[0-9]{3}-[0-9]{3}", "score": 0.3}],
        "context": ["特困供养证"],
        "english": ["tekunCertNo"],
        "level": "general",
    },
    # Five digits and no '@': the built-in pre-check (precheck.MAYBE) sees nothing in it.
    "FOSTER_CERT": {"patterns": [{"regex": "(?<![A-Z])ET[0-9]{5}(?![0-9])"}], "level": "core"},
}
INSPECTOR = Inspector(custom_entities=DECLARED)
LABELS = load_profiles().get("statistician")  # <ENTITY> labels: says which entity was found


def _inspect(doc: object, inspector: Inspector = INSPECTOR) -> tuple[Any, DataLevel, dict[str, int]]:
    body = json.dumps(doc, ensure_ascii=False).encode()
    result = inspector.inspect(body, "application/json", None, LABELS)
    return json.loads(result.body), result.level, result.entity_counts


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"dbzh": "DB6109020001"}, {"dbzh": "<DIBAO_CERT>"}),
        ({"低保证号": "6109020001"}, {"低保证号": "<DIBAO_CERT>"}),  # the key's claim: another shape
        ({"bz": "低保证ＤＢ６１０９０２０００１已发放"}, {"bz": "低保证<DIBAO_CERT>已发放"}),  # full-width
        ({"bz": "证号DB 6109 0200 01"}, {"bz": "证号<DIBAO_CERT>"}),  # grouped digits
        ({"bz": "特困供养证TK-123-456"}, {"bz": "特困供养证<TEKUN_CERT>"}),  # separators as declared
        ({"tekunCertNo": "TK-123-456"}, {"tekunCertNo": "<TEKUN_CERT>"}),
        ({"bz": "TK-123-456"}, {"bz": "TK-123-456"}),  # under the threshold without context or key
        ({"dbzh": "无"}, {"dbzh": "无"}),  # under its key, a value without a digit is no number
        ({"lsh": "DB6109020001"}, {"lsh": "DB6109020001"}),  # a business key: only checksums count
    ],
)
def test_declared_entities_are_found_and_masked(doc: object, expected: object) -> None:
    assert _inspect(doc)[0] == expected


def test_a_column_the_built_in_pre_check_skips_is_read_for_declared_entities() -> None:
    rows = [{"ref": f"ET{i:05d}", "n": i} for i in range(1, 41)]
    out, level, counts = _inspect({"records": rows})
    assert {r["ref"] for r in out["records"]} == {"<FOSTER_CERT>"}
    assert counts == {"FOSTER_CERT": 40} and level == DataLevel.CORE  # its declared level
    # without the declaration the column is skipped whole, as before
    assert _inspect({"records": rows}, Inspector())[2] == {}


def test_grading_and_volume() -> None:
    assert _inspect({"dbzh": "DB6109020001"})[1] == DataLevel.IMPORTANT
    people = [{"dbzh": f"DB61090200{i:02d}"} for i in range(60)]
    _, level, _ = _inspect({"records": people})
    assert level == DataLevel.CORE  # declared entities are personal data: the volume rule counts them


def test_the_deep_analysis_path_has_them_too() -> None:
    text = "低保证DB6109020001，特困供养证TK-123-456"
    found = {(r.entity_type, text[r.start : r.end]) for r in analyzer_engine(DECLARED).analyze(text, language="zh")}
    assert {("DIBAO_CERT", "DB6109020001"), ("TEKUN_CERT", "TK-123-456")} <= found


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        ({"dibao": {"patterns": [{"regex": "DB[0-9]{10}"}]}}, "UPPER_SNAKE_CASE"),
        ({"MOBILE": {"patterns": [{"regex": "DB[0-9]{10}"}]}}, "built-in"),
        ({"DIBAO": {"patterns": []}}, "at least one pattern"),
        ({"DIBAO": {"patterns": [{"regex": "DB[0-9"}]}}, "invalid regular expression"),
        ({"DIBAO": {"patterns": [{"regex": "[0-9]*"}]}}, "empty string"),
        ({"DIBAO": {"patterns": [{"regex": "DB", "score": 1.5}]}}, "(0, 1]"),
        ({"DIBAO": {"patterns": [{"regex": "DB"}], "level": "secret"}}, "unknown data level"),
        ({"DIBAO": {"patterns": [{"regex": "DB"}], "pinyin": "dbzh"}}, "list of non-empty strings"),
        ({"DIBAO": {"patterns": [{"regex": "DB"}], "keys": ["dbzh"]}}, "unknown fields ['keys']"),
    ],
)
def test_a_wrong_declaration_is_named(declared: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=r"inspection\.custom_entities") as error:
        parse(declared)
    assert message in str(error.value)


def test_a_csv_column_the_built_in_pre_check_skips_too() -> None:
    body = "ref,n\n" + "".join(f"ET{i:05d},{i}\n" for i in range(1, 41))
    result = INSPECTOR.inspect(body.encode(), "text/csv", None, LABELS)
    assert result.body.decode().splitlines()[1:3] == ["<FOSTER_CERT>,1", "<FOSTER_CERT>,2"]
    assert result.entity_counts == {"FOSTER_CERT": 40}


def test_every_built_in_entity_is_a_name_a_declaration_cannot_take() -> None:
    from classifiers.custom import BUILT_IN
    from classifiers.grading import Grader

    assert set(Grader.load().entity_levels) | {"PHONE"} == BUILT_IN
