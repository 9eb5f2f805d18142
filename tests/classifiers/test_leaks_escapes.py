"""Names and labels written as URL escapes, base64 or backslash-u escapes inside text, through
``Inspector.inspect``; and escapes of nothing personal that must stay."""

from __future__ import annotations

import base64
import json
import re

import pytest

from support.inspected import ROLES, json_leaks, leaks, out, unchanged
from support.synth_people import make_id

ID = make_id()
X_ID = make_id(seq="003")  # its check character is X


_ESCAPED = "%E5%BC%A0%E4%BC%9F"  # 张伟 in UTF-8, URL-escaped


@pytest.mark.parametrize(
    "text",
    [
        f"详见 http://x.gov.cn/a?xm={_ESCAPED}&sfzh={ID}",
        f"详见http://x.gov.cn/a?xm={_ESCAPED}&page=2。",
        f"回调地址：/api/persons?name={_ESCAPED}",
        f"链接 https://x.gov.cn/persons/{_ESCAPED}, 请查收",
        f"GET /query?xm={_ESCAPED} 200",
        f"参数 xm={_ESCAPED}&sfzh=1",
        f"(见 http://x/a?xm={_ESCAPED})",
    ],
)
def test_an_escaped_name_in_a_url_inside_text(text: str) -> None:
    leaks(text, [_ESCAPED])


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("详见 http://x/a?xm=%E5%BC%A0+%E4%BC%9F", "%E5%BC%A0+%E4%BC%9F"),
        ("详见 http://x/a?xm=%E5%BC%A0%20%E4%BC%9F", "%E5%BC%A0%20%E4%BC%9F"),
        ("http://x/a?xm=%E5%BC%A0+%E4%BC%9F", "%E5%BC%A0+%E4%BC%9F"),
        ("http://x/a?xm=%E5%BC%A0%20%E4%BC%9F", "%E5%BC%A0%20%E4%BC%9F"),
    ],
)
def test_an_escaped_name_parted_by_a_space_in_a_url(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "详见 http://x.gov.cn/a?q=%E6%B0%91%E6%94%BF&page=2",  # q=民政: no name's key
        "下载 http://x.gov.cn/files/%E9%80%9A%E7%9F%A5.pdf",  # /files/通知.pdf
        "进度 50%，完成 80%",
        "参数 status=%E6%AD%A3%E5%B8%B8",  # status=正常
    ],
)
def test_escaped_urls_of_nothing_personal_in_text_stay(text: str) -> None:
    unchanged(text, also_json=False)


def test_an_escaped_name_in_a_column_of_remarks() -> None:
    """A column of such texts is not skipped by its pre-check (columns.maybe)."""
    records = [{"bz": f"详见 http://x/a?xm={_ESCAPED}", "je": 100}, {"bz": "参数 xm=%E6%9D%8E%E5%A8%9C", "je": 200}]
    json_leaks({"records": records}, [_ESCAPED, "%E6%9D%8E%E5%A8%9C"])


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "text",
    [
        f"附件:{_b64('张伟 ' + ID)}",
        f"备注：材料 {_b64('张伟，13912345678')} 已上传",
        f"payload={_b64('姓名：张伟')}&type=1",
        f"见附件（{_b64('身份证号' + ID).rstrip('=')}）",
    ],
)
def test_text_in_base64_inside_a_longer_text(text: str) -> None:
    secret = re.search("[A-Za-z0-9+/]{16,}=*", text)
    assert secret is not None
    leaks(text, [secret.group()])


def test_text_in_base64_inside_a_column_of_remarks() -> None:
    records = [{"bz": f"附件:{_b64('张伟 ' + ID)}", "je": 100}, {"bz": f"附件:{_b64('李娜 ' + X_ID)}", "je": 200}]
    json_leaks({"records": records}, [_b64("张伟 " + ID), _b64("李娜 " + X_ID)])


def test_text_in_base64_inside_a_longer_text_is_masked_in_place() -> None:
    masked = out(f"附件:{_b64('张伟 ' + ID)} 已审核", "text/plain", "outsourced")
    assert masked.startswith("附件:") and masked.endswith(" 已审核"), masked
    inner = base64.b64decode(masked[len("附件:") : -len(" 已审核")]).decode()
    assert "张伟" not in inner and ID not in inner, inner


@pytest.mark.parametrize(
    "text",
    [
        f"附件:{_b64('办理完成')} 已审核",  # text in base64 holding nothing personal
        "token=AbCdEfGhIjKlMnOpQrStUvWx",  # mixed case, no text when decoded
        "sha256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= 校验通过",
        "案件编号 AK2024000123456789 已受理",
        "md5 9e107d9d372bb6826bd81d3542a419d6",
        "路径 /data/exports/monthlyReportFinal/2024",
    ],
)
def test_base64_shaped_runs_of_nothing_personal_stay(text: str) -> None:
    unchanged(text, also_json=False)


_ESCAPED_LABEL = "%E5%A7%93%E5%90%8D%3A%E5%BC%A0%E4%BC%9F"  # 姓名:张伟, percent-escaped, no "=" in it


@pytest.mark.parametrize(
    "text",
    [
        _ESCAPED_LABEL,
        f"备注：{_ESCAPED_LABEL}",
        f"2024-03-01 12:00:01 INFO payload {_ESCAPED_LABEL} done",
        f"备注：{_ESCAPED_LABEL}，已审核",
    ],
)
def test_a_percent_escaped_label_and_name_outside_a_url(text: str) -> None:
    leaks(text, [_ESCAPED_LABEL])


def test_a_percent_escaped_label_outside_a_url_is_masked_in_place() -> None:
    masked = out(f"备注：{_ESCAPED_LABEL}，已审核", "text/plain", "outsourced")
    assert masked.startswith("备注：%E5%A7%93%E5%90%8D%3A") and masked.endswith("，已审核"), masked


@pytest.mark.parametrize(
    "text",
    [
        "进度 100%，完成率 95%",
        "折扣 %E6%97%A0",  # 无, escaped
        "%E5%8A%9E%E7%90%86%E5%AE%8C%E6%88%90",  # 办理完成, escaped
        "%20%20%41",
    ],
)
def test_percent_escapes_of_nothing_personal_stay(text: str) -> None:
    unchanged(text, also_json=False)


def test_a_percent_escaped_label_and_name_inside_a_column_of_remarks() -> None:
    records = [{"bz": f"备注 {_ESCAPED_LABEL}", "je": 100}, {"bz": "无", "je": 200}] * 3
    json_leaks({"records": records}, [_ESCAPED_LABEL])


def _u(text: str) -> str:
    """``text`` with every character beyond ASCII written as a ``\\u`` escape, as a log writes JSON."""
    return "".join(char if char.isascii() else f"\\u{ord(char):04x}" for char in text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (_u("姓名：张伟"), _u("张伟")),
        (_u('{"xm":"张伟","sfzh":"x"}'), _u("张伟")),
        ("[INFO] request body=" + _u('{"hzxm":"扎西多吉"}') + " status=200", _u("扎西多吉")),
        (_u("户主张伟已核实"), _u("张伟")),
        ("备注：" + _u("联系人：李娜"), _u("李娜")),
        (_u("申请人：王芳，") + ID, ID),
    ],
)
def test_a_name_written_in_backslash_u_escapes(text: str, secret: str) -> None:
    for role in ROLES:  # (not _leaks: JSON writes the backslash of a value's escape twice)
        assert secret not in out(text, "text/plain", role), (role, text)
        masked = out(json.dumps({"bz": text}, ensure_ascii=False), "application/json", role)
        assert secret not in json.loads(masked)["bz"], (role, text)


def test_backslash_u_escapes_are_masked_in_place() -> None:
    masked = out("line1\n" + _u("姓名：张伟") + " ok\nline3", "text/plain", "outsourced")
    assert _u("张伟") not in masked, masked
    assert masked.startswith("line1\n" + _u("姓名：")) and masked.endswith(" ok\nline3"), masked
    assert "\\u" in masked.splitlines()[1] and masked.splitlines()[1].isascii(), masked


def test_backslash_u_escapes_inside_a_column_of_remarks() -> None:
    records = [{"bz": _u("姓名：张伟"), "je": 100}, {"bz": "无", "je": 200}] * 3
    body = json.dumps({"records": records}, ensure_ascii=False)
    for role in ROLES:
        masked = json.loads(out(body, "application/json", role))
        assert all(_u("张伟") not in record["bz"] for record in masked["records"]), (role, masked)


@pytest.mark.parametrize(
    "text",
    [
        _u("办理完成"),
        _u('{"status":"已审核","je":"100"}'),
        "path C:\\users\\data",
        "\\u0041\\u0042",
    ],
)
def test_backslash_u_escapes_of_nothing_personal_stay(text: str) -> None:
    unchanged(text, also_json=False)
