"""What a check of the audit trail reports (audit/verify.py, audit/anchor.py): each finding in
zh-CN and English, by kind (deleted, altered, reordered, inserted, interrupted), and a summary
per chain. docs/audit-chain.md §3 has the table of cases.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS_ZH = {"deleted": "删除", "altered": "篡改", "reordered": "顺序被改", "inserted": "插入", "interrupted": "中断"}
# Finding texts by "<kind>.<case>", filled from the call's values; zh-CN first, then English.
_ZH = {
    "inserted.unchained": "事件 {id} 没有完整的哈希链字段,不属于任何审计链",
    "altered.edited": "第 {seq} 条事件 {id} 的内容与其哈希不符:已被修改",
    "reordered.moved": "事件 {id} 记录为第 {seq} 条,但封存时为第 {sealed} 条:顺序被调换",
    "inserted.duplicate": "第 {seq} 条有两条事件({other}、{id}):{id} 接不上链,是插入的",
    "inserted.ambiguous": "第 {seq} 条有两条事件({other}、{id}):无法判断哪条是原始记录",
    "deleted.gap": "第 {span} 条缺失(共 {n} 条),位于 {before} 与 {after} 之间",
    "reordered.linked": "第 {seq} 条事件 {id} 链接到第 {target} 条({target_id}),而不是前一条",
    "inserted.unlinked": "第 {seq} 条事件 {id} 接不上第 {seq_before} 条({before}):它或前一条是伪造或重算了哈希的记录",
    "altered.misplaced": "第 {seq} 条检查点不在它所签的那条之后,或实例不符",
    "altered.key": "第 {seq} 条检查点由另一把密钥({key})签名,而不是 {expected}",
    "altered.key_returned": "第 {seq} 条检查点由已轮换停用的密钥 {key} 签名,而此前的检查点已使用新密钥 {newer}:"
    "是用旧密钥伪造的",
    "altered.signature": "第 {seq} 条检查点签名无效",
    "altered.rewritten": "第 {seq} 条检查点所签的第 {signed} 条哈希与记录不符:此前的链被重写",
    "deleted.count": "第 {seq} 条检查点签名覆盖 {count} 条,但与上一检查点(第 {previous} 条)之间有 {actual} 条",
    "deleted.covered": "第 {seq} 条检查点覆盖第 {start}–{signed} 条,但第 {missing} 条不在记录中",
    "deleted.uncovered": "第 {seq} 条检查点只签了第 {start}–{signed} 条:签第 {missing} 条的检查点缺失",
    "interrupted.open": "记录止于 {at}(第 {seq} 条检查点),没有正常关闭的检查点:"
    "其后的记录可能已被删除,或网关异常停止,或尚未送达 OpenSearch",
    "interrupted.restarted": "第 {closed} 条是正常关闭的检查点,但其后又有记录(第 {span} 条,最晚 {ts}),之后没有检查点:"
    "其后的记录可能已被删除,或网关异常停止,或尚未送达 OpenSearch",
    "interrupted.unsigned": "记录(第 {span} 条,最晚 {ts})中没有任何检查点:"
    "其后的记录可能已被删除,或网关异常停止,或尚未送达 OpenSearch",
    "deleted.anchor_cut": "网关主机上的审计缓存显示已送达 OpenSearch 至第 {seq} 条{named},记录却止于第 {last} 条:"
    "第 {span} 条被删除",
    "deleted.anchor_gone": "网关主机上的审计缓存显示已送达 OpenSearch 至第 {seq} 条{named},"
    "记录中却没有该实例的任何事件:整条链被删除",
    "altered.anchor_rehashed": "第 {seq} 条事件 {id} 的哈希与网关主机上审计缓存中的({expected})不同:"
    "链被改写并重新计算了哈希",
}
_EN = {
    "inserted.unchained": "event {id} has no complete chain fields: it belongs to no chain",
    "altered.edited": "seq {seq}: event {id} does not match its hash: modified",
    "reordered.moved": "event {id} is stored as seq {seq} but was sealed as seq {sealed}: moved",
    "inserted.duplicate": "seq {seq} is claimed by two events ({other}, {id}): {id} does not fit the chain: inserted",
    "inserted.ambiguous": "seq {seq} is claimed by two events ({other}, {id}): cannot tell which is the original",
    "deleted.gap": "seq {span} missing ({n}), between {before} and {after}",
    "reordered.linked": "seq {seq}: event {id} links to seq {target} ({target_id}), not to its predecessor",
    "inserted.unlinked": "seq {seq}: event {id} does not link to seq {seq_before} ({before}): it or that one was forged or re-hashed",
    "altered.misplaced": "checkpoint at seq {seq} does not follow the entry it signs, or names another instance",
    "altered.key": "checkpoint at seq {seq} is signed by another key ({key}), not {expected}",
    "altered.key_returned": "checkpoint at seq {seq} is signed by the rotated-out key {key}, though earlier"
    " checkpoints already use the newer key {newer}: forged with the old key",
    "altered.signature": "checkpoint at seq {seq} has an invalid signature",
    "altered.rewritten": "checkpoint at seq {seq} signs a hash for seq {signed} the trail no longer has: the chain before it was rewritten",
    "deleted.count": "checkpoint at seq {seq} signs {count} entries, but {actual} lie since the previous checkpoint (seq {previous})",
    "deleted.covered": "checkpoint at seq {seq} covers seq {start}–{signed}, but seq {missing} are not in the trail",
    "deleted.uncovered": "checkpoint at seq {seq} signs only seq {start}–{signed}: the checkpoint signing seq {missing} is missing",
    "interrupted.open": "the trail ends at {at} (checkpoint at seq {seq}) without a final checkpoint:"
    " later entries may have been deleted, or the gateway stopped abnormally, or they are not yet in OpenSearch",
    "interrupted.restarted": "seq {closed} is a final checkpoint, but entries follow it (seq {span}, the latest at {ts})"
    " and no checkpoint after them: later entries may have been deleted, or the gateway stopped abnormally,"
    " or they are not yet in OpenSearch",
    "interrupted.unsigned": "the entries (seq {span}, the latest at {ts}) have no checkpoint at all:"
    " later entries may have been deleted, or the gateway stopped abnormally, or they are not yet in OpenSearch",
    "deleted.anchor_cut": "the spool on the gateway host shows entries shipped up to seq {seq}{named},"
    " but the trail ends at seq {last}: seq {span} were deleted",
    "deleted.anchor_gone": "the spool on the gateway host shows entries shipped up to seq {seq}{named},"
    " but the trail holds no entry of this instance: the whole chain was deleted",
    "altered.anchor_rehashed": "seq {seq}: event {id} has another hash than the spool on the gateway host holds"
    " ({expected}): the chain was rewritten and re-hashed",
}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # deleted | altered | reordered | inserted | interrupted
    instance: str | None
    seq: int | None
    event_id: str | None
    message_zh: str
    message: str


@dataclass(slots=True)
class InstanceSummary:
    instance: str
    first_seq: int
    last_seq: int
    entries: int
    checkpoints: int
    last_checkpoint_seq: int | None
    unsigned: int  # entries after the last checkpoint: chained, not yet signed
    last_checkpoint_at: str | None  # when the last checkpoint was made (signed); None before version 2
    closed: bool  # the chain ends with a final checkpoint: its gateway stopped cleanly


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    instances: list[InstanceSummary] = field(default_factory=list)
    signatures_checked: bool = True
    ends_judged_at: str | None = None  # the time the chains should reach; None: ends not judged

    @property
    def clean(self) -> bool:
        return not self.findings

    def to_json(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "signatures_checked": self.signatures_checked,
            "ends_judged_at": self.ends_judged_at,
            "instances": [asdict(s) for s in self.instances],
            "findings": [{**asdict(f), "kind_zh": KINDS_ZH[f.kind]} for f in self.findings],
        }


def finding(case: str, instance: str | None, seq: int | None, event_id: str | None, **values: Any) -> Finding:
    values.update(seq=seq, id=event_id)
    zh, en = _ZH[case].format(**values), _EN[case].format(**values)
    if instance is not None:
        zh, en = f"实例 {instance} {zh}", f"instance {instance}: {en}"
    return Finding(case.split(".")[0], instance, seq, event_id, zh, en)


def seq_span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"
