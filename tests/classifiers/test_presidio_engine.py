import pytest

from classifiers.registry import analyzer_engine, recognizer_registry
from support.synth_people import make_id


def test_analyzer_engine_finds_an_id_in_a_sentence() -> None:
    number = make_id()
    text = f"申请人张伟的身份证号码是{number}，请核实。"
    results = analyzer_engine().analyze(text=text, language="zh")
    ids = [r for r in results if r.entity_type == "RESIDENT_ID"]
    assert [(text[r.start : r.end], r.score) for r in ids] == [(number, 1.0)]
    assert "PERSON_NAME" in {r.entity_type for r in results}


ENGINE = analyzer_engine()
_NUMBER = make_id()
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ZW = "\u200b"

# (text, entity, the exact original substring presidio must report)
EVASIONS = [
    (f"身份证号：{_NUMBER.translate(_FULL)}。", "RESIDENT_ID", _NUMBER.translate(_FULL)),
    (
        f"身份证号：{_NUMBER[:6]}{ZW}{_NUMBER[6:14]}{ZW}{_NUMBER[14:]}",
        "RESIDENT_ID",
        f"{_NUMBER[:6]}{ZW}{_NUMBER[6:14]}{ZW}{_NUMBER[14:]}",
    ),
    (
        f"证件 {_NUMBER[:6]} {_NUMBER[6:14]} {_NUMBER[14:]} 已核",
        "RESIDENT_ID",
        f"{_NUMBER[:6]} {_NUMBER[6:14]} {_NUMBER[14:]}",
    ),
    (
        f"身份证号{_NUMBER[:6]}\u2060{_NUMBER[6:].translate(_FULL)}",
        "RESIDENT_ID",
        f"{_NUMBER[:6]}\u2060{_NUMBER[6:].translate(_FULL)}",
    ),
    ("联系电话：１３９１２３４５６７８", "MOBILE", "１３９１２３４５６７８"),
    (f"手机139{ZW}1234{ZW}5678，请回电", "MOBILE", f"139{ZW}1234{ZW}5678"),
    ("电话 139-1234-5678", "MOBILE", "139-1234-5678"),
    ("手机：＋８６ １３９ １２３４ ５６７８", "MOBILE", "＋８６ １３９ １２３４ ５６７８"),
    ("卡号６２２２\u200d０２１２３４５６７８９０１２８", "BANK_CARD", "６２２２\u200d０２１２３４５６７８９０１２８"),
]


@pytest.mark.parametrize(("text", "entity", "expected"), EVASIONS)
def test_analyzer_engine_sees_through_evasions_with_original_offsets(text: str, entity: str, expected: str) -> None:
    hits = [r for r in ENGINE.analyze(text=text, language="zh") if r.entity_type == entity]
    assert [text[r.start : r.end] for r in hits] == [expected]
    assert hits[0].start == text.index(expected)


def test_two_grouped_mobiles_back_to_back_are_two_findings() -> None:
    text = "联系人电话 139 1234 5678 138 0013 8000"
    hits = [r for r in ENGINE.analyze(text=text, language="zh") if r.entity_type == "MOBILE"]
    assert [text[r.start : r.end] for r in hits] == ["139 1234 5678", "138 0013 8000"]


@pytest.mark.parametrize(
    "text", ["金额 1,234.56 元", "编号２０２３０００１", f"流水号{_NUMBER[:-1]}{'0' if _NUMBER[-1] != '0' else '1'}"]
)
def test_folding_finds_nothing_where_there_is_nothing(text: str) -> None:
    found = {r.entity_type for r in ENGINE.analyze(text=text, language="zh")}
    assert not found & {"RESIDENT_ID", "MOBILE", "BANK_CARD"}


def test_the_registry_holds_our_recognizers_for_every_entity() -> None:
    registry = recognizer_registry()
    assert {type(r).__module__.rsplit(".", 1)[0] for r in registry.recognizers} == {"classifiers.recognizers"}
    entities = {e for r in registry.recognizers for e in r.supported_entities}
    assert entities == {
        "RESIDENT_ID",
        "MOBILE",
        "LANDLINE",
        "BANK_CARD",
        "EMAIL",
        "USCC",
        "PASSPORT",
        "SOCIAL_SECURITY_CARD",
        "REGISTER_NUMBER",
        "LICENCE_PLATE",
        "PERSON_NAME",
        "ADDRESS",
        "IMAGE",
        "BIRTH_DATE",
    }


def test_a_name_presidio_resolves_to_another_class_stops_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    # Presidio looks `predefined` names up among every EntityRecognizer subclass loaded, in no
    # set order: its own EmailRecognizer once shadowed ours in one process out of two.
    from presidio_analyzer.predefined_recognizers import EmailRecognizer
    from presidio_analyzer.recognizer_registry.recognizers_loader_utils import RecognizerListLoader

    found = RecognizerListLoader.get_existing_recognizer_cls
    monkeypatch.setattr(
        RecognizerListLoader,
        "get_existing_recognizer_cls",
        staticmethod(
            lambda recognizer_name: (
                EmailRecognizer if recognizer_name == "FoldedEmailRecognizer" else found(recognizer_name)
            )
        ),
    )
    with pytest.raises(RuntimeError, match=r"\['EmailRecognizer'\] resolved to classes outside"):
        recognizer_registry()
