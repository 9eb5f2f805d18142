"""Keys of a log line or a key=value text that name a person without being a name's key in the
catalog (``user=张伟 action=query target=李娜``, ``operator=王强;subject=扎西``, ``审核人=李娜``).

In JSON such keys (``user``, ``target``, ``subject``) hold anything: an account, a topic, a
region. In a log line they hold a person as often as not, so here, and only in text, a value
under one of them that passes for a name is one: a listed surname's full name, transliterating
characters or a dotted name; not an account (``user=admin``, ``user=系统``, ``user=管理员``), a
place (``target=汉滨区``) or a status (``target=高龄``). A list after the key (``members=李娜,王强``)
is read item by item, each a name.
"""

from __future__ import annotations

import re

from .name_patterns import _DOTS_RE, _DOTTED_RE
from .name_tests import is_keyed_name, is_prose_word, is_transliterated, may_be_labelled_name, plausible
from .name_words import GROUP_WORDS

# English and pinyin keys (folded as catalog.fold_key folds them: lower case, no _ or -) whose
# value in a log line is a person: who acted, on whom, for whom. A key the catalog knows as a
# name's (operator, applicant, handler, jbr) is read there already.
PERSON_KEYS = frozenset(
    [
        "user",
        "uname",
        "loginuser",
        "opuser",
        "operuser",
        "operater",
        "target",
        "targetuser",
        "subject",
        "person",
        "creator",
        "createby",
        "createdby",
        "updater",
        "updateby",
        "updatedby",
        "modifier",
        "modifiedby",
        "reviewer",
        "auditor",
        "approver",
        "checker",
        "verifier",
        "assignee",
        "visitor",
        "staff",
        "worker",
        "caller",
        "requester",
        "submitter",
        "recipient",
        "receiver",
        "member",
        "members",
        "household",
        "resident",
        "patient",
        "elder",
        # pinyin initials of the staff a case file names: 操作人, 操作员, 创建人, 修改人, 审核人,
        # 审批人, 复核人, 调查人, 走访人, 填报人, 负责人
        "czr",
        "czy",
        "cjr",
        "xgr",
        "shr",
        "spr",
        "fhr",
        "dcr",
        "zfr",
        "tbr",
        "fzr",
    ]
)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# The same staff and persons written in Chinese before "=" (审核人=李娜, 操作员=张伟); after a
# colon they are name_runs._relation_runs' (审核人：李娜).
_CHINESE_KEYS = (
    "操作人",
    "操作员",
    "创建人",
    "修改人",
    "审核人",
    "审批人",
    "复核人",
    "受理人",
    "承办人",
    "登记人",
    "办理人",
    "帮扶人",
    "核查人",
    "调查人",
    "走访人",
    "填报人",
    "填表人",
    "记录人",
    "负责人",
    "网格员",
    "护理员",
    "社工",
    "用户",
)
CHINESE_KEYED_RE = re.compile(rf"(?<![{_CJK}])({'|'.join(_CHINESE_KEYS)})[ \t]*=[ \t]*([{_CJK}][{_CJK}·•]{{1,19}})")
# An item of a list after the first (members=李娜,王强, 李娜、王强, 李娜，王强).
_NEXT_ITEM_RE = re.compile(rf"[ \t]*[,、，][ \t]*([{_CJK}][{_CJK}·•]{{1,19}})")
_FIRST_ITEM_RE = re.compile(rf"\s*([{_CJK}][{_CJK}·•]{{1,19}})")
# The last character of what is no person's name: an account or a post (管理员, 科长), a place or
# a unit (汉滨区, 民政局), a household or a pseudonym (张家, 王某).
_NOT_NAME_ENDS = frozenset("员长师工家某氏省市区县镇乡村街路巷组局所处科室办站会院厅部委队司行社厂校馆团")
# Surnames that are also conjunctions and prepositions (和, 与: read as the word).
_CONJUNCTIONS = frozenset("和与及同向对从于为")
# A surname's character and a numeral is a day (target=周一) or a placeholder (张三), no name.
_DAYS = frozenset("一二三四五六七八九十日天末")
# Topics a log's subject names that begin as names do (subject=党建, subject=安全 is a prose word).
_TOPICS = frozenset(["党建", "文明", "扶贫", "帮扶", "宣传", "巡查", "巡检"])


def is_person_key(key: str) -> bool:
    """Does ``key`` (as written) name a person in a log line?"""
    return key.lower().replace("_", "").replace("-", "") in PERSON_KEYS


def is_name_value(value: str) -> bool:
    """Is ``value``, the whole CJK run under a person's key in a log line, a name?"""
    if _DOTTED_RE.fullmatch(value) is not None:  # 阿卜杜·热合曼
        return not any(part in GROUP_WORDS for part in _DOTS_RE.split(value))
    if is_transliterated(value):  # 扎西, 买买提江
        return True
    return (
        2 <= len(value) <= 4
        and plausible(value)
        and may_be_labelled_name(value)
        and not is_prose_word(value)
        and value[0] not in _CONJUNCTIONS
        and value[-1] not in _NOT_NAME_ENDS
        and not (len(value) == 2 and value[1] in _DAYS)
        and value[:2] not in _TOPICS
    )


def listed_after(text: str, end: int) -> list[tuple[int, int]]:
    """The spans of the names that go on a list after a name ending at ``end`` (``李娜,王强``),
    each a name; the list stops at the first item that is none."""
    found: list[tuple[int, int]] = []
    while (item := _NEXT_ITEM_RE.match(text, end)) is not None and is_name_value(item.group(1)):
        found.append(item.span(1))
        end = item.end()
    return found


def names_listed(value: str) -> list[tuple[int, int]]:
    """The spans of the names when ``value``, the whole value under a name key, is a list of them
    (co-applicants 张伟,李娜; a household's members 张伟、李娜、王强, as exports join them); else
    none. Every item must be a name with its surname: a list of words (高龄、失能) is none."""
    first = _FIRST_ITEM_RE.match(value)
    if first is None or not is_name_value(first.group(1)):
        return []
    spans = [first.span(1), *listed_after(value, first.end())]
    if len(spans) < 2 or value[spans[-1][1] :].strip():
        return []
    if not all(is_keyed_name(value[a:b], require_surname=True) for a, b in spans):
        return []
    return spans
