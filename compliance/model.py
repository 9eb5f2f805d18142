"""The report's shape: sections of checks, each with a verdict computed from evidence.

A section's verdict is the worst of its checks (不符合 < 无法判定 < 部分符合 < 符合), so the
reason a section is not compliant is always one named check with its own reason. 无法判定 is
for a check whose evidence is the audit trail when the trail holds no event for the period: "no
violation found" would then be true of nothing, and must not read as 符合.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PASS, PARTIAL, FAIL, UNDETERMINED = "符合", "部分符合", "不符合", "无法判定"
VERDICTS = (PASS, PARTIAL, UNDETERMINED, FAIL)
VERDICT_EN = {
    PASS: "compliant",
    PARTIAL: "partially compliant",
    UNDETERMINED: "not determinable",
    FAIL: "not compliant",
}
# Undetermined ranks below partial: a report that could not judge a control is not evidence
# that the control holds, even in part.
_RANK = {FAIL: 0, UNDETERMINED: 1, PARTIAL: 2, PASS: 3}


def worst(verdicts: list[str]) -> str:
    return min(verdicts, key=lambda v: _RANK[v]) if verdicts else PASS


@dataclass
class Check:
    id: str  # stable machine name, e.g. "audit.tamper"
    name_zh: str
    verdict: str
    reason_zh: str


def undetermined(check_id: str, name_zh: str) -> Check:
    """A check whose evidence is the period's audit events, when there are none."""
    return Check(check_id, name_zh, UNDETERMINED, "期间内没有审计事件,无从判定(不能视为符合)。")


@dataclass
class Table:
    title_zh: str
    headers: list[str]
    rows: list[list[Any]]


@dataclass
class Section:
    id: str  # e.g. "security_audit"
    clause: str  # e.g. "8.1.3.5 / 8.1.4.3"
    title_zh: str
    requirement_zh: str
    sources_zh: str  # where the evidence came from
    checks: list[Check] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # keys into MlpsReport.charts

    @property
    def verdict(self) -> str:
        return worst([c.verdict for c in self.checks])

    def check(self, check_id: str) -> Check:
        return next(c for c in self.checks if c.id == check_id)


@dataclass
class MlpsReport:
    start: str
    end: str
    generated: str
    index: str
    policy_version: str
    instance: str
    sections: list[Section]
    charts: dict[str, str] = field(default_factory=dict)  # key -> inline SVG
    notice_zh: str = ""  # shown above everything else, e.g. that the trail holds no event at all

    @property
    def verdict(self) -> str:
        return worst([s.verdict for s in self.sections])

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def counts(self) -> dict[str, int]:
        verdicts = [c.verdict for s in self.sections for c in s.checks]
        return {v: verdicts.count(v) for v in VERDICTS}
