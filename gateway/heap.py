"""Garbage-collector settings for a process that serves the gateway (`minguard run`).

With CPython's defaults a loaded gateway holds about 100,000 tracked objects (policies, the
classifier tables, FastAPI and pydantic models), and a full collection walks all of them:
50-190 ms measured under load, during which every request in flight waits. That was most of
the p99 at 32 connections (bench/gateway.py). Two changes, made once start-up is done:

- `gc.freeze()`: what start-up built lives as long as the process, so it moves to the
  permanent generation and no collection walks it again;
- a young-generation threshold of 10,000 instead of 700: a request allocates (and frees,
  by reference counting) a few thousand containers while 32 are in flight, so the default
  collected several times per request for nothing. Cyclic garbage is still collected; it
  only waits for 10,000 net allocations (a few MB at most).

Only the serving process does this (gateway/app.py, `app_from_env`): the test suite builds
many gateways in one process and keeps CPython's defaults.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000


def settle() -> None:
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
