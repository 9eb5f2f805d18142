"""A short schemathesis run against the admin API's own OpenAPI document: no input gives a
5xx, and every answer conforms to the schema (status codes, content types, headers).

The admin app lives inside a running gateway (it needs its identity stage, policy, spool and
OpenSearch client), so the run goes over HTTP to the session's gateway, once without a
credential and once as each kind of administrator. The operations are driven through
hypothesis directly: schemathesis's pytest plugin does not work with this pytest.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from support.gateways import RunningGateway

pytestmark = pytest.mark.opensearch

CALLERS = [None, "audit-admin", "security-admin", "caseworker-hanbin"]
# The admin endpoints read their JSON body themselves, so the schema cannot describe which
# well-formed requests are acceptable; refusing one (400 for an unknown ciphertext) is right.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


def test_admin_api_conforms_and_never_fails_inside(gateway: RunningGateway) -> None:
    schema = schemathesis.openapi.from_url(gateway.url + "/_minguard/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5  # health, ready, reidentify, policy/reload, audit/events
    headers = {caller: gateway.headers(caller) if caller else {} for caller in CALLERS}

    for operation in operations:

        @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            for caller in CALLERS:
                response = case.call(headers={"X-Purpose-Of-Use": "fuzz", **headers[caller]}, timeout=10)
                assert response.status_code < 500 or case.path.endswith("/ready"), (caller, response.text)
                case.validate_response(response, excluded_checks=EXCLUDED)

        check()
