"""atheris target for the body parsers: Inspector.inspect on arbitrary bytes and media types.

Run on demand (not part of the suite; atheris needs a compiler-built wheel and libFuzzer):

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/inspect_fuzz.py -runs=200000            # bounded
    .venv/bin/python fuzz/inspect_fuzz.py -max_total_time=300 fuzz/corpus   # 5 minutes, keep a corpus

The only outcomes allowed are an Inspection or an InspectionError (a clear refusal, 502 in
the gateway). Any other exception is a crash: the gateway would answer 500 for that body.
A finding is written as crash-<sha1> in the working directory; reproduce it with
`.venv/bin/python fuzz/inspect_fuzz.py crash-<sha1>`.

atheris is guided by the coverage of Python bytecode, and the inspector is compiled by
mypyc (setup.py): run `make uncompiled` first for a guided search of the source, and
afterwards `make setup` for a blind one of the compiled modules the gateway runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, when not installed

with atheris.instrument_imports():
    from classifiers.inspect import InspectionError, Inspector
    from policies.masking import load_profiles

MEDIA_TYPES = (
    "application/json",
    "application/problem+json",
    "text/csv",
    "application/csv",
    "application/x-www-form-urlencoded",
    "text/plain",
    "text/html",
    "application/xml",
    "",
    "application/octet-stream",
)
CHARSETS = (None, "utf-8", "gbk", "gb18030", "utf-16", "utf-16le", "latin-1")
INSPECTOR = Inspector(max_bytes=256 * 1024)
PROFILES = load_profiles()
PROFILE_ROLES = (["caseworker"], ["reviewer"], ["statistician"], ["outsourced"], ["service_payment"])


def test_one(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    media_type = MEDIA_TYPES[fdp.ConsumeIntInRange(0, len(MEDIA_TYPES) - 1)]
    charset = CHARSETS[fdp.ConsumeIntInRange(0, len(CHARSETS) - 1)]
    profile = PROFILES.for_roles(PROFILE_ROLES[fdp.ConsumeIntInRange(0, len(PROFILE_ROLES) - 1)])
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        result = INSPECTOR.inspect(body, media_type, charset, profile)
    except InspectionError:
        return
    if result.masked and result.body == body:
        raise RuntimeError("values were counted as masked but the body did not change")


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
