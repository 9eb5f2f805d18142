"""Moves audit events from the spool into OpenSearch, off the request path.

Each event is sent with `_op_type: create` and its event id as document id: after a crash or
an outage the shipper resends from its last committed cursor, and OpenSearch answers the
events it already has with 409, which counts as delivered. Nothing is sent twice into the
trail, and nothing is skipped: the cursor moves only past events OpenSearch has accepted.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from pathlib import Path
from typing import Any

from opensearchpy import AsyncOpenSearch, exceptions
from opensearchpy.exceptions import OpenSearchException

from .opensearch import ensure_template, index_for, index_template
from .spool import Spool

log = logging.getLogger(__name__)

# A rejected document (a mapping error, say) must not block every event behind it forever;
# it is set aside here, loudly, for the audit administrator.
REJECTED_FILE = "rejected.jsonl"
# The errors that concern the document itself: sending it again cannot help. Any other refusal
# (a write block, missing rights, a deleted index) passes once it is lifted, so the batch is
# kept and retried, as for 429 and 5xx; setting it aside would lose the events from the trail.
DOCUMENT_ERRORS = frozenset(
    {
        "mapper_parsing_exception",
        "document_parsing_exception",
        "strict_dynamic_mapping_exception",
        "illegal_argument_exception",
        "parse_exception",
        "json_parse_exception",
        "x_content_parse_exception",
    }
)
# Where the spool's own serialisation puts the two fields a bulk action needs.
_TIMESTAMP = re.compile(rb'^\{"@timestamp":"([0-9T:.Z+-]{10,40})"')
_EVENT_ID = re.compile(rb'"event":\{"id":"([0-9A-Za-z_-]{1,128})"')
# Seconds between attempts while OpenSearch refuses the batch (an outage, a write block).
MAX_BACKOFF = 30.0


def cause_zh(exc: BaseException) -> str:
    """Why OpenSearch does not take the events, in the words an operator acts on."""
    text = str(exc)
    if "cluster_block_exception" in text:
        if "flood-stage" in text or "read-only-allow-delete" in text:
            return "磁盘用量超过洪水水位,审计索引被置为只读(read_only_allow_delete),释放磁盘空间后自动解除"
        return "审计索引被设置为禁止写入(index.blocks.write 或只读),需由管理员解除"
    auth = exceptions.AuthenticationException | exceptions.AuthorizationException
    if isinstance(exc, auth) or "security_exception" in text:
        return "网关的 OpenSearch 账号认证失败或无写入权限"
    if isinstance(exc, exceptions.ConnectionError | TimeoutError | OSError):
        return "无法连接 OpenSearch"
    return "OpenSearch 拒绝写入或出错"


class Shipper:
    def __init__(
        self,
        spool: Spool,
        client: AsyncOpenSearch,
        index_prefix: str,
        batch: int,
        interval: float,
        template: dict[str, Any] | None = None,
    ) -> None:
        self._spool = spool
        self._template = template or index_template(index_prefix)
        self._client = client
        self._prefix = index_prefix
        self._batch = batch
        self._interval = interval
        self._template_ready = False
        self._remapped: set[str] = set()  # indices whose mapping a refused event brought up to date
        self._task: asyncio.Task[None] | None = None
        self.shipped = 0
        self.duplicates = 0
        self.rejected = 0
        self.last_error: str | None = None
        # While shipping fails: since when (epoch seconds), and what it means for an officer.
        self.failing_since: float | None = None
        self.message_zh: str | None = None
        self.failures = 0  # failed attempts, all told

    @property
    def connected(self) -> bool:
        return self._template_ready and self.last_error is None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="audit-shipper")

    async def stop(self, drain_seconds: float = 5.0) -> None:
        """Try to deliver what is spooled, then stop; what is left stays in the spool."""
        if self._task is None:
            return
        # Stop the loop first: two shippers must never move the cursor at once.
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        try:
            async with asyncio.timeout(drain_seconds):
                while await self.ship_once() > 0:
                    pass
        except (TimeoutError, OpenSearchException, OSError) as exc:
            log.warning(
                "audit spool not drained at shutdown (%s); %d bytes stay spooled for the next start",
                type(exc).__name__,
                self._spool.backlog_bytes,
            )

    async def _run(self) -> None:
        backoff = self._interval
        while True:
            try:
                sent = await self.ship_once()
            except (TimeoutError, OpenSearchException, OSError) as exc:
                backoff = min(backoff * 2, MAX_BACKOFF)
                self._failed(exc, backoff)
                # Sleep the backoff out whatever is written meanwhile: waking on every write
                # would send the refused batch again for every request, as fast as they come.
                await asyncio.sleep(backoff)
                continue
            if self.failing_since is not None:
                self._recovered()
            backoff = self._interval
            if sent == 0:
                self._spool.wrote.clear()
                try:
                    async with asyncio.timeout(backoff):
                        await self._spool.wrote.wait()
                except TimeoutError:
                    pass

    def _failed(self, exc: BaseException, backoff: float) -> None:
        self.last_error = f"{type(exc).__name__}: {exc}"[:300]
        self.failures += 1
        if self.failing_since is None:
            self.failing_since = time.time()
        self.message_zh = (
            f"审计事件暂无法写入 OpenSearch:{cause_zh(exc)}。事件保留在本地审计缓存中,不会丢失;"
            f"网关每隔至多 {MAX_BACKOFF:.0f} 秒自动重试,原因解除后自动补发,无需重启"
        )
        log.warning(
            "%s(已持续 %d 秒,%.1f 秒后重试)/ audit shipping failed, will retry in %.1f s: %s",
            self.message_zh,
            time.time() - self.failing_since,
            backoff,
            backoff,
            self.last_error,
        )

    def _recovered(self) -> None:
        lasted = time.time() - (self.failing_since or time.time())
        log.info(
            "审计事件恢复写入 OpenSearch,中断 %d 秒,积压事件已开始补发 / audit shipping resumed after %d s",
            lasted,
            lasted,
        )
        self.last_error = self.message_zh = self.failing_since = None

    async def ship_once(self) -> int:
        """Ship one batch; returns how many events left the spool."""
        if not self._template_ready:
            await ensure_template(self._client, self._prefix, self._template)
            self._template_ready = True
        start = self._spool.read_cursor()
        lines, end = await asyncio.to_thread(self._spool.read, start, self._batch)
        if not lines:
            return 0
        failures = await self._bulk(lines)
        if failures and await self._remap(failures):
            # Only the refused events again: resending the batch would count the ones that
            # landed as duplicates (409).
            failures = await self._bulk([f["line"] for f in failures])
        if failures:
            await asyncio.to_thread(self._set_aside, failures)
        await asyncio.to_thread(self._spool.commit, end, sum(len(line) for line in lines))
        self.shipped += len(lines)
        return len(lines)

    def _action(self, line: bytes) -> bytes:
        """The bulk action line for one spooled event, found without parsing the event whole."""
        timestamp = _TIMESTAMP.search(line)
        event_id = _EVENT_ID.search(line)
        if timestamp is None or event_id is None:  # not the spool's usual layout: parse to be sure
            event = json.loads(line)
            ts, eid = str(event["@timestamp"]), str(event["event"]["id"])
        else:
            ts, eid = timestamp.group(1).decode("ascii"), event_id.group(1).decode("ascii")
        action = {"create": {"_index": index_for(self._prefix, ts), "_id": eid}}
        return json.dumps(action).encode("ascii") + b"\n"

    async def _bulk(self, lines: list[bytes]) -> list[dict[str, Any]]:
        # The spooled lines are sent as they are: parsing and re-serialising every event (as
        # the bulk helpers do) cost more CPU than the rest of shipping together.
        body = b"".join(self._action(line) + line for line in lines)
        response = await self._client.bulk(body=body)
        failures: list[dict[str, Any]] = []
        retry: list[dict[str, Any]] = []
        for line, item in zip(lines, response.get("items", []), strict=True):
            result = item.get("create", {})
            status = int(result.get("status", 0))
            if 200 <= status < 300:
                continue
            error = result.get("error")
            kind = error.get("type") if isinstance(error, dict) else None
            if status == 409:
                self.duplicates += 1  # already delivered before a crash or retry
            elif status == 400 and kind in DOCUMENT_ERRORS:
                failures.append({"error": error, "index": result.get("_index"), "line": line})
            else:
                retry.append(result)
        if retry:
            # Transient: keep the cursor where it is and try the whole batch again later;
            # the events that did land will answer 409 next time.
            first = retry[0]
            raise OpenSearchException(
                f"{len(retry)} audit events refused for now (HTTP {first.get('status')}): {first.get('error')}"
            )
        return failures

    async def _remap(self, failures: list[dict[str, Any]]) -> bool:
        """Bring the mapping of each index that refused an event for a field it lacks up to
        date, once per index; True when one was. ensure_template could not when the index was
        read-only at start (the flood-stage watermark blocks mapping updates too, and a 403
        there reads as missing rights): without this, every event carrying a field newer than
        the index would be set aside once the block is lifted, missing from the trail."""
        stale = {
            str(f["index"])
            for f in failures
            if f["error"].get("type") == "strict_dynamic_mapping_exception" and f["index"] not in self._remapped
        }
        for index in sorted(stale):
            self._remapped.add(index)  # a field the template lacks too is the event's fault
            try:
                await self._client.indices.put_mapping(index=index, body=self._template["template"]["mappings"])
            except OpenSearchException as exc:
                log.warning("无法更新审计索引 %s 的映射 / cannot update the mapping of %s: %s", index, index, exc)
                return False
        return bool(stale)

    def _set_aside(self, failures: list[dict[str, Any]]) -> None:
        self.rejected += len(failures)
        path: Path = self._spool.directory / REJECTED_FILE
        with open(path, "a", encoding="utf-8") as f:
            for failure in failures:
                event = json.loads(failure["line"])
                event_id = event.get("event", {}).get("id")
                # Only the error's type: OpenSearch's reason can quote a field's value; the whole
                # error is kept with the event in the (owner-only) rejected file.
                error = failure.get("error")
                kind = error.get("type") if isinstance(error, dict) else type(error).__name__
                log.error("audit event %s rejected by OpenSearch (%s); kept in %s", event_id, kind, REJECTED_FILE)
                kept = {"error": error, "index": failure["index"], "event": event}
                f.write(json.dumps(kept, ensure_ascii=False) + "\n")
