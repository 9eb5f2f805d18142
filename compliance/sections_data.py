"""8.1.4.7 / 8.1.4.8 完整性与保密性, 8.1.4.11 个人信息保护 (DSL Art. 21, GB/T 43697) and the
detection of misuse: verdicts from the evidence, nothing else."""

from __future__ import annotations

from audit.detection.alerts import STATE_ZH
from audit.detection.notify import SEVERITY_ZH

from .evidence import Evidence
from .model import FAIL, PARTIAL, PASS, Check, Section, Table, undetermined
from .systemfacts import ALARM_GRACE, ALERT_MAX_OPEN_DAYS

KEY_MAX_AGE_DAYS = 365  # rotate keys at least yearly
SM_ALGORITHMS = ("hmac-sm3", "sm4-gcm", "sm3")


def integrity(ev: Evidence) -> Section:
    s = Section(
        "integrity",
        "8.1.4.7",
        "数据完整性",
        "a) 应采用校验技术或密码技术保证重要数据在传输过程中的完整性;"
        "b) 应采用校验技术或密码技术保证重要数据在存储过程中的完整性(本节:审计数据)。",
        f"{ev.index} 中的 minguard.chain.alg 与签名检查点(event.kind=checkpoint)。",
    )
    s.tables.append(Table("审计哈希链算法", ["算法", "记录数"], [[a, n] for a, n in ev.chain_algorithms.items()]))
    s.facts.append(("期间内签名检查点(Ed25519)", str(ev.checkpoints)))
    name = "审计数据存储完整性(哈希链 + 签名)"
    if not ev.chain_algorithms:
        s.checks.append(Check("integrity.chain", name, FAIL, "期间内的审计记录没有哈希链。"))
    elif not ev.checkpoints:
        s.checks.append(Check("integrity.chain", name, PARTIAL, "记录有哈希链,但期间内没有签名检查点。"))
    else:
        algs = "、".join(ev.chain_algorithms)
        s.checks.append(
            Check("integrity.chain", name, PASS, f"全部记录以 {algs} 链接,{ev.checkpoints} 个 Ed25519 签名检查点。")
        )
    return s


def confidentiality(ev: Evidence) -> Section:
    s = Section(
        "confidentiality",
        "8.1.4.8",
        "数据保密性",
        "a) 应采用密码技术保证重要数据在传输过程中的保密性;b) 应采用密码技术保证重要数据在存储过程中的保密性。",
        "网关配置(upstream.url、opensearch.url);masking.yaml 中的加密与假名化算子;keys.dir 中的密钥文件。",
    )
    s.tables.append(
        Table(
            "传输链路",
            ["链路", "地址", "TLS"],
            [[t["link"], t["url"], "是" if t["tls"] else "否"] for t in ev.transport],
        )
    )
    s.tables.append(
        Table(
            "字段加密与假名化算法",
            ["脱敏策略", "实体", "算子", "算法", "密钥"],
            [[a["profile"], a["entity"], a["op"], a["alg"], a["key"]] for a in ev.masking_algorithms],
        )
    )
    s.tables.append(
        Table(
            "密钥及其轮换时间",
            ["文件", "用途", "最近更新", "天数"],
            [[k["file"], k["purpose"], k["modified"], k["age_days"]] for k in ev.keys],
        )
    )
    tls = [t for t in ev.transport if t["tls"]]
    name = "传输加密(TLS)"
    if len(tls) == len(ev.transport):
        s.checks.append(Check("confidentiality.tls", name, PASS, "网关的出站链路均使用 TLS。"))
    elif tls:
        plain = "、".join(t["link"] for t in ev.transport if not t["tls"])
        s.checks.append(Check("confidentiality.tls", name, PARTIAL, f"部分链路未使用 TLS:{plain}。"))
    else:
        s.checks.append(Check("confidentiality.tls", name, FAIL, "网关的出站链路均未使用 TLS(明文 HTTP)。"))
    old = [k["file"] for k in ev.keys if k["age_days"] > KEY_MAX_AGE_DAYS]
    if not ev.keys:
        s.checks.append(Check("confidentiality.keys", "密钥轮换", FAIL, "keys.dir 中没有密钥文件。"))
    elif old:
        s.checks.append(
            Check("confidentiality.keys", "密钥轮换", PARTIAL, f"超过 {KEY_MAX_AGE_DAYS} 天未轮换:{'、'.join(old)}。")
        )
    else:
        s.checks.append(
            Check("confidentiality.keys", "密钥轮换", PASS, f"{len(ev.keys)} 个密钥均在 {KEY_MAX_AGE_DAYS} 天内更新。")
        )
    used = {a["alg"] for a in ev.masking_algorithms} | set(ev.chain_algorithms)
    sm = sorted(used & set(SM_ALGORITHMS))
    if sm:
        s.checks.append(Check("confidentiality.sm", "商用密码(SM3/SM4)", PASS, f"已配置国密算法:{'、'.join(sm)}。"))
    else:
        s.checks.append(
            Check(
                "confidentiality.sm",
                "商用密码(SM3/SM4)",
                PARTIAL,
                f"未配置 SM3/SM4,当前算法:{'、'.join(sorted(used)) or '无'}。",
            )
        )
    return s


def personal_information(ev: Evidence) -> Section:
    s = Section(
        "personal_information",
        "8.1.4.11 / 数据安全法第二十一条 / GB/T 43697-2024",
        "个人信息保护与数据分类分级",
        "8.1.4.11 a) 应仅采集和保存业务必需的用户个人信息;b) 应禁止未授权访问和非法使用用户个人信息。"
        "《数据安全法》第二十一条:建立数据分类分级保护制度,对重要数据、核心数据加强保护。",
        f"{ev.index} 中的 minguard.data.*、minguard.masking.*、minguard.purpose;routes.yaml。",
    )
    seen = {r["route"]: r for r in ev.routes}
    rows = []
    for r in ev.declared_routes:
        got = seen.get(r["name"], {"events": 0, "levels": {}, "entities": {}})
        levels = "、".join(f"{k} {n}" for k, n in got["levels"].items()) or "-"
        entities = "、".join(f"{k} {n}" for k, n in got["entities"].items()) or "-"
        rows.append([r["name"], r["method"], r["path"], got["events"], levels, entities])
    s.tables.append(
        Table(
            "接口清单:数据级别与个人信息类型",
            ["接口", "方法", "路径", "事件数", "数据级别", "个人信息(出现次数)"],
            rows,
        )
    )
    rel = [
        [lv, int(v["events"]), int(v["records"]), int(v["persons"]), int(v["clear"])] for lv, v in ev.released.items()
    ]
    s.tables.append(Table("重要/核心数据放行量", ["级别", "放行次数", "记录数", "人数", "明文值"], rel))
    s.tables.append(
        Table(
            "各角色脱敏覆盖",
            ["角色", "事件数", "已脱敏值", "明文值", "脱敏覆盖率"],
            [
                [r, v["events"], v["masked"], v["clear"], _share(v["masked"], v["masked"] + v["clear"])]
                for r, v in ev.masking_by_role.items()
            ],
        )
    )
    s.tables.append(Table("明文放行及其使用目的", ["用户", "使用目的", "次数"], [list(x) for x in ev.clear_releases]))
    s.tables.append(Table("还原(重新识别)请求", ["用户", "结果", "次数"], [list(x) for x in ev.reidentifications]))
    name = "重要/核心数据明文放行均声明使用目的"
    if ev.events == 0:
        s.checks.append(undetermined("pi.purpose", name))
    elif ev.clear_without_purpose:
        s.checks.append(
            Check("pi.purpose", name, FAIL, f"{ev.clear_without_purpose} 次重要/核心数据明文放行没有使用目的。")
        )
    else:
        s.checks.append(Check("pi.purpose", name, PASS, "所有重要/核心数据的明文放行都有使用目的。"))
    name = "放行的响应均经敏感数据检查"
    if ev.events == 0:
        s.checks.append(undetermined("pi.inspected", name))
    elif ev.uninspected_releases:
        s.checks.append(
            Check(
                "pi.inspected", name, PARTIAL, f"{ev.uninspected_releases} 次响应未经检查即放行(全部明文的服务账号)。"
            )
        )
    else:
        s.checks.append(Check("pi.inspected", name, PASS, "所有放行的上游响应都经过了分级与脱敏检查。"))
    return s


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def detection(ev: Evidence) -> Section:
    s = Section(
        "detection",
        "8.1.3.5 / 8.1.4.3 / 8.1.3.4(入侵防范)",
        "异常行为检测与告警处置",
        "应对重要的用户行为和重要安全事件进行审计;应能够检测到对重要节点进行入侵的行为,并在发生严重入侵事件时提供报警。"
        "本节:审计记录上的滥用与资金侵占检测规则(docs/detection.md)产生的告警及其处置。",
        f"告警索引 {ev.index.removesuffix('-*')}.alerts(窗口与报告期间相交的告警)。",
    )
    alerts = ev.alerts  # counted over every alert of the period, not a list of them
    hours = alerts.closing_hours
    rows = [
        [rule, *(states.get(k, 0) for k in STATE_ZH), f"{hours[rule]:.1f}" if rule in hours else "-"]
        for rule, states in sorted(alerts.by_rule.items())
    ]
    s.tables.append(Table("告警按规则与处置状态", ["规则", *STATE_ZH.values(), "关闭用时中位数(小时)"], rows))
    new = alerts.in_state("new")
    name = "告警及时处置"
    if alerts.stale:
        s.checks.append(
            Check("detection.handled", name, FAIL, f"{alerts.stale} 条告警超过 {ALERT_MAX_OPEN_DAYS} 天未处理。")
        )
    elif new:
        s.checks.append(Check("detection.handled", name, PARTIAL, f"共 {alerts.total} 条告警,{new} 条尚未确认或关闭。"))
    elif not alerts.total and not ev.events:  # the rules had no event to look at
        s.checks.append(undetermined("detection.handled", name))
    else:
        s.checks.append(Check("detection.handled", name, PASS, f"共 {alerts.total} 条告警,均已确认或关闭。"))
    s.checks.append(_alarm(ev))
    s.charts.append("alerts")
    return s


def _alarm(ev: Evidence) -> Check:
    """8.1.3.5: an alarm when a serious event is detected, i.e. pushed, not waiting in a console."""
    name, alerts = "严重告警报警", ev.alerts
    levels = "/".join(SEVERITY_ZH[s] for s in ev.alarm_severities)  # 高/严重 by default
    if ev.alarm_channel is None:
        return Check(
            "detection.alarm",
            name,
            PARTIAL,
            "未配置告警推送(detection.notify):告警只能在控制台或命令行中查看,发生严重事件时无人被主动通知。",
        )
    if alerts.unalarmed:
        grace = int(ALARM_GRACE.total_seconds() // 3600)
        return Check(
            "detection.alarm",
            name,
            FAIL,
            f"{alerts.unalarmed} 条{levels}级别告警产生 {grace} 小时以上仍未推送到值班渠道 {ev.alarm_channel}(接收方不可达或拒收)。",
        )
    return Check(
        "detection.alarm",
        name,
        PASS,
        f"告警推送到值班渠道 {ev.alarm_channel};期间内 {alerts.severe} 条{levels}级别告警均已推送或已处置。",
    )
