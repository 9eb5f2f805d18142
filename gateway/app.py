"""The app factory: everything is built once from the settings, and the pipeline's order is
declared here and nowhere else."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from audit.chain import ChainSealer, checkpoint_ticker
from audit.detection import schedule
from audit.opensearch import index_template, make_client
from audit.shipper import Shipper
from audit.signing import CheckpointSigner, verifying_keys
from audit.spool import Spool, SpoolFull
from classifiers.inspect import Inspector
from policies.bundle import PolicyFiles, PolicyStore
from policies.crypto import FieldCrypto
from policies.keys import KeyRing, Pseudonymizer
from policies.quota import OpenSearchQuota
from policies.separation import check_identities

from . import heap
from .admin import create_admin, readiness
from .exchange import Exchange, Request
from .forwarded import TrustedProxies
from .metrics import GatewayMetrics
from .process_events import flat_settings, read_snapshot, start_entry, stop_entry, write_snapshot
from .proxy import Proxy, request_from_scope, run_audit
from .references import ReferenceLoader
from .server import REFUSED
from .settings import Settings, load_settings
from .stages.audit import Audit, GuardWrites
from .stages.authorize import Authorize
from .stages.business import Business
from .stages.forward import Forward
from .stages.identify import Identify
from .stages.inspect import Inspect
from .stages.release import Release
from .types import Receive, Scope, Send

log = logging.getLogger(__name__)

STRICT_PROFILE = "strict"
POLICY_MARKER = "policy-version"  # the version of the last reload, for the other workers


class Gateway:
    def __init__(self, settings: Settings, *, settle_heap: bool = False) -> None:
        self.settings = settings
        self._settle_heap = settle_heap  # gateway/heap.py: only in the serving process
        instance = settings.server.instance
        pseudonymizer = Pseudonymizer.from_dir(settings.keys.dir, settings.keys.generate_missing)
        sod = check_identities((k.id, k.roles) for k in settings.identity.api_keys)
        if sod:
            raise ValueError("identity.api_keys: " + "; ".join(sod))
        self.crypto = FieldCrypto(KeyRing(settings.keys.dir, settings.keys.generate_missing))
        p = settings.policy
        # The spool root is shared by this gateway's workers (each takes a slot under it).
        settings.audit.spool_dir.mkdir(parents=True, exist_ok=True)
        self.policy = PolicyStore(
            PolicyFiles(p.model, p.policy, p.routes, p.masking, p.conditions),
            self.crypto,
            marker=settings.audit.spool_dir / POLICY_MARKER,
        )
        profiles = self.policy.profiles
        inspector = Inspector(
            max_bytes=settings.inspection.max_body_bytes, custom_entities=settings.inspection.custom_entities
        )
        signer = CheckpointSigner.from_dir(settings.keys.dir, settings.keys.generate_missing)
        self.sealer = ChainSealer(signer, alg=settings.audit.chain_alg)  # the checkpoint timer needs it too
        # What the start entry compares with the slot's previous start (gateway/process_events.py):
        # beside the settings, the policy files and the keys, named by digests and fingerprints.
        fingerprint = pseudonymizer.token("minguard-key-fingerprint")  # an HMAC: says nothing of the key
        self._settings_flat = flat_settings(
            settings,
            {
                "policy.files_version": json.dumps(self.policy.current.version),
                "keys.audit_signing_key_id": json.dumps(signer.key_id),
                "keys.pseudonym_fingerprint": json.dumps(fingerprint),
            },
        )
        self._started = time.monotonic()
        self.spool = Spool(
            settings.audit.spool_dir,
            instance,
            settings.audit.segment_bytes,
            settings.audit.max_spool_bytes,
            sealer=self.sealer,
        )
        self._checkpoints: asyncio.Task[None] | None = None
        self.opensearch = make_client(settings.opensearch)
        self.shipper = Shipper(
            self.spool,
            self.opensearch,
            settings.opensearch.index_prefix,
            settings.audit.ship_batch,
            settings.audit.ship_interval,
            index_template(
                settings.opensearch.index_prefix, settings.opensearch.number_of_replicas, settings.audit.retention_days
            ),
        )
        self.forward = Forward(settings.upstream, settings.inspection.max_body_bytes)
        quota = OpenSearchQuota(self.opensearch, p.quota_index or f"{settings.opensearch.index_prefix}.quota")
        self.quota = quota  # daily counts shared by the workers: records, re-identifications
        release = Release(self.policy, quota)
        self.audit = Audit(self.spool, inspector, profiles.get(STRICT_PROFILE), withheld=release.give_back)
        self.metrics = GatewayMetrics(self.spool, self.shipper, lambda: self.audit.lost)
        self.identify = Identify(settings.identity)
        self.business = Business(pseudonymizer)  # also names whose value a re-identification revealed
        self.references = ReferenceLoader(settings.opensearch, self.business, signer)
        self.proxy = Proxy(
            stages=(
                self.identify,
                Authorize(self.policy, self.forward),
                GuardWrites(self.spool, settings.audit.max_spool_bytes),
                self.forward,
                Inspect(inspector, profiles, pseudonymizer, settings.inspection.max_body_bytes),
                self.business,
                release,
            ),
            audit=self.metrics.after(self.audit),
            max_request_bytes=settings.server.max_request_bytes,
            max_header_bytes=settings.server.max_header_bytes,
        )
        self._prefix = settings.server.admin_prefix
        self._proxies = TrustedProxies(settings.server.trusted_proxies)
        # Scheduled detection (docs/detection.md §5): off unless configured; rules are loaded
        # here so that a broken rule file stops the start, not a run hours later.
        self.detection: schedule.Background | None = None
        if settings.detection.schedule:
            # Reference loads are signed with the audit signing key (audit/detection/integrity.py).
            chain_keys = verifying_keys(settings.keys.dir)  # the daily trail check's
            scheduler = schedule.from_settings(
                settings.detection, settings.opensearch, signer.public_key, chain_keys, settings.audit.retention_days
            )
            self.detection = schedule.Background(scheduler)
        self.admin = create_admin(self, self._prefix)

    def audit_status(self) -> dict[str, Any]:
        return readiness(
            self.spool.last_error,
            self.spool.backlog_bytes,
            self.settings.audit.max_spool_bytes,
            {
                "connected": self.shipper.connected,
                "last_error": self.shipper.last_error,
                "failing_since": _iso(self.shipper.failing_since),
                "message_zh": self.shipper.message_zh,
                "failed_attempts": self.shipper.failures,
                "shipped": self.shipper.shipped,
                "duplicates": self.shipper.duplicates,
                "rejected": self.shipper.rejected,
            },
        )

    async def startup(self) -> None:
        self.spool.open()
        await self._record_start()
        # A heartbeat checkpoint every interval; stopped at shutdown, the timer has the closing
        # checkpoint marked final (docs/audit-chain.md §2).
        ticker = checkpoint_ticker(self.spool.checkpoint, self.sealer.interval, on_stop=self.sealer.closing)
        self._checkpoints = asyncio.create_task(ticker, name="audit-checkpoints")
        await self.forward.start()
        self.shipper.start()
        if self.detection is not None:
            self.detection.start()
        if self._settle_heap:
            heap.settle()
        log.info("minguard gateway %s ready", self.spool.instance)

    async def shutdown(self) -> None:
        if self.detection is not None:
            await self.detection.stop()
        if self._checkpoints is not None:
            self._checkpoints.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpoints
        await self.audit.flush_deferred()
        try:
            await self.spool.append(stop_entry(self.spool.instance, self._settings_flat, self._started))
        except (SpoolFull, OSError, ValueError) as exc:
            log.warning("gateway stop not recorded in the audit trail: %s", exc)
        else:
            try:  # only a stop on disk clears the mark: else the next start names this run as interrupted
                write_snapshot(self.spool.directory, self._settings_flat, running=None)
            except OSError as exc:
                log.warning(
                    "gateway stop recorded, but its mark not cleared (the next start will say interrupted): %s", exc
                )
        try:
            await self.spool.checkpoint()  # sign the last events, before the shipper's final drain
        except (SpoolFull, OSError) as exc:
            log.warning("no closing audit checkpoint: %s", exc)
        await self.shipper.stop()
        await self.forward.close()
        await self.opensearch.close()
        self.spool.close()
        self.metrics.flush()  # counts still waiting, for the other workers' scrapes

    async def _record_start(self) -> None:
        """The start entry, then the settings it compared with for the next start and the mark
        that this process runs: only once the entry is on disk, so a start that was not recorded
        is compared with again."""
        directory = self.spool.directory
        entry = start_entry(self.spool.instance, self._settings_flat, read_snapshot(directory))
        try:
            await self.spool.append(entry)
            write_snapshot(
                directory, self._settings_flat, running={"pid": os.getpid(), "started_at": entry["@timestamp"]}
            )
        except (SpoolFull, OSError, ValueError) as exc:
            # Not fatal: readiness already reports a spool that takes no events.
            log.error("gateway start not recorded in the audit trail: %s", exc)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            scope = self._proxies.resolve(scope)
            path: str = scope["path"]
            if path == self._prefix or path.startswith(self._prefix + "/"):
                await self.admin(scope, receive, send)
            else:
                await self.proxy(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._refuse_websocket(self._proxies.resolve(scope), send)
        elif scope["type"] == REFUSED:
            await self._audit_refused(scope)

    async def _audit_refused(self, scope: Scope) -> None:
        """A request the HTTP server refused before it was formed (server.py: unparseable, or its
        header block cut off by the deadline), audited as any refused request is: the client's
        address, no principal, no method or route. The server answered it already."""
        client = scope.get("client") or ("", 0)
        request = Request("", "", b"", [], client[0], client[1], scope["scheme"])
        ex = Exchange(request, request_id=scope["request_id"])
        ex.fail(scope["status"], scope["code"], scope["message"], scope["message_zh"])
        await run_audit(self.audit, ex)

    async def _refuse_websocket(self, scope: Scope, send: Send) -> None:
        """WebSocket is not proxied: its messages could not be inspected and audited one by one.
        The attempt is audited like any refused request, naming the caller when it identifies."""
        ex = Exchange(request_from_scope(scope))
        await self.identify(ex)
        if not ex.done:
            ex.fail(
                403,
                "websocket_unsupported",
                "WebSocket connections are not proxied: their messages cannot be inspected and audited",
                "不支持 WebSocket 连接(其消息无法逐条检查和审计),已拒绝",
            )
        await run_audit(self.audit, ex)
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


def _iso(epoch: float | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def create_app(settings: Settings) -> Gateway:
    return Gateway(settings)


def app_from_env() -> Gateway:
    """uvicorn factory for multi-worker runs: the config path comes from MINGUARD_CONFIG."""
    path = os.environ.get("MINGUARD_CONFIG")
    return Gateway(load_settings(Path(path) if path else None), settle_heap=True)
