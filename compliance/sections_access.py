"""8.1.4.2 访问控制 and 8.1.4.1 身份鉴别: verdicts from the evidence, nothing else."""

from __future__ import annotations

from policies.separation import ADMIN_ROLES

from .evidence import Evidence
from .model import FAIL, PARTIAL, PASS, Check, Section, Table, undetermined
from .policyfacts import ROLE_ZH
from .trail import ENTITIES

REPEATED_DENIALS = 10  # as the misuse.repeated_denials rule (audit/detection/rules)


def access_control(ev: Evidence) -> Section:
    s = Section(
        "access_control",
        "8.1.4.2",
        "访问控制",
        "a) 应对登录的用户分配账户和权限;b) 应重命名或删除默认账户;c) 应及时删除或停用多余的、过期的账户,"
        "避免共享账户的存在;d) 应授予管理用户所需的最小权限,实现管理用户的权限分离;"
        "e) 应由授权主体配置访问控制策略;f) 访问控制的粒度应达到主体为用户级或进程级,客体为文件、数据库表级;"
        "g) 应对重要主体和客体设置安全标记,并控制主体对有安全标记信息资源的访问。",
        "运行中的访问控制策略(casbin 判定,policies/);脱敏策略 masking.yaml;配置中的账户 identity.api_keys;"
        f"审计索引 {ev.index} 中的拒绝记录;告警索引。",
    )
    ops = sorted({op for row in ev.matrix.values() for op in row})
    rows = [
        [f"{ROLE_ZH.get(r, r)} {r}", *("允许" if row.get(op) else "-" for op in ops)] for r, row in ev.matrix.items()
    ]
    s.tables.append(Table("角色权限矩阵(本辖区)", ["角色", *ops], rows))
    masking_rows = [[r, m["_profile"], *(m[e] for e in ENTITIES)] for r, m in ev.masking.items()]
    s.tables.append(Table("字段级最小权限:各角色对各类个人信息的处理", ["角色", "脱敏策略", *ENTITIES], masking_rows))
    s.checks.append(_separation(ev))
    s.checks.append(_least_privilege(ev))
    s.checks.append(_surplus(ev))
    s.checks.append(_escalation(ev))
    s.tables.append(Table("越权尝试(被拒绝)", ["用户", "拒绝原因", "次数"], [list(x) for x in ev.escalations]))
    s.charts.append("denials")
    return s


def _separation(ev: Evidence) -> Check:
    name = "三员分立(系统/安全/审计管理员权限分离)"
    held: dict[str, set[str]] = {}
    for user, role, _ in ev.admin_role_events:
        if role in ADMIN_ROLES:
            held.setdefault(user, set()).add(role)
    combined = sorted(u for u, roles in held.items() if len(roles) > 1)
    problems = list(ev.separation) + [f"审计记录中用户 {u} 同时持有多个管理员角色" for u in combined]
    if problems:
        return Check("access.separation", name, FAIL, ";".join(problems))
    return Check(
        "access.separation", name, PASS, "无账户兼任两种管理员角色;各管理员仅能执行本职操作,不能访问业务数据。"
    )


def _least_privilege(ev: Evidence) -> Check:
    name = "最小权限:明文放行仅限服务账号"
    everything = {r for r, m in ev.masking.items() if all(m[e].startswith("keep") for e in ENTITIES)}
    persons = sorted(u for u, roles in ev.configured.items() if ev.kinds.get(u) == "person" and everything & set(roles))
    if persons:
        return Check("access.least_privilege", name, FAIL, f"人员账户获得全部明文的脱敏策略:{'、'.join(persons)}。")
    return Check(
        "access.least_privilege",
        name,
        PASS,
        f"全部明文仅授予服务账号角色({'、'.join(sorted(everything)) or '无'});人员角色按字段脱敏。",
    )


def _surplus(ev: Evidence) -> Check:
    name = "多余或未使用的账户"
    if ev.events == 0:  # with no trail every account looks unused: nothing to tell them apart
        return undetermined("access.surplus", name)
    unused = sorted(u for u in ev.configured if u not in ev.configured_events)
    if unused:
        return Check(
            "access.surplus",
            name,
            PARTIAL,
            f"{len(unused)} 个已配置账户在期间内没有任何访问,应核实后停用:{'、'.join(unused)}。",
        )
    return Check("access.surplus", name, PASS, f"已配置的 {len(ev.configured)} 个账户在期间内均有访问。")


def _escalation(ev: Evidence) -> Check:
    name = "越权尝试均被拒绝并告警"
    if ev.events == 0:
        return undetermined("access.escalation", name)
    per_user: dict[str, int] = {}
    for user, _, n in ev.escalations:
        per_user[user] = per_user.get(user, 0) + n
    silent = sorted(u for u, n in per_user.items() if n >= REPEATED_DENIALS and u not in ev.denial_alerted)
    if silent:
        return Check(
            "access.escalation", name, PARTIAL, f"频繁越权尝试(≥{REPEATED_DENIALS} 次)未形成告警:{'、'.join(silent)}。"
        )
    total = sum(per_user.values())
    return Check("access.escalation", name, PASS, f"期间内 {total} 次越权尝试均被拒绝;频繁尝试者均已告警。")


def identity(ev: Evidence) -> Section:
    s = Section(
        "identity",
        "8.1.4.1",
        "身份鉴别",
        "a) 应对登录的用户进行身份标识和鉴别,身份标识具有唯一性;"
        "d) 应采用口令、密码技术、生物技术等两种或两种以上组合的鉴别技术,且其中一种鉴别技术至少应使用密码技术来实现。",
        f"审计索引 {ev.index} 的 minguard.principal.credential;配置 identity.jwt。",
    )
    identified = sum(ev.credentials.values())
    jwt = ev.credentials.get("jwt", 0)
    s.tables.append(Table("使用的凭证类型", ["凭证", "请求数"], [[k, n] for k, n in ev.credentials.items()]))
    s.facts += [
        ("未认证请求(均被拒绝)", str(ev.unauthenticated)),
        ("JWT(签名令牌)验证已配置", "是" if ev.jwt_configured else "否"),
        ("密码技术鉴别(JWT)占已认证请求比例", f"{jwt / identified:.1%}" if identified else "无已认证请求"),
    ]
    if ev.events == 0:
        s.checks.append(undetermined("identity.authenticated", "请求均经身份鉴别"))
    elif ev.allowed_anonymous:
        s.checks.append(
            Check(
                "identity.authenticated", "请求均经身份鉴别", FAIL, f"{ev.allowed_anonymous} 次未鉴别身份的请求被放行。"
            )
        )
    else:
        s.checks.append(
            Check("identity.authenticated", "请求均经身份鉴别", PASS, "所有被放行的请求都已鉴别调用方身份。")
        )
    name = "采用密码技术的鉴别"
    if ev.events == 0:
        s.checks.append(undetermined("identity.strong", name))
    elif identified and jwt == identified:
        s.checks.append(Check("identity.strong", name, PASS, "全部已认证请求使用签名令牌(JWT)。"))
    elif jwt:
        s.checks.append(
            Check(
                "identity.strong",
                name,
                PARTIAL,
                f"仅 {jwt / identified:.1%} 的请求使用签名令牌,其余使用 API 密钥(共享秘密)。",
            )
        )
    else:
        s.checks.append(
            Check("identity.strong", name, FAIL, "没有请求使用签名令牌;API 密钥属于共享秘密,不是密码技术鉴别。")
        )
    return s
