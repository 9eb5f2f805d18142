"""Response headers inspected with the caller's profile (gateway/stages/inspect.py)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from typing import Any
from urllib.parse import quote

import pytest

from classifiers.inspect import Inspector
from gateway.exchange import Exchange, Principal, Request, Response
from gateway.stages.inspect import Inspect
from policies.keys import Pseudonymizer
from policies.masking import MaskingProfiles, load_profiles
from support.synth_people import make_id

ID = make_id(seq="123")
PROFILES = load_profiles()
CASEWORKER = PROFILES.get("caseworker")


class CountingInspector:
    """The real inspector, counting its calls (a compiled class cannot be subclassed)."""

    def __init__(self) -> None:
        self.real = Inspector()
        self.detector = self.real.detector
        self.calls = 0

    def inspect(self, *args: Any) -> Any:
        self.calls += 1
        return self.real.inspect(*args)


def _stage(inspector: Any) -> Inspect:
    return Inspect(inspector, PROFILES, Pseudonymizer(b"k" * 32), 1 << 20)


def test_headers_naming_persons_are_masked_and_counted_with_the_body() -> None:
    inspector = CountingInspector()
    body = inspector.real.inspect(b'{"status": "ok"}', "application/json", None, CASEWORKER)
    headers = [
        (b"content-type", b"application/json"),
        (b"location", f"/api/v1/persons/{ID}".encode()),
        (b"x-applicant-name", "张伟".encode()),
        (b"x-upstream-version", b"1.2"),
    ]
    out = _stage(inspector)._masked_headers(headers, CASEWORKER, body)
    assert out[0] == headers[0] and out[3] == headers[3]
    assert out[1] == (b"location", f"/api/v1/persons/{ID[:6]}********{ID[-4:]}".encode())
    assert out[2] == (b"x-applicant-name", "张**".encode())
    assert body.entity_counts == {"RESIDENT_ID": 1, "PERSON_NAME": 1} and body.persons == frozenset({ID})
    assert body.masked == 2 and body.level.label != "general"
    # The two headers the pre-check could not rule out; Content-Type and X-Upstream-Version are
    # business keys (type, version), which take nothing the pre-check would not see.
    assert inspector.calls == 2


def test_clean_headers_are_inspected_once_and_values_with_findings_every_time() -> None:
    inspector = CountingInspector()
    stage = _stage(inspector)
    headers = [(b"etag", b'W/"5d41402abc4b2a76b9719d911017c592"'), (b"location", f"/p/{ID}".encode())]
    for _ in range(3):
        body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
        out = stage._masked_headers(headers, CASEWORKER, body)
        assert out[0] == headers[0] and ID not in out[1][1].decode()
    assert inspector.calls == 1 + 3  # the ETag once, the Location each time


def test_a_header_masked_upstream_as_a_caseworker_sees_it_is_not_remembered_clean() -> None:
    """610902********1235 is no finding for a caseworker, whose profile masks so, and one for the
    strict profile: remembered as clean after a caseworker's response, it would reach the
    next, stricter caller as it came."""
    stage = _stage(CountingInspector())
    masked = f"{ID[:6]}********{ID[-4:]}"
    headers = [(b"x-id-card", masked.encode())]
    body = stage._inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    assert stage._masked_headers(headers, CASEWORKER, body) == headers
    assert body.entity_counts == {}
    strict = PROFILES.get("strict")
    body = stage._inspector.real.inspect(b"{}", "application/json", None, strict)
    assert stage._masked_headers(headers, strict, body) == [(b"x-id-card", "[已屏蔽]".encode())]
    assert body.entity_counts == {"RESIDENT_ID": 1}


def test_latin1_header_bytes_are_read_and_written_back_as_such() -> None:
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    raw = b"attachment; filename=\xe9t\xe9-" + ID.encode() + b".csv"  # not UTF-8
    (out,) = _stage(inspector)._masked_headers([(b"content-disposition", raw)], CASEWORKER, body)
    assert out[1] == b"attachment; filename=\xe9t\xe9-" + f"{ID[:6]}********{ID[-4:]}".encode() + b".csv"


def test_a_configured_text_cannot_end_the_header_line() -> None:
    profiles = MaskingProfiles(
        {"order": ["odd"], "profiles": {"odd": {"default": {"op": "redact", "text": "x\r\nSet-Cookie: a=b"}}}}
    )
    inspector = CountingInspector()
    odd = profiles.get("odd")
    body = inspector.real.inspect(b"{}", "application/json", None, odd)
    (out,) = Inspect(inspector, profiles, Pseudonymizer(b"k" * 32), 1 << 20)._masked_headers(
        [(b"location", f"/p/{ID}".encode())], odd, body
    )
    assert out == (b"location", b"/p/x  Set-Cookie: a=b")


def test_content_type_parameters_gbk_values_and_extended_file_names_are_inspected() -> None:
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [
        (b"content-type", f"text/plain; name={ID}.txt".encode()),
        (b"x-applicant-name", "张伟".encode("gbk")),  # legacy servers write GBK
        (b"content-disposition", f"attachment; filename*=UTF-8''{quote('申请人张伟的材料.csv')}".encode()),  # RFC 8187
    ]
    out = _stage(inspector)._masked_headers(headers, CASEWORKER, body)
    assert out[0][1] == f"text/plain; name={ID[:6]}********{ID[-4:]}.txt".encode()
    assert out[1][1] == "张**".encode("gbk")
    assert out[2][1] == f"attachment; filename*=UTF-8''{quote('申请人张**的材料.csv', safe='')}".encode()
    assert body.entity_counts == {"RESIDENT_ID": 1, "PERSON_NAME": 2}


def test_the_protocols_own_headers_are_inspected_too() -> None:
    """The upstream writes Vary or Last-Modified as it writes any other header: an ID number
    there went out in clear. Their usual values stay as they are."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    usual = [
        (b"server", b"nginx/1.18.0 (Ubuntu)"),
        (b"cache-control", b"public, max-age=31536000, s-maxage=86400"),
        (b"last-modified", b"Sun, 06 Nov 1994 08:49:37 GMT"),
        (b"strict-transport-security", b"max-age=63072000; includeSubDomains"),
    ]
    odd = [(b"vary", ID.encode()), (b"content-language", ID.encode()), (b"last-modified", ID.encode())]
    out = _stage(inspector)._masked_headers(usual + odd, CASEWORKER, body)
    assert out[: len(usual)] == usual
    masked = f"{ID[:6]}********{ID[-4:]}".encode()
    assert out[len(usual) :] == [(name, masked) for name, _ in odd]
    assert body.entity_counts == {"RESIDENT_ID": 3}


def test_a_redirects_query_string_is_read_as_a_form() -> None:
    """?name=张伟 (or its percent-escapes) in a Location: read as one string the name had no
    key, and the escapes hid its characters."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [
        (b"location", f"http://other.internal/search?xm={quote('张伟')}&page=2#top".encode()),
        (b"content-location", f"/persons?name=张伟&sfzh={ID}".encode()),
        (b"location", b"/persons?page=2&size=20"),
    ]
    out = _stage(inspector)._masked_headers(headers, CASEWORKER, body)
    assert out[0] == (b"location", f"http://other.internal/search?xm={quote('张**', safe='*')}&page=2#top".encode())
    assert out[1] == (
        b"content-location",
        f"/persons?name={quote('张**', safe='*')}&sfzh={ID[:6]}********{ID[-4:]}".encode(),
    )
    assert out[2] == headers[2]
    assert body.entity_counts == {"PERSON_NAME": 2, "RESIDENT_ID": 1}


def test_a_name_as_a_redirects_path_segment_is_masked() -> None:
    """/persons/张伟 in a Location (raw, escaped in UTF-8 or in GBK) named the person: the
    path was scanned as one string, where a name alone has no evidence."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [
        (b"location", "http://other.internal/persons/张伟/detail?page=2".encode()),
        (b"location", f"/persons/{quote('欧阳明月')}#top".encode()),
        (b"content-location", f"/persons/{quote('张伟', encoding='gbk')}".encode()),
    ]
    out = _stage(inspector)._masked_headers(headers, CASEWORKER, body)
    assert out == [
        (b"location", "http://other.internal/persons/张**/detail?page=2".encode()),
        (b"location", f"/persons/{quote('欧阳**', safe='*')}#top".encode()),
        (b"content-location", f"/persons/{quote('张**', safe='*', encoding='gbk')}".encode()),
    ]
    assert body.entity_counts == {"PERSON_NAME": 3}


@pytest.mark.parametrize(
    "location",
    [
        "/regions/韩城市/persons",  # a county
        "/regions/石泉/persons",  # a county of this deployment by its short name
        "/news/王府井/2024",  # a place
        f"/categories/{quote('高龄')}/members",  # a group word
        "/api/v1/persons/P61090200001",
        "/报表/月度统计",  # no surname
        "http://张伟.example/persons",  # the host is no path
        # path words that begin with a surname, under no segment naming persons: a body's link
        # so written stays, and so does a redirect's (文件 and 平均 were masked as names)
        "/api/文件",
        "/reports/平均",
    ],
)
def test_paths_without_a_name_stay(location: str) -> None:
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [(b"location", location.encode())]
    assert _stage(inspector)._masked_headers(headers, CASEWORKER, body) == headers
    assert not body.entity_counts


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        (204, [(b"content-type", b"application/json")]),
        # a 304's type and coding describe the representation the caller holds
        (304, [(b"content-type", b"application/json"), (b"content-encoding", b"gzip"), (b"etag", b'"v2"')]),
    ],
)
def test_an_answer_without_content_passes_with_its_status(status: int, headers: list[tuple[bytes, bytes]]) -> None:
    """No content, whatever its headers say (RFC 9110 6.4.1): nothing to parse or decode, so
    nothing to refuse; the headers are still inspected."""
    ex = Exchange(Request("GET", "/api/v1/regions/610902/persons/1", b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangli", "person", ("caseworker",), "610902", "汉滨区民政局", "api_key", "cw")
    ex.upstream = Response(status, [*headers, (b"location", f"/api/v1/persons/{ID}".encode())])
    asyncio.run(_stage(Inspector())(ex))
    assert ex.failure is None and ex.response is not None
    assert (ex.response.status, ex.response.body) == (status, b"")
    assert ex.response.headers[:-1] == headers  # the coding stays: no body was decoded
    assert ID not in ex.response.headers[-1][1].decode()


def _pct(text: str, encoding: str = "utf-8") -> str:
    """Every byte escaped, digits too (a browser decodes them all)."""
    return "".join(f"%{b:02X}" for b in text.encode(encoding))


_MASKED_ID = f"{ID[:6]}********{ID[-4:]}"
_EXTENDED_MASKED = f"attachment; filename*=UTF-8''{quote(f'张**_{_MASKED_ID}.csv', safe='')}"


@pytest.mark.parametrize(
    ("disposition", "masked", "found"),
    [
        (  # RFC 2047 encoded word, Q
            f'attachment; filename="=?UTF-8?Q?{_pct("张伟_").replace("%", "=")}{ID}?=.csv"',
            f'attachment; filename="张**_{_MASKED_ID}.csv"',
            {"RESIDENT_ID": 1, "PERSON_NAME": 1},
        ),
        (  # escapes in a plain file name (Chrome decodes them)
            f'attachment; filename="{_pct("张伟")}_{_pct(ID)}.csv"',
            f'attachment; filename="张**_{_MASKED_ID}.csv"',
            {"RESIDENT_ID": 1, "PERSON_NAME": 1},
        ),
        (  # RFC 8187 in GBK
            f"attachment; filename*=GBK''{_pct('张伟', 'gbk')}_{_pct(ID)}.csv",
            _EXTENDED_MASKED,
            {"RESIDENT_ID": 1, "PERSON_NAME": 1},
        ),
        (  # RFC 2231 continuations (Firefox joins them): the ID number cut between two
            f"attachment; filename*0*=UTF-8''{_pct('张')}; filename*1*={_pct('伟')}_{ID[:9]}; filename*2={ID[9:]}.csv",
            _EXTENDED_MASKED,
            {"RESIDENT_ID": 1, "PERSON_NAME": 1},
        ),
        (  # every digit escaped, in ISO-8859-1
            f"attachment; filename*=ISO-8859-1''{_pct(ID)}.csv",
            f"attachment; filename*=UTF-8''{quote(_MASKED_ID, safe='')}.csv",
            {"RESIDENT_ID": 1},
        ),
    ],
)
def test_a_file_name_is_read_as_browsers_read_it(disposition: str, masked: str, found: dict[str, int]) -> None:
    """Browsers decode a file name's encoded words, its escapes, its RFC 8187 value in GBK and
    its continuations: read as the bytes they are, the name and the ID number went out."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    (out,) = _stage(inspector)._masked_headers([(b"content-disposition", disposition.encode())], CASEWORKER, body)
    assert out == (b"content-disposition", masked.encode())
    assert body.entity_counts == found


@pytest.mark.parametrize(
    ("file_name", "masked"),
    [
        ("张伟_身份证.xlsx", "张**_身份证.xlsx"),  # a word the catalog knows as a person's data
        ("低保申请表_张伟.pdf", "低保申请表_张**.pdf"),  # a person's papers
        ("张伟的户口本.jpg", "张**的户口本.jpg"),
        ("方案_汇总.xlsx", "方案_汇总.xlsx"),  # words with a name's shape, about no one
        ("方案_申请表说明.pdf", "方案_申请表说明.pdf"),  # 方案 has a name's shape, and is a word of prose
        ("张伟_身份证", "张**_身份证"),  # no extension: the gateway's own look at the words
    ],
)
def test_a_name_in_the_file_name_of_one_persons_papers_is_masked(file_name: str, masked: str) -> None:
    """A file name has no key: a word shaped like a name is one when the file is about one
    person (another word names a person's data or papers). 张伟_身份证.xlsx went out as it came."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    header = (b"content-disposition", f'attachment; filename="{file_name}"'.encode())
    (out,) = _stage(inspector)._masked_headers([header], CASEWORKER, body)
    assert out == (b"content-disposition", f'attachment; filename="{masked}"'.encode())
    assert body.entity_counts == ({"PERSON_NAME": 1} if masked != file_name else {})


def test_a_header_named_after_a_person_is_left_out() -> None:
    """X-Person-<ID>: with nothing in its value the name was not looked at (the ID number went
    out in clear); when it was, the masked value was looked up under the name as it came, which
    masking had changed (500 for every caller). A masked name may be no token, and no protocol
    needs such a header: it goes, and what it named is counted."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [(b"content-type", b"application/json"), (f"x-person-{ID}".lower().encode(), b"1")]
    assert _stage(inspector)._masked_headers(headers, CASEWORKER, body) == headers[:1]
    assert body.entity_counts == {"RESIDENT_ID": 1}


def test_a_refresh_url_is_read_as_a_redirects() -> None:
    """Browsers follow Refresh's URL as a Location's: /persons/张伟 there went out."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [
        (b"refresh", "0; url=/persons/张伟?page=2".encode()),
        (b"refresh", f"5;URL='/persons/{quote('张伟')}'".encode()),
        (b"refresh", b"30"),
    ]
    out = _stage(inspector)._masked_headers(headers, CASEWORKER, body)
    assert out == [
        (b"refresh", "0; url=/persons/张**?page=2".encode()),
        (b"refresh", f"5;URL='/persons/{quote('张**', safe='*')}'".encode()),
        (b"refresh", b"30"),
    ]
    assert body.entity_counts == {"PERSON_NAME": 2}


def test_a_cookies_value_is_read_under_the_cookies_name() -> None:
    """Set-Cookie: xm=张伟 was scanned as one string, where the name has no key: the cookie's
    name is one, as a query parameter's is."""
    inspector = CountingInspector()
    body = inspector.real.inspect(b"{}", "application/json", None, CASEWORKER)
    headers = [
        (b"set-cookie", "xm=张伟; Path=/; HttpOnly".encode()),
        (b"set-cookie", f"applicant={quote('张伟')}; Path=/".encode()),
        (b"set-cookie", b"JSESSIONID=8F2A0C; Path=/; HttpOnly"),
    ]
    out = _stage(inspector)._masked_headers(headers, CASEWORKER, body)
    assert [value.decode() for _, value in out] == [
        f"xm={quote('张**', safe='*')}; Path=/; HttpOnly",
        f"applicant={quote('张', safe='')}**; Path=/",
        "JSESSIONID=8F2A0C; Path=/; HttpOnly",
    ]
    assert body.entity_counts == {"PERSON_NAME": 2}
    # Each pair that may hold something (xm is a key; applicant's value has escapes) read as a
    # form, then the value as a header's; a session's id under a name no key is read by neither.
    assert inspector.calls == 2 + 2


@pytest.mark.parametrize("masks", [True, False])
def test_hashes_of_the_upstreams_bytes_go_only_with_those_bytes(masks: bool) -> None:
    """An ETag, Content-MD5 or Digest of the body before masking let a caller try the digits a
    mask hid (a masked ID number hides its birth date: some 36,500 tries) until one hashed alike."""
    ex = Exchange(Request("GET", "/api/v1/regions/610902/persons/1", b"", [], "127.0.0.1", 40000, "http"))
    ex.principal = Principal("zhangli", "person", ("caseworker",), "610902", "汉滨区民政局", "api_key", "cw")
    body = (f'{{"idNumber": "{ID}"}}' if masks else '{"status": "ok"}').encode()
    hashes = [
        (b"etag", b'"0' + hashlib.md5(body).hexdigest().encode() + b'"'),
        (b"content-md5", base64.b64encode(hashlib.md5(body).digest())),
        (b"digest", b"sha-256=" + base64.b64encode(hashlib.sha256(body).digest())),
        (b"content-digest", b"sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()) + b":"),
        (b"repr-digest", b"sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()) + b":"),
    ]
    ex.upstream = Response(200, [(b"content-type", b"application/json"), *hashes], body)
    asyncio.run(_stage(Inspector())(ex))
    assert ex.response is not None and (ID not in ex.response.body.decode()) is True
    assert ex.response.headers == [(b"content-type", b"application/json"), *([] if masks else hashes)]
