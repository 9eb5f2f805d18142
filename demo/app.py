"""The demo upstream: a small civil-affairs (民政) HTTP API over synthetic data.

Not part of the product. It is the backend that minguard proxies in runs, tests and
benchmarks. Every data route sits under ``/api/v1/regions/{region}/`` and only returns
records whose 12-digit region code lies under ``{region}``, so a gateway can authorise
on that path parameter alone.
"""

from __future__ import annotations

import copy
import functools
from typing import Annotated, Literal

import uvicorn
from fastapi import APIRouter, FastAPI, Query
from fastapi.responses import JSONResponse, Response

from demo import reference, views
from demo.generate import DEFAULT_SEED, generate
from demo.models import Dataset, to_json
from demo.views import Page, Scope, Size, json_response, not_found, page_of
from demo.writes import write_router

DOC4K_SEED = 4096  # the benchmark document never changes, whatever seed the app uses


def create_app(dataset: Dataset | None = None) -> FastAPI:
    """Build the app. A given dataset is copied: writes stay private to this instance."""
    return _build(copy.deepcopy(dataset) if dataset is not None else generate())


def _build(ds: Dataset) -> FastAPI:
    app = FastAPI(
        title="minguard demo upstream",
        description="Synthetic 民政 data for tests and benchmarks. No real personal data.",
        version="1.0",
        default_response_class=JSONResponse,
    )
    app.include_router(_read_router(ds), prefix="/api/v1")
    app.include_router(write_router(ds), prefix="/api/v1")
    return app


def _read_router(ds: Dataset) -> APIRouter:
    router = APIRouter()
    evasive = views.evasive_styles(ds)
    base = "/regions/{region}"

    @router.get("/health")
    async def health() -> JSONResponse:
        return json_response({"status": "ok"})

    @router.get("/static/doc4k")
    async def doc4k() -> Response:
        return Response(content=_doc4k(), media_type="application/json")

    @router.get(base + "/persons")
    async def list_persons(scope: Scope, q: str = "", page: Page = 1, size: Size = 20) -> JSONResponse:
        found = [p for p in ds.persons.values() if p.region_code.startswith(scope) and q in p.name]
        return json_response(page_of(found, page, size))

    @router.get(base + "/persons/{person_id}")
    async def get_person(scope: Scope, person_id: str) -> JSONResponse:
        person = ds.persons.get(person_id)
        if person is None or not person.region_code.startswith(scope):
            raise not_found("person", person_id)
        return json_response(to_json(person))

    @router.get(base + "/households/{household_id}")
    async def get_household(scope: Scope, household_id: str) -> JSONResponse:
        household = ds.households.get(household_id)
        if household is None or not household.region_code.startswith(scope):
            raise not_found("household", household_id)
        members = [to_json(ds.persons[pid]) for pid in household.member_ids]
        return json_response({**to_json(household), "members": members})

    @router.get(base + "/cases")
    async def list_cases(
        scope: Scope,
        program: Literal["dibao", "tekun", "linshi"] | None = None,
        status: Literal["pending", "approved", "rejected", "terminated"] | None = None,
        page: Page = 1,
        size: Size = 20,
    ) -> JSONResponse:
        found = [
            c
            for c in ds.cases.values()
            if c.region_code.startswith(scope) and program in (None, c.program) and status in (None, c.status)
        ]
        return json_response(page_of(found, page, size))

    @router.get(base + "/cases/{case_id}")
    async def get_case(scope: Scope, case_id: str) -> JSONResponse:
        case = ds.cases.get(case_id)
        if case is None or not case.region_code.startswith(scope):
            raise not_found("case", case_id)
        return json_response(to_json(case))

    @router.get(base + "/payments")
    async def list_payments(
        scope: Scope,
        case_id: Annotated[str | None, Query(alias="caseId")] = None,
        page: Page = 1,
        size: Size = 20,
    ) -> JSONResponse:
        found = [p for p in ds.payments.values() if p.region_code.startswith(scope) and case_id in (None, p.case_id)]
        return json_response(page_of(found, page, size))

    @router.get(base + "/elderly-care")
    async def list_elderly_care(scope: Scope, page: Page = 1, size: Size = 20) -> JSONResponse:
        found = [r for r in ds.elderly_care if r.region_code.startswith(scope)]
        return json_response(page_of(found, page, size))

    @router.get(base + "/child-welfare")
    async def list_child_welfare(scope: Scope, page: Page = 1, size: Size = 20) -> JSONResponse:
        found = [r for r in ds.child_welfare if r.region_code.startswith(scope)]
        return json_response(page_of(found, page, size))

    @router.get(base + "/legacy/dibao")
    async def legacy_dibao(scope: Scope, page: Page = 1, size: Size = 20) -> JSONResponse:
        cases = [c for c in ds.cases.values() if c.program == "dibao" and c.region_code.startswith(scope)]
        size = min(size, views.MAX_PAGE_SIZE)
        rows = []
        for case in cases[(page - 1) * size : page * size]:
            person = ds.persons[case.applicant_person_id]
            household = ds.households[case.household_id]
            rows.append(views.legacy_row(case, person, household, evasive.get(case.case_id)))
        # The envelope of the RuoYi-style Java back-ends common in government systems.
        return json_response({"code": 200, "msg": "查询成功", "total": len(cases), "rows": rows})

    @router.get(base + "/export/persons.csv")
    async def export_csv(region: str, scope: Scope) -> Response:
        persons = (p for p in ds.persons.values() if p.region_code.startswith(scope))
        return Response(
            content=views.persons_csv(persons).encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="persons-{region}.csv"'},
        )

    @router.get(base + "/export/persons.json")
    async def export_json(scope: Scope) -> JSONResponse:
        return json_response([to_json(p) for p in ds.persons.values() if p.region_code.startswith(scope)])

    # Reference feeds (demo/reference.py): what the HR and funeral/hukou systems hand the
    # deployment for `minguard detect reference load`; not business API, not behind the gateway.
    @router.get("/reference/staff.csv")
    async def staff_feed() -> Response:
        return Response(content=reference.to_csv(reference.staff_rows(ds)), media_type="text/csv; charset=utf-8")

    @router.get("/reference/deaths.csv")
    async def deaths_feed() -> Response:
        return Response(content=reference.to_csv(reference.death_rows(ds)), media_type="text/csv; charset=utf-8")

    return router


@functools.cache
def _doc4k() -> bytes:
    """Ten person records (one per district), about 4 KB, identical on every run."""
    persons = list(generate(seed=DOC4K_SEED, persons_per_district=1).persons.values())
    return views.compact_json({"total": len(persons), "items": [to_json(p) for p in persons]})


def serve(host: str, port: int, seed: int = DEFAULT_SEED, persons_per_district: int = 60) -> None:
    """Run the demo upstream with uvicorn until interrupted (the project CLI calls this)."""
    app = _build(generate(seed=seed, persons_per_district=persons_per_district))
    uvicorn.run(app, host=host, port=port, log_level="warning")
