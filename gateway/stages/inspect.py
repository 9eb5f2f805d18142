"""Stage 4: classify what came back and mask it for this caller.

Fail closed: a body that must be inspected but cannot be (undecodable, too large, not
parseable as what it claims to be, or a binary type) does not go out to a caller whose
profile masks anything. A caller whose profile releases everything in clear gets it, and
the event records that it was not inspected and counts it at the highest level.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote_to_bytes

import orjson

from classifiers import base64text, tokens, urls
from classifiers.entities import person_name
from classifiers.inspect import Inspection, InspectionError, Inspector
from classifiers.levels import DataLevel
from classifiers.masked_in_part import may_hold_mask
from classifiers.name_headings import name_shaped
from classifiers.scanner import may_hold
from classifiers.structured import unquote_escapes
from policies.keys import Pseudonymizer
from policies.masking import MaskingProfile, MaskingProfiles

from ..exchange import Exchange, Response
from ..media import NO_CONTENT, DecodeError, content_coding, decode_content, parse_content_type
from ..types import Headers
from . import dispositions

_CLEAN_HEADERS_MAX = 4096


def _header_text(raw: bytes) -> tuple[str, str]:
    """A header value as text and the codec to write it back with: UTF-8 where the bytes
    are UTF-8 (names in Chinese travel that way), else GB18030 where they are that (legacy
    servers write GBK names), else ISO-8859-1 (RFC 9110 obs-text). Each reads its bytes back
    unchanged, so a value written back differs only where it was masked."""
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


# Headers that name the upstream's bytes by a hash of them (an ETag is often one: Spring's
# ShallowEtagHeaderFilter writes the MD5 of the body).
_OF_THE_UPSTREAMS_BYTES = frozenset({b"etag", b"content-md5", b"digest", b"content-digest", b"repr-digest"})

# Headers whose value is a URL: its query string is read as a form (``?xm=%E5%BC%A0…``), and
# a path segment shaped like a name is read as one (``/persons/张伟``, see _masked_path), so
# that a parameter's name is a key's evidence and its value is read percent-decoded.
_URL_HEADERS = frozenset({b"location", b"content-location"})


# RFC 8187 extended values (filename*=UTF-8''%E5%BC%A0…, title*=GBK''%D5%C5…): inspected
# decoded, in the charset they name (browsers read GBK's too), and written back in UTF-8.
_EXTENDED = re.compile(r"(?i)(\*=\s*)([a-z0-9_.:-]+)('[^']*')([^;\s]+)")
_UTF8_EXTENDED = re.compile(r"(?i)(\*=\s*utf-8'[^']*')([^;\s]+)")


def _decoded_extended(match: re.Match[str]) -> str:
    """An extended value as text, labelled UTF-8 (as it is written back), or as it came when
    its bytes are not text in the charset it names."""
    start, charset, language, escaped = match.groups()
    try:
        return f"{start}UTF-8{language}{unquote_to_bytes(escaped).decode(charset)}"
    except (LookupError, UnicodeDecodeError):
        return match.group()


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


class Inspect:
    def __init__(
        self,
        inspector: Inspector,
        profiles: MaskingProfiles,
        pseudonymizer: Pseudonymizer,
        max_body_bytes: int,
    ) -> None:
        self._inspector = inspector
        self._profiles = profiles
        self._pseudonymizer = pseudonymizer
        self._max_body = max_body_bytes
        self._clean_headers: set[tuple[bytes, bytes]] = set()

    async def __call__(self, ex: Exchange) -> None:
        upstream = ex.upstream
        if upstream is None or ex.principal is None:
            raise RuntimeError("inspect stage reached without an upstream response")
        profile = self._profiles.for_roles(ex.principal.roles)
        ex.masking_profile = profile.name
        if ex.upstream_stream is not None:
            if profile.releases_everything:
                ex.level = DataLevel.CORE  # unknown content counts as the most sensitive
                ex.response = Response(upstream.status, upstream.headers)
                return
            ex.upstream_stream.close()
            ex.upstream_stream = None
            media_type, _ = parse_content_type(_header(upstream.headers, b"content-type"))
            self._refuse(ex, "binary", f"binary responses ({media_type or 'no type'}) cannot be inspected")
            return
        if upstream.status == 206 and not profile.releases_everything:
            # The gateway sends no Range; an upstream answering with part of a document anyway
            # gives a part no one can judge (a number cut at its edge is no longer found).
            self._refuse(ex, "partial", "a part of a document (206 Partial Content) cannot be inspected")
            return
        headers = upstream.headers
        body = upstream.body
        # A 204 or 304 has no content, whatever Content-Type and Content-Encoding say (a 304's
        # describe what the caller holds): an empty 204 typed as JSON was refused as
        # unparseable. Only its headers are inspected.
        no_content = upstream.status in NO_CONTENT
        encoding = "" if no_content else content_coding(headers)
        try:
            if encoding:
                body = decode_content(body, encoding, self._max_body)
                headers = [(k, v) for k, v in headers if k != b"content-encoding"]
            media_type, charset = parse_content_type(_header(headers, b"content-type"))
            media_type = ex.sniffed_media_type or media_type
            if no_content:
                body, media_type = b"", ""
            inspection = self._inspector.inspect(body, media_type, charset, profile)
        except (DecodeError, InspectionError) as exc:
            if profile.releases_everything:
                ex.level = DataLevel.CORE
                ex.response = Response(upstream.status, upstream.headers, upstream.body)
                return
            self._refuse(ex, exc.code, str(exc))
            return
        headers = self._masked_headers(headers, profile, inspection)
        if inspection.body != upstream.body:
            # A hash of the upstream's bytes beside the masked ones lets a caller try the
            # hidden digits (a masked ID number hides a birth date: some 36,500 tries) until
            # one hashes alike; and two callers' bodies would share one validator.
            headers = [(k, v) for k, v in headers if k not in _OF_THE_UPSTREAMS_BYTES]
        ex.inspection = inspection
        ex.level = inspection.level
        ex.person_tokens = tuple(sorted(self._pseudonymizer.token(p) for p in inspection.persons))
        ex.response = Response(upstream.status, headers, inspection.body)

    def _masked_headers(self, headers: Headers, profile: MaskingProfile, inspection: Inspection) -> Headers:
        """The response headers with what they carry of persons masked for this caller (a
        Location naming a person's ID number, a file name, a custom header), and counted
        with the body's findings. Every header is looked at, the protocol's own too (Vary,
        Last-Modified, …): the upstream writes them, and an ID number it writes there reaches
        the caller like any other. Clean values are remembered: Server or Cache-Control costs
        one look."""
        out = headers
        clean = self._clean_headers
        for i, (name, raw) in enumerate(headers):
            if (name, raw) in clean:
                continue
            text, codec = _header_text(raw)
            key = name.decode("latin-1")
            # What a Location's query and path name, or a download's file name (masked here,
            # counted below; the file name written back in UTF-8, read again as the rest is).
            in_url = None
            if name == b"content-disposition":
                text, in_url = dispositions.masked(text, self._inspector, profile)
            text = _EXTENDED.sub(_decoded_extended, text) if "*=" in text else text
            if name in _URL_HEADERS:
                text, in_url = self._masked_url(text, profile)
            elif name == b"set-cookie":
                text, in_url = self._masked_cookie(text, profile)
            elif name == b"refresh" and (refresh := urls.REFRESH.fullmatch(text)) is not None:
                url, in_url = self._masked_url(refresh.group(2), profile)
                text = refresh.group(1) + url + refresh.group(3)
            # The scanner's pre-check finds nothing, the value is no text in base64, no URL
            # with an escape or a name in it (a Link header's </persons/张伟>), holds no JWT or
            # data URI of text (a Set-Cookie's token=eyJ…), and the name is
            # no key the catalog knows (X-Applicant-Name is one: a bare name under it is found
            # by the key's evidence; a business key such as Content-Type takes only what the
            # pre-check finds).
            if (
                in_url is None
                and not may_hold(text)
                and not may_hold(key)
                and base64text.decoded(text.strip()) is None
                and not urls.pieces(text.strip())
                and not tokens.found(text)
            ):
                info = self._inspector.detector.plan(key).info
                if info is None or info.business:
                    continue
            # As a JSON member, so that the header's name is a key's evidence.
            found = self._inspector.inspect(orjson.dumps({key: text}), "application/json", "utf-8", profile)
            if in_url is not None:
                found.add(in_url)
            if not found.entity_counts:
                # Remembered (bounded) so that an ETag or a policy header repeated on every
                # response is inspected once; never a value in which something was found, nor
                # one that may hold a mask (138****8000 is as it came for a caseworker, whose
                # profile masks so, and a finding for a stricter caller).
                if not may_hold_mask(text):
                    if len(clean) >= _CLEAN_HEADERS_MAX:
                        clean.clear()
                    clean.add((name, raw))
                continue
            if out is headers:
                out = list(headers)
            inspection.add(found)
            ((masked_key, masked),) = orjson.loads(found.body).items()
            if masked_key != key:
                # The header's name holds what was found (X-Person-<ID>): no protocol needs
                # such a header, and a masked name may be no token. It is left out.
                out[i] = (b"", b"")
                continue
            # A profile's label text is configuration: it must not end the header line.
            masked = masked.replace("\r", " ").replace("\n", " ")
            # An extended value goes back percent-encoded, as its syntax requires.
            masked = (
                _UTF8_EXTENDED.sub(lambda m: m.group(1) + quote(m.group(2), safe=""), masked)
                if "*=" in masked
                else masked
            )
            out[i] = (name, masked.encode(codec, "replace"))
        return out if out is headers else [header for header in out if header[0]]

    def _masked_url(self, url: str, profile: MaskingProfile) -> tuple[str, Inspection | None]:
        """The URL with its query string and a path segment naming a person masked, and
        what was found (None: nothing)."""
        found = None
        if "?" in url:
            url, found = self._masked_query(url, profile)
        url, in_path = self._masked_path(url, profile)
        if in_path is not None and found is not None:
            found.add(in_path)
        return url, found if found is not None else in_path

    def _masked_cookie(self, text: str, profile: MaskingProfile) -> tuple[str, Inspection | None]:
        """A Set-Cookie with its name=value pair read as a form's (``xm=张伟``: the cookie's
        name is a key's evidence, as a query parameter's is), and what was found (None:
        nothing). Read as one string, a name under the cookie's name went out."""
        pair, sep, attributes = text.partition(";")
        info = self._inspector.detector.plan(pair.partition("=")[0].strip()).info
        if (info is None or info.business) and not may_hold(pair):
            return text, None  # a session's id under a name the catalog does not know: read below
        found = self._inspector.inspect(pair.encode(), "application/x-www-form-urlencoded", "utf-8", profile)
        if not found.entity_counts:
            return text, None
        return found.body.decode() + sep + attributes, found

    def _masked_query(self, url: str, profile: MaskingProfile) -> tuple[str, Inspection | None]:
        """The URL with its query string masked as a form, and what was found there (None:
        nothing). A redirect to ``/search?name=%E5%BC%A0%E4%BC%9F`` named a person, and read
        as one string the name had no key and its characters were escapes."""
        base, _, rest = url.partition("?")
        query, hash_mark, fragment = rest.partition("#")
        found = self._inspector.inspect(query.encode(), "application/x-www-form-urlencoded", "utf-8", profile)
        if not found.entity_counts:
            return url, None
        return f"{base}?{found.body.decode()}{hash_mark}{fragment}", found

    def _masked_path(self, url: str, profile: MaskingProfile) -> tuple[str, Inspection | None]:
        """The URL with a path segment that is a person's name masked (``/persons/张三``,
        escaped in UTF-8 or GBK), and what was found (None: nothing). A segment is taken for
        a name when it has a full name's shape (a surname and one or two characters), is no
        region, place, group word or key the catalog knows (``fastjson.name_shaped``), and
        stands under a segment naming persons or a person's page (``urls.names_person``), as
        in a URL a body holds: the two read a path alike."""
        end = len(url)
        for mark in "?#":
            at = url.find(mark)
            end = at if 0 <= at < end else end
        start = url.find("://")
        start = 0 if start < 0 else url.find("/", start + 3)
        if start < 0:
            return url, None
        segments = url[start:end].split("/")
        found: Inspection | None = None
        plan = self._inspector.detector.plan
        for i, raw in enumerate(segments):
            segment, encoding = unquote_escapes(raw, "utf-8") if raw else (raw, "utf-8")
            if not (segment and person_name.is_name(segment) and name_shaped(segment, plan)):
                continue
            # Under a segment naming persons, as in a body's URL (urls.names_person): path
            # words begin with a surname as often as names do (/api/文件, /reports/平均).
            parent = unquote_escapes(segments[i - 1], encoding)[0] if i > 0 else ""
            if not urls.names_person(parent, plan):
                continue
            named = self._inspector.inspect(orjson.dumps({"xm": segment}), "application/json", "utf-8", profile)
            if not named.entity_counts:
                continue
            masked: str = orjson.loads(named.body)["xm"]
            segments[i] = quote(masked, safe="*", encoding=encoding) if "%" in raw else masked  # as it came
            if found is None:
                found = named
            else:
                found.add(named)
        if found is None:
            return url, None
        return url[:start] + "/".join(segments) + url[end:], found

    @staticmethod
    def _refuse(ex: Exchange, code: str, detail: str) -> None:
        ex.fail(
            502,
            f"uninspectable_{code}",
            f"the upstream response cannot be inspected ({detail}); it is withheld",
            "上游响应无法完成敏感数据检查,已拦截",
        )
