"""Property tests of the scanner and the JSON/CSV walkers, through the Inspector.

Two promises: masking never changes a value that is not personal data (business keys,
amounts, dates, statuses), and a resident ID, mobile or bank card number does not get out in
any spelling an upstream or an evader may use — full-width digits, zero-width characters,
separators, +86, JSON inside a string, CSV quoting. All numbers are synthetic and
checksum-valid (tests/support/synth_people.py).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.inspect import Inspector
from classifiers.normalise import fold
from policies.masking import load_profiles
from support.synth_people import make_card, make_id

FAST = settings(max_examples=300, deadline=None)
INSPECTOR = Inspector()
CASEWORKER = load_profiles().for_roles(["caseworker"])

_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
KEYS = {
    "id": ["idNumber", "sfzh", "身份证号码", "zjhm", "idCard"],
    "mobile": ["mobile", "lxdh", "联系电话", "phone", "手机号码"],
    "card": ["payeeBankCard", "yhkh", "银行卡号", "bankAccount"],
}
CONTEXT = {"id": "身份证号", "mobile": "联系电话", "card": "银行卡号"}

ids = st.builds(
    lambda region, year, month, day, seq: make_id(region, f"{year}{month:02d}{day:02d}", f"{seq:03d}"),
    st.sampled_from(["610902", "610921", "110105", "440305", "320102"]),
    st.integers(1930, 2020),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 999),
)
# 13900000000-style placeholders are deliberately not mobiles (classifiers/entities/mobile.py).
mobiles = st.builds(
    lambda p, n: f"{p}{n:08d}",
    st.sampled_from(["139", "138", "151", "177", "186", "199"]),
    st.integers(0, 10**8 - 1).filter(lambda n: len(set(f"{n:08d}")) > 1),
)
cards = st.builds(
    lambda p, length, serial: make_card(p, length, serial),
    st.sampled_from(["622202", "622848", "621700", "623668"]),
    st.sampled_from([16, 19]),
    st.integers(1, 10**9),
)
NUMBERS = {"id": ids, "mobile": mobiles, "card": cards}


@st.composite
def spelled(draw: st.DrawFn, number: str, kind: str) -> str:
    """``number`` as someone might write it; the digits stay the same digits."""
    how = draw(st.sampled_from(["plain", "full", "zero", "sep", "mixed"] + (["+86"] if kind == "mobile" else [])))
    if how == "full":
        return number.translate(_FULL)
    if how == "zero":
        at = draw(st.lists(st.integers(1, len(number) - 1), min_size=1, max_size=3, unique=True))
        chars = list(number)
        for i in sorted(at, reverse=True):
            chars.insert(i, draw(st.sampled_from(_ZERO_WIDTH)))
        return "".join(chars)
    if how == "sep":
        sep = draw(st.sampled_from([" ", "-", "\u3000", "－"]))
        if kind == "mobile":
            return f"{number[:3]}{sep}{number[3:7]}{sep}{number[7:]}"
        return sep.join(number[i : i + 4] for i in range(0, len(number), 4))
    if how == "mixed":
        chars = [c.translate(_FULL) if draw(st.booleans()) else c for c in number]
        return "".join(chars)
    if how == "+86":
        return draw(st.sampled_from(["+86", "+86 ", "+86-", "(+86)"])) + number
    return number


_BUSINESS_KEYS = frozenset({"caseNo", "amount", "applyDate", "status", "count"})


@st.composite
def business(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "caseNo": f"AK{draw(st.integers(2019, 2025))}{draw(st.integers(0, 999999)):06d}",
        "amount": draw(st.integers(0, 10**7) | st.decimals(0, 99999, places=2).map(float)),
        "applyDate": f"{draw(st.integers(2000, 2025))}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}",
        "status": draw(st.sampled_from(["approved", "pending", "已审核", "待审批", "草稿"])),
        "count": draw(st.integers(0, 99)),
    }


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, str, str, dict[str, Any]]:
    """(body, media type, the number in canonical form, business fields of the record)."""
    charset = draw(st.sampled_from(["utf-8", "gb18030", "gbk"]))
    kind = draw(st.sampled_from(sorted(NUMBERS)))
    number = draw(NUMBERS[kind])
    shown = draw(spelled(number, kind))
    key = draw(st.sampled_from(KEYS[kind]))
    fields = draw(business())
    shape = draw(st.sampled_from(["field", "remark", "json-in-string", "key", "csv"]))
    if shape == "csv":
        out = io.StringIO()
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
        writer = csv.writer(out, quoting=quoting, lineterminator="\r\n")
        writer.writerow([*fields, key])
        writer.writerow([*fields.values(), shown])
        body, charset = _encode(out.getvalue(), charset)
        return body, f"text/csv; charset={charset}", number, fields
    record: dict[str, Any] = dict(fields)
    if shape == "field":
        record[key] = shown
    elif shape == "key":  # a map keyed by the number ({"610...": {...}})
        record[shown] = {"note": "已核实"}
    elif shape == "remark":
        record["remark"] = f"{CONTEXT[kind]}{draw(st.sampled_from(['', '：', ':', ' ']))}{shown}，已核实。"
    else:
        record["extra"] = json.dumps({key: shown}, ensure_ascii=draw(st.booleans()))
    doc = {"code": 0, "data": {"records": [record], "total": 1}}
    body, charset = _encode(json.dumps(doc, ensure_ascii=False), charset)
    return body, f"application/json; charset={charset}", number, fields


def _encode(text: str, charset: str) -> tuple[bytes, str]:
    """GBK has no zero-width characters; such a document goes out as GB18030 instead."""
    try:
        return text.encode(charset), charset
    except UnicodeEncodeError:
        return text.encode("gb18030"), "gb18030"


def _business_out(text: str, media_type: str) -> dict[str, str]:
    if media_type.startswith("text/csv"):
        header, row = list(csv.reader(io.StringIO(text)))[:2]
        return dict(zip(header, row, strict=True))
    record = json.loads(text)["data"]["records"][0]
    return {k: v for k, v in record.items() if k in _BUSINESS_KEYS}


@FAST
@given(documents())
def test_no_spelling_survives_and_business_values_stay(case: tuple[bytes, str, str, dict[str, Any]]) -> None:
    body, media_type, number, fields = case
    media, _, charset = media_type.partition("; charset=")
    result = INSPECTOR.inspect(body, media, charset, CASEWORKER)
    out = result.body.decode(charset)  # masked text goes back in the body's own charset
    folded = fold(out).text.upper()
    assert number not in folded, out
    assert result.masked >= 1
    seen = _business_out(out, media_type)
    for name, value in fields.items():
        if media_type.startswith("text/csv"):
            assert seen[name] == str(value) or seen[name] == repr(value), (name, out)
        else:
            assert seen[name] == value and type(seen[name]) is type(value), (name, out)


@FAST
@given(st.lists(business(), min_size=1, max_size=5), st.sampled_from(["json", "csv"]))
def test_a_document_without_personal_data_comes_back_unchanged(records: list[dict[str, Any]], shape: str) -> None:
    if shape == "json":
        body = json.dumps({"items": records}, ensure_ascii=False).encode()
        media_type = "application/json"
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(records[0])
        writer.writerows(r.values() for r in records)
        body, media_type = out.getvalue().encode(), "text/csv"
    result = INSPECTOR.inspect(body, media_type, None, CASEWORKER)
    assert result.body == body
    assert result.masked == 0 and result.findings == []


REFERENCE = Inspector()
PROFILES = load_profiles()


def _fresh(body: bytes, media: str, charset: str, profile: str) -> tuple[Any, ...]:
    """The outcome of an inspector that remembers nothing from earlier responses."""
    REFERENCE.detector.clean_values.clear()
    REFERENCE.detector.clean_keys.clear()
    REFERENCE.grader._graded.clear()
    return _outcome(REFERENCE.inspect(body, media, charset, PROFILES.get(profile)))


def _outcome(result: Any) -> tuple[Any, ...]:
    return (result.body, result.level, sorted(result.reasons), result.entity_counts, result.persons, result.masked)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(documents(), st.sampled_from(["clear", "caseworker", "reviewer", "statistician"])), max_size=4)
)
def test_what_is_remembered_between_responses_never_changes_an_outcome(cases: list[Any]) -> None:
    """Clean values and keys, plans and grades are kept across inspections (and callers with
    different profiles): each outcome must equal that of an inspector that kept nothing."""
    for (body, media_type, _, _), profile in cases:
        media, _, charset = media_type.partition("; charset=")
        kept = _outcome(INSPECTOR.inspect(body, media, charset, PROFILES.get(profile)))
        assert kept == _fresh(body, media, charset, profile)
