"""A name that opens a remark or a clause with no label, before what the remark says of the person
(张伟系户主之子, 李娜于2023年3月申请低保, 张伟本人到场, 王秀英因病致贫, 由张伟代领, 张伟是低保户;
a date glued before it: 3月张伟申请临时救助), or after a preposition that says who agreed, told or
lived with whom (经张伟同意, 据李娜反映, 与王秀英共同生活). Nothing before the name said it was one,
and it went out in clear.

系, 于, 为 and 因 follow words of a name's shape as often (林地系集体所有, 成立于2010年, 温度为20度,
时间因故推迟), so the name must be the whole CJK run before the word (less the preposition, or two
names joined by 与, 和 or 及: 张伟与李娜系夫妻关系), be one as a list's item is
(``name_lists.whole_run_name``: a listed surname, no place, household, pseudonym or prose word, no
label, relation or role) and none of ``_NOT_HEADS``. The pre-check is :func:`may_contain`
(``person_name.may_follow_role`` asks it; RE2's column pattern reads ``name_patterns.HEAD_HINT``).
"""

from __future__ import annotations

import re
from typing import Final

from . import address
from .ideographs import TABLE_FROM, TABLE_TO, flags, table
from .name_lists import whole_run_name
from .name_patterns import (
    BEFORE_PREPOSITIONS,
    DOTS,
    HEAD_ACTS,
    HEAD_FINDINGS,
    HEAD_FROM,
    HEAD_PLACE_ENDS,
    HEAD_PREPOSITIONS,
    HEAD_PROSE,
    HEAD_SAID,
    HEAD_WORDS,
    PERSON_CATEGORIES,
    PROSE_KIN,
)
from .name_tests import cjk_at, cjk_start, is_transliterated
from .name_words import ADVERB_ENDS, COMPOUND_SURNAMES, GROUP_WORDS, SURNAMES

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"


def _words(text: str) -> list[str]:
    """The words of ``text``, split at spaces."""
    return text.split()


# The conjunctions that join two names in the run (张伟与李娜系夫妻关系).
_JOINS = "与和及"
# Relations that join a person and their relative in the run (张伟家属李娜代领, 张伟妻子李娜代领).
_KIN_JOINS = frozenset(_words("家属 妻子 丈夫 儿子 女儿 父亲 母亲 配偶"))
# A relation between the name and what happened (王秀英老伴已故, 张伟配偶去世): it happened to the
# relative, and the name before is the person's.
_KIN_AFTER = _KIN_JOINS | {"老伴"}
# A relation before the name at a run's head, before a word of ``HEAD_PROSE`` (侄子冯志强每月探望,
# 孙女李娜外出务工): the relative, named.
_KIN_BEFORE = _KIN_AFTER | frozenset(word for word in PROSE_KIN if len(word) == 2)
# What opens a clause before a relation at a run's head (其中妻子温桂香患精神残疾, 另有儿子张强在外务工,
# 家中老伴王秀英卧床): the relation and the name follow, as at a run's head.
OPENERS = ("其中", "另有", "还有", "以及", "家中", "现有")
# The words of ``HEAD_WORDS`` a relative's name goes before, as before one of ``HEAD_PROSE``.
_KIN_WORDS_AFTER = frozenset("因于系患")
# A certificate's or a letter's opening before the name it is about (兹证明贾玉林系我村村民).
_CERTIFYING = ("兹证明", "兹有", "兹介绍")
# Words of a name's shape (a listed surname first, no prose word) that open a remark before what is
# said of a thing or a time: 林地系集体所有, 成立于2010年, 毕业于, 时任, 温度为20度, 时间因故推迟,
# 黄金于3月被盗. The others a remark writes there are prose words already (金额, 钱款, 常年, 高度).
_NOT_HEADS = frozenset(
    _words(
        "林地 黄金 石头 成立 毕业 时间 时任 成本 温度 季度 项目 文件 文书 洪水 房东 金融 石油 许可 成绩 童年"
        " 宗教 商品 林业 林场 江水 严格 严肃 全面 管护 安装 华为 史料 周转 单元 周报 谈话 晋升 时候 时代 方向 高温 高考"
        " 金属 金钱 钱财 钱物 金银 石料 石材 路面 顾客 游客 景点 池塘 田间 田地 麦田 包裹 鲍鱼 花费 雷雨 黎明 黄昏 祝福 秋季 夏季"
        " 洪涝 温暖 庄稼 牛羊 柴火 房租 车费 路费 邮费 党费 毛重 龙头 叶片 陶瓷 管道 曲线 章程 宗旨 习俗 储蓄 宁夏"
        # how a council voted, and a party to an agreement (全票同意, 高票通过, 单方同意, 房主同意)
        " 全票 高票 单方 房主 孙辈 孔雀"
        # a rule's or a drive's words before a misconduct's verb (严查冒领, 杜绝挪用, 任意截留, 平台违规)
        " 严查 严禁 严防 严惩 严厉 严打 严控 严守 严密 严管 杜绝 任意 任由 任其 包揽 高发 全国 平台 石化 钟点"
        # how many or how it went, opening a clause (许多冒领资金, 成功骗取, 全都系, 常常于, 万元左右为)
        " 许多 成功 全都 常常 左右 毕竟 何况 连忙"
        # how a staff member spoke, after their title (书记高兴地说)
        " 高兴"
        # a clock's time after its digits (上午10时许来访, 10时左右来到: 时许 was masked)
        " 时许 时左右 时整 时后 时前"
        # words of a name's shape before 的 and a case's or a person's word (常规的申请流程, 文明的家庭:
        # name_owned.names_before_of)
        " 常规 文明 华人 何种 毛病 周年 齐全 江边 江河 陆地 宁静 武装 叶子 包保 乔迁 贺喜 谢谢 苏醒 戴着"
        " 路边 路旁 路口 路上 田边 池边 房前 秦岭 方圆 金色 白色 黄色 蓝色 高层 余粮"
        # a household's things and places a visit's note says were somewhere, done to or the cause
        # (房子在老家, 路灯被损坏, 钱包因被盗: 在, 被 and 因 follow a name at a head as often)
        " 房子 房间 房本 房贷 房门 房顶 平房 高楼 单子 单据 钱包 金卡 金条 金饰 米面 米油 米粮 白菜 黄豆 麦子 谷子"
        " 谷物 柴油 毛毯 毛衣 包子 马桶 钟表 路灯 路况 路基 路段 雷电 田里 田埂 石块 林木 林权 江堤 牛棚 管线"
        " 商铺 夏粮 艾草 白条 高压 左邻 常用药 房产证"
        # (赫然在列, 周岁将满: 在 and 将 follow a name at a head; 给予党内警告处分: a sanction's words)
        " 赫然 周岁 党内"
        # what the point is, before 是 and a category (关键是低保户的认定, 焦点是特困人员, 其次是残疾人)
        " 关键 焦点 其次"
        # an office before what it did (房管审核, 房管受理: a housing office's)
        " 房管"
    )
)
# What may stand before a dotted name at a run's head: a text's or a clause's start.
_HEAD_BEFORE = frozenset(" \t\r\n,.;:!?，。；：！？、\x00")
_DOTS_RE = re.compile(f"[{DOTS}]")
# Characters that make a word with the one after them (列为, 作为, 位于, 属于, 关系, 联系, 原因): the
# run before them is no name whole (拟将王秀英、李强列为…: 李强列 was masked).
_GLUED_BEFORE = {
    "为": "列作成认称改定视评选更较极最分变转行",
    "于": "位属等处用由对关至终善便易难敢勇乐急过归源基鉴出生死始居限",
    "系": "关联体派维直旁母父院水星",
    "因": "原基诱起",
    "称": "声宣号人自据简堪通统名职对总并著昵戏尊谎辩诉述诈俗史",
    "说": "据听小传解演游学",
    # a household's members counted with a name (张伟夫妻二人) after 系, 是 or 为 are what the names are
    # (张伟、李娜系夫妻, 二人是兄妹: 李娜系 was masked)
    **dict.fromkeys("夫兄姐", "系是为"),
    # (尤其是, 特别是, 主要是, 于是, 但是; 张伟不是: 不是 is read at 不)
    "是": "夫兄姐其别要就还但于正也都只若凡总真像倒算硬可不",
}
# What was said, one character, after a name at a run's head with no preposition (李娜称其子在外务工,
# 张伟说已外出); before a word of ours further on it is no part of the name (张伟称家中困难: 张伟称
# was masked, one character too many).
_SAID_ALONE = frozenset("称说")
# A second preposition after the first (经与张伟核实): the name follows both.
_SECOND_PREPOSITIONS = frozenset("与向")
# A count of persons or households after 等 (张伟等3户同意, 李娜等人): HEAD_WORDS' 等 only so.
_COUNT_RE = re.compile("[0-9两二三四五六七八九十]{1,3}(?:户|人|名|位|家)|人")
# What makes 申请 a form's or a person's word (申请表, 申请书, 申请人): no act of a name before it.
_FORM_AFTER = frozenset("表书人员")
# The words that are a form's or a person's before those (申请表, 审核人, 审批表, 受理书, 复核员).
_FORM_WORDS = ("申请", *HEAD_ACTS)
# What may stand between the name and such a word (李娜已外出务工, 张伟现居住在).
_BETWEEN = frozenset("已现均")
# How often or when, two characters between the name and such a word (张伟多次来访, 李娜再次来电,
# 张伟今日来访): the run before the word is no name whole, the name is before them.
_BETWEEN_WORDS = frozenset(_words("多次 再次 屡次 今日 今天 近日 昨日 昨天 曾经 已经 于今 目前 同时"))
# HEAD_WORDS of one character (于, 为, 因, 在 …), which a run of a thing's word may end with before
# one of _BETWEEN_WORDS (钱包于昨日丢失).
_ONE_CHAR_WORDS = frozenset(word for word in HEAD_WORDS if len(word) == 1)


# HEAD_FROM's characters by code point (``ideographs``).
_HEAD_TABLE: Final = table(HEAD_FROM, "HEAD_FROM")
# The kinds of word at a head, each a bit of ``_OPENING``'s and ``_SECOND``'s bytes.
_WORD: Final = 1
_SAID: Final = 2
_PROSE: Final = 4
_KINDS: Final = ((HEAD_WORDS, _WORD), (HEAD_SAID, _SAID), (tuple(HEAD_PROSE), _PROSE))
# By code point: a kind's bit where one of its words opens with the character, and that bit three
# places up where a word is the character alone (系, 于, 称).
_OPENING: Final = flags(
    [
        *(("".join(word[0] for word in words), kind) for words, kind in _KINDS),
        *(("".join(word for word in words if len(word) == 1), kind << 3) for words, kind in _KINDS),
    ],
    "the words at a head",
)
# A kind's bit where one of its longer words has the character second. A second character outside
# the table is left out: one there is read as maybe (``_may_open``).
_SECOND: Final = flags(
    [
        ("".join(word[1] for word in words if len(word) > 1 and TABLE_FROM <= ord(word[1]) < TABLE_TO), kind)
        for words, kind in _KINDS
    ],
    "the words at a head",
)


def word_starts(text: str) -> list[int]:
    """Where one of the words' first characters (``HEAD_FROM``, of HEAD_WORDS, HEAD_SAID and
    HEAD_PROSE) stands in a CJK run's first nine characters: the only places with a run of a
    name's length (and a preposition, and 已, 现 or 均) before them. Those characters (于, 为, 和,
    同, 家, 常…) stand all through a remark, and each place a search for them found was read back
    to its run's start: the corpus document's count rose ~12 %. A walk over the code points
    (``_HEAD_TABLE``) reads each character once. ``person_name.find`` walks once and passes the
    places to :func:`may_contain` and :func:`head_names`, which each walked the text. The ranges of
    ``cjk_at`` are written out here: a call of it for each character cost ~45 instructions."""
    starts: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        code = ord(text[i])
        if not (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF):
            i += 1
            continue
        j = i + 1  # i starts a run: its first nine characters may hold a word
        first = min(n, i + 9)
        while j < first:
            code = ord(text[j])
            if 0x4E00 <= code <= 0x9FFF:
                if _HEAD_TABLE[code - TABLE_FROM]:
                    starts.append(j)
            elif not 0x3400 <= code <= 0x4DBF:
                break
            j += 1
        while j < n:
            code = ord(text[j])
            if not (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF):
                break
            j += 1
        i = j
    return starts


# A name's first character at a head, by code point (``ideographs``): a bit for SURNAMES, one for
# HEAD_PREPOSITIONS. ``text[start] in SURNAMES`` made a string of one character and hashed it, and
# with the run read back by calls of ``cjk_start`` a place cost may_contain ~1,800 instructions.
# A third bit for the last characters of HEAD_FINDINGS (查, 实, 现, 称, 报, 回 …), which
# ``_found_before`` asks first.
_SURNAME: Final = 1
_PREPOSITION: Final = 2
_FINDING_END: Final = 4
_FIRST: Final = flags(
    [
        ("".join(sorted(SURNAMES)), _SURNAME),
        ("".join(sorted(HEAD_PREPOSITIONS)), _PREPOSITION),
        ("".join(sorted({word[-1] for word in HEAD_FINDINGS})), _FINDING_END),
    ],
    "a name's first characters",
)
_TIME: Final = 0x65F6  # 时


def _first_at(text: str, at: int, kind: int) -> bool:
    """Is ``text[at]`` one of ``kind``'s characters (``_SURNAME``, ``_PREPOSITION``,
    ``_FINDING_END``, or several)?"""
    code = ord(text[at]) - TABLE_FROM
    return 0 <= code < TABLE_TO - TABLE_FROM and _FIRST[code] & kind != 0


def may_contain(text: str, starts: list[int] | None = None) -> bool:
    """``re.search(HEAD_HINT, text) is not None``, by a walk: could ``text`` hold a name at a run's
    head before one of ``HEAD_WORDS``, ``HEAD_SAID`` or ``HEAD_PROSE``? Where one of their first
    characters stands, the whole CJK run before it is two to seven characters long and opens with a
    surname or a preposition, or is one to seven after a dot. ``starts``: ``word_starts(text)``,
    when the caller has them already. The run is read back by code point, as ``word_starts``
    reads it (``cjk_at``'s ranges written out)."""
    timed = _timed(text)
    for at in word_starts(text) if starts is None else starts:
        if (timed and _time_before(text, at)) or _found_before(text, at):
            return True  # 入户调查时张伟不在家, 追回刘洋冒领资金
        lowest = max(0, at - 8)
        start = at
        while start > lowest:
            code = ord(text[start - 1])
            if not (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF):
                break
            start -= 1
        size = at - start
        if size == 0 or (size > 7 and not _opens_before_kin(text, start)):
            continue  # no run, or a longer one (but 其中妻子欧阳娜娜患病: eight, a compound surname's)
        if start > 0:
            code = ord(text[start - 1])
            if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
                continue  # a longer run
            if text[start - 1] in DOTS:
                return True
            start = after_date(text, start)  # 3月张伟申请
            size = at - start
        if size >= 2 and _first_at(text, start, _SURNAME | _PREPOSITION):
            return True
        if size >= 3 and text[start] in BEFORE_PREPOSITIONS and _first_at(text, start + 1, _PREPOSITION):
            return True  # 今与张伟联系 (not 已审核: 今, 已 and 曾 only before a preposition)
        if size >= 4 and text[start] == "兹":
            return True  # 兹证明张伟系我村村民, 兹有李娜前来办理 (_CERTIFYING)
        if size >= 3 and _place_then_surname(text, start, at):
            return True  # 王家庄村张伟反映, 东关社区李娜于2024年申请 (_after_place)
        if size >= 6 and _opens_before_kin(text, start):
            return True  # 其中妻子温桂香患精神残疾
    return False


def head_names(text: str, starts: list[int] | None = None) -> list[tuple[int, int, float, str]]:
    """The names that make up the whole CJK run before one of ``HEAD_WORDS`` or ``HEAD_PROSE``
    (or, after a preposition, ``HEAD_SAID``). ``starts``: ``word_starts(text)``, when the caller
    has them already."""
    found: list[tuple[int, int, float, str]] = []
    timed = _timed(text)
    for at in word_starts(text) if starts is None else starts:
        if at > 0 and text[at - 1] == "不" and text.startswith("在家", at):
            continue  # 张伟不在家: 不在家 is read at 不 (张伟不 is no name)
        span = _run_before(text, at)
        if span is None:
            found += _after_clause(text, at, timed)  # 上门调查时张伟不在家: a run longer than a name's
            continue
        start, end = span
        if start >= 2 and text[start - 1] in DOTS:
            found += _dotted(text, start, end)  # 阿卜杜·热合曼系户主
            continue
        if at > 0 and text[at - 1] in _GLUED_BEFORE.get(text[at], ""):
            continue  # 李强列为, 位于, 联系: the word's character ends a word of the run
        if text.startswith("等", at) and _COUNT_RE.match(text, at + 1) is None:
            continue  # 张伟等3户, 李娜等人: a count of persons or households only
        if text[at + 2 : at + 3] in _FORM_AFTER and text.startswith(_FORM_WORDS, at):
            continue  # 张伟申请低保, not 常用申请表, 许可证申请书, 文明申请人, 低保审核人: a form or a person
        if (text[at] == "是" or text.startswith("不是", at)) and not text.startswith(
            PERSON_CATEGORIES, at + 1 if text[at] == "是" else at + 2
        ):
            continue  # 张伟是低保户, not 方式是自愿: what a person is, a category
        if end - start > 3 and text[start] in BEFORE_PREPOSITIONS and text[start + 1] in HEAD_PREPOSITIONS:
            start += 1  # 今与张伟联系: when, then the preposition
        if end - start >= 6 and _opens_before_kin(text, start):
            start += 2  # 其中妻子温桂香患病: the clause's opening, then the relative
        if text[start] == "兹":  # a certificate's opening (兹证明贾玉林系我村村民, 兹有张伟前来办理)
            opening = next((word for word in _CERTIFYING if text.startswith(word, start)), "")
            if opening and end - start - len(opening) >= 2:
                start += len(opening)
        opened = text[start] in HEAD_PREPOSITIONS and end - start > 2
        if opened:
            start += 1  # 由张伟代领, 经张伟同意: the preposition is no part of the name
            if end - start > 2 and text[start] in _SECOND_PREPOSITIONS and (both := _names(text, start + 1, end)):
                found += both  # 经与张伟核实, 经向李娜了解 (由向东海代领: 向 a surname)
                continue
        elif text[at] in _SAID_ALONE:
            pass  # 李娜称其子在外务工, 张伟说: 称 and 说 are words of their own (不在家, 申请 are longer)
        elif not _word_at(text, at, HEAD_WORDS, _WORD) and not _prose_at(text, at):
            continue  # 张伟核实, 李娜一起: with no preposition, these follow words of a name's shape
        elif end - start > 2 and text[end - 1] in _SAID_ALONE:
            end -= 1  # 张伟称家中困难: 称 was said, 家中 what of
        # a relative before the name (妻子李娜务农, 父亲周大勇因犯罪服刑, 女儿李娜于2020年出嫁)
        kin = text[at] in _KIN_WORDS_AFTER or _prose_at(text, at)
        found += _names(text, start, end, kin) or _after_clause(text, at, timed)
    return found


def _opens_before_kin(text: str, start: int) -> bool:
    """Does what opens a clause (``OPENERS``) stand at ``start``, a relation after it (其中妻子…)?"""
    return text[start : start + 2] in OPENERS and text[start + 2 : start + 4] in _KIN_BEFORE


def _timed(text: str) -> bool:
    """Could a clause of time end in ``text`` (时, or 期间: ``_time_ends``)? Two finds in C, once a
    text: ``_time_before`` asked at each of ``word_starts``' places cost the corpus document
    ~20,000 instructions an inspection (names round twenty), and most remarks hold neither."""
    return "时" in text or "期间" in text


def _time_before(text: str, at: int) -> bool:
    """Does a clause of time end with 时 or 期间 two or three characters before ``at``, a surname
    after it (入户调查时张伟不在家, 走访时王秀英称, 公示期间张伟无异议)? The pre-check's test for
    :func:`_after_clause`."""
    return (at >= 4 and _time_ends(text, at - 3) and _first_at(text, at - 2, _SURNAME)) or (
        at >= 5 and _time_ends(text, at - 4) and _first_at(text, at - 3, _SURNAME)
    )


def _time_ends(text: str, at: int) -> bool:
    """Does a clause of time end at ``text[at]``: 时, or 期间's 间 (公示期间: 房间, 中间 are places)?"""
    return ord(text[at]) == _TIME or (text[at] == "间" and at > 0 and text[at - 1] == "期")


def _found_before(text: str, at: int) -> bool:
    """Does a finding's word (``HEAD_FINDINGS``) end two or three characters before ``at``, a
    surname after it (经调查刘洋挪用, 追回刘洋冒领)? The finding's last character is asked first, then
    the surname, from the table: most places have neither, and the finding's words are then never
    read. (``at`` is inside a run, at one of ``word_starts``' places: a surname before it is in the
    run, and so is all after the surname. Of three, the second character is asked: 追回张，冒领 has
    none.) It is asked at every place, so the finding's characters are read from the table here:
    by two calls of ``_first_at`` it cost the corpus document ~12,800 instructions an inspection,
    read so ~8,700 (callgrind, a run's one-time costs in both)."""
    if at < 4:
        return False
    end = ord(text[at - 3]) - TABLE_FROM
    if (
        0 <= end < TABLE_TO - TABLE_FROM
        and _FIRST[end] & _FINDING_END != 0
        and _first_at(text, at - 2, _SURNAME)
        and text.endswith(HEAD_FINDINGS, 0, at - 2)
    ):
        return True
    if at < 5:
        return False
    end = ord(text[at - 4]) - TABLE_FROM
    return (
        0 <= end < TABLE_TO - TABLE_FROM
        and _FIRST[end] & _FINDING_END != 0
        and _first_at(text, at - 3, _SURNAME)
        and cjk_at(text, at - 2)
        and text.endswith(HEAD_FINDINGS, 0, at - 3)
    )


def _after_clause(text: str, at: int, timed: bool) -> list[tuple[int, int, float, str]]:
    """The name between a clause's end and the word at ``at``: a clause of time's 时 or 期间
    (入户调查时张伟不在家, 走访时王秀英称; ``timed``: :func:`_timed`'s answer) or a finding's word
    (经调查刘洋挪用公款, 举报称刘洋虚报). The run before the word says when or what was found, and is
    no name whole; the name must be one as at a run's head, and the word one of ours with no
    preposition (``HEAD_WORDS``, ``HEAD_PROSE``, 称, 说)."""
    if not ((timed and _time_before(text, at)) or _found_before(text, at)):
        return []
    if not (text[at] in _SAID_ALONE or _prose_at(text, at) or _word_at(text, at, HEAD_WORDS, _WORD)):
        return []
    for size in (2, 3):
        start = at - size
        after_time = timed and _time_ends(text, start - 1) and cjk_at(text, start - 2)
        if (after_time or text.endswith(HEAD_FINDINGS, 0, start)) and _head_name(text[start:at]):
            return [(start, at, 0.85, "surname+head")]
    return []


def _run_before(text: str, at: int) -> tuple[int, int] | None:
    """The span of the CJK run before the word at ``at`` (less 已, 现 or 均 before a word of
    ``HEAD_PROSE``: 李娜已外出务工), when a word of ours stands there and the run is of a name's
    length (two to six characters, or a dotted name's last part); else None."""
    end = at
    if _prose_at(text, at) or text[at] == "于":  # (张伟已于2025年去世)
        if at > 1 and text[at - 2 : at] in _BETWEEN_WORDS:
            end -= 2  # 张伟多次来访
        elif at > 0 and text[at - 1] in _BETWEEN:
            end -= 1
        end -= 2 if text[end - 2 : end] in _KIN_AFTER else 0  # 张伟配偶去世: the relative died
    elif text[at] == "故":
        if at == 0 or text[at - 1] != "已":
            return None  # 故 only of 已故 (王秀英已故), not of 事故, 故意
        end -= 1
        end -= 2 if text[end - 2 : end] in _KIN_AFTER else 0  # 王秀英老伴已故: the name is the person's
    elif not _word_at(text, at, HEAD_WORDS, _WORD) and not _word_at(text, at, HEAD_SAID, _SAID):
        return None
    # (the word in the run's first nine characters, ``word_starts``' places: 多次 before it leaves six;
    # ``max`` of two, which mypyc compiles to a comparison: of three it called the builtin, ~1,500
    # instructions a call)
    start = cjk_start(text, end, max(0, max(end - 7, at - 8)))
    if (
        start == end - 7
        and start > 0
        and _opens_before_kin(text, start - 1)
        and (start < 2 or not cjk_at(text, start - 2))
    ):
        start -= 1  # 其中妻子欧阳娜娜患病: what opens the clause, the relative, a compound surname's name
    if end - start < 1 or (start > 0 and cjk_at(text, start - 1)):
        return None  # no run, or one longer than a name (and a preposition)
    start = after_date(text, start)
    if end - start < 2 and not (start >= 2 and text[start - 1] in DOTS):
        return None
    return start, end


# What ends a date glued before a name at a head (3月张伟申请, 2024年3月1日李娜来访, 3月份张伟申请).
_DATE_ENDS: Final = ("月份", "年", "月", "日", "号")


def after_date(text: str, start: int) -> int:
    """Where a CJK run at ``start`` begins after a date's last word glued to it, a digit before that
    word (3月张伟申请: 张伟 at 月's place + 1); ``start`` where no date ends there."""
    if start > 0 and "0" <= text[start - 1] <= "9":
        for word in _DATE_ENDS:
            if text.startswith(word, start):
                return start + len(word)
    return start


def _may_open(text: str, at: int, kind: int) -> int:
    """May a word of ``kind`` stand at ``at``, by the tables of its first two characters: 0 none
    can, 2 one of a character does (系, 于), 1 maybe (the string test tells). Each place
    ``word_starts`` gives was a slice looked up in ``HEAD_PROSE`` and ``startswith`` of the tuples
    ``HEAD_WORDS`` and ``HEAD_SAID``, ~3,200 instructions a place (~108,000 on the corpus
    document); the tables answer most places without a string."""
    code = ord(text[at]) - TABLE_FROM
    if code < 0 or code >= TABLE_TO - TABLE_FROM:
        return 1
    opening = _OPENING[code]
    if not opening & kind:
        return 0
    if opening & kind << 3:
        return 2
    if at + 1 == len(text):
        return 0  # a longer word cannot stand in the one character left
    code = ord(text[at + 1]) - TABLE_FROM
    if code < 0 or code >= TABLE_TO - TABLE_FROM or _SECOND[code] & kind:
        return 1
    return 0


def _word_at(text: str, at: int, words: tuple[str, ...], kind: int) -> bool:
    """``text.startswith(words, at)``, ``words`` being ``kind``'s, the tables asked first."""
    maybe = _may_open(text, at, kind)
    return maybe == 2 or (maybe == 1 and text.startswith(words, at))


def _prose_at(text: str, at: int) -> bool:
    """``text[at : at + 2] in HEAD_PROSE``, the tables asked first."""
    return _may_open(text, at, _PROSE) != 0 and text[at : at + 2] in HEAD_PROSE


def _dotted(text: str, start: int, end: int) -> list[tuple[int, int, float, str]]:
    """The dotted name, a part of it of transliterating characters, that ends at ``end``, its last part beginning at
    ``start`` (阿卜杜·热合曼系户主), whole at a run's head; none if it is no such name."""
    while start >= 2 and text[start - 1] in DOTS and cjk_at(text, start - 2):
        start = cjk_start(text, start - 1)
    if start > 0 and text[start - 1] not in _HEAD_BEFORE:
        return []
    parts = _DOTS_RE.split(text[start:end])
    if len(parts[0]) > 2 and parts[0][0] in HEAD_PREPOSITIONS and not is_transliterated(parts[0]):
        start += 1  # 与阿卜杜·热合曼共同生活
        parts[0] = parts[0][1:]
    # one part of transliterating characters says whose (热合曼 spells with 热, no such character)
    if (
        len(parts) < 2
        or not any(is_transliterated(part) for part in parts)
        or any(part in GROUP_WORDS for part in parts)
    ):
        return []
    return [(start, end, 0.85, "dotted+head")]


def _names(text: str, start: int, end: int, kin: bool = False) -> list[tuple[int, int, float, str]]:
    """The run ``text[start:end]`` as one name, as one after a relation before a word of
    ``HEAD_PROSE`` (``kin``: 妻子李娜务农), or as two joined by 与, 和 or 及 or by a relation
    (``_KIN_JOINS``); none if it is none of these."""
    run = text[start:end]
    if _head_name(run):
        return [(start, end, 0.85, "surname+head")]
    if kin and run[:2] in _KIN_BEFORE and run[-1] not in ADVERB_ENDS and _head_name(run[2:]):
        return [(start + 2, end, 0.85, "surname+head")]  # 妻子李娜务农: the relative, named
    place = _after_place(run)
    if place:
        return [(start + place, end, 0.85, "surname+head")]  # 王家庄村张伟反映: the village's, named
    for cut in range(2, len(run) - 2):
        if run[cut] in _JOINS and _head_name(run[:cut]) and _head_name(run[cut + 1 :]):
            return [(start, start + cut, 0.85, "surname+head"), (start + cut + 1, end, 0.85, "surname+head")]
        if run[cut : cut + 2] in _KIN_JOINS and _head_name(run[cut + 2 :]):
            # (张伟和妻子李娜共同生活: the first name ends before 和, which 张伟和 took with it)
            first = cut - 1 if run[cut - 1] in _JOINS else cut
            if _head_name(run[:first]):
                return [(start, start + first, 0.85, "surname+head"), (start + cut + 2, end, 0.85, "surname+head")]
    return []


def _after_place(run: str) -> int:
    """Where a name of two to four characters that ends ``run`` begins after a place's word
    (``HEAD_PLACE_ENDS``) glued before it; 0 where none does."""
    for cut in range(len(run) - 2, max(0, len(run) - 5), -1):
        if run.endswith(HEAD_PLACE_ENDS, 0, cut) and _head_name(run[cut:]):
            return cut
    return 0


def _place_then_surname(text: str, start: int, at: int) -> bool:
    """Does a place's word (``HEAD_PLACE_ENDS``) end in the run ``text[start:at]``, a surname right
    after it and two to four characters before ``at``? :func:`may_contain`'s test for
    :func:`_after_place`."""
    for cut in range(max(start + 1, at - 4), at - 1):
        if _first_at(text, cut, _SURNAME) and text.endswith(HEAD_PLACE_ENDS, start, cut):
            return True
    return False


def _head_name(word: str) -> bool:
    """Is ``word``, a whole run at a head, a person's name (four Han characters with a compound
    surname only; a transliterated name of up to six: 次仁多吉系户主) and none of ``_NOT_HEADS``,
    nor one of them and a word of one character at a head (钱包于 of 钱包于昨日丢失: 昨日 follows a
    name too)?"""
    return (
        2 <= len(word) <= 6
        and (len(word) < 4 or word[:2] in COMPOUND_SURNAMES or is_transliterated(word))
        and whole_run_name(word, _NOT_HEADS)
        and not (len(word) == 3 and word[2] in _ONE_CHAR_WORDS and word[:2] in _NOT_HEADS)
        and not address.is_place_name(word + "省")  # 江苏于, 甘肃为: a province by its short name
    )
