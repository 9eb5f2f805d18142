"""The gateway's own endpoints under the admin prefix (FastAPI): health and readiness.

Probes are not audited (they carry no data and would drown the trail); every other admin
endpoint added here must be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

if TYPE_CHECKING:
    from .app import Gateway


def create_admin(gateway: Gateway, prefix: str) -> FastAPI:
    admin = FastAPI(title="minguard admin", openapi_url=f"{prefix}/openapi.json", docs_url=None, redoc_url=None)

    @admin.get(f"{prefix}/health")
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @admin.get(f"{prefix}/ready")
    async def ready() -> JSONResponse:
        """Readiness reflects the audit path: a gateway that cannot make events durable is not
        ready, because it would refuse every request carrying important or core data."""
        status = gateway.audit_status()
        code = 200 if status["spool_writable"] else 503
        return JSONResponse(status, status_code=code)

    return admin


def readiness(spool_error: str | None, backlog: int, capacity: int, shipper: dict[str, Any]) -> dict[str, Any]:
    return {
        "spool_writable": spool_error is None,
        "spool_error": spool_error,
        "spool_backlog_bytes": backlog,
        "spool_capacity_bytes": capacity,
        "opensearch": shipper,
    }
