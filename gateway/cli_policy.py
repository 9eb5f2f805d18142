"""`minguard policy …`: explain a decision, lint the policy files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from classifiers.levels import DataLevel
from policies.bundle import PolicyBundle, PolicyFiles
from policies.decide import evaluate
from policies.lint import lint
from policies.routes import PathError, canonical_path

from .cli_common import settings_or_fail
from .settings import Settings

policy_app = typer.Typer(help="Explain access decisions and lint the policy files.", no_args_is_help=True)
ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="YAML config file (default: demo defaults).")]


def _files(settings: Settings) -> PolicyFiles:
    p = settings.policy
    return PolicyFiles(p.model, p.policy, p.routes, p.masking, p.conditions)


@policy_app.command("explain")
def explain(
    subject: Annotated[str, typer.Option(help="The caller's subject (user id).")],
    roles: Annotated[str, typer.Option(help="Comma-separated roles.")],
    region: Annotated[str, typer.Option(help="The caller's jurisdiction (行政区划代码).")],
    path: Annotated[str, typer.Option(help="Request path, e.g. /api/v1/regions/610902/persons.")],
    method: Annotated[str, typer.Option(help="HTTP method.")] = "GET",
    purpose: Annotated[str | None, typer.Option(help="Declared purpose of use.")] = None,
    level: Annotated[str, typer.Option(help="Data level of the response: general, important, core.")] = "general",
    records: Annotated[int, typer.Option(help="Records in the response.")] = 0,
    clear: Annotated[bool, typer.Option("--clear", help="Something in the response goes out in clear.")] = False,
    at: Annotated[str | None, typer.Option(help="When (ISO 8601 with offset); default now.")] = None,
    config: ConfigOption = None,
) -> None:
    """Print the decision, the rule, the policy version and the masking profile that would apply."""
    bundle = PolicyBundle.load(_files(settings_or_fail(config)))
    role_list = tuple(r.strip() for r in roles.split(",") if r.strip())
    try:
        route = bundle.routes.match(method, canonical_path(path))
        when = dt.datetime.fromisoformat(at) if at else dt.datetime.now(dt.UTC)
        data_level = DataLevel.parse(level)
    except (PathError, ValueError) as exc:
        typer.echo(f"判定 decision: 拒绝 deny (请求有误 bad request: {exc})")
        raise typer.Exit(1) from None
    if route is None:
        typer.echo(f"判定 decision: 拒绝 deny (unknown_route: 未登记的接口 no route for {method.upper()} {path})")
        typer.echo(f"策略版本 policy version: {bundle.version}")
        raise typer.Exit(1)
    if when.tzinfo is None:
        when = when.replace(tzinfo=bundle.conditions.timezone)
    outcome = evaluate(
        bundle,
        role_list,
        region,
        route.target_region,
        route.resource,
        route.action,
        now=when,
        level=data_level,
        masked=not clear,
        purpose=purpose,
        records=records,
    )
    limit = bundle.conditions.daily_limit(role_list)
    # zh-CN first: the security administrator (安全管理员) reads this.
    typer.echo(f"主体 subject: {subject}  角色 roles: {','.join(role_list)}  辖区 region: {region}")
    typer.echo(
        f"接口 route: {route.name} ({route.resource}.{route.action},"
        f" 目标区划 target region {route.target_region or '-'})"
    )
    typer.echo(f"判定 decision: {'允许 allow' if outcome.allowed else '拒绝 deny'} ({outcome.code})")
    typer.echo(f"规则 rule: {outcome.rule or '(无匹配规则,默认拒绝 none: default deny)'}")
    typer.echo(f"条件 condition: {outcome.condition or '-'}")
    typer.echo(f"策略版本 policy version: {outcome.policy_version}")
    typer.echo(f"脱敏策略 masking profile: {outcome.profile}")
    typer.echo(f"每日记录上限 daily record limit: {f'{limit[0]} ({limit[1]})' if limit else '无 none'}")
    raise typer.Exit(0 if outcome.allowed else 1)


@policy_app.command("lint")
def lint_cmd(config: ConfigOption = None) -> None:
    """Conflicting and unreachable rules, unmentioned routes, separation-of-duty violations."""
    settings = settings_or_fail(config)
    identities = [(k.id, k.roles) for k in settings.identity.api_keys]
    findings = lint(settings.policy.policy, settings.policy.routes, identities, settings.identity.jwt is not None)
    for finding in findings:
        typer.echo(str(finding))
    errors = sum(f.severity == "error" for f in findings)
    typer.echo(f"发现 {len(findings)} 项,其中错误 {errors} 项 / {len(findings)} finding(s), {errors} error(s)")
    raise typer.Exit(1 if errors else 0)
