"""Detection, grading and masking of personal data in response bodies.

The request-path modules are compiled by mypyc when the project is installed (setup.py).
Python would load a compiled module even after its source was edited, so importing the
package checks that every compiled source is the one that was compiled.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES, PathFinder
from pathlib import Path


def _imports_compiled(source: Path) -> bool:
    """Whether importing would load a compiled module beside ``source``. Asked of the import
    system, not the directory: the tests' pure-Python pass (tests/support/pure_python.py)
    installs a path hook that finds the sources only, and then an edited source is what runs."""
    if not any(source.with_suffix(suffix).exists() for suffix in EXTENSION_SUFFIXES):
        return False
    spec = PathFinder.find_spec(source.stem, [str(source.parent)])
    return spec is not None and spec.origin is not None and not spec.origin.endswith(".py")


def stale_sources(root: Path, sources: Mapping[str, str]) -> list[str]:
    """Those of ``sources`` (path under ``root``: SHA-256 when compiled) that import would load
    compiled and that no longer hash to what was compiled."""
    stale: list[str] = []
    for rel, digest in sources.items():
        source = root / rel
        if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest() != digest and _imports_compiled(source):
            stale.append(rel)
    return stale


def _check_compiled() -> None:
    try:  # written by setup.py; a plain source tree has none and nothing compiled
        manifest = importlib.import_module(f"{__name__}._compiled")
    except ModuleNotFoundError:
        return
    stale = stale_sources(Path(__file__).resolve().parent.parent, manifest.SOURCES)
    if stale:
        raise ImportError(
            f"{', '.join(stale)} changed since compiled, and Python would run the old compiled "
            "module: rebuild with `make setup` (or `.venv/bin/pip install --no-deps -e .`)"
        )


_check_compiled()
