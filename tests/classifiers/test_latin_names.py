"""Names in Latin letters under a name key (classifiers/entities/latin_names.py): the recognizer's
table, then through ``Inspector.inspect`` in each body format that carries keys."""

from __future__ import annotations

import json

import pytest

from classifiers.entities.latin_names import is_latin_name
from support.inspected import ROLES, body_leaks, leaks, out, unchanged
from support.synth_people import make_id


@pytest.mark.parametrize(
    ("value", "strong", "weak"),
    [
        # pinyin, either order, capitals, tone marks, hyphens, one word
        ("Zhang Wei", True, True),
        ("ZHANG Wei", True, True),
        ("Wei Zhang", True, True),
        ("Zhāng Wěi", True, True),
        ("Lǚ Xiǎomíng", True, True),
        ("Zhang Xiao-ming", True, True),
        ("Ouyang Nana", True, True),
        ("Zhang, Wei", True, True),
        ("Li Na", True, True),
        ("Zhangwei", True, False),
        ("OUYANGNANA", True, False),
        # a minority name, a foreigner's: under a key that names a person only
        ("Tashi Dorje", True, False),
        ("Abdukerim·Tursun", True, False),
        ("Maria J. Garcia", True, False),
        # no one's, or no name
        ("Unknown", False, False),
        ("N/A", False, False),
        ("null", False, False),
        ("Test User", False, False),
        ("Zhang", False, False),  # a surname alone
        ("Basic Allowance", True, False),
        ("Huawei", True, False),  # hua + wei: as a login spells a name, under a name key
        ("Gao Ling Bu Tie", True, False),  # four words: a plan's name in pinyin under ``name``
        ("张伟", False, False),  # the CJK name tests' (name_tests.is_keyed_name)
        ("Zhang Wei 3", False, False),
        ("ZW-001", False, False),
        ("zhang.wei@example.org", False, False),
        ("", False, False),
    ],
)
def test_is_latin_name(value: str, strong: bool, weak: bool) -> None:
    assert is_latin_name(value, require_surname=False) is strong
    assert is_latin_name(value, require_surname=True) is weak


ID = make_id()


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        (json.dumps({"xm": "Zhang Wei", "sfzh": ID}), "application/json"),
        (json.dumps({"姓名": "Zhāng Wěi"}, ensure_ascii=False), "application/json"),
        (json.dumps({"applicant": {"name": "Zhang Wei", "phone": "13912345678"}}), "application/json"),
        (json.dumps([{"xm": "Li Na", "sfzh": ID}, {"xm": "Zhang Wei", "sfzh": ID}] * 3), "application/json"),
        (f"xm,sfzh\nLi Na,{ID}\nZhang Wei,{ID}\n", "text/csv"),
        (f"xm=Zhang+Wei&sfzh={ID}", "application/x-www-form-urlencoded"),
        ("<r><xm>Zhang Wei</xm></r>", "application/xml"),
        # Full-width letters and an ideographic space: in clear before (the name was read unfolded).
        (json.dumps({"xm": "Ｚｈａｎｇ　Ｗｅｉ"}, ensure_ascii=False), "application/json"),
        (json.dumps({"xm": "ＬＩ ＮＡ"}, ensure_ascii=False), "application/json"),
        (json.dumps({"xm": "Zhang\u200bWei Li"}), "application/json"),
    ],
)
def test_a_name_in_latin_letters_under_a_name_key_is_masked(body: str, media_type: str) -> None:
    """Before: each went out in clear (the name tests read CJK only)."""
    body_leaks(body, media_type, ["Wei", "Wěi", "Li Na", "Ｗｅｉ", "ＬＩ"])


@pytest.mark.parametrize(
    "doc",
    [
        {"name": "Basic Allowance", "amount": 300},
        {"name": "Huawei"},
        {"xm": "Unknown"},
        {"xm": "N/A"},
        {"remark": "Zhang Wei"},  # no name key: a remark is read by the text passes
        {"xm": "ＵＮＫＮＯＷＮ"},
    ],
)
def test_latin_words_that_are_no_name_stay(doc: dict[str, object]) -> None:
    body = json.dumps(doc)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role)) == doc, role


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # After a Latin key in text (an English interface, a log line, a query string as text):
        # the text passes read a CJK value only, and an ASCII text not at all.
        ("name: Zhang Wei\nphone: 13912345678", ["Zhang", "Wei"]),
        (f"xm=Zhang Wei&sfzh={ID}", ["Zhang", "Wei"]),
        ("applicant name: Zhang Wei", ["Zhang", "Wei"]),
        (f"Name: Li Na, ID {ID}", ["Li Na"]),
        ("xm: Zhang Wei，电话13912345678", ["Zhang", "Wei"]),
        ("applicantName: Zhang\u200bWei", ["Zhang", "Wei"]),
        # Full-width letters and invisible characters, after a Latin key or a Chinese label.
        ("Name: Ｚｈａｎｇ Ｗｅｉ", ["Ｚｈａｎｇ", "Ｗｅｉ"]),
        ("联系人：Ｚｈａｎｇ Ｗｅｉ", ["Ｚｈａｎｇ", "Ｗｅｉ"]),
        ("姓名：ＺＨＡＮＧ\u3000ＷＥＩ", ["ＺＨＡＮＧ", "ＷＥＩ"]),
        ("姓名：Zhang\u200bWei", ["Zhang", "Wei"]),
        ("姓名：Ｚｈａｎｇｗｅｉ（张伟）", ["Ｚｈａｎｇｗｅｉ", "张伟"]),
    ],
)
def test_a_name_in_latin_letters_after_its_key_in_text_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "name: Basic Allowance",
        "status: Done, name=Huawei",
        "项目名称：Ｂａｓｉｃ Ａｌｌｏｗａｎｃｅ",
        "姓名：ＮＵＬＬ",
        "user=zhangwei",
        "https://example.org/a?b=c",
        "2024-03-15 10:30:00 INFO ok",
        "type: Basic, level=High",
    ],
)
def test_latin_words_after_a_key_in_text_that_are_no_name_stay(text: str) -> None:
    unchanged(text)
