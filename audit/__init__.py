"""The audit trail: spool, hash chain, shipping to OpenSearch, verification.

audit/canonical.py is compiled by mypyc with the inspector (setup.py). Importing
``classifiers`` first runs its check that no compiled module is older than its source
(classifiers/__init__.py), which covers that module too: without it `audit verify`, run
alone, would hash with a stale build.
"""

import classifiers  # noqa: F401 - for the check above
