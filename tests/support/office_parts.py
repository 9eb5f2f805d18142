"""Parts of Office files that the writers tests use cannot make: Excel 365's threaded comments
and the people they name, a pivot cache made from a query outside the workbook, a theme."""

from __future__ import annotations

import io
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"

# A theme as Office writes one, its major Latin font's name to fill in.
THEME = (
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
    '<a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="{}"/>'
    "</a:majorFont></a:fontScheme></a:themeElements></a:theme>"
)
PERSONS = (
    f'<personList xmlns="{_THREADED}" xmlns:x="{MAIN}"><person displayName="王主任"'
    ' id="{5D0B2B48-1C6F-4F5C-9E4B-3B1A0E2C7D11}" userId="王主任" providerId="None"/></personList>'
)


def replaced(body: bytes, **parts: str) -> bytes:
    """The archive with ``parts`` written in place of (or beside) its own."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in parts:
                target.writestr(name, source.read(name))
        for name, text in parts.items():
            target.writestr(name, text)
    return out.getvalue()


def threaded(text: str, mentions: str = "") -> str:
    """A threaded comment on B2 by the one person of ``PERSONS``."""
    return (
        f'<ThreadedComments xmlns="{_THREADED}" xmlns:x="{MAIN}">'
        '<threadedComment ref="B2" dT="2026-11-30T08:00:00.00" personId="{5D0B2B48-1C6F-4F5C-9E4B-3B1A0E2C7D11}"'
        f' id="{{0A1B2C3D-0000-4000-8000-000000000001}}"><text>{text}</text>{mentions}</threadedComment>'
        "</ThreadedComments>"
    )


def pivot_cache(field: str, *values: str) -> dict[str, str]:
    """A pivot cache made from a query outside the workbook: a field of ``values`` and an amount,
    each record naming its value by its index among the field's items."""
    items = "".join(f'<s v="{v}"/>' for v in values)
    definition = (
        f'<pivotCacheDefinition xmlns="{MAIN}" recordCount="{len(values)}">'
        '<cacheSource type="external" connectionId="1"/><cacheFields count="2">'
        f'<cacheField name="{field}" numFmtId="0"><sharedItems count="{len(values)}">{items}</sharedItems></cacheField>'
        '<cacheField name="金额" numFmtId="0"><sharedItems containsNumber="1"/></cacheField>'
        "</cacheFields></pivotCacheDefinition>"
    )
    records = "".join(f'<r><x v="{i}"/><n v="650.5"/></r>' for i in range(len(values)))
    return {
        "xl/pivotCache/pivotCacheDefinition1.xml": definition,
        "xl/pivotCache/pivotCacheRecords1.xml": f'<pivotCacheRecords xmlns="{MAIN}">{records}</pivotCacheRecords>',
    }
