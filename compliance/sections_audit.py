"""8.1.3.5 / 8.1.4.3 安全审计 and log retention: verdicts from the evidence, nothing else."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from audit.lifecycle import MIN_RETENTION_DAYS

from .evidence import Evidence
from .model import FAIL, PARTIAL, PASS, Check, Section, Table, undetermined

DRILL_MAX_AGE_DAYS = 90  # a restore drill at least once a quarter


_NAMED = 20  # users named in a reason; the tables list them all


def _users(pairs: list[tuple[str, str, int]]) -> str:
    users = sorted({u for u, _, _ in pairs})
    if len(users) > _NAMED:
        return "、".join(users[:_NAMED]) + f" 等 {len(users)} 人"
    return "、".join(users) or "无"


def empty_trail(ev: Evidence) -> str:
    """The report's notice when the period has no audit event: whether the trail has none at
    all (a fresh deployment, or events that never reached OpenSearch) or only none in the period."""
    if ev.events:
        return ""
    if ev.oldest_event is None:
        return (
            f"审计索引 {ev.index} 中没有任何审计事件(新部署尚无访问,或审计事件未写入 OpenSearch);"
            "依赖审计记录的检查项判为不符合或无法判定。"
            f" / The audit trail {ev.index} holds no audit event at all; the checks that rest on it are"
            " not compliant or not determinable."
        )
    return (
        f"报告期间内没有审计事件(审计记录中最早的事件为 {ev.oldest_event});依赖审计记录的检查项判为不符合或无法判定。"
        " / No audit event in the period; the checks that rest on the trail are not compliant or not determinable."
    )


def security_audit(ev: Evidence) -> Section:
    s = Section(
        "security_audit",
        "8.1.3.5 / 8.1.4.3",
        "安全审计",
        "a) 应启用安全审计功能,审计覆盖到每个用户,对重要的用户行为和重要安全事件进行审计;"
        "b) 审计记录应包括事件的日期和时间、用户、事件类型、事件是否成功及其他与审计相关的信息;"
        "c) 应对审计记录进行保护,定期备份,避免受到未预期的删除、修改或覆盖等;"
        "d) 应对审计进程进行保护,防止未经授权的中断。",
        f"审计索引 {ev.index}(event.kind=event);网关请求计数器 minguard_requests_total;"
        "audit/verify.py 哈希链与签名检查点校验;快照仓库与恢复演练记录(minguard-ops);访问控制策略。",
    )
    s.facts += [("期间内审计事件数", str(ev.events)), ("其中代理请求事件数(不含管理接口)", str(ev.proxied_events))]
    s.facts.append(("期间内有审计事件的用户数", str(ev.users)))
    title = "各用户审计事件数"
    if ev.users > len(ev.by_user):  # the table holds the most active users only: say so
        title += f"(仅列出事件数最多的 {len(ev.by_user)} 个用户,共 {ev.users} 个)"
    s.tables.append(Table(title, ["用户 user.id", "事件数"], [[u, n] for u, n in ev.by_user.items()]))
    if ev.events == 0:
        whole = "审计索引中也没有任何审计事件。" if ev.oldest_event is None else ""
        s.checks.append(Check("audit.users", "审计覆盖每个用户", FAIL, "期间内没有任何审计事件。" + whole))
    else:
        s.checks.append(Check("audit.users", "审计覆盖每个用户", PASS, f"期间内 {ev.users} 个用户的操作均有审计事件。"))
    s.checks.append(_requests(ev))
    missing = {f: n for f, n in ev.missing_fields.items() if n}
    s.tables.append(
        Table("字段完整性(缺失该字段的事件数)", ["字段", "缺失数"], [[f, n] for f, n in ev.missing_fields.items()])
    )
    if ev.events == 0:  # no event lacks a field because there is no event
        s.checks.append(undetermined("audit.fields", "审计记录内容完整"))
    elif missing:
        what = ";".join(f"{f} 缺失 {n} 条" for f, n in missing.items())
        s.checks.append(Check("audit.fields", "审计记录内容完整", FAIL, what))
    else:
        s.checks.append(
            Check("audit.fields", "审计记录内容完整", PASS, f"{len(ev.missing_fields)} 个必备字段在全部事件中齐全。")
        )
    s.checks.append(_tamper(ev))
    s.checks.append(_backup(ev))
    s.checks.append(_control(ev))
    s.tables.append(Table("审计日志操作(audit_log)", ["用户", "结果", "次数"], [list(x) for x in ev.audit_attempts]))
    s.tables.append(Table("策略变更(policy.reload)", ["用户", "结果", "次数"], [list(x) for x in ev.policy_changes]))
    _starts(s, ev)
    s.charts.append("volume")
    return s


def _starts(s: Section, ev: Evidence) -> None:
    """Item d: when the gateway (the audit process) started, whether its settings, policy files
    or keys differed from the previous start, and whether the previous run ended without its stop
    entry: killed, crashed or its host lost (gateway/process_events.py)."""
    changed = [e for e in ev.starts if _gateway(e).get("changed_count")]
    interrupted = [e for e in ev.starts if _gateway(e).get("previous_run", {}).get("stop_recorded") is False]
    s.facts.append(("期间内网关进程启动次数(gateway.start)", str(len(ev.starts))))
    s.facts.append(("其中配置、策略文件或密钥与上次启动不同", str(len(changed))))
    s.facts.append(("其中上次运行没有停止记录(审计进程曾中断)", str(len(interrupted))))
    rows = []
    for entry in ev.starts:
        gateway = _gateway(entry)
        if gateway.get("first_start"):
            what = "首次启动(本实例无上次记录)"
        else:
            names = gateway.get("changed_settings") or []
            what = "、".join(names) + (
                f" 等 {gateway['changed_count']} 项" if gateway.get("changed_count", 0) > len(names) else ""
            )
        rows.append(
            [
                _local(entry.get("@timestamp"), ev),
                entry.get("minguard", {}).get("instance", ""),
                str(gateway.get("config_sha256", ""))[:16],
                what or "无变更",
                _previous_run(gateway.get("previous_run"), ev),
            ]
        )
    s.tables.append(
        Table(
            "网关启动与配置变更(最近 200 次)",
            ["时间", "实例", "配置摘要", "与上次启动相比的变更", "上次运行"],
            rows,
        )
    )


def _gateway(entry: dict[str, Any]) -> dict[str, Any]:
    gateway = entry.get("minguard", {}).get("gateway", {})
    return gateway if isinstance(gateway, dict) else {}


def _local(timestamp: object, ev: Evidence) -> str:
    when = datetime.fromisoformat(str(timestamp).replace("Z", "+00:00"))
    return when.astimezone(ev.start.tzinfo).isoformat(timespec="seconds")


def _previous_run(run: object, ev: Evidence) -> str:
    if not isinstance(run, dict):
        return "—"
    if run.get("stop_recorded"):
        return "正常停止"
    started = f",启动于 {_local(run['started_at'], ev)}" if run.get("started_at") else ""
    return f"没有停止记录(进程 {run.get('pid', '未知')}{started}):被终止、崩溃或主机断电"


def _requests(ev: Evidence) -> Check:
    name = "每个请求均被审计(计数器与事件比对)"
    if ev.requests_counted is None:
        return Check("audit.requests", name, PARTIAL, "未提供网关请求计数(--metrics-url 或 --requests),无法比对。")
    if ev.proxied_events >= ev.requests_counted:
        return Check(
            "audit.requests",
            name,
            PASS,
            f"网关计数 {ev.requests_counted} 次请求,审计事件 {ev.proxied_events} 条,无缺失。",
        )
    gap = ev.requests_counted - ev.proxied_events
    return Check(
        "audit.requests",
        name,
        FAIL,
        f"网关计数 {ev.requests_counted} 次请求,审计事件仅 {ev.proxied_events} 条,{gap} 次请求没有审计事件。",
    )


def _tamper(ev: Evidence) -> Check:
    name = "审计记录防篡改校验"
    v = ev.verify
    if "error" in v:
        return Check("audit.tamper", name, FAIL, str(v["error"]))
    anchored = str(v.get("anchored_zh", ""))  # compared with the spool beside the gateway, or why not
    if not v.get("clean", False):
        found = v.get("findings", [])
        sample = ";".join(f["message_zh"] for f in found[:3])
        return Check("audit.tamper", name, FAIL, f"发现 {len(found)} 处删除/篡改/调序/插入:{sample}")
    instances = v.get("instances", [])
    unsigned = sum(int(i["unsigned"]) for i in instances)
    if not instances:
        return Check("audit.tamper", name, FAIL, "期间内没有带哈希链的审计记录。")
    if any(i["last_checkpoint_seq"] is None for i in instances):
        return Check("audit.tamper", name, PARTIAL, "哈希链完整,但有实例尚无签名检查点。" + anchored)
    return Check(
        "audit.tamper",
        name,
        PASS,
        f"{len(instances)} 个实例哈希链与签名检查点校验通过;最后检查点后尚未签名 {unsigned} 条。" + anchored,
    )


def _backup(ev: Evidence) -> Check:
    name = "审计记录定期备份与恢复演练"
    drill = ev.last_drill
    snaps = [x for x in ev.snapshots if x.get("state") == "SUCCESS"]
    if drill and drill.get("ok"):
        age = (ev.generated - datetime.fromisoformat(str(drill["@timestamp"]).replace("Z", "+00:00"))).days
        if snaps and age <= DRILL_MAX_AGE_DAYS:
            return Check(
                "audit.backup",
                name,
                PASS,
                f"快照 {len(snaps)} 个;最近恢复演练 {drill['@timestamp']} 成功({age} 天前)。",
            )
        return Check(
            "audit.backup", name, PARTIAL, f"最近一次成功的恢复演练在 {age} 天前,超过 {DRILL_MAX_AGE_DAYS} 天或无快照。"
        )
    if snaps:
        return Check("audit.backup", name, PARTIAL, f"有 {len(snaps)} 个快照,但没有成功的恢复演练记录。")
    return Check("audit.backup", name, FAIL, "没有审计索引的快照,也没有恢复演练记录(minguard audit backup-drill)。")


def _control(ev: Evidence) -> Check:
    name = "仅审计管理员可操作审计记录"
    others = [r for r in ev.audit_controllers if r != "audit_admin"]
    if others:
        return Check("audit.control", name, FAIL, f"策略允许审计管理员以外的角色操作审计日志:{'、'.join(others)}。")
    intruders = [
        (u, o, n) for u, o, n in ev.audit_attempts if "audit_admin" not in ev.configured.get(u, []) and o == "success"
    ]
    if intruders:
        return Check("audit.control", name, FAIL, f"审计管理员以外的用户成功操作了审计日志:{_users(intruders)}。")
    tried = [(u, o, n) for u, o, n in ev.audit_attempts if "audit_admin" not in ev.configured.get(u, [])]
    note = f"其他用户的尝试均被拒绝:{_users(tried)}。" if tried else "期间内无其他用户尝试。"
    return Check("audit.control", name, PASS, "策略仅允许审计管理员查询审计日志;" + note)


def retention(ev: Evidence) -> Section:
    s = Section(
        "retention",
        "网络安全法第二十三条第三款",
        "日志留存",
        "《网络安全法》(2025 年修正)第二十三条第三款:采取监测、记录网络运行状态、网络安全事件的技术措施,"
        "并按照规定留存相关的网络日志不少于六个月(本系统按 184 天计)。",
        f"审计索引模板 _meta.retention_days;配置 audit.retention_days;{ev.index} 中最早的事件。",
    )
    meta = ev.template_meta
    days = meta.get("retention_days") if meta else None
    s.facts += [
        ("最早审计事件", ev.oldest_event or "无"),
        ("索引模板记录的保留期(天)", str(days) if days is not None else "未找到模板"),
        ("网关配置的保留期(天)", str(ev.retention_setting)),
    ]
    name = "保留期不少于六个月"
    if days is None:
        s.checks.append(Check("retention.setting", name, FAIL, "未找到审计索引模板或其保留期设置。"))
    elif int(days) < MIN_RETENTION_DAYS:
        s.checks.append(
            Check("retention.setting", name, FAIL, f"索引模板保留期 {days} 天,少于 {MIN_RETENTION_DAYS} 天。")
        )
    elif int(days) != ev.retention_setting:
        s.checks.append(
            Check(
                "retention.setting",
                name,
                PARTIAL,
                f"索引模板保留期 {days} 天与网关配置 {ev.retention_setting} 天不一致。",
            )
        )
    else:
        s.checks.append(Check("retention.setting", name, PASS, f"保留期 {days} 天,不少于 {MIN_RETENTION_DAYS} 天。"))
    return s
