"""`minguard scan`: the inspector run offline over one document (数据出口前的自查).

A data officer checks an export before it leaves the bureau: the document is read from a file
or stdin, inspected by the gateway's own inspector, and written back masked with a masking
profile (by default the most restrictive one) to stdout. The findings report says what was
found where (path, entity, span, evidence: never a value) and how the document is graded.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli_common import fail, settings_or_fail

if TYPE_CHECKING:
    from classifiers.inspection import Inspection

# Exports are larger than responses: the gateway's limit (inspection.max_body_bytes, 8 MiB by
# default) would refuse a county's CSV export. The inspector holds several times a document in
# memory, so there is still a limit.
MAX_SCAN_BYTES = 256 * 1024 * 1024
# --format: the media type the inspector is told. "auto" goes by the file's suffix and, without
# one, lets the inspector sniff the text (JSON, CSV, XML spreadsheets, HTML tables, multipart);
# a zip archive without a suffix is read as a .docx document if it holds one's main part, else
# as an .xlsx workbook.
# classifiers.mediatypes.WORKBOOK and DOCUMENT, written out: the CLI starts without importing
# the inspector.
WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = {
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/xml",
    "html": "text/html",
    "text": "text/plain",
    "xlsx": WORKBOOK,
    "docx": DOCUMENT,
}
_SUFFIXES = {
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".csv": "csv",
    ".tsv": "tsv",
    ".xml": "xml",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".log": "text",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".docx": "docx",
    ".docm": "docx",
}
_ZIP_MAGIC = b"PK\x03\x04"
EXIT_LEVEL_REACHED = 3  # --fail-on: the document holds data of that level or higher


def media_type(fmt: str, source: Path | None) -> str:
    if fmt == "auto":
        fmt = _SUFFIXES.get(source.suffix.lower(), "text") if source is not None else "text"
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}: use auto or one of {', '.join(FORMATS)}", param_hint="--format"
        )
    return FORMATS[fmt]


def _read(source: Path | None) -> bytes:
    try:
        if source is None:
            body = sys.stdin.buffer.read(MAX_SCAN_BYTES + 1)
        else:
            with source.open("rb") as fh:
                body = fh.read(MAX_SCAN_BYTES + 1)
    except OSError as exc:
        fail(f"无法读取输入 / cannot read the input: {exc}")
    if len(body) > MAX_SCAN_BYTES:
        fail(f"输入超过 {MAX_SCAN_BYTES} 字节 / the input exceeds {MAX_SCAN_BYTES} bytes: split the export")
    return body


def report(inspection: Inspection, profile: str, source: str, kind: str) -> dict[str, Any]:
    """The findings report (its fields: docs/classifiers.md, "`minguard scan`"). It holds no
    value of the document: paths, spans and counts."""
    from .stages.release import counted_records

    return {
        "source": source,
        "media_type": kind,
        "profile": profile,
        "level": inspection.level.label,
        "level_zh": inspection.level.zh,
        "reasons": list(inspection.reasons),
        "records": counted_records(inspection),
        "id_numbers": len(inspection.persons),
        "entity_counts": dict(sorted(inspection.entity_counts.items())),
        "masked": inspection.masked,
        "clear": inspection.clear,
        "findings": [
            {
                "path": f.path,
                "entity": f.entity,
                "start": f.start,
                "end": f.end,
                "score": f.score,
                "evidence": f.evidence,
            }
            for f in inspection.findings
        ],
    }


def scan(
    source: Annotated[Path | None, typer.Argument(help="The document (default: stdin; '-' is stdin too).")] = None,
    fmt: Annotated[str, typer.Option("--format", help=f"auto or one of: {', '.join(FORMATS)}.")] = "auto",
    profile: Annotated[
        str | None, typer.Option("--profile", help="Masking profile (default: the most restrictive).")
    ] = None,
    findings: Annotated[Path | None, typer.Option("--findings", help="Write the findings report (JSON) here.")] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="Exit 3 when the document is graded this level or higher.")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="YAML config (masking file, keys).")] = None,
) -> None:
    """Mask a JSON, CSV, .xlsx, .docx or text document and grade it (offline; writes the masked document to stdout)."""
    from classifiers.inspect import InspectionError, Inspector
    from classifiers.levels import DataLevel
    from policies.crypto import FieldCrypto
    from policies.keys import KeyFileError, KeyRing
    from policies.masking import load_profiles

    from .stages.release import counted_records

    source = None if source is not None and str(source) == "-" else source
    kind = media_type(fmt, source)
    try:
        threshold = DataLevel.parse(fail_on) if fail_on is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--fail-on") from None
    settings = settings_or_fail(config)
    crypto = FieldCrypto(KeyRing(settings.keys.dir, settings.keys.generate_missing))
    profiles = load_profiles(settings.policy.masking, crypto)
    try:
        chosen = profiles.most_restrictive if profile is None else profiles.get(profile)
    except KeyError as exc:
        raise typer.BadParameter(str(exc.args[0]), param_hint="--profile") from None
    body = _read(source)
    if fmt == "auto" and kind == FORMATS["text"] and body.startswith(_ZIP_MAGIC):
        # A workbook or a document on stdin, or in a file without its suffix: a zip names its
        # entries in the clear, and a Word document's main part is word/document.xml.
        kind = DOCUMENT if b"word/document.xml" in body else WORKBOOK
    try:
        inspector = Inspector(max_bytes=MAX_SCAN_BYTES, custom_entities=settings.inspection.custom_entities)
        inspection = inspector.inspect(body, kind, None, chosen)
    except InspectionError as exc:
        fail(f"无法检查该文档 / the document cannot be inspected ({exc.code}): {exc}")
    except KeyFileError as exc:  # a key file the profile names (encrypt, pseudonymise) is missing
        fail(f"脱敏密钥不可用 / a masking key is unavailable: {exc}")
    if findings is not None:  # the findings are built only here: an export's are many
        summary = report(inspection, chosen.name, str(source or "-"), kind)
        findings.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    sys.stdout.buffer.write(inspection.body)
    sys.stdout.buffer.flush()
    typer.echo(
        f"分级 / level: {inspection.level.zh} ({inspection.level.label}); "
        f"已脱敏 / masked: {inspection.masked}; 记录 / records: {counted_records(inspection)}",
        err=True,
    )
    if threshold is not None and inspection.level >= threshold:
        raise typer.Exit(EXIT_LEVEL_REACHED)
