"""Numbers in the shapes JSON and text give them: beyond a double, shadowed by a duplicate key,
in other scripts, as HTML character references, with a bare 86, grouped by slashes, percent-escaped;
and personal data in base64."""

import base64
import json
import re

import pytest

from support.inspected import INSPECTOR, PROFILES
from support.synth_people import make_id

ID_A, ID_B = make_id(seq="101"), make_id(seq="202")


# With 1e400 in it, orjson refuses the body; json then keeps 1e-400 and 17 digits too.
_NUMBERS = ["1e400", "-1e400", "1e-400", "1" * 400, "1.0000000000000000000001", "0.10000000000000001", "2.5E+308"]


@pytest.mark.parametrize(
    ("body", "media", "charset"),
    [
        ('{{"sfzh":"{id}","n":[{n}]}}', "application/json", None),  # bytes read by orjson
        ('{{"sfzh":"{id}","n":[{n}]}}', "application/json", "gbk"),  # decoded first
        ('{{"sfzh":"{id}","n":[{n}]}}', "text/html", None),  # JSON under another type
        ('{{"sfzh":"{id}","n":[{n}]}}\n{{"x":1}}', "application/x-ndjson", None),
        ('{{"inner":"{{\\"sfzh\\":\\"{id}\\",\\"n\\":[{n}]}}"}}', "application/json", None),  # in a string
    ],
)
def test_numbers_a_double_cannot_hold_go_out_as_sent(body: str, media: str, charset: str | None) -> None:
    """A masked body is written from its parse: 1e400 went out as Infinity (no JSON, the
    client refused the body), 1e-400 as 0.0 and 1.0000000000000000000001 as 1.0."""
    sent = body.format(id=ID_A, n=",".join(_NUMBERS))
    out = INSPECTOR.inspect(sent.encode(), media, charset, PROFILES.get("strict")).body.decode(charset or "utf-8")
    assert ID_A not in out and "Infinity" not in out
    for line in out.splitlines():
        json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} is no JSON"))
    assert f"[{','.join(_NUMBERS)}]" in out.replace('\\"', '"')


@pytest.mark.parametrize(
    "body",
    [
        '{{"msg":"ok","idNumber":"{id}","idNumber":null}}',
        '{{"a":"\\u003a","x":"{id}","x":1}}',  # an escaped colon must not balance the count
        '{{"note":"{{\\"sfzh\\":\\"{id}\\",\\"sfzh\\":null}}"}}',  # inside JSON inside a string
    ],
)
def test_a_value_shadowed_by_a_duplicate_key_does_not_go_out(body: str) -> None:
    """A parser keeps the last of duplicate keys, so the walk never sees the others; the raw
    body, which goes out when nothing changed, must not carry them."""
    result = INSPECTOR.inspect(body.format(id=make_id()).encode(), "application/json", None, PROFILES.get("strict"))
    assert make_id().encode() not in result.body


def test_a_clean_document_with_colons_in_strings_goes_out_as_it_came() -> None:
    body = b'{"time": "10:00:00", "url": "http://x/y", "k:ey": {"a": [1, "b:c"]}}'
    assert INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict")).body == body


@pytest.mark.parametrize(
    "spelling",
    [
        "".join(chr(0x0660 + int(d)) for d in make_id()),  # Arabic-Indic digits
        "".join(chr(0x0966 + int(d)) for d in make_id()),  # Devanagari digits
        "\ufe0f".join(make_id()),  # variation selectors between the digits
        "\u20e3".join(make_id()),  # combining keycap marks
        "\U000e0031".join(make_id()),  # tag characters
    ],
)
def test_digits_of_other_scripts_and_attached_marks_are_folded(spelling: str) -> None:
    body = json.dumps({"x": spelling}, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert result.entity_counts == {"RESIDENT_ID": 1}


def _refs(text: str, form: str = "&#{};") -> str:
    return "".join(form.format(ord(c)) for c in text)


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        (_refs(ID_A), ID_A[:6] + "********" + ID_A[-4:]),
        ("身份证号 " + _refs(ID_A, "&#x{:x};"), "身份证号 " + ID_A[:6] + "********" + ID_A[-4:]),
        (_refs("13912345678", "&#{}"), "139****5678"),  # without ";", as browsers read them too
    ],
    ids=["decimal", "hex-in-text", "no-semicolon"],
)
def test_numbers_as_html_character_references_in_json_are_masked(value: str, masked: str) -> None:
    """A JSON value a page writes into HTML shows &#54;&#49;… as the digits: as written no
    pattern found them, under sfzh or not, alone or in a column."""
    records = [{"xm": _refs("张伟"), "remark": value}, {"xm": "李娜", "remark": "无"}]
    body = json.dumps({"one": value, "items": records}).encode()
    result = INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.get("caseworker"))
    out = json.loads(result.body)
    assert out["one"] == masked and out["items"][0]["remark"] == masked
    assert [r["xm"] for r in out["items"]] == ["张**", "李**"]


def _b64(text: str, url_safe: bool = False) -> str:
    encoded = base64.b64encode(text.encode(), altchars=b"-_" if url_safe else None).decode()
    return encoded.rstrip("=") if url_safe else encoded


B64_RECORD = json.dumps({"xm": "张三", "sfzh": ID_A, "lxdh": "13912345678"}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        # JSON in base64 in a JSON string (a payload, an opaque cursor under a business key),
        # URL-safe without padding, and text in base64.
        ({"code": 0, "payload": _b64(B64_RECORD)}, "application/json"),
        ({"id": _b64(B64_RECORD, url_safe=True)}, "application/json"),
        ({"items": [{"bz": _b64(f"申请人张三，身份证号{ID_A}")}, {"bz": _b64("无")}]}, "application/json"),
        ({"items": [{"ext": _b64(B64_RECORD)}, {"ext": ""}]}, "application/json"),  # by column
        (f"编号,附件\n1,{_b64(B64_RECORD)}\n", "text/csv"),
        (_b64(B64_RECORD), "text/plain"),
    ],
    ids=["json", "url-safe-business-key", "text", "column", "csv", "whole-body"],
)
def test_personal_data_in_base64_is_masked_and_encoded_again(body: object, media: str) -> None:
    """Text in base64 went out encoded, ID number, name and phone and all: no pattern finds
    them in its letters."""
    raw = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    result = INSPECTOR.inspect(raw.encode(), media, "utf-8", PROFILES.get("caseworker"))
    tokens = re.findall(r"[A-Za-z0-9+/_-]{24,}=*", result.body.decode())
    inner = [
        base64.b64decode(t + "=" * (-len(t) % 4), altchars=b"-_" if "-" in t or "_" in t else None) for t in tokens
    ]
    decoded = [t.decode() for t in inner]
    assert decoded and not [t for t in decoded if ID_A in t or "张三" in t or "13912345678" in t]
    assert any(ID_A[:6] + "********" in t for t in decoded)
    assert result.entity_counts["RESIDENT_ID"] == 1


@pytest.mark.parametrize(
    "value",
    [
        _b64("nothing personal in here, only words"),
        "0123456789abcdef0123456789abcdef",  # a hex digest
        "dGhpcyBpcyBub3QgdXRmLTgg/w==",  # bytes that are no UTF-8 text
        base64.b64encode(bytes(range(256)) * 2).decode(),  # binary, no file's signature
    ],
)
def test_base64_without_personal_data_stays(value: str) -> None:
    body = json.dumps({"token": value}).encode()
    result = INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.get("caseworker"))
    assert result.body == body and not result.findings


@pytest.mark.parametrize(
    ("body", "media"),
    [
        ("联系 8613912345678 谢谢", "text/plain"),
        ("tel:8613912345678", "text/plain"),
        ('{"bz": "回拨8613912345678"}', "application/json"),
        ('{"phone": "8613912345678"}', "application/json"),
        ("联系 86 13912345678 / 86-139-1234-5678", "text/plain"),
    ],
)
def test_a_mobile_with_a_bare_86_prefix_is_masked(body: str, media: str) -> None:
    out = INSPECTOR.inspect(body.encode(), media, "utf-8", PROFILES.get("statistician")).body.decode()
    assert "1391234" not in out and "12345678" not in out and "5678" not in out
    assert "<MOBILE>" in out


GROUPED_ID = make_id("610902", "19470415", "817")


@pytest.mark.parametrize(
    "spelling",
    [
        "139/1234/5678",
        "139_1234_5678",
        "１３９／１２３４／５６７８",  # full-width digits and slashes
        "139＿1234＿5678",
        f"{GROUPED_ID[:6]}/{GROUPED_ID[6:14]}/{GROUPED_ID[14:]}",
        f"{GROUPED_ID[:6]}_{GROUPED_ID[6:14]}_{GROUPED_ID[14:]}",
    ],
)
def test_digits_grouped_by_slashes_or_underscores_are_found_in_free_text(spelling: str) -> None:
    digits = "".join(c for c in spelling if c.isdigit())
    label = PROFILES.get("statistician")
    text = INSPECTOR.inspect(f"请回电 {spelling} 谢谢".encode(), "text/plain", "utf-8", label).body.decode()
    assert text in ("请回电 <MOBILE> 谢谢", "请回电 <RESIDENT_ID> 谢谢")
    # in a remark column, and an ID number under a business key (checksummed, so taken there too)
    rows = [{"bz": f"备注{spelling}", "amount": k} | ({"lsh": spelling} if len(digits) == 18 else {}) for k in range(3)]
    body = json.dumps({"data": {"records": rows}}, ensure_ascii=False).encode()
    out = INSPECTOR.inspect(body, "application/json", "utf-8", label).body.decode()
    assert digits[-4:] not in out and out.count("<") == (6 if len(digits) == 18 else 3)


def test_slashes_and_underscores_that_group_no_number_stay() -> None:
    text = (
        "2024/01/15 办结，比例 3/4，见 /api/v1/items/2024/0115 与 img_2024_0115_1530.jpg，1920/1080，"
        "1990/01/15 123，15/01/1990 123，统计 1\t150\t2000\t3000"
    )
    result = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.get("statistician"))
    assert result.body.decode() == text


def _escaped(digits: str) -> str:
    return "".join(f"%{ord(c):02X}" for c in digits)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (f"q=1&sfzh={_escaped(GROUPED_ID)}&x=1", "text/plain"),
        (f"GET /api/cx?sjhm={_escaped('13912345678')} HTTP/1.1", "text/plain"),
        (f"sjhm=139{_escaped('12345678')}", "text/plain"),  # some digits escaped
        (json.dumps({"url": f"https://x.gov.cn/cx?q={_escaped(GROUPED_ID)}"}), "application/json"),
        (json.dumps({"sfzh": _escaped(GROUPED_ID)}), "application/json"),
        (json.dumps([{"lsh": _escaped(GROUPED_ID)}, {"lsh": "A1"}]), "application/json"),  # a business column
        (f"sfzh={_escaped(GROUPED_ID)}&x=1", "application/x-www-form-urlencoded"),  # decoded by the form walker
    ],
)
def test_percent_escaped_digits_are_found(body: str, media: str) -> None:
    out = INSPECTOR.inspect(body.encode(), media, "utf-8", PROFILES.get("statistician")).body.decode()
    assert "%3" not in out.replace("%3C", "").replace("%3E", "")  # no escaped digit left, not even a part of one
    assert "RESIDENT_ID" in out or "MOBILE" in out
