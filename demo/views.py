"""Response shaping shared by the demo routers: region scope, paging, legacy rows, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from demo import regions
from demo.models import Case, Dataset, Household, Person, to_json

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

MAX_PAGE_SIZE = 500


def region_scope(region: str) -> str:
    """Path dependency: the record-code prefix that ``{region}`` covers (404 if unknown)."""
    if not regions.is_known(region):
        raise HTTPException(status_code=404, detail=f"unknown region code {region}")
    return regions.scope_prefix(region)


Scope = Annotated[str, Depends(region_scope)]
Page = Annotated[int, Query(ge=1)]
Size = Annotated[int, Query(ge=1, description=f"page size, capped at {MAX_PAGE_SIZE}")]


def json_response(content: Any, status_code: int = 200) -> JSONResponse:
    # Returning a JSONResponse skips FastAPI's jsonable_encoder pass, which matters for
    # the large exports; Starlette writes UTF-8 with ensure_ascii=False, so Chinese text
    # reaches the gateway as real characters, not \\u escapes.
    return JSONResponse(content, status_code=status_code)


def not_found(kind: str, key: str) -> HTTPException:
    # Same answer for "does not exist" and "exists in another region": a caller scoped
    # to one district learns nothing about the others.
    return HTTPException(status_code=404, detail=f"{kind} {key} not found in this region")


def page_of(records: Sequence[DataclassInstance], page: int, size: int) -> dict[str, Any]:
    size = min(size, MAX_PAGE_SIZE)
    chosen = records[(page - 1) * size : page * size]
    return {
        "total": len(records),
        "page": page,
        "size": size,
        "items": [to_json(r) for r in chosen],
    }


# --- legacy view: the pinyin-abbreviation keys of older 民政 systems -------------------

LEGACY_STATUS = {
    "approved": "在保",
    "pending": "待审核",
    "rejected": "不予批准",
    "terminated": "已停保",
}
LEGACY_REMARKS = ("已入户核查", "家庭经济状况核对通过", "经民主评议公示无异议", "动态复核保持")
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ZERO_WIDTH_SPACE = "\u200b"


def evasive_styles(ds: Dataset) -> dict[str, str]:
    """The first two 低保 cases of each district are rendered in the evasive shapes real
    systems produce ("fullwidth", then "spaced"), so every district's legacy list holds
    them. Fixed per case, so the same record looks the same whichever region is asked."""
    styles: dict[str, str] = {}
    seen: dict[str, int] = {}
    for case in ds.cases.values():
        district = case.region_code[:6]
        if case.program == "dibao" and seen.get(district, 0) < 2:
            styles[case.case_id] = ("fullwidth", "spaced")[seen.get(district, 0)]
            seen[district] = seen.get(district, 0) + 1
    return styles


def legacy_row(case: Case, person: Person, household: Household, style: str | None) -> dict[str, str]:
    """One 低保 record keyed like a legacy system: xm 姓名, sfzh 身份证号, lxdh 联系电话,
    jtzz 家庭住址, yhkh 银行卡号, csrq 出生日期, xb 性别 (GB/T 2261.1 code), etc."""
    sfzh, lxdh, yhkh = person.id_number, person.mobile, person.bank_card
    remark = LEGACY_REMARKS[int(case.case_id[-5:]) % len(LEGACY_REMARKS)]
    if style == "fullwidth":
        sfzh = sfzh.translate(FULLWIDTH)
        lxdh = f"+86 {lxdh[:3]}-{lxdh[3:7]}-{lxdh[7:]}"
        # Free text with personal data inside, as case workers type it.
        remark = f"申请人{person.name}，身份证{person.id_number}，电话{person.mobile}，{remark}"
    elif style == "spaced":
        sfzh = sfzh[:6] + ZERO_WIDTH_SPACE + sfzh[6:]
        lxdh = f"{lxdh[:3]} {lxdh[3:7]} {lxdh[7:]}"
        yhkh = " ".join(yhkh[i : i + 4] for i in range(0, len(yhkh), 4))
    return {
        "ajbh": case.case_no,
        "lsh": case.serial_no,
        "qhdm": case.region_code,
        "xm": person.name,
        "xb": "1" if person.gender == "男" else "2",
        "csrq": person.birth_date.replace("-", ""),
        "sfzh": sfzh,
        "lxdh": lxdh,
        "jtzz": household.address,
        "yhkh": yhkh,
        "khyh": person.bank_name,
        "bzrs": str(len(household.member_ids)),
        "bzje": f"{case.monthly_amount:.2f}",
        "zt": LEGACY_STATUS[case.status],
        "sqrq": case.created_at.replace("-", ""),
        "jbr": case.created_by,
        "shr": case.approved_by or "",
        "bz": remark,
    }


# --- CSV export -------------------------------------------------------------------------

CSV_COLUMNS = (
    *("姓名", "身份证号码", "联系电话", "家庭住址", "银行卡号", "开户银行", "性别", "出生日期"),
    *("人员编号", "户编号", "与户主关系", "区划代码", "残疾等级", "月收入", "健康状况"),
)
GRADES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def persons_csv(persons: Iterable[Person]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180 quoting and CRLF line ends, as Excel expects
    writer.writerow(CSV_COLUMNS)
    for p in persons:
        writer.writerow(
            [
                p.name,
                p.id_number,
                p.mobile,
                p.address,
                p.bank_card,
                p.bank_name,
                p.gender,
                p.birth_date,
                p.person_id,
                p.household_id,
                p.relation,
                p.region_code,
                GRADES.get(p.disability_grade or 0, ""),
                f"{p.monthly_income:.2f}",
                p.health_condition,
            ]
        )
    return out.getvalue()


def compact_json(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
