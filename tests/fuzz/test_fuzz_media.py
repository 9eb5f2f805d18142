"""Property tests of body decoding: no content coding, stacked or broken, decodes past the cap,
and sniffing a body's first bytes never raises."""

from __future__ import annotations

import gzip
import zlib

import brotli
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gateway.media import DecodeError, decode_content, parse_content_type, sniff

FAST = settings(max_examples=300, deadline=None)
_CODINGS = ("gzip", "deflate", "br", "identity")


def _encode(data: bytes, coding: str) -> bytes:
    if coding == "gzip":
        return gzip.compress(data, compresslevel=1)
    if coding == "deflate":
        return zlib.compress(data, 1)
    if coding == "br":
        return bytes(brotli.compress(data, quality=1))
    return data


# Highly compressible payloads (the bomb shape) as well as arbitrary bytes.
PAYLOADS = st.binary(max_size=2048) | st.builds(
    lambda b, n: b * n, st.binary(min_size=1, max_size=8), st.integers(1, 20_000)
)


@FAST
@given(PAYLOADS, st.lists(st.sampled_from(_CODINGS), min_size=1, max_size=3), st.integers(0, 4096))
def test_decoded_size_never_exceeds_the_cap(payload: bytes, codings: list[str], limit: int) -> None:
    body = payload
    for coding in codings:
        body = _encode(body, coding)
    try:
        out = decode_content(body, ", ".join(codings), limit)
    except DecodeError as exc:
        assert exc.code in ("too_large", "unparseable", "unsupported_encoding")
        return
    assert len(out) <= limit or (all(c == "identity" for c in codings) and out == payload)
    if len(payload) <= limit:
        assert out == payload  # what fits comes back whole


@FAST
@given(st.binary(max_size=512), st.sampled_from(["gzip", "deflate", "br", "x-gzip", "gzip, br", "zstd", ""]))
def test_garbage_is_refused_not_crashed(body: bytes, coding: str) -> None:
    try:
        out = decode_content(body, coding, 1024)
    except DecodeError:
        return
    assert len(out) <= max(1024, len(body))


@FAST
@given(st.binary(max_size=2048))
@example(b"\xef\xbb\xbf{")
@example("{\u59d3".encode("gb18030")[:2])
@example(b"\x81")
def test_sniff_never_raises(head: bytes) -> None:
    assert sniff(head) in (None, "application/json", "text/plain")


@FAST
@given(st.text(max_size=200) | st.none())
def test_parse_content_type_never_raises(value: str | None) -> None:
    media_type, charset = parse_content_type(value)
    assert media_type == media_type.strip().lower()
    assert charset is None or charset == charset.lower()
