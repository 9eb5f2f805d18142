from classifiers.registry import analyzer_engine
from support.synth_people import make_id


def test_analyzer_engine_finds_an_id_in_a_sentence() -> None:
    number = make_id()
    text = f"申请人张伟的身份证号码是{number}，请核实。"
    results = analyzer_engine().analyze(text=text, language="zh")
    ids = [r for r in results if r.entity_type == "RESIDENT_ID"]
    assert [(text[r.start : r.end], r.score) for r in ids] == [(number, 1.0)]
    assert "PERSON_NAME" in {r.entity_type for r in results}
