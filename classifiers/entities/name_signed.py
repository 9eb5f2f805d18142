"""A name before the act of signing with no label before it (李娜签字确认, 张伟签名：, 李娜已签收,
由张伟按手印): a receipt's, a visit's or a form's remark says who signed, and the name went out
in clear. After a label (经办人李娜签字) the label's pass reads it; the signing words end the name
there (``name_words.AFTER_NAME_WORDS``).

What signs is a role or a group as often (本人签字, 家属签字, 申请人签字, 房东签字, 双方签字), so the
name must be the whole CJK run before the signing word (or the run less a preposition that asks
someone to sign: 由, 请, 让), be one as a list's item is (``name_lists._name``: a listed surname,
no place, household, pseudonym or prose word) and be no label, relation or role. The pre-check
is ``name_patterns.PROSE_HINT_RE`` (the signing words, ``SIGNING``, are among its hints).
"""

from __future__ import annotations

from .name_lists import whole_run_name
from .name_patterns import SIGNING
from .name_tests import cjk_start

# What may stand between the name and the signing word (李娜已签收, 张伟本人签字, 李娜亲自签名).
_BETWEEN: tuple[str, ...] = ("已经", "已", "亲自", "本人")
# What asks someone to sign before the name (由张伟签字确认, 请李娜签收): a preposition, no surname's.
_ASKING = frozenset("由请让")
# Words shaped as a name (a listed surname first) that stand before a signing word and name no
# one: who signs (房东签字, 文书签收), what is signed for (文件签收, 单据签收) and how (依次签字,
# 严格签字手续). The other roles and words a remark writes there start with no surname or are a
# label, a relation, a role or a prose word already (申请人, 家属, 双方, 领导, 及时, 全部).
_NOT_SIGNERS = frozenset(["房东", "文书", "文件", "文档", "单据", "依次", "严格", "严肃", "让其"])


# What may stand between the name and the signing word on a sign-in sheet or a form's line: spaces
# (张伟 签到), or an opening bracket with the word closed after it (李娜（签字）: folded, ASCII).
_GAP = frozenset(" \t(")


def signed_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names right before a signing word (``SIGNING``), each the whole CJK run before it."""
    found: list[tuple[int, int, float, str]] = []
    for word in SIGNING:
        at = text.find(word)
        while at >= 0:
            span = _signer(text, _before_gap(text, at, len(word)))
            if span is not None:
                found.append((span[0], span[1], 0.85, "surname+signing"))
            at = text.find(word, at + len(word))
    return found


def _before_gap(text: str, at: int, size: int) -> int:
    """Where the name before the signing word at ``at`` (``size`` characters) ends: before the spaces
    (张伟 签到) or the bracket (李娜(签字), closed after the word) between them, else ``at``."""
    end = at
    while end > 0 and text[end - 1] in _GAP:
        end -= 1
    gap = text[end:at]
    if "(" in gap and (gap.strip() != "(" or text[at + size : at + size + 1] != ")"):
        return at  # a bracket holds the signing word alone (李娜(签字)), no more
    return end


def _signer(text: str, at: int) -> tuple[int, int] | None:
    """The span of the name whose run ends right before ``at`` (or before ``_BETWEEN`` there)."""
    end = at
    for word in _BETWEEN:
        if text.endswith(word, 0, end):
            end -= len(word)
            break
    start = cjk_start(text, end)
    if end - start > 2 and text[start] in _ASKING:
        start += 1  # 由张伟签字: 由 is a surname too, and 由张伟 no name
    word = text[start:end]
    if 2 <= len(word) <= 4 and whole_run_name(word, _NOT_SIGNERS):
        return start, end
    return None
