"""The audit trail's home in OpenSearch: client, index template, index names."""

from __future__ import annotations

import logging
from typing import Any

from opensearchpy import AsyncOpenSearch, OpenSearch
from opensearchpy.exceptions import AuthorizationException

from gateway.settings import OpenSearchSettings

log = logging.getLogger(__name__)

# 2: hash chain, checkpoints, conditions; 3: minguard.business; 4: its household/address;
# 5: minguard.console; 6: the checkpoint's version, at, interval and final;
# 7: minguard.business.operator_verified; 8: minguard.decision.policy_loaded;
# 9: minguard.business.county; 10: minguard.principal.subject; 11: minguard.reference and
# minguard.gateway (the process's start and stop entries).
TEMPLATE_VERSION = 12
# An acknowledged event is searchable this long after (the index template's refresh_interval).
REFRESH_SECONDS = 1


def _connection(settings: OpenSearchSettings) -> dict[str, Any]:
    password = settings.password()
    return {
        "hosts": [settings.url],
        "http_auth": (settings.username, password) if settings.username and password else None,
        "use_ssl": settings.url.startswith("https://"),
        "verify_certs": settings.verify_certs,
        "ca_certs": str(settings.ca_file) if settings.ca_file else None,
    }


def make_client(settings: OpenSearchSettings) -> AsyncOpenSearch:
    """The gateway's own client (shipper, quota, admin reads)."""
    return AsyncOpenSearch(**_connection(settings), timeout=10)


def make_sync_client(settings: OpenSearchSettings, timeout: float = 30) -> OpenSearch:
    """A blocking client for the command line, the console's readers and the rule engine."""
    return OpenSearch(**_connection(settings), timeout=timeout)


def index_for(prefix: str, timestamp: str) -> str:
    """Monthly indices ("minguard-audit-2026.11"): a replayed event lands in the same index as
    its first delivery, so `create` with its id finds the duplicate."""
    return f"{prefix}-{timestamp[0:4]}.{timestamp[5:7]}"


def _keyword() -> dict[str, Any]:
    return {"type": "keyword", "ignore_above": 1024}


def chain_mappings() -> dict[str, Any]:
    """`minguard.chain` and `minguard.checkpoint` (audit/chain.py, docs/audit-chain.md)."""
    kw, long = _keyword, {"type": "long"}
    return {
        "chain": {"properties": {"alg": kw(), "instance": kw(), "seq": long, "prev": kw(), "hash": kw()}},
        "checkpoint": {
            "properties": {
                "version": {"type": "integer"},
                "instance": kw(),
                "seq": long,
                "hash": kw(),
                "count": long,
                "key_id": kw(),
                "at": {"type": "date"},
                "interval": {"type": "double"},
                "final": {"type": "boolean"},
                "signature_alg": kw(),
                "signature": kw(),
            }
        },
    }


def index_template(prefix: str, replicas: int = 0, retention_days: int = 184) -> dict[str, Any]:
    """Mappings for every audit field; see docs/audit-events.md for what each one means.

    The retention period is recorded in the template's _meta, so an assessor can read it
    through the OpenSearch API next to the mappings it governs.
    """
    kw = _keyword
    return {
        "index_patterns": [f"{prefix}-*"],
        "priority": 100,
        "version": TEMPLATE_VERSION,
        "_meta": {
            "retention_days": retention_days,
            "retention_basis_zh": "《网络安全法》第二十三条第三款(2025年修正):网络日志留存不少于六个月",
            "retention_enforced_by": "ISM policy deploy/opensearch/ism-audit-policy.json, or audit.lifecycle",
            "schema": "docs/audit-events.md",
        },
        "template": {
            "settings": {
                "number_of_shards": 1,
                "number_of_replicas": replicas,
                "refresh_interval": f"{REFRESH_SECONDS}s",
            },
            "mappings": {
                "dynamic": "strict",
                "properties": {
                    "@timestamp": {"type": "date"},
                    "event": {
                        "properties": {
                            "id": kw(),
                            "kind": kw(),
                            "category": kw(),
                            "type": kw(),
                            "action": kw(),
                            "outcome": kw(),
                            "reason": {"type": "text", "fields": {"keyword": kw()}},
                            "duration": {"type": "long"},
                        }
                    },
                    "user": {"properties": {"id": kw(), "roles": kw()}},
                    "source": {"properties": {"ip": {"type": "ip"}, "port": {"type": "integer"}}},
                    "url": {"properties": {"path": kw(), "original": kw(), "query": kw()}},
                    "http": {
                        "properties": {
                            "request": {
                                "properties": {
                                    "id": kw(),
                                    "method": kw(),
                                    "bytes": {"type": "long"},
                                }
                            },
                            "response": {
                                "properties": {
                                    "status_code": {"type": "integer"},
                                    "bytes": {"type": "long"},
                                }
                            },
                        }
                    },
                    "minguard": {
                        "properties": {
                            "instance": kw(),
                            "proxy_ip": {"type": "ip"},
                            "principal": {
                                "properties": {
                                    "subject": kw(),
                                    "kind": kw(),
                                    "region": kw(),
                                    "organisation": kw(),
                                    "credential": kw(),
                                    "credential_id": kw(),
                                }
                            },
                            "purpose": kw(),
                            "route": kw(),
                            "resource": kw(),
                            "action": kw(),
                            "target_region": kw(),
                            "decision": {
                                "properties": {
                                    "allowed": {"type": "boolean"},
                                    "rule": kw(),
                                    "policy_version": kw(),
                                    "policy_loaded": kw(),
                                    "reason": kw(),
                                }
                            },
                            "upstream": {
                                "properties": {
                                    "status_code": {"type": "integer"},
                                    "duration_ms": {"type": "float"},
                                }
                            },
                            "data": {
                                "properties": {
                                    "level": kw(),
                                    "level_zh": kw(),
                                    "inspected": {"type": "boolean"},
                                    "entities": {"type": "object", "dynamic": True},
                                    "records": {"type": "integer"},
                                    "persons": {"type": "integer"},
                                    "person_tokens": kw(),
                                }
                            },
                            "masking": {
                                "properties": {
                                    "profile": kw(),
                                    "masked": {"type": "integer"},
                                    "clear": {"type": "integer"},
                                }
                            },
                            "conditions": {"properties": {"checked": kw(), "failed": kw()}},
                            "error": {
                                "properties": {
                                    "code": kw(),
                                    "message": {"type": "text"},
                                    "message_zh": {"type": "text"},
                                }
                            },
                            "summary_zh": {"type": "text"},
                            "business": {
                                "properties": {
                                    **{k: kw() for k in ("step", "operator", "case_id", "program", "period")},
                                    **{
                                        k: kw()
                                        for k in (
                                            "region",
                                            "county",
                                            "person_token",
                                            "account_token",
                                            "household_token",
                                            "address_token",
                                        )
                                    },
                                    "amount": {"type": "double"},
                                    "operator_verified": {"type": "boolean"},
                                    "upstream_status": {"type": "integer"},
                                }
                            },
                            "console": {
                                "properties": {
                                    **{k: kw() for k in ("filters", "alert_id", "alert_state")},
                                    "comment": {"type": "text"},
                                }
                            },
                            "reference": {
                                "properties": {
                                    **{k: kw() for k in ("name", "digest")},
                                    **{k: {"type": "long"} for k in ("count", "removed")},
                                }
                            },
                            "gateway": {
                                "properties": {
                                    **{
                                        k: kw()
                                        for k in (
                                            "version",
                                            "config_sha256",
                                            "previous_config_sha256",
                                            "changed_settings",
                                        )
                                    },
                                    **{k: {"type": "long"} for k in ("pid", "changed_count")},
                                    "first_start": {"type": "boolean"},
                                    "uptime_seconds": {"type": "double"},
                                    "previous_run": {
                                        "properties": {
                                            "stop_recorded": {"type": "boolean"},
                                            "pid": {"type": "long"},
                                            "started_at": {"type": "date"},
                                        }
                                    },
                                }
                            },
                            **chain_mappings(),
                        }
                    },
                },
            },
        },
    }


async def ensure_template(client: AsyncOpenSearch, prefix: str, template: dict[str, Any]) -> None:
    """Install the template and bring existing indices' mappings up to date; idempotent.

    The template only shapes new indices, and the mapping is strict: this month's index, made
    by an older version, would refuse every event carrying a new field until the month ends.
    Adding fields to a mapping is allowed and a no-op when they are there already.

    In production the gateway's account may lack the right to change templates (the audit
    administrator installs them): then it only checks that the template is there.
    """
    try:
        await client.indices.put_index_template(name=prefix, body=template)
        await client.indices.put_mapping(
            index=f"{prefix}-*",
            body=template["template"]["mappings"],
            params={"allow_no_indices": "true", "ignore_unavailable": "true"},
        )
    except AuthorizationException:
        if not await client.indices.exists_index_template(name=prefix):
            raise
        log.warning("not allowed to update the audit template %s; using the one installed", prefix)
