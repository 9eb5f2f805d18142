"""Rule definitions: one YAML file per rule in a rules directory (shipped: rules/ beside this file).

A rule is data, not code: an OpenSearch query over audit events, the fields that name the
subject (user, person token, account token…), a measure per subject and window, a threshold,
and optionally a baseline (growth against the previous windows), an off-hours filter or a
reference file of amount standards. Loading checks every field, so a broken file is named
before anything is evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
SEVERITIES = ("low", "medium", "high", "critical")
MEASURES = ("count", "cardinality", "sum", "max")
EVENT_KINDS = ("event", "lifecycle")
_WINDOW = re.compile(r"^([1-9][0-9]*)([mhd])$")
_HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


class RuleError(ValueError):
    pass


def parse_window(text: str) -> timedelta:
    match = _WINDOW.match(str(text))
    if not match:
        raise RuleError(f"window {text!r}: write e.g. 30m, 1h, 1d, 7d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


@dataclass(frozen=True)
class OffHours:
    """Working hours in the rule's time zone; events outside them (and, if `weekends`, on
    Saturdays and Sundays) are the ones the rule looks at."""

    start: str = "08:00"
    end: str = "18:00"
    weekends: bool = True


@dataclass(frozen=True)
class Baseline:
    """Fire only if the window's value is above `factor` × the average of `windows` earlier ones
    (the subject's own history) and, with `peers` (a field such as user.roles), above
    `peer_factor` × the average of the other subjects sharing a value of that field."""

    windows: int
    factor: float
    peers: str | None = None
    peer_factor: float = 1.0


REFERENCE_INDICES = ("staff", "deaths")


@dataclass(frozen=True)
class Reference:
    """Keep a hit only if a document of `<prefix>.ref-<index>` matches it: for one of the
    alternatives in `any_of`, every reference field equals the hit's value of the event field
    it maps to (a subject, or one of the values seen in the hit's events). With `event_after`
    (a date field of the reference), only events on a later day count (evidence from then on)."""

    index: str
    any_of: tuple[tuple[tuple[str, str], ...], ...]
    event_after: str | None = None

    @property
    def event_fields(self) -> tuple[str, ...]:
        return tuple(sorted({event for alt in self.any_of for _, event in alt}))


@dataclass(frozen=True)
class Rule:
    id: str
    title_zh: str
    title_en: str
    severity: str
    window: timedelta
    window_text: str
    query: dict[str, Any]
    group_by: tuple[str, ...]
    measure: str
    measure_field: str | None
    threshold: float
    explanation_zh: str
    timezone: str = "Asia/Shanghai"
    # Groups per aggregation request (one composite page): bounds the memory of one request,
    # never the number of groups evaluated (every page is read).
    page_size: int = 5000
    off_hours: OffHours | None = None
    baseline: Baseline | None = None
    amount_standards: dict[str, float] | None = None  # program -> highest normal amount
    subject_filter: str | None = None  # a named check on a hit's subjects (query.SUBJECT_FILTERS)
    reference: Reference | None = None  # a join with reference data (audit/detection/reference.py)
    # Which entries of the trail the rule reads: accesses (`event`), or the gateway's own start
    # and stop entries (`lifecycle`, gateway/process_events.py).
    event_kind: str = "event"


def _need(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, str | list | dict) and not value):
        raise RuleError(f"{where}: `{key}` must be a non-empty {kind.__name__}")
    return value


def _standards(path: Path) -> dict[str, float]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    programs = data.get("programs") if isinstance(data, dict) else None
    if not isinstance(programs, dict) or not programs:
        raise RuleError(f"{path}: `programs` must map each program to {{max_amount: …}}")
    out: dict[str, float] = {}
    for name, spec in programs.items():
        amount = spec.get("max_amount") if isinstance(spec, dict) else None
        if isinstance(amount, bool) or not isinstance(amount, int | float) or amount <= 0:
            raise RuleError(f"{path}: programs.{name}.max_amount must be a positive number")
        out[str(name)] = float(amount)
    return out


def _positive(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and value > 0


def _reference(spec: object, where: str) -> Reference | None:
    if spec is None:
        return None
    problem = f"{where}: reference is {{index: staff|deaths, any_of: [{{ref_field: event_field, …}}, …]}}"
    if not isinstance(spec, dict) or spec.get("index") not in REFERENCE_INDICES:
        raise RuleError(problem)
    alternatives = spec.get("any_of")
    if not isinstance(alternatives, list) or not alternatives:
        raise RuleError(problem)
    any_of = []
    for alt in alternatives:
        if not isinstance(alt, dict) or not alt or not all(isinstance(v, str) and v for v in alt.values()):
            raise RuleError(problem)
        any_of.append(tuple(sorted((str(k), str(v)) for k, v in alt.items())))
    after = spec.get("event_after")
    if after is not None and not isinstance(after, str):
        raise RuleError(f"{where}: reference.event_after names a date field of the reference")
    return Reference(str(spec["index"]), tuple(any_of), after)


def parse_rule(data: object, where: str, directory: Path) -> Rule:
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule is a mapping")
    known = {
        "id", "title_zh", "title_en", "severity", "window", "query", "group_by", "measure", "threshold",
        "explanation_zh", "timezone", "page_size", "size", "off_hours", "baseline", "amount_standards", "subject_filter",
        "reference", "event_kind",
    }  # fmt: skip
    unknown = sorted(set(data) - known)
    if unknown:
        raise RuleError(f"{where}: unknown keys {unknown}")
    severity = _need(data, "severity", str, where)
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {SEVERITIES}")
    measure = _need(data, "measure", dict, where)
    kind, field = measure.get("type"), measure.get("field")
    if kind not in MEASURES or (kind != "count") != isinstance(field, str):
        raise RuleError(f"{where}: measure is {{type: count}} or {{type: cardinality|sum|max, field: …}}")
    threshold = data.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or threshold <= 0:
        raise RuleError(f"{where}: threshold must be a positive number")
    group_by = _need(data, "group_by", list, where)
    if not all(isinstance(f, str) and f for f in group_by):
        raise RuleError(f"{where}: group_by is a list of field names")
    off = data.get("off_hours")
    off_hours = None
    if off is not None:
        if not isinstance(off, dict) or not all(_HHMM.match(str(off.get(k, "08:00"))) for k in ("start", "end")):
            raise RuleError(f"{where}: off_hours is {{start: HH:MM, end: HH:MM, weekends: bool}}")
        off_hours = OffHours(
            str(off.get("start", "08:00")), str(off.get("end", "18:00")), bool(off.get("weekends", True))
        )
    base = data.get("baseline")
    baseline = None
    if base is not None:
        if not isinstance(base, dict) or not isinstance(base.get("windows"), int) or base["windows"] < 1:
            raise RuleError(f"{where}: baseline is {{windows: N ≥ 1, factor: X > 0}}")
        if kind not in ("count", "cardinality") or not _positive(base.get("factor")):
            raise RuleError(f"{where}: a baseline needs measure count or cardinality and a positive factor")
        peers = base.get("peers")
        if peers is not None and (not isinstance(peers, str) or not _positive(base.get("peer_factor", 1))):
            raise RuleError(f"{where}: baseline.peers is a field name, peer_factor a positive number")
        baseline = Baseline(base["windows"], float(base["factor"]), peers, float(base.get("peer_factor", 1)))
    # `size` is the older name: it was a cap on the groups evaluated, it is now a page size.
    page_size = data.get("page_size", data.get("size", 5000))
    if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 65535:
        raise RuleError(f"{where}: page_size is the groups per request, 1 to 65535 (search.max_buckets)")
    standards_file = data.get("amount_standards")
    subject_filter = data.get("subject_filter")
    if subject_filter not in (None, "outside_region"):
        raise RuleError(f"{where}: subject_filter can only be outside_region")
    event_kind = data.get("event_kind", "event")
    if event_kind not in EVENT_KINDS:
        raise RuleError(f"{where}: event_kind is one of {EVENT_KINDS}")
    return Rule(
        reference=_reference(data.get("reference"), where),
        id=_need(data, "id", str, where),
        title_zh=_need(data, "title_zh", str, where),
        title_en=_need(data, "title_en", str, where),
        severity=severity,
        window=parse_window(_need(data, "window", str, where)),
        window_text=str(data["window"]),
        query=_need(data, "query", dict, where),
        group_by=tuple(group_by),
        measure=kind,
        measure_field=field if isinstance(field, str) else None,
        threshold=float(threshold),
        explanation_zh=_need(data, "explanation_zh", str, where).strip(),
        timezone=str(data.get("timezone", "Asia/Shanghai")),
        page_size=page_size,
        off_hours=off_hours,
        baseline=baseline,
        amount_standards=_standards(directory / str(standards_file)) if standards_file else None,
        subject_filter=subject_filter,
        event_kind=event_kind,
    )


def load_rules(directory: Path = RULES_DIR, only: str | None = None) -> list[Rule]:
    """Every `*.yaml` in the directory that holds a rule (files with `programs:` are reference data)."""
    rules: list[Rule] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise RuleError(f"{path}: not valid YAML: {exc}") from None
        if isinstance(data, dict) and "programs" in data and "id" not in data:
            continue
        rules.append(parse_rule(data, str(path), directory))
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuleError(f"{directory}: duplicate rule ids {duplicates}")
    if only is not None:
        rules = [r for r in rules if r.id == only]
        if not rules:
            raise RuleError(f"no rule {only!r} in {directory}")
    return rules
