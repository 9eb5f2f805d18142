"""A real HTTP upstream that misbehaves on purpose, for the gateway's hardening tests.

Served on loopback in a background thread; every case answers under
/api/v1/regions/{region}/persons/{case} and /api/v1/regions/{region}/cases/{case}.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from aiohttp import web

from support.gateways import RunningGateway, free_port, start_gateway, stop_gateway

# Synthetic, checksum-valid identity data.
ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
RECORD = {"name": "张伟", "idNumber": ID_NUMBER, "mobile": MOBILE, "caseNo": "DB610902202300017"}
JSON_BODY = json.dumps({"items": [RECORD]}, ensure_ascii=False).encode("utf-8")
SOAP_BODY = (
    '<?xml version="1.0" encoding="GBK"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
    f'<soap:Body><ns1:cxResp xmlns:ns1="urn:mz"><ns1:xm>张伟</ns1:xm><ns1:sfzh>{ID_NUMBER}</ns1:sfzh>'
    f"<ns1:lxdh>{MOBILE[:3]}&#8203;{MOBILE[3:]}</ns1:lxdh><ns1:ajbh>DB610902202300017</ns1:ajbh>"
    "</ns1:cxResp></soap:Body></soap:Envelope>"
)
HTML_BODY = (
    "<html><body><table><tr><th>姓名</th><th>身份证号码</th><th>联系电话</th></tr>"
    f"<tr><td>张伟</td><td>{ID_NUMBER}</td><td>{MOBILE}</td></tr></table></body></html>"
)
# How an upstream may have recorded wangfang as a case's creator (another channel, another
# normalisation): each is wangfang to any directory.
FILED_BY = {
    "upper": "WangFang",
    "fullwidth": "ｗａｎｇｆａｎｇ",
    "space": "wangfang ",
    "zwsp": "wang\u200bfang",
    "bom": "\ufeffwangfang",
    "shy": "wang\u00adfang",
    "wj": "wangfang\u2060",
}
XML_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + ID_NUMBER.encode() + b'">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><r>&c;</r>'
)


@functools.cache
def _bomb() -> bytes:
    """40 MB of JSON gzipped to about 40 KB."""
    return gzip.compress(b"[" + b"0," * (20 * 1024 * 1024) + b"0]")


async def handle(request: web.Request) -> web.StreamResponse:
    case = request.match_info["case"]
    if case == "binary":
        return web.Response(body=b"\x89PNG\r\n" + ID_NUMBER.encode() + b"\x00" * 64, content_type="image/png")
    if case == "gzip":
        return web.Response(
            body=gzip.compress(JSON_BODY), headers={"Content-Type": "application/json", "Content-Encoding": "gzip"}
        )
    if case == "bomb":
        return web.Response(body=_bomb(), headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    if case == "mislabelled":
        return web.Response(body=JSON_BODY, content_type="application/octet-stream")
    if case == "gbk":
        csv = f"姓名,身份证号码,联系电话\r\n张伟,{ID_NUMBER},{MOBILE}\r\n".encode("gbk")
        return web.Response(body=csv, headers={"Content-Type": "text/csv; charset=GBK"})
    if case == "gb18030json":  # legacy systems: JSON in GB18030, declared or not
        body = json.dumps({"items": [RECORD], "备注": "𠀀"}, ensure_ascii=False).encode("gb18030")
        return web.Response(body=body, headers={"Content-Type": request.query.get("type", "application/json")})
    if case == "soap":  # a SOAP service in GBK, declared only in the XML prolog
        return web.Response(body=SOAP_BODY.encode("gbk"), headers={"Content-Type": "text/xml"})
    if case == "html":
        return web.Response(body=HTML_BODY.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})
    if case == "xmlbomb":
        return web.Response(body=XML_BOMB, headers={"Content-Type": "application/xml"})
    if case == "badjson":
        return web.Response(body=b'{"idNumber": "' + ID_NUMBER.encode() + b'", ', content_type="application/json")
    if case == "slow":
        await asyncio.sleep(3)
        return web.Response(body=JSON_BODY, content_type="application/json")
    if case == "reset":
        if request.transport is not None:
            request.transport.abort()
        raise asyncio.CancelledError
    if case == "partial":
        response = web.StreamResponse(headers={"Content-Type": "application/json", "Content-Length": "1000"})
        await response.prepare(request)
        await response.write(JSON_BODY[:40])
        if request.transport is not None:
            request.transport.abort()
        return response
    if case == "hop":
        return web.Response(
            body=JSON_BODY,
            headers={
                "Content-Type": "application/json",
                "Connection": "close, X-Internal-Hop",
                "Keep-Alive": "timeout=5",
                "X-Internal-Hop": "secret-route",
                "X-Upstream-Version": "1.2",
            },
        )
    if case == "foreign":  # a list for one district that carries a person of another
        people = [
            {**RECORD, "regionCode": request.match_info["region"] + "002001"},
            {**RECORD, "idNumber": "610921198906063413", "regionCode": "610921101001"},
        ]
        return web.json_response({"items": people})
    if case == "named":  # the region written out, not coded: 汉阴县's records
        people = [
            {**RECORD, "所属区划": "陕西省安康市汉阴县"},
            {**RECORD, "idNumber": "610921198906063413", "所属区划": "汉阴县城关镇"},
        ]
        return web.json_response({"items": people})
    if case == "region-name":  # the region only by name, under a region-name key: 汉阴县's record
        return web.json_response({"items": [{**RECORD, "xzqhmc": "汉阴县"}]})
    if case == "township-coded":  # the township's name beside the record's code, as systems write the pair
        return web.json_response(
            {"items": [{**RECORD, "xzqhdm": request.match_info["region"] + "001", "xzqhmc": "江北街道"}]}
        )
    if case == "township-alone":  # a township's name and nothing that places it
        return web.json_response({"items": [{**RECORD, "xzqhmc": "江北街道"}]})
    if case.startswith("filed-by-"):  # a case whose creator the upstream spelt its own way
        return web.json_response({"caseId": case, "createdBy": FILED_BY[case.removeprefix("filed-by-")]})
    if case in ("cacheable", "cacheable-general"):  # an upstream that lets anyone cache its answer
        body = JSON_BODY if case == "cacheable" else json.dumps({"status": "ok", "total": 3}).encode()
        headers = {
            "Content-Type": "application/json",
            "Cache-Control": "public, max-age=600",
            "Expires": "Thu, 01 Jan 2099 00:00:00 GMT",
            "Pragma": "cache",
            "ETag": '"v1"',
        }
        return web.Response(body=body, headers=headers)
    if case in ("redirect", "redirect-elsewhere"):  # the upstream names its own address, or another host's
        origin = str(request.url.origin()) if case == "redirect" else "http://other.internal:8080"
        raise web.HTTPFound(f"{origin}/api/v1/regions/610902/persons/echo?from=redirect")
    if case == "headers":  # persons named in response headers, the body saying nothing
        headers = {
            "Content-Type": "application/json",
            "Location": f"/api/v1/regions/610902/persons/{ID_NUMBER}",
            "X-Applicant-Name": "张伟",
            "X-Contact": f"电话 {MOBILE}",
            "Content-Disposition": f"attachment; filename*=UTF-8''{ID_NUMBER}.json",
            "X-Upstream-Version": "1.2",
        }
        return web.Response(body=json.dumps({"status": "ok"}).encode(), headers=headers)
    if case == "cookie":  # an upstream that starts a session for whoever called
        response = web.json_response({"items": []})
        response.set_cookie("JSESSIONID", "session-of-the-first-caller", path="/")
        return response
    if case in ("ranged", "partial-content"):  # honours Range as file servers do; or sends a part anyway
        text = f"申请人张伟,身份证号{ID_NUMBER},电话{MOBILE}".encode()
        wanted = request.headers.get("Range", "bytes=0-36" if case == "partial-content" else "")
        if not wanted.startswith("bytes="):
            return web.Response(body=text, content_type="text/plain", charset="utf-8")
        first, last = (int(n) for n in wanted.removeprefix("bytes=").split("-"))
        part = text[first : last + 1]
        headers = {"Content-Range": f"bytes {first}-{first + len(part) - 1}/{len(text)}"}
        return web.Response(status=206, body=part, content_type="text/plain", charset="utf-8", headers=headers)
    if case == "shallow-etag":  # Spring's ShallowEtagHeaderFilter: the MD5 of the body, 304 when it matches
        etag = f'"0{hashlib.md5(JSON_BODY).hexdigest()}"'
        if etag in (request.headers.get("If-None-Match", ""), request.headers.get("If-Match", "")):
            status = 304 if "If-None-Match" in request.headers else 200
            return web.Response(status=status, body=None if status == 304 else JSON_BODY, headers={"ETag": etag})
        if "If-Match" in request.headers:
            return web.Response(status=412)
        return web.Response(body=JSON_BODY, headers={"Content-Type": "application/json", "ETag": etag})
    if case == "echo":
        headers = {k.lower(): v for k, v in request.headers.items()}
        return web.json_response({"headers": headers, "path": request.path, "query": request.query_string})
    return web.json_response({"error": "no such case"}, status=404)


async def approve(request: web.Request) -> web.StreamResponse:
    """Approves whatever it is asked to (self-approval is the gateway's to refuse)."""
    return web.json_response({"caseId": request.match_info["case"], "status": "approved"})


@contextmanager
def odd_upstream(port: int) -> Iterator[str]:
    _bomb()  # made before serving: compressing 40 MB in the handler outlasted a 1 s upstream timeout on a busy host
    app = web.Application()
    app.router.add_route("*", "/api/v1/regions/{region}/persons/{case}", handle)
    app.router.add_route("*", "/api/v1/regions/{region}/cases/{case}", handle)
    app.router.add_route("POST", "/api/v1/regions/{region}/cases/{case}/approve", approve)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.run_until_complete(runner.cleanup())
        loop.close()


@contextmanager
def gateway_to_odd_upstream(
    directory: Path, prefix: str, overrides: dict[str, dict[str, Any]] | None = None
) -> Iterator[RunningGateway]:
    """A real gateway in front of this odd upstream, for a module's tests."""
    with odd_upstream(free_port()) as upstream:
        gateway = start_gateway(directory, upstream, prefix, overrides=overrides)
        try:
            yield gateway
        finally:
            stop_gateway(gateway)
