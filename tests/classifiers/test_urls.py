"""A name in a URL or a path that a body carries (classifiers/urls.py, Run._in_url): a JSON
member's ``href``, a query's ``xm=``, an HTML link, escaped in UTF-8 or GBK."""

from __future__ import annotations

import base64
import json
import time
from urllib.parse import quote

import pytest

from classifiers import urls
from classifiers.inspect import Inspector
from policies.masking import load_profiles
from support.synth_people import make_id

INSPECTOR = Inspector()
CASEWORKER = load_profiles().get("caseworker")
ID = make_id(seq="123")
MASKED_ID = ID[:6] + "********" + ID[-4:]


def _inspect(body: str, media_type: str = "application/json") -> tuple[str, dict[str, int]]:
    found = INSPECTOR.inspect(body.encode(), media_type, "utf-8", CASEWORKER)
    return found.body.decode(), found.entity_counts


def _json(**members: object) -> str:
    return json.dumps(members, ensure_ascii=False)


@pytest.mark.parametrize(
    ("body", "media_type", "masked"),
    [
        (_json(href="/persons/张伟"), "application/json", "/persons/张**"),
        (_json(url="https://x.internal/api/v1/persons/欧阳明月/detail"), "application/json", "/persons/欧阳**/detail"),
        (_json(href=f"/persons/{quote('张伟')}"), "application/json", f"/persons/{quote('张')}**"),
        (_json(href=f"/persons/{quote('张伟', encoding='gbk')}"), "application/json", "/persons/%D5%C5**"),
        (_json(next="/persons?xm=张伟&page=2"), "application/json", "/persons?xm=张**&page=2"),
        # a person's own page: a Location so named was masked, the same link in a body was not
        (_json(href="/detail/张伟"), "application/json", "/detail/张**"),
        (_json(href="/api/persons/detail/张伟"), "application/json", "/api/persons/detail/张**"),
        (_json(next=f"/search?xm={quote('张伟')}&page=2"), "application/json", f"?xm={quote('张')}**&page=2"),
        (_json(photo=f"/photos/{quote('张伟')}.jpg"), "application/json", f"/photos/{quote('张')}**.jpg"),
        ('<a href="/persons/张伟">详情</a>', "text/html", 'href="/persons/张**"'),
        (f'<img src="/avatars/{quote("张伟")}.png">', "text/html", f'src="/avatars/{quote("张")}**.png"'),
        ('<form action="/residents/张伟/edit"></form>', "text/html", 'action="/residents/张**/edit"'),
        ("链接,编号\r\n/persons/张伟,1\r\n", "text/csv", "/persons/张**,1"),
    ],
)
def test_a_name_in_a_url_is_masked(body: str, media_type: str, masked: str) -> None:
    out, counts = _inspect(body, media_type)
    assert masked in out
    assert "张伟" not in out and "欧阳明月" not in out
    assert counts == {"PERSON_NAME": 1}


def test_a_column_of_links_is_read() -> None:
    """A list of records whose link names each person: the column's pre-check (no digits, no
    context word) skipped the column whole. Also once such a link was seen alone: a URL is
    never remembered as clean."""
    _inspect(_json(href="/persons/张伟"))
    items = [{"id": i, "href": f"/persons/{name}"} for i, name in enumerate(["张伟", "李娜", "王芳"])]
    out, counts = _inspect(_json(items=items))
    assert [item["href"] for item in json.loads(out)["items"]] == ["/persons/张**", "/persons/李**", "/persons/王**"]
    assert counts == {"PERSON_NAME": 3}


def test_a_link_headers_targets_are_read() -> None:
    """A Link header's value, as the gateway hands it over (a JSON member under its name)."""
    link = f'</api/v1/persons/张伟>; rel="self", </api/v1/persons/{quote("李娜")}>; rel="next"'
    out, counts = _inspect(_json(link=link))
    assert (
        json.loads(out)["link"] == f'</api/v1/persons/张**>; rel="self", </api/v1/persons/{quote("李")}**>; rel="next"'
    )
    assert counts == {"PERSON_NAME": 2}


def test_an_id_number_in_a_url_is_found_once() -> None:
    """The whole value's scan finds the ID number (also across slashes); the pieces it
    touched are not inspected a second time."""
    out, counts = _inspect(_json(href=f"/persons/张伟/{ID}?xm=李娜&sfzh={ID}"))
    assert ID not in out and "张伟" not in out and "李娜" not in out
    assert counts == {"RESIDENT_ID": 2, "PERSON_NAME": 2}


# Words of civil-affairs URLs that begin with a surname, under the segments a person's name
# stands under and under others; none is a name.
_WORDS = [
    "韩城",
    "王府井",
    "高龄",
    "金额",
    "平均",
    "合计",
    "余额",
    "日期",
    "王牌",
    "申请",
    "关于",
    "文件",
    "黄金",
    "方案",
    "周报",
    "季报",
    "钱包",
    "包裹",
    "康复",
    "路线",
    "向导",
    "武汉",
    "沈阳",
    "项目",
    "房屋",
    "低保",
    "特困",
    "临时救助",
    "明细",
    "汇总",
    "统计",
]


@pytest.mark.parametrize("word", _WORDS)
def test_ordinary_path_words_stay(word: str) -> None:
    urls = [
        f"/api/{word}/list",
        f"/api/v1/{word}",
        f"/reports/{quote(word)}/2024",
        f"/files/{word}.xlsx",
        f"/x?type={word}&page=1",
        f"/persons/{word}" if word in ("王府井", "高龄", "金额", "低保", "汇总") else f"/dict/{word}",
    ]
    body = _json(links=urls)
    out, counts = _inspect(body)
    assert not counts, out
    assert out == body


def test_a_path_segment_in_base64_is_read_decoded() -> None:
    """``/persons/<base64 of {"sfzh": …}>``: base64 inside a longer value was not decoded."""
    segment = base64.urlsafe_b64encode(json.dumps({"sfzh": ID}).encode()).decode().rstrip("=")
    out, counts = _inspect(_json(href=f"/persons/{segment}/detail"))
    masked = json.loads(out)["href"].split("/")[2]
    assert json.loads(base64.urlsafe_b64decode(masked + "=" * (-len(masked) % 4))) == {"sfzh": MASKED_ID}
    assert counts == {"RESIDENT_ID": 1}


def test_a_long_run_without_an_escaped_character_is_read_in_linear_time() -> None:
    """A photo's URL-escaped base64 in a text (%2F, %2B: no byte beyond ASCII): searched as one
    pattern from each of its characters, 40,000 characters took half a minute."""
    value = "照片 " + "%2F9j%2B" * 5_000 + " 完"
    started = time.perf_counter()
    assert urls.pieces(value) == []
    assert time.perf_counter() - started < 1.0
