"""Region codes a request names beside its path, on a route scoped to a region.

Authorize decides on the path's region (``/regions/610902/…``). An upstream may also read a
region from a parameter (``?regionCode=610921``, ``xzqhdm`` in a form or a JSON body) and
answer for it, or file a write there: the caller would reach another region's records with a
path of their own. The response check (release) catches records that name their region, not
a list without a region field, nor a write. So on a region route every parameter named by a
region key of the catalog (``regions``: ``regionCode``, ``xzqhdm``, ``区划代码`` …, or
``region``) must name a code inside the path's region, or a GB/T 2260 name of one
(``汉滨区``, classifiers/regionnames.py); one that names another region, or that is neither, is
refused before the upstream is asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import unquote_plus

from classifiers.regionnames import code_of_name
from classifiers.regionparts import RegionPart, regions_of
from classifiers.structured import division_code, nested_region_code, region_code
from policies.conditions import Verdict
from policies.enforcer import region_prefix

from ..media import parse_content_type
from ..types import Headers
from .filters import SELECTIONS, UNREAD, filter_terms
from .jsonbody import JsonObject, ParsedBody, loads, parse
from .query import form_body, json_type, parameters, part_names

IsRegionKey = Callable[[str], bool]
# The level of the region a parameter's name names a part of (catalog ``region_parts``: 1 a
# province, 2 a city, 3 a county), 0 for none.
PartOf = Callable[[str], int]
# What a region named in parts is shown as, for want of one parameter's name.
_IN_PARTS = "(分级区划参数)"
# A JSON body nested deeper is not walked further; the upstream sees it whole, so a region
# key down there would pass unjudged: such a body is refused as unreadable.
_MAX_DEPTH = 32


# The parts of a parameter's name that frameworks bind to members: regionCode[] (PHP, Rails),
# filter[regionCode] (JSON:API, Rails), query.regionCode (Spring's nested properties).
_NAME_PARTS = re.compile(r"[^.\[\]]+")


def _names_region(name: str, is_region_key: IsRegionKey) -> bool:
    return any(is_region_key(part) for part in _NAME_PARTS.findall(name))


# A byte a client sent unescaped where an escape belongs (a raw UTF-8 区划代码 in a form).
_RAW_BYTE = re.compile(rb"[\x80-\xff]")
# An escape of a byte that is no ASCII: UTF-8, or GBK when the form declares it (charset=gbk).
_HIGH_ESCAPE = re.compile(rb"%[89A-Fa-f][0-9A-Fa-f]")


class _Readings(tuple[Any, ...]):
    """What one parameter's value says as servers decoding it in different charsets read it
    (as sent, UTF-8, GB18030), judged together: the GB18030 reading of a UTF-8 汉滨区 is no
    region to anyone and must not refuse what the UTF-8 reading names, while a reading that
    names another region refuses whatever the others say."""


def _pairs(data: bytes) -> Iterator[tuple[str, Any]]:
    """(name, value) of each parameter of a query string or an urlencoded form, as
    query.check_query reads them; with raw non-ASCII bytes or escapes of them, also as a server
    decoding them as UTF-8 or GB18030 reads them (check_query reads raw bytes as Latin-1 and
    escapes as UTF-8: 区划代码 sent unescaped, or escaped in GBK, was no region key to it).
    A value read differently so comes as its _Readings, under each name it is read as."""
    plain = [
        (name.strip(), unquote_plus(value.decode("latin-1"), errors="replace")) for name, value in parameters(data)
    ]
    if data.isascii() and _HIGH_ESCAPE.search(data) is None:
        yield from plain
        return
    escaped = _RAW_BYTE.sub(lambda m: b"%%%02X" % m.group()[0], data)
    others = [
        [(name.strip(), unquote_plus(value.decode("latin-1"), charset, errors="replace")) for name, value in pairs]
        for charset, pairs in (("utf-8", parameters(escaped)), ("gb18030", parameters(escaped, "gb18030")))
    ]
    for readings in zip(plain, *others, strict=True):
        values = tuple(dict.fromkeys(value for _, value in readings))
        value = values[0] if len(values) == 1 else _Readings(values)
        for name in dict.fromkeys(name for name, _ in readings):
            yield name, value


def _named_pairs(pairs: Iterator[tuple[str, Any]], is_region_key: IsRegionKey) -> Iterator[tuple[str, Any]]:
    """The region parameters among a query's, a form's or a multipart body's, the region keys
    of JSON in any parameter's value (?filter={"regionCode": …}: LoopBack's filter, front ends
    that send a query object as JSON in one parameter), and the filter terms in any other."""
    for name, value in pairs:
        if _names_region(name, is_region_key):
            yield name, value
        elif isinstance(value, _Readings):
            # What every reading names, judged as one: the regions a server may read there.
            selection = name.lower() in SELECTIONS
            found = [item for reading in value for _, item in _inside_value(reading, is_region_key, selection)]
            if found:
                yield name, _Readings(found)
        else:
            yield from _inside_value(value, is_region_key, name.lower() in SELECTIONS)


def _inside_value(value: str, is_region_key: IsRegionKey, selection: bool = False) -> Iterator[tuple[str, Any]]:
    """The region keys of JSON in a parameter's value, or the filter terms in it (``selection``:
    of a parameter that selects the answer's fields, filters.SELECTIONS)."""
    text = value.strip()
    if text[:1] not in ("{", "["):
        yield from filter_terms(text, lambda key: _names_region(key, is_region_key), selection)
        return
    try:
        doc = loads(text)
    except (ValueError, RecursionError):
        return  # text that only starts as JSON does
    yield from _members(doc, is_region_key)


def _leaves(node: Any) -> Iterator[Any]:
    if isinstance(node, JsonObject):
        for _, value in node:
            yield from _leaves(value)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value)
    else:
        yield node


def _members(node: Any, is_region_key: IsRegionKey, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """(key, value) of every region key's value in a JSON document; a region key over an
    object or a list gives the codes inside it ({"xzqh": {"dm": …}}); a filter term in any
    string gives its code."""
    if depth > _MAX_DEPTH and isinstance(node, list):  # an object or an array
        yield f"(JSON 嵌套超过 {_MAX_DEPTH} 层)", UNREAD
        return
    if isinstance(node, JsonObject):
        for key, value in node:
            if is_region_key(key):
                if isinstance(value, list):  # an object or an array
                    yield from ((key, leaf) for leaf in _leaves(value) if nested_region_code(leaf))
                    continue
                yield key, value
            yield from _members(value, is_region_key, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _members(item, is_region_key, depth + 1)
    elif isinstance(node, str):  # {"filter": "regionCode eq '610921'"}
        yield from filter_terms(node, lambda key: _names_region(key, is_region_key))


def _parts(body: bytes, content_type: str) -> Iterator[tuple[str, str]]:
    """(name, value) of each part of a multipart body. A part name that the loose reading of
    query.part_names finds but this parse does not (the two disagree on a malformed body)
    comes with no value: a region part that cannot be read is refused."""
    head = b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n"
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    parsed: set[str] = set()
    if message.is_multipart():
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            parsed.add(name)
            yield name, payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    for name in part_names(body):
        if name not in parsed:
            yield name, UNREAD


def _in_parts(pairs: list[tuple[str, Any]], part_of: PartOf | None) -> Iterator[tuple[str, Any]]:
    """The region the parameters of one query, form or JSON object name in parts (?sheng=61&
    shi=09&xian=21, ?province=陕西省&city=安康市&county=汉阴县), as the answer's records are read
    (classifiers/regionparts.py): a code, or a chain of names read from the province down, so
    that 呼和浩特's 新城区 is not 西安's. Parts of one level only name what their key named alone.
    Values read in several charsets (_Readings) are read in each, and judged as their readings."""
    if part_of is None:
        return
    found = [(level, value) for name, value in pairs if (level := part_of(name)) and _scalar(value)]
    if not found:
        return
    readings = max(len(value) if isinstance(value, _Readings) else 1 for _, value in found)
    named: list[str] = []
    for i in range(readings):
        parts: list[RegionPart] = [
            (level, (value[min(i, len(value) - 1)] if isinstance(value, _Readings) else value,), 0)
            for level, value in found
        ]
        for values in regions_of(parts).values():
            named += values
    if named:
        yield _IN_PARTS, named[0] if readings == 1 and len(named) == 1 else _Readings(dict.fromkeys(named))


def _scalar(value: Any) -> bool:
    return isinstance(value, _Readings | str | int) and not isinstance(value, bool)


def named_regions(
    query: bytes,
    body: bytes,
    content_types: list[str],
    is_region_key: IsRegionKey,
    parsed: ParsedBody | None = None,
    part_of: PartOf | None = None,
) -> Iterator[tuple[str, Any]]:
    """(name, value) of each region parameter in the query, an urlencoded form, a multipart
    or a JSON body: declared as JSON (text/json and application/x-json too), or with no
    Content-Type at all; and the region that ``part_of``'s parameters name in parts among
    the query's, the form's or the JSON object's. `content_types`: the request's
    Content-Type lines; `parsed`: the body as JSON, if it was parsed already."""
    query_pairs = list(_pairs(query))
    yield from _named_pairs(iter(query_pairs), is_region_key)
    yield from _in_parts(query_pairs, part_of)
    if not body:
        return
    body_types = {parse_content_type(value)[0] for value in content_types}
    declared_json = any(json_type(t) for t in body_types)
    for value in content_types:
        if parse_content_type(value)[0].startswith("multipart/"):
            yield from _named_pairs(_parts(body, value), is_region_key)
    if "application/x-www-form-urlencoded" in body_types:
        form = list(_pairs(form_body(body, content_types)))
        yield from _named_pairs(iter(form), is_region_key)
        yield from _in_parts(form, part_of)
    # No Content-Type: FastAPI reads a body as JSON then; ASP.NET Core reads text/json too.
    if declared_json or not content_types:
        parsed = parsed if parsed is not None else parse(body)
        if not parsed.ok:
            # fastjson, Gson and Newtonsoft.Json read single quotes, bare keys, trailing commas
            # and comments: the region keys such a body holds cannot be judged here.
            if declared_json or _looks_like_json(body):
                yield "(JSON 请求体)", UNREAD
            return
        yield from _members(parsed.doc, is_region_key)
        if isinstance(parsed.doc, JsonObject):
            yield from _in_parts(list(parsed.doc), part_of)


def _looks_like_json(body: bytes) -> bool:
    """Does a body sent with no Content-Type start as an object or an array would (after a
    byte order mark, which parsers skip)?"""
    return body.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def header_regions(headers: Headers, is_region_key: IsRegionKey) -> Iterator[tuple[str, str]]:
    """(name without its "X-", value) of each request header named by a region key
    (X-Region-Code, X-Xzqhdm), and of each such cookie: an upstream may read the region from
    a header, as many read the tenant, or from the cookie that keeps the 区划 an official
    chose, and answer for it."""
    for raw_name, raw_value in headers:
        if raw_name == b"cookie":
            for pair in raw_value.decode("latin-1").split(";"):
                cookie, _, value = pair.partition("=")
                if is_region_key(cookie.strip()):
                    yield cookie.strip(), value.strip().strip('"')
            continue
        name = raw_name.decode("latin-1")
        bare = name[2:] if name[:2].lower() == "x-" else name
        if is_region_key(bare):
            yield bare, raw_value.decode("latin-1")


def _code(value: Any, target: str, lenient: bool) -> str:
    """The code a region parameter names, "" when none. `lenient`: a key of region words,
    where only a GB/T 2260 code names a region."""
    code = division_code(value) if lenient else region_code(value)
    if not code and not lenient and isinstance(value, str) and value != UNREAD:
        # A region by its GB/T 2260 name (?qhdm=汉滨区), read in the path's province as the
        # release stage reads one: a name found twice there (城区 in 山西) or no county at all
        # (城关镇, 江北街道) is no code, and refused.
        code = code_of_name(value, target[:2])
    return code


def _inside(value: Any, target: str, lenient: bool) -> bool:
    """Does one value name a region inside `target`? regionCodes=610902,610902001: a list
    frameworks split on commas, judged item by item."""
    for item in value.split(",") if isinstance(value, str) else [value]:
        code = _code(item, target, lenient)
        if not (lenient and not code) and not (code and code.startswith(region_prefix(target))):
            return False
    return True


def _readings_inside(readings: _Readings, target: str, lenient: bool) -> bool:
    """Every reading that names a region names one inside `target`, and one does (a reading
    that names none, the mojibake of another charset, is no region to anyone); a term that
    cannot be judged refuses whatever the others say."""
    named = False
    for reading in readings:
        if reading is None or (isinstance(reading, str) and not reading.strip()):
            continue
        for item in reading.split(",") if isinstance(reading, str) else [reading]:
            code = _code(item, target, lenient)
            if item == UNREAD or (code and not code.startswith(region_prefix(target))):
                return False
            named = named or bool(code)
    return named or lenient


def outside_region(
    target: str, named: Iterator[tuple[str, Any]], code_only: IsRegionKey = lambda name: False
) -> Verdict | None:
    """The refusal for the first region parameter that does not name a code inside `target`.
    `code_only`: a key of region words (areaCode: also a telephone area code), where only a
    GB/T 2260 code names a region, and anything else is let through."""
    for name, value in named:
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # nothing named
        lenient = any(code_only(part) for part in _NAME_PARTS.findall(name))
        readings = isinstance(value, _Readings)
        if _readings_inside(value, target, lenient) if readings else _inside(value, target, lenient):
            continue
        shown = str(value[0] if readings else value)[:40]
        return Verdict(
            "region_scope",
            403,
            "region_parameter_outside",
            f"parameter {name!r} names region {shown!r}, not inside the path's region {target}",
            f"请求参数 {name} 指定的区划({shown})不在本次访问的区划 {target} 内,已拒绝",
        )
    return None
