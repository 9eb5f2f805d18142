"""Detection, grading and masking of personal data in response bodies.

The request-path modules are compiled by mypyc when the project is installed (setup.py).
Python would load a compiled module even after its source was edited, so importing the
package checks that every compiled source is the one that was compiled.
"""

from __future__ import annotations

import hashlib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path


def _check_compiled() -> None:
    try:
        from ._compiled import SOURCES
    except ImportError:  # not compiled (a plain source tree): nothing to compare
        return
    root = Path(__file__).resolve().parent.parent
    for rel, digest in SOURCES.items():
        source = root / rel
        compiled = any(source.with_suffix(suffix).exists() for suffix in EXTENSION_SUFFIXES)
        if compiled and source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            raise ImportError(
                f"{rel} changed since it was compiled, and Python would run the old compiled "
                "module: rebuild with `make setup` (or `.venv/bin/pip install --no-deps -e .`)"
            )


_check_compiled()
