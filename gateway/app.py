"""The app factory: everything is built once from the settings, and the pipeline's order is
declared here and nowhere else."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from audit.opensearch import make_client
from audit.shipper import Shipper
from audit.spool import Spool
from classifiers.inspect import Inspector
from policies.enforcer import PolicyEnforcer
from policies.keys import Pseudonymizer
from policies.masking import load_profiles
from policies.routes import RouteTable

from .admin import create_admin, readiness
from .proxy import Proxy
from .settings import Settings, load_settings
from .stages.audit import Audit
from .stages.authorize import Authorize
from .stages.forward import Forward
from .stages.identify import Identify
from .stages.inspect import Inspect
from .types import Receive, Scope, Send

log = logging.getLogger(__name__)

STRICT_PROFILE = "strict"


class Gateway:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        instance = settings.server.instance
        pseudonymizer = Pseudonymizer.from_dir(settings.keys.dir, settings.keys.generate_missing)
        profiles = load_profiles(settings.policy.masking)
        inspector = Inspector(max_bytes=settings.inspection.max_body_bytes)
        self.spool = Spool(
            settings.audit.spool_dir,
            instance,
            settings.audit.segment_bytes,
            settings.audit.max_spool_bytes,
        )
        self.opensearch = make_client(settings.opensearch)
        self.shipper = Shipper(
            self.spool,
            self.opensearch,
            settings.opensearch.index_prefix,
            settings.audit.ship_batch,
            settings.audit.ship_interval,
        )
        self.forward = Forward(settings.upstream, settings.inspection.max_body_bytes)
        self.audit = Audit(self.spool, inspector, profiles.get(STRICT_PROFILE))
        self.proxy = Proxy(
            stages=(
                Identify(settings.identity),
                Authorize(
                    RouteTable.load(settings.policy.routes),
                    PolicyEnforcer(settings.policy.model, settings.policy.policy),
                ),
                self.forward,
                Inspect(inspector, profiles, pseudonymizer, settings.inspection.max_body_bytes),
            ),
            audit=self.audit,
            max_request_bytes=settings.server.max_request_bytes,
        )
        self._prefix = settings.server.admin_prefix
        self.admin = create_admin(self, self._prefix)

    def audit_status(self) -> dict[str, Any]:
        return readiness(
            self.spool.last_error,
            self.spool.backlog_bytes,
            self.settings.audit.max_spool_bytes,
            {
                "connected": self.shipper.connected,
                "last_error": self.shipper.last_error,
                "shipped": self.shipper.shipped,
                "duplicates": self.shipper.duplicates,
                "rejected": self.shipper.rejected,
            },
        )

    async def startup(self) -> None:
        self.spool.open()
        await self.forward.start()
        self.shipper.start()
        log.info("minguard gateway %s ready", self.spool.instance)

    async def shutdown(self) -> None:
        await self.shipper.stop()
        await self.forward.close()
        await self.opensearch.close()
        self.spool.close()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            path: str = scope["path"]
            if path == self._prefix or path.startswith(self._prefix + "/"):
                await self.admin(scope, receive, send)
            else:
                await self.proxy(scope, receive, send)
        elif scope["type"] == "websocket":
            # Not proxied: messages on a websocket cannot be inspected and audited one by one yet.
            await send({"type": "websocket.close", "code": 1008})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.startup()
                except Exception as exc:
                    log.exception("startup failed")
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return


def create_app(settings: Settings) -> Gateway:
    return Gateway(settings)


def app_from_env() -> Gateway:
    """uvicorn factory for multi-worker runs: the config path comes from MINGUARD_CONFIG."""
    path = os.environ.get("MINGUARD_CONFIG")
    return Gateway(load_settings(Path(path) if path else None))
