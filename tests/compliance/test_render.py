"""What the report shows of the trail (compliance/render.py): user ids and purposes are what
callers sent, and the HTML (and the PDF made from it) must show them, not run or act on them."""

from __future__ import annotations

from compliance.model import PASS, Check, MlpsReport, Section, Table
from compliance.render import to_html

# user.id as events written before subjects were folded hold it (audit/search.py): as presented.
SUBJECT = "li\u200bna\u202e<script>alert(1)</script>"


def _report() -> MlpsReport:
    section = Section("security_audit", "8.1.3.5", "安全审计", "要求", "来源")
    section.checks.append(Check("audit.users", "用户", PASS, f"用户 {SUBJECT} 有访问记录。"))
    section.tables.append(Table("按用户", ["用户 user.id", "事件数"], [[SUBJECT, 3]]))
    section.charts.append("volume")
    return MlpsReport(
        "2026-11-01T00:00:00+08:00",
        "2026-11-02T00:00:00+08:00",
        "2026-11-02T08:00:00+08:00",
        "mg-*",
        "v1",
        "gw1",
        [section],
        charts={"volume": '<svg id="volume-1"><path d="M0 0"/></svg>'},
    )


def test_a_user_id_is_escaped_and_its_format_characters_shown() -> None:
    """Escaping stopped markup; a bidi override turned the rest of the reason around and a
    zero-width space hid in the name, in the page and the PDF. The report's own markup (its
    stylesheet, the charts) is kept as it is."""
    page = to_html(_report())
    assert "<script>" not in page and "\u202e" not in page and "\u200b" not in page
    shown = "li&lt;U+200B&gt;na&lt;U+202E&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert page.count(shown) >= 2  # the reason, the table
    assert '<svg id="volume-1"><path d="M0 0"/></svg>' in page and "<style>" in page
