"""Builds minguard with the inspector compiled to C by mypyc (everything else is in pyproject.toml).

The inspector runs on every response the gateway passes; compiled, the same source takes
about 40 % less time per document (docs/classifiers-rounds.md, "Fourth round: compiled with mypyc"). What is
compiled: the request-path modules of ``classifiers`` and the masking they call, and the audit
trail's canonical JSON (its check of every event's values). Not the presidio recognizers and
registry (offline tools) and no package ``__init__``.

A compiled module is an extension beside its ``.py``, and Python loads the extension
first: an edited source would silently not run. So the build writes the sources' SHA-256
to ``classifiers/_compiled.py``, and ``classifiers/__init__.py`` refuses to import when a
compiled source no longer matches (``make setup`` rebuilds); ``audit/__init__.py`` imports it
for the same check.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mypyc.build import mypycify
from setuptools import setup

ROOT = Path(__file__).resolve().parent
NOT_COMPILED = {"__init__.py", "registry.py", "_compiled.py"}
COMPILED = [
    *sorted(
        path.relative_to(ROOT).as_posix()
        for pattern in ("classifiers/*.py", "classifiers/entities/*.py")
        for path in ROOT.glob(pattern)
        if path.name not in NOT_COMPILED
    ),
    "policies/generalise.py",
    "policies/masking.py",
    "audit/canonical.py",
]


def _write_manifest() -> None:
    lines = [
        '"""Written by setup.py: the SHA-256 of each source compiled by mypyc (see classifiers/__init__.py)."""',
        "",
        "SOURCES = {",
        *(f'    "{rel}": "{hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()}",' for rel in COMPILED),
        "}",
        "",
    ]
    (ROOT / "classifiers" / "_compiled.py").write_text("\n".join(lines), encoding="utf-8")


_write_manifest()
setup(
    ext_modules=mypycify(
        # The build environment has mypy but not the project's dependencies, so their
        # types are unknown here (Any): the project's own config (strict, plugins) is
        # for `make lint`, not for code generation.
        ["--config-file=", "--ignore-missing-imports", "--python-version=3.11", *COMPILED],
        opt_level="3",
        group_name="minguard_native",
    )
)
