"""Query strings the gateway refuses before anything else reads them.

A parameter sent twice is read as the first value by one framework, the last by another and
a list by a third; a gateway cannot know which one the upstream picks, so it refuses (400).
Names are compared after percent-decoding and case-folding, and `;` counts as a separator
too, because some servers split on it. Overlong query strings are refused with 414.

A parameter that changes the method after the gateway decided on it is refused too (400
`method_override`), in the query or in a form body, urlencoded or multipart: Spring's
HiddenHttpMethodFilter, Laravel and Symfony read `_method` as the method headers are read
(those are refused in authorize); Laravel reads it from a JSON body too.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, unquote_plus

from ..media import parse_content_type
from .jsonbody import JsonObject

# Compared with "_" for "-", as for the headers: X-HTTP-Method-Override=DELETE works as a
# parameter too in some frameworks.
_METHOD_OVERRIDES = frozenset({"_method", "x_http_method_override", "x_http_method", "x_method_override"})


class QueryError(ValueError):
    def __init__(self, status: int, code: str, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message_zh = status, code, message_zh


def parameters(data: bytes, encoding: str = "utf-8") -> Iterator[tuple[str, bytes]]:
    """(decoded name, raw value) of each parameter of a query string or an urlencoded form;
    `encoding`: what percent-escapes decode as."""
    for part in data.replace(b";", b"&").split(b"&"):
        if not part:
            continue
        name, _, value = part.partition(b"=")
        yield unquote_plus(name.decode("latin-1"), encoding, errors="replace"), value


def _names(data: bytes) -> Iterator[tuple[str, str]]:
    """(name as sent, the name frameworks may read it as) of each parameter."""
    for name, _ in parameters(data):
        # "name[]" and "name" reach the same parameter in several frameworks.
        yield name, name.strip().casefold().removesuffix("[]")


def _refuse_override(name: str, key: str) -> None:
    if key.replace("-", "_") in _METHOD_OVERRIDES:
        raise QueryError(
            400,
            "method_override",
            f"parameter {name!r} would change the request method; not accepted",
            "不接受改写请求方法的参数",
        )


def form_body(body: bytes, content_types: list[str]) -> bytes:
    """An urlencoded form as UTF-8 bytes, decoded in the charset its Content-Type declares, as
    a servlet container decodes it: in UTF-16, "_method=DELETE" or "regionCode=…" has NULs
    between its letters to a reader of bytes. A charset Python does not know is refused (415):
    the upstream's reading could not be followed."""
    for value in content_types:
        media_type, charset = parse_content_type(value)
        if media_type != "application/x-www-form-urlencoded" or charset is None:
            continue
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            raise QueryError(
                415,
                "request_encoding_unsupported",
                f"form bodies in charset {charset[:40]!r} are not accepted",
                "不接受该字符集的表单请求体,请以 UTF-8 发送",
            ) from None
        if codec != "utf-8":
            return body.decode(codec, "replace").encode("utf-8")
    return body


def json_type(media_type: str) -> bool:
    """application/json, text/json, application/x-json, application/*+json."""
    subtype = media_type.partition("/")[2]
    return subtype in ("json", "x-json") or subtype.endswith("+json")


def check_json(doc: Any) -> None:
    """A JSON body (as jsonbody.parse gives it) must not change the method: Laravel takes its
    input from the JSON of a JSON request, `_method` among it (the members of the top-level
    object). A body that does not parse is not read here (the region check refuses it on a
    region route)."""
    if isinstance(doc, JsonObject):
        for name, _ in doc:
            _refuse_override(name, name.strip().casefold().removesuffix("[]"))


def check_form(body: bytes) -> None:
    """A form body (application/x-www-form-urlencoded) must not change the method either."""
    for name, key in _names(body):
        _refuse_override(name, key)


# A multipart part's header line naming it. Read loosely on purpose (any case, spaces before
# the colon, LF alone): a line one parser takes for a part header must not pass unread here.
_DISPOSITION = re.compile(rb"(?im)^[ \t]*content-disposition[ \t]*:(.*)$")
# Its parameters: name="…" (backslash escapes), name=token, and RFC 2231's
# name*=charset'lang'%XX…, which Go's mime and some Java parsers decode.
_PARAMETER = re.compile(r'(?:^|;)\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"?|[^;]*)')
_ESCAPED = re.compile(r"\\(.)")


def part_names(body: bytes) -> Iterator[str]:
    """The names of the parts of a multipart body, as the part headers give them."""
    for line in _DISPOSITION.finditer(body):
        for param in _PARAMETER.finditer(line.group(1).decode("utf-8", "replace")):
            key, value = param.group(1).casefold(), param.group(2).strip()
            if key not in ("name", "name*"):
                continue
            if value.startswith('"'):
                value = _ESCAPED.sub(r"\1", value[1:].removesuffix('"'))
            if key == "name*":
                value = unquote(value.split("'", 2)[-1], errors="replace")
            yield value


def check_multipart(body: bytes) -> None:
    """A multipart body (multipart/form-data) must not change the method: frameworks read its
    parts as form parameters, `_method` among them."""
    for name in part_names(body):
        _refuse_override(name, name.strip().casefold().removesuffix("[]"))


def check_query(query: bytes, max_bytes: int) -> None:
    if len(query) > max_bytes:
        raise QueryError(414, "query_too_long", f"query string exceeds {max_bytes} bytes", "查询字符串过长")
    seen: set[str] = set()
    for name, key in _names(query):
        _refuse_override(name, key)
        if key in seen:
            raise QueryError(
                400,
                "duplicate_query_parameter",
                f"query parameter {name!r} is repeated",
                "查询参数重复,已拒绝",
            )
        seen.add(key)
