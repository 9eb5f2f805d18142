"""Images and documents embedded as base64 (classifiers/entities/embedded_file.py)."""

from __future__ import annotations

import base64
import gc
import json
import random
import time
import tracemalloc
from urllib.parse import quote, unquote, unquote_plus

import pytest

from classifiers.entities import embedded_file
from classifiers.inspect import Inspector
from classifiers.levels import DataLevel
from classifiers.registry import analyzer_engine
from policies.masking import load_profiles
from support.synth_people import make_id

_NOISE = random.Random(7).randbytes(3000)


def b64(head: bytes, size: int = 3000) -> str:
    return base64.b64encode(head + _NOISE[:size]).decode()


JPEG = b64(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
PNG = b64(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
GIF = b64(b"GIF89a")
WEBP = b64(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
TIFF = b64(b"II*\x00")
PDF = b64(b"%PDF-1.7\n")
HEIC = b64(b"\x00\x00\x00\x18ftypheic")  # no signature we read: found only under an image key
MIME = "\r\n".join(JPEG[i : i + 76] for i in range(0, len(JPEG), 76))  # line-wrapped base64
URL_SAFE = JPEG.replace("+", "-").replace("/", "_").replace("_9j_", "/9j/", 1)
SPACER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

# (text, keyed, the spans found as substrings)
CASES = [
    pytest.param(JPEG, False, [JPEG], id="jpeg"),
    pytest.param(PNG, False, [PNG], id="png"),
    pytest.param(GIF, False, [GIF], id="gif"),
    pytest.param(WEBP, False, [WEBP], id="riff-webp"),
    pytest.param(TIFF, False, [TIFF], id="tiff"),
    pytest.param(PDF, False, [PDF], id="pdf-scan"),
    pytest.param(MIME, False, [MIME], id="mime-line-breaks"),
    pytest.param(URL_SAFE, False, [URL_SAFE], id="url-safe-alphabet"),
    pytest.param(f"data:image/jpeg;base64,{JPEG}", False, [f"data:image/jpeg;base64,{JPEG}"], id="data-uri"),
    pytest.param(f"data:;base64,{HEIC}", False, [f"data:;base64,{HEIC}"], id="data-uri-any-type"),
    pytest.param(
        f'<img src="data:image/png;name=a.png;base64,{PNG}">',
        False,
        [f"data:image/png;name=a.png;base64,{PNG}"],
        id="in-html",
    ),
    pytest.param(f"照片：{JPEG}，已核", False, [JPEG], id="in-text"),
    pytest.param(f"{JPEG} {PDF}", False, [JPEG, PDF], id="two"),
    pytest.param(HEIC, True, [HEIC], id="unsigned-under-image-key"),
    # Not files: unsigned base64 without a key, short runs, an inlined spacer GIF, letters alone.
    pytest.param(HEIC, False, [], id="unsigned-without-key"),
    pytest.param(JPEG[:200], False, [], id="too-short"),
    pytest.param(SPACER, False, [], id="spacer-gif"),
    pytest.param("ThisIsALongIdentifier" * 20, True, [], id="letters-alone-under-image-key"),
    pytest.param("x" * 300 + "base64," + "y" * 10, False, [], id="the-word-base64"),
]


@pytest.mark.parametrize(("text", "keyed", "expected"), CASES)
def test_find(text: str, keyed: bool, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _ in embedded_file.find(text, keyed)] == expected


def test_evidence_names_the_data_uri_type() -> None:
    assert [e for _, _, e in embedded_file.find(f"data:image/jpeg;base64,{JPEG}")] == ["data-uri:image/jpeg"]
    assert [e for _, _, e in embedded_file.find(PDF)] == ["base64+signature"]


def test_presidio_finds_the_same() -> None:
    text = f"照片：{JPEG}，扫描件 data:application/pdf;base64,{PDF}"
    hits = [r for r in analyzer_engine().analyze(text=text, language="zh") if r.entity_type == "IMAGE"]
    assert [text[r.start : r.end] for r in hits] == [JPEG, f"data:application/pdf;base64,{PDF}"]


ENGINE = analyzer_engine()
_DATA_URI = f"data:image/jpeg;base64,{JPEG}"
_WRAPPED = " ".join(JPEG[i : i + 76] for i in range(0, len(JPEG), 76))
# Escaped and spaced runs as the gateway meets them in bodies (text, expected spans); presidio
# found only their first stretch, or nothing.
PRESIDIO_SENT = [
    pytest.param(f"照片 {quote(JPEG, safe='')}", [quote(JPEG, safe="")], id="escaped"),
    pytest.param(f"照片 {quote(JPEG, safe='').lower()}", [quote(JPEG, safe="").lower()], id="escaped-lower-case"),
    pytest.param(
        f"https://x.cn/v?img={quote(_DATA_URI, safe='')}&x=1", [quote(_DATA_URI, safe="")], id="data-uri-in-query"
    ),
    pytest.param(f"zp={JPEG.replace('+', ' ')}&a=1", [JPEG.replace("+", " ")], id="form-plus-as-space"),
    pytest.param(f"{_WRAPPED} 以上为照片", [_WRAPPED], id="wrapped-with-spaces"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=p.id) for p in CASES for text, keyed, expected in [p.values] if not keyed]
    + PRESIDIO_SENT,
)
def test_presidio_finds_what_the_fast_path_finds(text: str, expected: list[str]) -> None:
    hits = [r for r in ENGINE.analyze(text=text, language="zh") if r.entity_type == "IMAGE"]
    assert [text[r.start : r.end] for r in hits] == expected
    assert [text[s:e] for s, e, _ in embedded_file.find(text)] == expected


INSPECTOR = Inspector()
PROFILES = load_profiles()


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        # A record list (column by column), a record, a map, under a key that names a business value.
        (
            json.dumps({"items": [{"xm": "张三", "zp": JPEG}, {"xm": "李四", "zp": PNG}]}, ensure_ascii=False),
            "application/json",
        ),
        (json.dumps({"xm": "张三", "photo": HEIC}, ensure_ascii=False), "application/json"),
        (json.dumps({"a": {"f": PDF}, "b": {"f": "x"}}), "application/json"),
        (json.dumps({"caseNo": JPEG}), "application/json"),
        (json.dumps({"data": json.dumps({"zp": JPEG})}), "application/json"),
        (f'<html><body><img src="data:image/jpeg;base64,{JPEG}"></body></html>', "text/html"),
        (f"<person><xm>张三</xm><xp>{HEIC}</xp></person>", "application/xml"),
        (f"xm,zp\r\n张三,{PNG}\r\n", "text/csv"),
        (f"zp={JPEG.replace('+', '%2B').replace('/', '%2F')}", "application/x-www-form-urlencoded"),
        (f"附件 {PDF}", "text/plain"),
    ],
    ids=["list", "keyed-unsigned", "map", "business-key", "json-in-string", "html", "xml", "csv", "form", "text"],
)
def test_a_photo_or_scan_does_not_go_out(body: str, media_type: str) -> None:
    result = INSPECTOR.inspect(body.encode(), media_type, "utf-8", PROFILES.get("caseworker"))
    out = result.body.decode()
    assert all(file[:40] not in out and file[-40:] not in out for file in (JPEG, PNG, PDF, HEIC))
    assert result.entity_counts["IMAGE"] >= 1 and result.level >= DataLevel.IMPORTANT


def test_the_spacer_gifs_of_a_page_stay() -> None:
    body = f'<html><img src="{SPACER}"><p>页面</p></html>'.encode()
    result = INSPECTOR.inspect(body, "text/html", "utf-8", PROFILES.get("strict"))
    assert result.body == body and "IMAGE" not in result.entity_counts


def test_profiles_decide_what_a_file_becomes() -> None:
    body = json.dumps({"zp": JPEG}).encode()
    assert json.loads(INSPECTOR.inspect(body, "application/json", None, PROFILES.get("statistician")).body) == {
        "zp": "<IMAGE>"
    }
    assert INSPECTOR.inspect(body, "application/json", None, PROFILES.get("clear")).body == body


def test_a_large_photo_in_xml_is_read_in_linear_time() -> None:
    # An element's text is asked about as a label ("姓名"); read as camelCase words, 120 KB of
    # base64 has about 30 000 of them, and every tail was joined: 30 s (5 MB: never done).
    photo = base64.b64encode(b"\xff\xd8\xff\xe0" + random.Random(8).randbytes(90_000)).decode()
    started = time.perf_counter()
    result = INSPECTOR.inspect(f"<r><zp>{photo}</zp></r>".encode(), "application/xml", None, PROFILES.get("strict"))
    assert time.perf_counter() - started < 2.0
    assert result.entity_counts == {"IMAGE": 1}


def test_photos_in_xml_are_not_remembered_after_their_inspection() -> None:
    # Element texts are asked about as labels, and the catalog remembered the last 8192 keys
    # it was asked about: as many photos (gigabytes) stayed in memory for good.
    photos = [base64.b64encode(b"\xff\xd8\xff" + random.Random(k).randbytes(75_000)).decode() for k in range(10)]
    bodies = [f"<r><zp>{photo}</zp></r>".encode() for photo in photos]
    INSPECTOR.inspect(bodies[0], "application/xml", None, PROFILES.get("strict"))  # warm-up
    tracemalloc.start()
    try:
        for body in bodies[1:]:
            INSPECTOR.inspect(body, "application/xml", None, PROFILES.get("strict"))
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 200_000  # nine photos of 100 KB were 900 KB


SENT = [
    # A form decodes the '+' of an unescaped base64 to spaces: the photo was cut at its first one.
    (f"a=1&zp={HEIC}", "application/x-www-form-urlencoded", HEIC),
    (f"a=1&f={JPEG}", "application/x-www-form-urlencoded", JPEG),
    (json.dumps({"zp": HEIC.replace("+", " ")}), "application/json", HEIC),
    # URL-escaped: in a JSON value, and a data URI in a query string.
    (json.dumps({"zp": quote(HEIC, safe="")}), "application/json", HEIC),
    (
        json.dumps({"u": "https://x.cn/v?img=" + quote(f"data:image/jpeg;base64,{JPEG}", safe="")}),
        "application/json",
        JPEG,
    ),
    (f"照片 {quote(JPEG, safe='')}", "text/plain", JPEG),
    # Lines wrapped with spaces instead of line breaks.
    (json.dumps({"f": " ".join(JPEG[i : i + 76] for i in range(0, len(JPEG), 76))}), "application/json", JPEG),
]


@pytest.mark.parametrize(("body", "media_type", "file"), SENT, ids=["form", "form-signed", "json-spaces", "json-escaped",
    "url-data-uri", "text-escaped", "wrapped-with-spaces"])  # fmt: skip
def test_a_photo_escaped_or_with_spaces_does_not_go_out(body: str, media_type: str, file: str) -> None:
    result = INSPECTOR.inspect(body.encode(), media_type, "utf-8", PROFILES.get("strict"))
    out = unquote_plus(result.body.decode()) if "form" in media_type else unquote(result.body.decode())
    assert all(file[i : i + 20] not in out.replace(" ", "+") for i in range(0, len(file) - 20, 20))
    assert result.entity_counts == {"IMAGE": 1}


def test_words_after_a_photo_stay() -> None:
    body = json.dumps({"f": f"{JPEG} checked by the district office on Monday 12 May"}, ensure_ascii=False)
    result = INSPECTOR.inspect(body.encode(), "application/json", None, PROFILES.get("strict"))
    assert json.loads(result.body) == {"f": "[已屏蔽] checked by the district office on Monday 12 May"}


def test_the_gateways_own_ciphertext_of_a_photo_stays() -> None:
    # An encrypted photo (policies/crypto.py, enc:<key>:<base64url>) is re-identified whole.
    sealed = "enc:k1:" + base64.urlsafe_b64encode(_NOISE[:600]).decode().rstrip("=")
    body = json.dumps({"zp": sealed, "rxzp": "sm4:k2:" + sealed[7:]}).encode()
    result = INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict"))
    assert result.body == body and "IMAGE" not in result.entity_counts


def test_what_stands_around_photos_in_a_text_is_found_at_its_place() -> None:
    """Scanned piece by piece between the files: each finding keeps its offsets in the text."""
    number = make_id()
    text = f"身份证号 {number} 照片 {JPEG} 电话 13912345678，附件 {PDF} 联系电话 13812345678"
    result = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.get("statistician"))
    assert result.body.decode() == "身份证号 <RESIDENT_ID> 照片 <IMAGE> 电话 <MOBILE>，附件 <IMAGE> 联系电话 <MOBILE>"


def test_a_link_to_a_photo_under_an_image_key_stays_whole() -> None:
    """The address of a photo is no photo: a stretch of it masked would only break the link."""
    link = "https://oss.mz.example.cn/photos/2024/11/" + "aB3dE6gH9k" * 30 + ".jpg"
    body = json.dumps({"image": link, "zp": HEIC}).encode()
    assert json.loads(INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict")).body) == {
        "image": link,
        "zp": "[已屏蔽]",
    }


@pytest.mark.parametrize("key", ["zp", "attachmentLines"])
def test_a_photo_cut_into_a_list_of_lines_does_not_go_out(key: str) -> None:
    """Base64 stored line by line ({"zp": ["/9j/4AAQ…", …]}): under an image key, or opening
    with a signature, the pieces are one file."""
    lines = [JPEG[i : i + 76] for i in range(0, len(JPEG), 76)]
    body = json.dumps({key: lines, "tags": ["低保", "特困"]}, ensure_ascii=False).encode()
    out = json.loads(INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict")).body)
    assert out == {key: ["[已屏蔽]"], "tags": ["低保", "特困"]}


def test_a_list_of_whole_photos_is_masked_photo_by_photo() -> None:
    body = json.dumps({"zp": [JPEG, PNG, "备注"]}, ensure_ascii=False).encode()
    out = json.loads(INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict")).body)
    assert out == {"zp": ["[已屏蔽]", "[已屏蔽]", "备注"]}


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_a_token_or_a_file_name_under_an_image_key_is_no_photo() -> None:
    """A JWT (the photo service's access token) and a file's name have dots, which base64 has
    not: its longest part was masked as a photo, leaving a broken token."""
    claims = json.dumps({"sub": "photo-service", "scope": ["read"] * 40, "iat": 1700000000}).encode()
    jwt = ".".join([_b64url(b'{"alg":"HS256","typ":"JWT"}'), _b64url(claims), _b64url(_NOISE[:32])])
    name = "aB3dE6gH9k" * 30 + ".jpg"
    body = json.dumps({"zp": jwt, "photo": name, "xp": HEIC}).encode()
    assert json.loads(INSPECTOR.inspect(body, "application/json", None, PROFILES.get("strict")).body) == {
        "zp": jwt,
        "photo": name,
        "xp": "[已屏蔽]",
    }
