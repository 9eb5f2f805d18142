"""``Inspector.inspect`` as a whole: masks per profile, grading and volume, encodings of a body,
errors and limits, and JSON shapes kept."""

import json
from urllib.parse import quote_plus

import pytest

from classifiers.inspect import Inspection, InspectionError, Inspector
from classifiers.levels import DataLevel
from policies.masking import load_profiles
from support.synth_people import make_id, make_person

PROFILES = load_profiles()


INSPECTOR = Inspector()


PEOPLE = [make_person(i) for i in range(10)]


DOC = {"code": 0, "msg": "ok", "data": {"records": PEOPLE, "total": 10}}


BODY = json.dumps(DOC, ensure_ascii=False).encode()


def inspect_json(role: str, body: bytes = BODY) -> Inspection:
    return INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.for_roles([role]))


def test_caseworker_masks_everything_personal() -> None:
    result = inspect_json("caseworker")
    out = result.body.decode()
    for person in PEOPLE:
        for field in ("idNumber", "mobile", "payeeBankCard", "homeAddress"):
            assert str(person[field]) not in out
        assert str(person["name"]) not in out
    masked = json.loads(out)["data"]["records"]
    first = PEOPLE[0]
    assert masked[0]["name"] == str(first["name"])[0] + "**"
    assert masked[0]["idNumber"] == str(first["idNumber"])[:6] + "********" + str(first["idNumber"])[-4:]
    assert masked[0]["mobile"] == str(first["mobile"])[:3] + "****" + str(first["mobile"])[-4:]
    assert masked[0]["homeAddress"] == "陕西省安康市汉滨区***"
    assert masked[0]["caseNo"] == first["caseNo"] and masked[0]["amount"] == first["amount"]
    assert result.records == 10
    assert result.persons == frozenset(str(p["idNumber"]) for p in PEOPLE)
    assert result.entity_counts == {
        "PERSON_NAME": 10,
        "RESIDENT_ID": 10,
        "MOBILE": 10,
        "ADDRESS": 10,
        "BANK_CARD": 10,
    }
    assert result.masked == 50 and result.clear == 0
    assert result.level is DataLevel.IMPORTANT
    assert all(str(first["idNumber"]) not in f.evidence for f in result.findings)
    assert result.findings[0].path == "$.data.records[0].name"


def test_strict_redacts() -> None:
    result = inspect_json("outsourced")
    records = json.loads(result.body)["data"]["records"]
    assert {records[0][k] for k in ("name", "idNumber", "mobile", "payeeBankCard")} == {"[已屏蔽]"}
    assert result.masked == 50
    assert inspect_json("nobody-knows-this-role").body == result.body


def test_clear_profile_leaves_body_unchanged() -> None:
    result = inspect_json("service_payment")
    assert result.body == BODY
    assert result.clear == 50 and result.masked == 0
    assert len(result.persons) == 10


def test_volume_makes_core() -> None:
    body = json.dumps([make_person(i) for i in range(50)], ensure_ascii=False).encode()
    result = inspect_json("caseworker", body)
    assert result.records == 50 and result.level is DataLevel.CORE


def test_volume_counts_persons_outside_the_record_list() -> None:
    """A page nested where no record list is looked for counted as one record for the volume
    rule, while the release stage's limits counted each person: 50 persons without ID numbers
    under ``payload.entries`` were graded below core."""
    entries = [{"xm": make_person(i)["name"], "sjhm": f"139{i:08d}"} for i in range(50)]
    body = json.dumps({"payload": {"entries": entries}}, ensure_ascii=False).encode()
    result = inspect_json("caseworker", body)
    assert result.records < 50 <= result.persons_apart  # the shape this is about
    assert result.level is DataLevel.CORE and "volume:>=50" in result.reasons


def test_minor_is_important_even_without_other_identity() -> None:
    body = json.dumps({"note": f"儿童身份证{make_id(birth='20200101')}"}).encode()
    result = inspect_json("caseworker", body)
    assert result.level is DataLevel.IMPORTANT and "category:minor" in result.reasons


def test_gbk_csv() -> None:
    person = PEOPLE[3]
    text = f"姓名,身份证号码,联系电话,金额\r\n{person['name']},{person['idNumber']},{person['mobile']},600\r\n"
    result = INSPECTOR.inspect(text.encode("gbk"), "text/csv", "GBK", PROFILES.get("caseworker"))
    out = result.body.decode("gbk")
    assert str(person["idNumber"]) not in out and str(person["mobile"]) not in out
    assert out.startswith("姓名,身份证号码,联系电话,金额\r\n" + str(person["name"])[0] + "**,")
    assert out.endswith(",600\r\n")
    assert result.records == 1
    assert {f.path for f in result.findings} >= {"row 1 col 身份证号码"}


def test_utf16_with_bom_text() -> None:
    text = f"申请人：张伟，身份证号{make_id()}"
    body = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    result = INSPECTOR.inspect(body, "text/plain", "utf-16", PROFILES.get("strict"))
    assert result.body.startswith(b"\xff\xfe")
    assert result.body[2:].decode("utf-16-le") == "申请人：[已屏蔽]，身份证号[已屏蔽]"


def test_form_body() -> None:
    body = f"sfzh={make_id()}&amount=5".encode()
    result = INSPECTOR.inspect(body, "application/x-www-form-urlencoded", None, PROFILES.get("strict"))
    assert result.body == "sfzh=%5B已屏蔽%5D&amount=5".replace("已屏蔽", "%E5%B7%B2%E5%B1%8F%E8%94%BD").encode()


@pytest.mark.parametrize(
    ("form", "masked"),
    [
        # GBK escapes (张三 is D5C5 C8FD): a legacy system's query; UTF-8 escapes as before.
        ("xm=%D5%C5%C8%FD&page=1", f"xm={quote_plus('张**', safe='*', encoding='gbk')}&page=1"),
        (f"bz={quote_plus('申请人张三', encoding='gbk')}", f"bz={quote_plus('申请人张**', safe='*', encoding='gbk')}"),
        ("xm=%E5%BC%A0%E4%B8%89&page=1", f"xm={quote_plus('张**', safe='*')}&page=1"),
    ],
    ids=["gbk-value", "gbk-text", "utf8-value"],
)
def test_a_form_escaped_in_gbk_is_read_in_gbk(form: str, masked: str) -> None:
    """Escapes that are no UTF-8 were decoded to replacement characters: the name in a GBK
    query (a legacy system's redirect) went out in clear."""
    result = INSPECTOR.inspect(form.encode(), "application/x-www-form-urlencoded", "utf-8", PROFILES.get("caseworker"))
    assert result.body.decode() == masked and result.entity_counts["PERSON_NAME"] == 1


@pytest.mark.parametrize(
    ("body", "media", "charset", "code"),
    [
        (b'{"a": 1', "application/json", "utf-8", "unparseable"),
        (b"", "application/json", None, "unparseable"),
        ("{}".encode("utf-16-le"), "application/json", "utf-16", "unsupported_encoding"),
        ("姓名".encode("gbk"), "text/plain", "utf-8", "unsupported_encoding"),
        (b"x", "text/plain", "big5", "unsupported_encoding"),
        (b"\x89PNG", "image/png", None, "unsupported_encoding"),
    ],
)
def test_errors(body: bytes, media: str, charset: str | None, code: str) -> None:
    with pytest.raises(InspectionError) as info:
        INSPECTOR.inspect(body, media, charset, PROFILES.get("strict"))
    assert info.value.code == code and str(info.value)


def test_too_large() -> None:
    with pytest.raises(InspectionError, match="exceeds") as info:
        Inspector(max_bytes=100).inspect(b"x" * 101, "text/plain", None, PROFILES.get("strict"))
    assert info.value.code == "too_large"


def test_problem_json_media_type_and_no_charset() -> None:
    body = json.dumps({"detail": f"bad id {make_id()}"}).encode()
    result = INSPECTOR.inspect(body, "application/problem+json", None, PROFILES.get("statistician"))
    assert json.loads(result.body) == {"detail": "bad id <RESIDENT_ID>"}


def test_json_shapes_keep_their_structure() -> None:
    """Key order, numbers, nesting and JSON inside strings, through the column walker."""
    id_number = make_id(birth="19750203")
    doc = {
        "code": 0,
        "data": {
            "records": [
                {"b": 1, "sfzh": id_number, "mobile": 13912345678, "ok": True, "x": 1.5},
                {"nested": {"sfzh": id_number}, "remark": json.dumps({"sfzh": id_number})},
            ],
            "total": 2,
        },
    }
    result = inspect_json("strict", json.dumps(doc).encode())
    out = json.loads(result.body)
    assert result.records == 2
    first, second = out["data"]["records"]
    assert list(first) == ["b", "sfzh", "mobile", "ok", "x"]
    assert first["mobile"] == "[已屏蔽]"  # a JSON number carrying a phone is masked into a string
    assert (first["b"], first["ok"], first["x"], out["data"]["total"]) == (1, True, 1.5, 2)
    assert second["nested"]["sfzh"] == "[已屏蔽]"
    assert json.loads(second["remark"]) == {"sfzh": "[已屏蔽]"}
    assert id_number not in result.body.decode()
    paths = {f.path for f in result.findings}
    assert "$.data.records[1].remark(json)$.sfzh" in paths
