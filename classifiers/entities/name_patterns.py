"""The patterns and words person_name reads names by: context words and phrases, a name
beside an ID number (18 digits or a legacy 15), record lines, roles and relations, names in
brackets, and the pre-checks' patterns (the scanner's pre-check and RE2 read some of them too).
Patterns only: person_name.py holds the finder, name_words.py the word lists."""

from __future__ import annotations

import re

from .name_words import (
    AFTER_NAME_WORDS,
    CATEGORIES,
    COMPOUND_SURNAMES,
    KIN_LABELS,
    KIN_WORDS,
    RELATIONS,
    ROLES,
    SURNAMES,
)

CONTEXT: tuple[str, ...] = (
    "被监护人",
    "监护人",
    "申请人",
    "户主",
    "姓名",
    # rosters and forms pad the label to the width of four characters (姓 名, 姓　名: U+3000
    # is a space once folded)
    "姓 名",
    "姓  名",
    "联系人",
    "收款人",
    "领款人",
    "代理人",
    "陪同人",  # who went with a visit or an applicant (陪同人张伟; 陪同人员 is no label)
    # who else a case file names, glued to the name in prose as often as before a colon (来访人张伟,
    # 见证人李娜签字, 邻居王强反映): after a colon they are KIN_LABELS' too, a surname required
    "来访人",
    "信访人",  # a petition's record (信访人李娜来访, 来电人：张伟)
    "来电人",
    "举报人",
    "见证人",
    "担保人",
    "领取人",
    # who collected a payment for someone or in another's place (代领人张伟, 冒领人：李娜: a fund
    # diversion's record names them)
    "代领人",
    "冒领人",
    "责任人",  # whom a misconduct's finding holds responsible (责任人刘洋已被立案调查)
    # who a survey's or a meeting's record names (入户调查记录：调查人张伟，被调查人王秀英, 记录人李娜,
    # 主持人：张伟)
    "被调查人",
    "调查人",
    "记录人",
    "主持人",
    "邻居",
    "配偶",
    "救助对象",
    "老人",
    "儿童",
    "经办人",
    # the staff who checked or approved, glued to the name as 经办人 is (经办人张伟，审核人李娜, 复核人
    # 王秀英): after a colon they are KIN_LABELS' (审核人：扎西), a surname required glued
    "审核人",
    "复核人",
    "审批人",
    # who received or handled an application or a petition (受理人周敏，承办人吴刚)
    "受理人",
    "承办人",
    "户名",
    "持卡人",
    "开户人",
    "家属",
    "本人",
    # a charity's record of who gave and who was given (捐赠人：张伟, 捐赠人张伟捐款5000元, 受捐助人李娜)
    *("捐赠人", "捐款人", "捐助人", "受赠人", "受捐人", "受捐助人"),
    # an elder's carer, a policy's beneficiary, who handled the money and who answers for a unit or
    # a household's support (护理人张伟, 照料人王秀英, 受益人李娜, 经手人黄磊签字, 单位负责人张伟, 赡养
    # 义务人张强): glued to the name as often as before a colon (护理人员, 受益人数 are no label)
    *("护理人", "照料人", "照护人", "受益人", "经手人", "负责人", "赡养义务人"),
)


# What the phrases that name someone contain (see _PHRASE_RE; 名下: name_owned.py): for the scanner's
# pre-check.
PHRASES: tuple[str, ...] = ("名字", "叫", "名下")
# What is a person's that a remark writes after the name and 的 (张伟的低保申请已受理, 王秀英的银行卡被
# 冻结, 刘洋的母亲反映: name_owned.py): a case, a benefit, papers, property, kin. Not among PHRASES:
# 的 stands in most remarks, and as a context word's first character it sent them to MAYBE's
# search (+50,000 instructions an inspection of the corpus document); the values' pre-checks ask
# name_owned.may_own last, and RE2's patterns read OWNED_HINT.
OWNED_OF: tuple[str, ...] = (
    *("低保", "特困", "临时救助", "救助金", "养老金", "补贴", "津贴", "申请", "档案", "材料", "户籍"),
    *("户口", "身份证", "银行卡", "存折", "账户", "房屋", "房产", "车辆", "病情", "家庭", "家属"),
    *("遗体", "骨灰", "丧葬"),  # a funeral's record (王桂英的遗体已于3月3日火化, 王桂英的丧葬补助金)
    *("情况", "委托书"),  # 已将张伟的情况上报镇政府, 张伟的委托书
    # a check of a household's means (张伟的存款已超过标准), 张伟的残疾等级, 以张伟的名义冒领
    *("存款", "收入", "残疾", "名义"),
    *("母亲", "父亲", "妻子", "丈夫", "儿子", "女儿", "子女", "配偶", "监护人", "老伴"),
)
OWNED_HINT: str = f"的(?:{'|'.join(OWNED_OF)})"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"

# Middle dots between the parts of a transliterated name, as systems write them. Not a full
# stop: sloppy text ends sentences with one (张伟.身份证号…).
DOTS = "·•・"

_CTX = "|".join(sorted((re.escape(w) for w in CONTEXT), key=len, reverse=True))

# One or more context words (户主姓名：), punctuation, then the candidate; a label may stand in
# brackets (【姓名】张伟, [姓名]张伟).
# A label may also be followed by "=" (户主姓名=张伟&…, a query string pasted into a remark) or
# stand in a cell of its own (姓名 | 张伟).
# A relation in brackets may stand between the label and the name (联系人（其子）张强, 联系人（儿子）：
# 张强: whose relative the contact is); first, or the brackets' class would take its opening.
# An opening quote may stand before the name (申请人“张伟”, 户主为“李娜”: a remark quoting a form).
# A change of the person a label names (收款人变更为李娜, 监护人确定为王秀英): a payee changed is
# what a fund diversion's audit looks for. (Not 系 or 由: 户主系党员, 申请人系单亲家庭, 本人由于.)
_LABEL_TAIL = (
    r"(?:[(（]其?[儿子女妻夫父母亲孙侄媳婿]{1,2}[)）])?[\s:：=|｜（()）【】\[\]]*"
    r"(?:是|为|叫|(?:变更|更改|修改|确定|改)为)?[\s:：=|｜“\"「『]*"
)

# The first context word stands outside the repeat, so that ``re`` knows which characters a
# match begins with and skips the rest: as ``(?:word tail)+`` it tried the twenty words at
# every position (~5,000 instructions a remark's character).
# The name after them: a name with a middle dot (阿依古丽·买买提: minority and transliterated
# names, which start with no surname of the list), one with its characters parted by one or two
# spaces (张 伟, 欧阳 娜娜: rosters pad names, and U+3000 folds to a space), or two to four
# characters.
# Its first run possessive ({1,10}+): what follows a shorter run is an ideograph, never a dot, so
# giving characters back cannot help, and each run after a label with no dot failed ten times.
_DOTTED = rf"[{_CJK}]{{1,10}}+(?:[{DOTS}][{_CJK}]{{1,10}})+"

_SPACED = (
    rf"(?:[{_CJK}](?:[ \t]{{1,2}}[{_CJK}]){{1,2}}|(?:{'|'.join(sorted(COMPOUND_SURNAMES))})[ \t]{{1,2}}[{_CJK}]{{1,2}})"
    rf"(?![{_CJK}])"
)

_NAME_AFTER_CONTEXT = rf"({_DOTTED}|{_SPACED}|[{_CJK}]{{2,4}})"

_FREE_RE = re.compile(
    r"(?:" + _CTX + r")" + _LABEL_TAIL + r"(?:(?:" + _CTX + r")" + _LABEL_TAIL + r")*" + _NAME_AFTER_CONTEXT
)
# A name the upstream masked in part after the same words (户主张*伟, 申请人：欧阳*娜): its surname,
# one to three mask characters, what is left of the given name.
MASKED_AFTER_CONTEXT_RE = re.compile(
    r"(?:" + _CTX + r")" + _LABEL_TAIL + rf"([{_CJK}]{{1,2}}\*{{1,3}}[{_CJK}]{{0,2}})(?![{_CJK}*])"
)

# The mask and what is left of the given name, with no context word before it (备注张*伟, 张*伟（户主）):
# the surname is read back from the first star (masked_in_part), and the rest must end its run.
MASKED_RE = re.compile(rf"(?<=[{_CJK}])\*{{1,3}}[{_CJK}]{{1,2}}(?![{_CJK}*])")
# The mask before what is left of the given name and more of the run (举报人张*伟称其母生病, 张*伟签字,
# 户主张*伟强已去世): person_name._masked_before_prose reads on to a word that follows a name.
MASKED_BEFORE_RUN_RE = re.compile(rf"(?<=[{_CJK}])\*{{1,3}}(?=[{_CJK}]{{2}})")

# Labels of a field that holds a person's name. After one of them and a separator (姓名：,
# 户主=, 【姓名】, 持卡人｜) the value up to the next delimiter is a name, whatever its first
# character: Tibetan, Uyghur, Mongolian and Yi names (扎西多吉, 买买提江, 巴特尔) start with no
# surname of the list. Not 老人, 儿童, 家属, 本人 or 救助对象: prose writes them before a colon
# too (家属：已通知, 救助对象：低保、特困); nor the persons a file names besides (来访人, 见证人,
# 邻居 …), whose field holds a count or a unit as often (来访人：3人, 见证人：村委会): KIN_LABELS read
# them after a colon, a surname required.
_NOT_FIELD_LABELS = frozenset(
    [
        *("救助对象", "老人", "儿童", "家属", "本人", "来访人", "举报人", "见证人", "担保人", "领取人"),
        *("被调查人", "调查人", "记录人", "主持人", "信访人", "来电人", "审核人", "复核人", "审批人"),
        *("代领人", "冒领人", "责任人", "邻居", "受理人", "承办人"),
    ]
)
FIELD_LABELS: tuple[str, ...] = tuple(word for word in CONTEXT if word not in _NOT_FIELD_LABELS)

# The labels (any context words, one of them a field's), a separator or a label's closing
# bracket, and the whole CJK run after it; a run longer than 16 is prose, no match.
# A form's signing word in brackets may stand after the colon, before the name (经办人：（签字）王强).
SIGNED_AFTER = "(?:[(（]签[字名章][)）][ \t]*)?"
_LABELLED_RUN_RE = re.compile(
    rf"(?:{_CTX})(?:[\s（()）【】\[\]]*(?:{_CTX}))*[\s）)]*(?:[:：=|｜]|[】\]])[\s:：=|｜]*{SIGNED_AFTER}"
    rf"([{_CJK}]{{2,16}})(?![{_CJK}])"
)

_FIELD_LABEL_RE = re.compile("|".join(FIELD_LABELS))

# The same labels followed by spaces only (姓名 扎西多吉, 户主　扎西: U+3000 folds to a space), as
# key-value lines and rosters pasted as text write them; the run after them, and what follows it
# (a separator there makes the run a label itself: 户主 签字：). A table's header row looks alike
# (姓名 性别 年龄): name_tests.is_heading tells a label from a value.
_SPACED_LABEL_RE = re.compile(rf"(?:{_CTX})+[ \t]+([{_CJK}]{{2,16}})(?![{_CJK}])[ \t]*([:：=|｜]?)")

# The word before a label, over spaces: another heading there makes the line a header row.
_WORD_BEFORE_RE = re.compile(rf"([{_CJK}]+)[ \t]+\Z")

# The persons of a case (no categories: 残疾人：视力残疾 and 特困人员：分散供养 are values of a
# category) before a separator or an opening bracket, and the whole CJK run after it: a name
# whatever its first character (受助人：次仁, 当事人：扎西多吉), bounded as after a field's label.
_PERSON_ROLES = tuple(role for role in ROLES if role not in ("特困人员", "低保户", "五保户", "残疾人"))
_ROLE_RUN_RE = re.compile(
    rf"(?:{'|'.join(_PERSON_ROLES)})\s*(?:[:：]|[(（【\[〔])\s*([{_CJK}]{{2,16}})(?![{_CJK}])([:：=]?)"
)

# A field's label glued to the run after it in prose (户主次仁已核实, 申请人扎西多吉于…): the run.
_GLUED_LABEL_RE = re.compile(rf"(?:{_CTX})+([{_CJK}]{{2,16}})")

# What follows a name in prose (户主次仁已核实, 申请人扎西多吉于…, 户主巴特尔因病致贫, 其子张强对老人
# 不尽赡养义务).
_AFTER_NAME_IN_PROSE = frozenset("已于因在系现的将被把从等曾均之由仍对未患")

# A field's label and a run in brackets after it (监护人（扎西）, 联系人【巴特尔】: full-width round
# brackets are ASCII once folded).
_LABEL_BRACKETED_RE = re.compile(rf"(?:{_CTX})+[(【\[〔]([{_CJK}]{{2,16}})[)】\]〕]")

# What ends a column's heading (类别, 住址, 年龄, 人口, 签字, 盖章, 程度, 审核人 …) beside the number
# labels' ends. Not 力: 艾力, 阿迪力 are names.
_HEADING_ENDS = frozenset("别址况型态间口龄族历业系籍注位源式名称类限字章印见度貌入人地级准遇份月")

# The longest such run taken for a name (阿旺洛桑丹增, 额尔敦巴雅尔: six characters); longer ones
# are prose.
LABELLED_RUN_MAX = 6

# A label that ends the run when the next field follows without a delimiter (姓名：卓玛性别：女).
NEXT_LABELS = frozenset(
    [
        "性别",
        "民族",
        "身份证",
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "证件号",
        "证件号码",
        "电话",
        "手机",
        "手机号",
        "联系电话",
        "联系方式",
        "住址",
        "地址",
        "家庭住址",
        "现住址",
        "出生",
        "出生日期",
        "年龄",
        "关系",
        "与户主关系",
        "籍贯",
        "户籍",
        "户籍地",
        "备注",
        "卡号",
        "银行卡号",
        "账号",
        "婚姻状况",
        "文化程度",
        "职业",
        "单位",
        "工作单位",
        "类别",
        "人数",
        "编号",
        "学历",
    ]
)

# What a run after a label that is no name holds: a function word (因病致贫, 已通知, 见附件) or a
# pronoun (户主：你家, 申请人：我单位, a letter's quoting of a form), or ends in a title's last
# character (社区网格员, 村长, 老师, 社工). Transliterated names use none of them.
_NOT_IN_NAMES = frozenset("的了因已未请需待暂均并或见详等在将被把从你您我他她们")
_TITLE_ENDS = frozenset("员长师工")
# Titles a field may hold for its person, whose last character ends given names too (申请人：村主任,
# 联系人：社区主任, 经办人：民政专干, 审核人：党支部书记): the run after a label ends in none of them.
TITLE_TAILS: tuple[str, ...] = ("主任", "专干", "书记", "主席", "会计", "助理", "干事")

# Phrases that say the next words are someone's name: 名字 with a separator or a verb after it
# (名字：张伟, 名字是张伟), and 名叫, 叫做, 他叫 / 她叫 / 我叫 before a run of its own (叫号, 叫停 and
# 大家都叫好 are no such phrase; 他叫车来接 is no name: the run goes on). A bare 叫 (孙子叫张伟，,
# 有个叫张伟的老人) says less: a full name's length (two or three characters) that ends its run
# or stands before 的, and not after 被, 主, 呼 (被叫方号码, 主叫, 呼叫: a call's parties).
_PHRASE_RE = re.compile(
    r"名字\s*(?:[:：=|｜]\s*(?:是|为|叫)?|是|为|叫做?)\s*([" + _CJK + r"]{2,4})"
    r"|(?:名叫|叫做|[他她我]叫)\s*([" + _CJK + r"]{2,4})(?![" + _CJK + r"])"
    r"|(?<![被主呼尖喊])叫\s*([" + _CJK + r"]{2,3})(?:(?=的)|(?![" + _CJK + r"]))"
)

# What one calls (叫) that starts with a surname: a car (叫车来接，), everyone (叫全村人，); and
# words after a role that do (逝者安息).
_CALLED = ("车", "全家", "全村", "全体", "全部", "安保", "黄牛", "安息")

_DOTTED_RE = re.compile(_DOTTED)

_DOTS_RE = re.compile(f"[{DOTS}]")

_KEYED_RE = re.compile(r"[" + _CJK + r"]{2,4}|[" + _CJK + r"]{1,10}(?:[·•][" + _CJK + r"]{1,10})+")

# Characters that end a name in running text ("申请人张三申请..." -> 张三, 户主张伟对此无异议 -> 张伟).
_TRAILERS = frozenset("的是在于与和及等因为现住系申年男女于将已未到来去等同户仍对")

# A name written beside an ID number, as file names and rosters do ("张三_<ID>.csv",
# "王小明（<ID>）", "<ID>-李四"): the number is the context. The name is the whole CJK run
# on that side (a longer run, "低保张三", is no name whole and is left to context words).
_ID = "[1-9][0-9]{16}[0-9Xx]"

_BESIDE_ID_RE = re.compile(
    rf"(?<![{_CJK}])(?P<before>[{_CJK}]{{2,4}})[ _\-(（]?(?P<id_after>{_ID})(?![0-9])"
    rf"|(?<![0-9])(?P<id_before>{_ID})[ _\-)）]?(?P<after>[{_CJK}]{{2,4}})(?![{_CJK}])"
)

# Runs of 11 digits or more: a mobile's 11, an ID number's (17 digits before its check
# character) or a legacy number's 15. Found once a value, for find's early return and the passes
# beside numbers.
_DIGIT_RUNS = re.compile("[0-9]{11,}")

# A name beside a mobile without a label, as contact lists and remarks write them (张伟 139…,
# 张伟/139…, 张伟（139…）, 联系李娜138…, 139… 张伟): the whole CJK run on that side, after a word
# that asks one to call. The mobile has no checksum, so the run must be shaped as a name and be
# no unit (车队), place, group word or label (联系方式, 金额). _BEFORE_MOBILE_RE reads the 16
# characters before the number, _AFTER_MOBILE_RE from its end.
_BEFORE_MOBILE_RE = re.compile(
    rf"(?<![{_CJK}])(?:请?联系|致电|找)?([{_CJK}]{{2,4}})[】\])]?[ \t]*(?:[_\-/(:,;|][ \t]*)?(?:\+?86[ \t-]?)?\Z"
)
_AFTER_MOBILE_RE = re.compile(rf"[ \t]*(?:[_\-/(),;|][ \t]*)?([{_CJK}]{{2,4}})(?![{_CJK}])")
# The same name with the phone's label between it and the number (张伟的手机是139…, 李娜电话：139…,
# 王强 手机 139…), as remarks write them: name_runs.before_phone_label. _BEFORE_MOBILE_RE takes a
# name in brackets too (【张伟】139…).
# What may follow 电话 or 手机 in the label, up to the end of its run.
_PHONE_LABEL_TAILS = frozenset(("", "号", "号码", "是", "为", "号是", "号为", "号码是", "号码为"))
# What may stand between the label's run and the number.
_GAP_TO_MOBILE_RE = re.compile(r"[ \t]*(?:[:,][ \t]*)?(?:\+?86[ \t-]?)?")
# What says which phone, before its label, and no name (常用手机: 常 is a surname too).
_PHONE_KINDS = frozenset(("常用", "备用", "家庭", "办公", "单位", "住宅", "紧急", "私人", "个人", "工作", "值班"))
# The last character of a run that a phone's label ends (电话, 手机, 手机号, 号码, 是, 为).
_PHONE_LABEL_LAST = frozenset("话机号码是为")
# Labels that fill their run, as most mobiles in remarks have them (联系电话：139…): no name in it.
_PHONE_LABELS = frozenset(
    ("电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系手机", "联系电话是", "手机号是", "电话是")
)

# What ends a label of a phone that starts with a surname (联系方式, 常用手机): no name.
_PHONE_LABEL_ENDS = frozenset("式法机话线")

# A legacy number of 15 digits (no check character) beside a name, as an old register's export
# writes it ("张伟 110105491231002", "张伟_<15>.csv"): alone the number is too weak to mask (the
# scanner's pattern needs a key or a context word), beside a name shaped as one it is that
# person's, and both are masked. Only a run of exactly 15 that reads as a legacy number (a
# province, a real date).
_LEGACY = "[1-9][0-9]{14}"

_LEGACY_RUN = re.compile(f"(?<![0-9]){_LEGACY}(?![0-9])")

# Also a field of a record apart (李娜,<15>,139…, 李娜，<15>，汉阴县: commas are folded to ASCII).
_BESIDE_LEGACY_RE = re.compile(
    rf"(?<![{_CJK}])(?P<before>[{_CJK}]{{2,4}})[ \t]*[_\-(,、;|:]?[ \t]*(?P<id_after>{_LEGACY})(?![0-9])"
    rf"|(?<![0-9])(?P<id_before>{_LEGACY})[ \t]*[_\-),、;|:]?[ \t]*(?P<after>[{_CJK}]{{2,4}})(?![{_CJK}])"
)

LEGACY_EVIDENCE = "surname+beside-legacy-id"

# A legacy number after a name and its relation in brackets, or after a relation or role and a
# name in brackets (张伟（户主）<15>, 配偶（李娜）<15>, 监护人【张伟】 <15>): the brackets stand between
# the name and the number, so _BESIDE_LEGACY_RE saw no name beside it.
_KINSHIP = "|".join(sorted({*(r for r in RELATIONS if len(r) > 1), *ROLES}, key=len, reverse=True))
_BRACKETED_LEGACY_RE = re.compile(
    rf"(?:(?<![{_CJK}])(?P<before>[{_CJK}]{{2,4}})[(](?:{_KINSHIP})[)]"
    rf"|(?:{_KINSHIP})[(【\[〔](?P<inside>[{_CJK}]{{2,4}})[)】\]〕])"
    rf"[ \t]*[_\-,、;|:]?[ \t]*(?P<number>{_LEGACY})(?![0-9])"
)

# What ends a label of a number that starts with a surname (金额, 单号, 房号, 文号, 车号 …): no name.
_NUMBER_LABEL_ENDS = frozenset("号码额数费款值率量价期")

# A record written on one line, its fields apart ("张伟，男，身份证号610902…", "张伟 女 610902…",
# "张伟的身份证号610902…", where 的 was masked as the name's third character):
# the whole CJK run before a gender or an ID number's label, when a valid ID number follows on
# the same line. 男 or 女 must stand alone (男女老少, 男子组 are no gender of a record).
_RECORD_RE = re.compile(
    rf"(?<![{_CJK}])([{_CJK}]{{2,4}}?)的?[\s,，、;；|]*(?:[男女]性?(?![{_CJK}])|(?:公民)?身份(?:证|号码)|证件号)"
)

_LINE_ID_RE = re.compile(rf"(?<![0-9]){_ID}(?![0-9])")

# What a match of _RECORD_RE ends with (a gender or an ID number's label; no two share a
# character), and what may stand between it and the name.
_RECORD_ENDS = ("男", "女", "身份", "证件号")

_RECORD_GAP = frozenset(",，、;；|")

# A record line without an ID number ("张伟，男，45岁", "张伟 女 72岁 低保", "张伟（男，1990年1月1日
# 出生）", "张伟，男，2015年生", "张伟，男，汉族"): the whole CJK run before a gender standing alone,
# when an age, a birth (its year alone too) or a nationality follows the gender. _PROFILE_RE is the
# pre-check (and, without its look-around, part of MAYBE_PATTERN); _PROFILE_NAME_RE reads the name
# before it.
# (Whitespace written out, no escapes: RE2 reads PROFILE too, see MAYBE_PATTERN.)
_SEPARATORS = " \t\n\r\x0b\x0c,，、;；|"

PROFILE: str = (
    f"[男女]性?[{_SEPARATORS}）)]*(?:[0-9]{{1,3}}周?岁|[一二三四五六七八九十]{{1,3}}周?岁"
    f"|[0-9]{{4}}(?:年(?:[0-9]{{1,2}})?|[-./][0-9]{{1,2}})[^，,;；\n]{{0,6}}生|[{_CJK}]{{1,3}}族|系)"
)

_PROFILE_RE = re.compile(f"(?<![{_CJK}])" + PROFILE.replace("[男女]性?", f"[男女]性?(?![{_CJK}])", 1))
# A record line's name and age with no gender between (张伟，68岁，患有高血压: a visit's note);
# person_name._aged reads the name back from each 岁, a whole run as at a run's head. No
# look-arounds: RE2 reads it.
AGED_HINT: str = f"[{_CJK}]{{2,4}}[,，][ \t]*[0-9]{{1,3}}周?岁"

# (a dotted name whole, 艾力·买买提，男: the look-behind keeps its first part from being left out;
# a name padded to a roster's width, 张 伟，男，80岁 or 张　伟 (U+3000 is a space once folded):
# its characters a space or two apart, judged without them by person_name._profiles)
_PROFILE_NAME_RE = re.compile(
    rf"(?<![{_CJK}{DOTS}])({_DOTTED}|[{_CJK}]{{2,4}}|[{_CJK}](?: {{1,2}}[{_CJK}]){{1,2}})"
    rf"[{_SEPARATORS}]*[（(]?{_PROFILE_RE.pattern}"
)

# Roles in a case and categories of persons that a name follows (男方/女方 of a marriage's
# registration, 逝者/死者 of a funeral's, a case's parties, 特困人员张伟), and relations (其子张伟,
# 之夫张伟, 母亲：张伟). Prose goes on after them (男方和女方都同意, 当事人申请复议, 母亲节): the
# name must follow a separator or be a full name's length that ends its run; a relation word
# on its own (母亲, 儿子) only before a separator (儿子高兴地说). An opening bracket parts them as a
# colon does (委托人（张伟）; full-width brackets are ASCII once folded).
_KIN = (
    "长子",
    "次子",
    "长女",
    "次女",
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "配偶",
    "孙子",
    "孙女",
    # siblings and kin at large (将其亲属李娜违规纳入低保, 其姐王芳已出嫁: a favour to one's own,
    # 优亲厚友), the words before their characters alone
    "亲属",
    "弟弟",
    "妹妹",
    "哥哥",
    "姐姐",
    "侄子",
    "侄女",
    "弟",
    "妹",
    "兄",
    "姐",
    "侄",
    "妻",
    "夫",
    "孙",  # 由其孙张伟照料
    "子",
    "女",
    "父",
    "母",
)

_KIN_WORDS = "|".join(KIN_WORDS)

_ROLE_RE = re.compile(
    rf"(?:{'|'.join(ROLES)}|[之其](?:{'|'.join(_KIN)}))(?:\s*[:：(【\[〔]\s*([{_CJK}]{{2,4}})|([{_CJK}]{{2,3}})(?![{_CJK}]))"
    rf"|(?:{_KIN_WORDS})\s*[:：]\s*([{_CJK}]{{2,4}})"
)

# A category of persons or a relation after 之/其, and the CJK run glued to it in prose (低保对象扎西，
# 孤儿李娜在校就读, 其子扎西在外务工, 之女央金; a child's place, glued with no 之 or 其: 长女王芳已婚,
# 户主张伟长女王芳, 大儿子张强在西安打工, 小女儿张敏在读): name_runs._category_runs reads the name at
# its head. (儿子 and 女儿 alone open prose as often: 儿子高兴地说.)
# (The run in a look-ahead: a relation inside it, 老人扎西多吉由其子次仁照顾, opens a match of its own.)
# Persons of prose that a name follows as it follows a category (困难群众张伟, 村民李娜反映, 居民王强独居,
# 患者李娜住院, 单位职工常建华月收入…, 员工李娜已离职, 学生刘思琪就读于…), and a list's head
# (村民张伟、李娜反映: each item a name, so 村民、居民 is none).
PERSONS_IN_PROSE: tuple[str, ...] = ("困难群众", "村民", "居民", "患者", "职工", "员工", "学生")
_CATEGORY_RUN_RE = re.compile(
    rf"(?:{'|'.join(CATEGORIES)}|{'|'.join(PERSONS_IN_PROSE)}|[之其](?:{'|'.join(_KIN)})|[长次][子女]|[大二三四五小](?:儿子|女儿))(?=([{_CJK}]{{2,16}}))"
)

# A number's label in brackets, the number left out (刘洋（身份证号略）, 李娜(电话:已隐去)): a
# person's number, so the run before the bracket is the person's name. (With the number there,
# name_runs._label_bracket reads the name before a valid one.)
NUMBER_LEFT_OUT = "(?:公民身份号码|身份证号码|身份证号|身份证|证件号码|证件号|联系电话|电话|手机号|手机)[:：]?(?:略|省略|见|隐去|已隐去)"

# A name before a relation or role in brackets: 张伟（户主）, 李娜(配偶), or before its number left
# out (NUMBER_LEFT_OUT). Single-character codes (女, 子) are left out: 张伟（女） is a gender, and
# 高中（女） no name; after 之 they are relations (张伟（之子）, 李娜（之女）).
_BRACKETED_RE = re.compile(
    rf"(?<![{_CJK}])([{_CJK}]{{2,4}})[（(](?:(?:{'|'.join(sorted((r for r in RELATIONS if len(r) > 1), key=len, reverse=True))}"
    rf"|之[子女妻夫父母孙])[）)]|{NUMBER_LEFT_OUT})"
)

# A name in brackets after a preposition or a verb that a person follows (由（张伟）代为申请,
# 经(李娜)核实, 委托【王芳】办理): the brackets set the name apart as a label would. What else
# stands there is a unit, a place or a role (由（房管所）负责, 经(区民政局)核实, 由(申请人)签字).
_BEFORE_BRACKETS = (
    "委托",
    "交由",
    "经由",
    "授权",
    "通知",
    "联系",
    "陪同",
    "协助",
    "由",
    "经",
    "向",
    "对",
    "被",
    "请",
    "与",
    "和",
    "同",
    "给",
    "让",
)

_OPEN, _CLOSE = "（(【\\[〔", "）)】\\]〕"

_IN_BRACKETS_RE = re.compile(rf"(?:{'|'.join(_BEFORE_BRACKETS)})\s*[{_OPEN}]\s*([{_CJK}]{{2,4}})\s*[{_CLOSE}]")

# What ends a unit's or a place's name (局, 所, 站, 村 …): 房管所, 管理处 and 文化站 start with a surname.
_UNIT_ENDS = frozenset("局所处科室办站会院厅部委队组司行社村镇乡县区市省厂校馆团")

# Staff a case file names before a name glued to them (网格员李娜入户走访, 社工王强回访), relations a
# preposition or 其 opens before one (由祖母王秀英抚养, 由其侄子张强照顾), and a visit with its one name
# and a count (走访张伟一户): name_prose.glued_names.
STAFF_TITLES: tuple[str, ...] = (
    *("网格员", "社工", "护理员", "协管员", "专干", "干部", "村医", "医生", "民警", "志愿者"),
    "支书",  # a village party secretary (村支书陈静已签字: 书 is among _PROSE_CHARS)
    "文书",  # a village's clerk (村文书潘海龙挪用特困供养金)
    # a village's or an office's officers, whom a finding names as often as the relief's persons
    # (村会计刘洋虚报低保户, 村主任王强冒领补贴, 民政所所长陈静优亲厚友)
    *("书记", "出纳", "干事", "助理员"),
    *("主任", "会计", "村长", "所长", "站长", "组长", "科员", "委员"),  # OFFICERS_RE's
    # the heads of an office, a town and a home, and the staff of a post (科长王强签批, 镇长刘洋批示,
    # 敬老院院长陈静克扣伙食费, 工作人员王强入户核查, 党员王强冒领低保金, 办事员李娜负责录入)
    *("科长", "股长", "局长", "处长", "镇长", "乡长", "县长", "院长"),
    *("工作人员", "党员", "办事员", "信息员", "联络员", "监督员"),
    # an elder's assessor and a society's head (评估员张伟、李娜对老人进行评估, 理事长张伟)
    *("评估员", "理事长"),
)
PROSE_KIN: tuple[str, ...] = (
    "外祖父",
    "外祖母",
    # (as spoken: 刘思琪的监护人为其外婆王秀英)
    "外婆",
    "外公",
    "姥姥",
    "姥爷",
    "外孙女",
    "外孙子",
    "外甥女",
    "祖父",
    "祖母",
    "外孙",
    "外甥",
    "孙子",
    "孙女",
    "侄子",
    "侄女",
    "叔叔",
    "伯父",
    "伯母",
    "姑姑",
    "姑妈",
    "舅舅",
    "舅妈",
    "姨妈",
    "婶婶",
    "哥哥",
    "姐姐",
    "弟弟",
    "妹妹",
    "儿媳",
    "女婿",
    "父亲",
    "母亲",
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    # a marriage's past (张伟与前妻李娜已离婚)
    "前妻",
    "前夫",
    # a spouse, whose a form's label names (申请人张伟的配偶李娜患尿毒症, 与其配偶李娜共同生活)
    "配偶",
)
# A title or a relation after 和, 与 or 及, a second person unnamed (约谈了王强和会计, 走访了张伟和其母亲,
# 老人和护理员, 申请人和村主任到场): the run before 和 may be a name (_VISITED_PAIR_RE's), the run
# after a label is none (person_name's; 和 is a surname too: 老人和志强).
TITLE_OR_KIN = f"[其村]?(?:{'|'.join((*STAFF_TITLES, *PROSE_KIN))})"
JOINED_TITLE_RE = re.compile(f"[和与及]{TITLE_OR_KIN}")
VISITS = "(?:走访|慰问|看望|探望|回访|帮扶)了?"
# What came of a call or a visit, after its one name (联系张伟未果, 电话联系李娜无人接听, 走访王强不在家).
# 本人 too (已通知张伟本人), and where the one called was to come (通知张伟来社区签字, 约谈李娜到村委会).
CALL_OUTCOMES = "未果|无人接听|未接通|不在家|本人|来|到"
# The words of a call, a notice and a talk before one name (联系张伟, 通知李娜, 约谈王秀英, 告知张伟,
# 致电张伟).
CALLS: tuple[str, ...] = ("联系", "通知", "约谈", "告知", "致电")
CALL_WORDS = f"(?:{'|'.join(CALLS)})了?"
# A visit's colon before its one name, a record's field (走访：王秀英; a list there is name_lists').
VISIT_COLON = "(?:[ \t]*[:：][ \t]*)?"
# A visit's or a call's one name opens with a surname's character (a compound surname's first is
# one): 联系电话, 走访时 … of a label before digits are no hint (every record's 联系电话13800000000
# sent the value to the role passes: +64 % on the corpus document).
# CALL_FIRST: those first characters as a set, for name_prose.may_call's test before its search.
CALL_FIRST: frozenset[str] = frozenset(SURNAMES | {word[0] for word in COMPOUND_SURNAMES})
CALL_NAME = "[" + "".join(sorted(CALL_FIRST)) + f"][{_CJK}]{{1,3}}"
# The officers' titles among STAFF_TITLES that hold none of _PROSE_CHARS, and a surname's character
# glued to them (村主任王强, 村会计刘洋, 所长陈静): name_prose.may_name_officer. Their characters in that
# class (主任 and 长 stand in every column of posts and in 长期, 家长) would search the prose hints'
# alternatives wherever they stand.
OFFICERS_RE = re.compile(
    f"(?:主任|会计|[村所站组科股局处镇乡县院]长|(?:[科委党]|工作人|办事|信息|联络|监督)员)[{''.join(sorted(CALL_FIRST))}]"
)
# A count of one household or person after a visit's one name (一户, 一人, 1户), or 等 and a count.
ONE_COUNT = "[一1](?:户|人|家|名|位)|等(?:[0-9两二三四五六七八九十]{1,3}(?:户|人|名|位|家)|人)"
# Care and illness a name goes before (由孙子张强照顾, 张伟患病住院, 李娜监护, 由李娜代养):
# name_prose.glued_names. 监护 before 人 is the label 监护人, no verb; the values' pre-check looks
# for 监护 by a substring search (name_prose.may_care): every remark about a guardian holds 监护人.
CARE_VERBS: tuple[str, ...] = ("照顾", "赡养", "监护", "代养", "患病")
# The words of signing, a hand's print and a seal, after the one who signed with no label before
# (李娜签字确认, 张伟签名：, 李娜已签收): name_signed.signed_names.
# 签到 too, a sign-in sheet's line (张伟 签到, name_signed's gap).
SIGNING: tuple[str, ...] = ("签字", "签名", "签收", "签章", "按手印", "捺印", "签到")
# What staff did, after the one who did it (张伟审核通过, 由李娜受理, 王强复核无误): HEAD_WORDS'.
HEAD_ACTS: tuple[str, ...] = ("审核", "审批", "受理", "复核")
# What a person is, after 是 (张伟是低保户, 李娜不是户主: name_heads, LIST_TAILS) or a line's key and a
# colon (吴敏：低保户: name_colon): a category of persons, or 户主.
PERSON_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "户主")
# What a remark says of the person it opens with, no label before (name_heads.head_names): who the
# person is (张伟系户主之子, 为本村村民), when or why something happened (李娜于2023年3月, 王秀英因病致贫),
# that the person came in person (张伟本人到场) or collected or signed for someone (由张伟代领).
# A notice's one name before a count (张伟等3户同意, 李娜等人) stands there too.
# 到场 too: a name or two at a remark's head before it (张伟到场, 张伟及李娜到场), and 不在家, what a
# visit found (张伟不在家; 张家不在家 is a household's, no name).
# 故 of 已故 (王秀英已故): 已 opens too many words to be a place of the walk, so 故 is, and is read
# only after 已 (name_heads; 事故, 故意 and 病故's 故 are none).
# 在, 被 and 将: where the person is, what was done to the person, what the person did with something
# (张伟在工商银行有存款, 张伟被推选为村民代表, 王强将张伟的低保金据为己有); a household's things stand
# there as often (房子在老家, 路灯被损坏: name_heads._NOT_HEADS).
# 是 and 不是 before a category of persons or 户主 only (张伟是低保户, 李娜不是户主; name_heads):
# 是 follows words of a name's shape before anything else as often (尤其是, 方式是, 关键是).
HEAD_WORDS: tuple[str, ...] = (
    *("系", "于", "为", "因", "患", "本人", "代领", "代签", "代办", "代收", "代缴", "代为", "等"),
    *("到场", "不在家", "申请", "故", "在", "被", "将", "是", "不是"),
    *HEAD_ACTS,
)
# After a preposition, also what the person said, agreed to or did with someone (经张伟同意, 据李娜反映,
# 与王秀英共同生活, 和张伟一起到场, 与张伟同住, 和李娜一同前往).
# 核实, 了解 and 沟通 too, what was checked with someone (与张伟核实, 向李娜了解情况).
# 陪同 and 联系 too, who went with the caseworker and whom they reached (由张伟陪同, 今与李娜联系).
HEAD_SAID: tuple[str, ...] = (
    *("同意", "反映", "陈述", "介绍", "证实", "称", "说", "共同", "一起", "一同", "同住"),
    *("核实", "了解", "沟通", "陪同", "联系"),
)
# The prepositions that may open the run before the name (由 and 和 are surnames too: 由张伟 and 和张伟
# are no names).
HEAD_PREPOSITIONS = frozenset("由经据与和同向")
# When, one character before such a preposition (今与张伟联系, 已与李娜核实, 曾与王秀英同住): the run
# opens with it, and the name follows both.
BEFORE_PREPOSITIONS = frozenset("今已曾")
# What prose says of a person after the name (AFTER_NAME_WORDS: 张伟常年外出, 王秀英独居, 李娜家住),
# at a run's head as after a label, 已, 现 or 均 maybe between (李娜已外出务工); not 之 and a relation
# (name_prose's) nor the act of signing (name_signed's, with its own look-alikes: 单据签收, 依次签字).
# Nor a word that opens with a character most remarks hold elsewhere (保 of 低保, 老 of 老人, 全 of
# 齐全, 属 of 家属, 利 of 福利, 父 and 母 of 父母, 上, 由, 交, 接, 纳, 退, 祖, 年 of 2024年, 妻, 丈, 儿,
# 女 of 男女): name_heads walks to each place such a character stands and reads the run before it
# back, ~1,100 instructions a place
# (names round twenty-four: 全家, 老两, 属于 and 利用 took 0.4 % more of the corpus document's, four
# words its remarks hold none of); those words end a name after a label, a title or a relation
# still (由村会计刘洋保管, 被其侄子张强拿走, 将其儿媳李娜纳入低保).
_NOT_AT_HEAD = "之签按捺保老全属利父母上由交接纳退祖年妻丈儿女"
HEAD_PROSE = frozenset(word for word in AFTER_NAME_WORDS if word[0] not in _NOT_AT_HEAD)
# The pre-check of name_heads (its may_contain walks to it; RE2 reads it in ROLE_HINT): a run of a
# name's length (and a preposition) at a run's start, or after a dotted name's dot, before the first
# character of one of the words. What the pass then reads is narrower (the word whole, a whole name,
# none of its look-alikes). With the words themselves after the run, RE2's search of a long column
# took 18 times as long (a DFA of the run's lengths times the words' prefixes), and ``re``'s search
# of a value cost the corpus document 15 % more instructions.
HEAD_FROM = "".join(sorted({word[0] for word in (*HEAD_WORDS, *HEAD_SAID, *HEAD_PROSE)}))
_HEAD_CHARS = "".join(sorted(SURNAMES | HEAD_PREPOSITIONS))
# (今, 已 or 曾 open it only before a preposition: 已审核, 已入户核查 have none; 兹 a certificate's
# opening before the name: 兹证明张伟系…, 兹有李娜前来…)
_BEFORE_CHARS = f"[{''.join(sorted(BEFORE_PREPOSITIONS))}][{''.join(sorted(HEAD_PREPOSITIONS))}]"
# The words of a finding, a report or a recovery that close a clause before the name they concern
# (经调查刘洋挪用公款, 举报称刘洋虚报, 追回刘洋冒领资金): the run before the word at a head is no name
# whole, and the name follows the finding's word as it follows a clause of time (name_heads).
HEAD_FINDINGS: tuple[str, ...] = (
    *("经查", "调查", "核查", "查实", "查明", "核实", "发现", "据称", "举报", "举报称", "反映称"),
    *("追回", "追缴", "责令", "伙同"),
    # who was chosen or appointed (推选张伟为村民小组长, 任命李娜为社区居委会副主任), and from whom
    # an application or a call came (收到张伟申请临时救助的材料, 收到李娜来电反映)
    *("推选", "推举", "选举", "任命", "聘任", "聘请", "收到"),
    # whom a notice names (现将张伟等5户低保对象予以公示)
    "现将",
)
# What ends a village's, a community's or a town's name glued before a name at a head (王家庄村张伟反映,
# 东关社区李娜于2024年申请, 本村张伟因病致贫): name_heads reads the name after it.
HEAD_PLACE_ENDS: tuple[str, ...] = ("村", "社区", "组", "镇", "乡", "街道", "屯")
_PLACED = f"[{_CJK}]{{0,5}}(?:{'|'.join(HEAD_PLACE_ENDS)})[{''.join(sorted(SURNAMES))}][{_CJK}]{{1,3}}"
# (or after a clause of time's 时 or 期间, or a finding's word, a surname and one or two characters:
# 入户调查时张伟不在家, 公示期间张伟无异议, 追回刘洋冒领; a date's last word may stand glued before
# the run's name, 3月张伟申请, name_heads.after_date; so may a place's word, _PLACED)
HEAD_HINT = (
    f"(?:(?:^|[^{_CJK}])(?:(?:月份|[年月日号])?[{_HEAD_CHARS}][{_CJK}]{{1,6}}|{_BEFORE_CHARS}[{_CJK}]{{1,5}}|兹[{_CJK}]{{3,6}}"
    f"|{_PLACED})"
    f"|[{DOTS}][{_CJK}]{{1,7}}"
    f"|(?:时|期间|{'|'.join(HEAD_FINDINGS)})[{''.join(sorted(SURNAMES))}][{_CJK}]{{1,2}})[{HEAD_FROM}]"
)
# The words of a caption after the one person or household a table or a form is about, with no
# label before (张伟家庭成员表, 李娜户家庭情况登记表, 王秀英低保申请表): name_captions.captioned_names.
# A household's papers follow the name glued; a form's or a file's only after 户 or 的 (张伟户档案,
# 李娜的申请表), as 项目申请表, 金融档案, 谈话登记表 write them after words of a surname's shape.
HOUSEHOLD_CAPTIONS: tuple[str, ...] = (
    "家庭成员表",
    "家庭成员情况表",
    "家庭情况表",
    "家庭情况登记表",
    "家庭收入情况表",
    "家庭经济状况核对表",
    "入户调查表",
    "低保申请表",
    "特困供养申请表",
    "临时救助申请表",
)
FORM_CAPTIONS: tuple[str, ...] = (
    "申请表",
    "审批表",
    "登记表",
    "信息表",
    "调查表",
    "评估表",
    "申请书",
    "承诺书",
    "花名册",
    "档案",
)
# A person's or a household's own papers, glued to the name with no 户 or 的 (张伟户籍材料,
# 李娜家庭情况说明, 王强个人档案): what they are about is a person, whatever the name's length. Hinted
# whole, apart from _PROSE_HINT (ROLE_HINT; name_captions.may_contain by substring tests): by their
# last two characters (说明, 材料) many remarks would reach the prose hints' search, and with 况 among
# _PROSE_CHARS (情况) a first cut cost the corpus document some 10 % more instructions.
PERSONAL_CAPTIONS: tuple[str, ...] = (
    "家庭情况说明",
    "个人情况说明",
    "户籍材料",
    "户籍证明",
    "个人档案",
    "个人信息表",
)
# Their last two characters, for the pre-check: a match of PROSE_HINT_RE begins no more than one
# character before the first of PROSE_FROM's (表, 书, 册, 案).
CAPTION_TAILS = sorted({word[-2:] for word in (*HOUSEHOLD_CAPTIONS, *FORM_CAPTIONS)})
# What a decision's notice tells its addressee after the salutation (你于…提出, 你户, 你家, 你（户）,
# 您的申请): name_addressed reads the name before it.
ADDRESSED_YOU = "[你您](?:于|的|家|户|[(（]户[)）]|提出|申请|因|已|在)"
_PROSE_HINT = (
    f"{'|'.join(STAFF_TITLES)}|祖[父母]|侄[子女]|外甥|叔叔|伯[父母]|姑[姑妈]|舅[舅妈]|姨妈|婶婶"
    f"|哥哥|姐姐|弟弟|妹妹|儿媳|女婿|{VISITS}[{_CJK}]{{2,4}}(?:[ \t]?[一1等]|家)"
    # a visit's or a call's one name at its run's end or before what came of it (看望张伟, 联系李娜未果),
    # or two joined by 和 or 与 (走访了张伟和李娜)
    f"|(?:{VISITS}{VISIT_COLON}|{CALL_WORDS}){CALL_NAME}(?:{CALL_OUTCOMES}|并|[和与]|[^{_CJK}]|$)|照顾|患病|监护(?:[^人]|$)"
    f"|纳入|列为|列入|{'|'.join(SIGNING)}"
    # a letter's salutation and a greeting (致张伟：, 尊敬的李娜：, 张伟，您好, 欢迎您，张伟: 迎 of 欢迎,
    # one character before 您: name_addressed.py)
    f"|致[{_CJK}]{{2,4}}[:：,，]|尊敬的|亲爱的|您好|你好|迎您|此致"  # and a letter's closing (此致 张伟)
    # a decision's notice, addressed to whom it decides for (刘洋：\n你于2024年3月提出的低保申请)
    f"|{ADDRESSED_YOU}"
    f"|{'|'.join(CAPTION_TAILS)}"  # a caption's (张伟家庭成员表: name_captions.py)
)

# A care home's bed after its number (3床, 3号床, 12床位): before its resident (name_numbered.bed_names)
# or in brackets after the name (name_runs.before_bracketed_relations).
BED = "号?床位?"
# A name's length in brackets, after the opening one, a number's label with the number left out
# (_BRACKETED_RE's: 刘洋（身份证号略）), an age, a bed or a staff number (王桂英（82岁）, 王桂英（3号床）,
# 张伟(工号:1024), a sex: 张伟（男）与李娜（女）: name_runs.before_bracketed_relations), or a name
# before 的 and whose relative the one before the bracket is (王秀英(张伟的孙女):
# name_prose.may_bracket_kin); ROLE_HINT's and _ROLE_BRACKETED_RE's.
_IN_BRACKETS = (
    f"(?:[{_CJK}]{{2,4}}[{_CLOSE}的]|{NUMBER_LEFT_OUT}|[0-9]{{1,4}}(?:周?岁|{BED})[{_CLOSE}]|工号|[男女][{_CLOSE}])"
)
# The pre-check of both (RE2 reads it too: no look-arounds, no escapes but the brackets' \[ and \]).
_ROLE_HINT_CORE = (
    "男方|女方|逝者|死者|当事|受助|赡养|抚养|扶养|代养|收养人|送养人|委托|受托|代表人|特困|保户|残疾人|对象|孤儿|儿童|老人"
    "|[之其][妻夫子女父母长次配孙侄亲弟妹兄姐]|其外[婆公祖孙甥]|其姥|[长次][子女]"
    "|群众|村民|居民|患者|职工|员工|学生"  # PERSONS_IN_PROSE, from one character before 众 (困难群众)
    "|军人|烈属|军属"  # servicemen and their families (退伍军人李娜, 烈属王秀英: CATEGORIES)
    "|已故人员|死亡人员"  # the dead whose benefits a check finds still paid (已故人员王秀英的低保金)
    "|流浪人员|乞讨人员"  # a vagrant a rescue station took in (接收流浪人员张伟, 流浪乞讨人员张伟: CATEGORIES)
    "|院民"  # a home's resident (院民张德明因病住院: CATEGORIES)
    "|公职人员"  # a public servant on the relief's rolls (公职人员张伟违规享受低保)
    f"|{_KIN_WORDS}|[{_OPEN}]{_IN_BRACKETS}"
)

# A relation or a household's member before a colon or an opening bracket (子女：扎西, 家庭成员：张伟、
# 李娜, 姐妹（李娜）): the names after it are name_runs._relation_runs'. Its pre-check is
# name_runs.may_follow_relation; for RE2 (scanner.MAYBE, MAYBE_PATTERN) it is part of ROLE_HINT.
_RELATION_SEPARATORS = ":：(（【[〔"
_KIN_LABELS = "|".join(sorted(KIN_LABELS, key=lambda word: (-len(word), word)))
# A party's or a relative's label glued before a record line's name (入住人王桂英，女，82岁,
# 被收养人刘思琪，女，2015年生): _PROFILE_NAME_RE reads a run of four at most, which the label
# lengthens. The labels open the pattern, so that ``re`` skips to their first characters.
_LABELLED_PROFILE_RE = re.compile(
    rf"(?:{_KIN_LABELS}|{_CTX})([{_CJK}]{{2,4}})[{_SEPARATORS}]*[（(]?{_PROFILE_RE.pattern}"
)
# A count of persons may stand between the label and its colon (家庭成员3人：扎西、卓玛), in brackets
# too (来访人（2人）：张伟、李娜: full-width brackets are ASCII once folded).
_PERSON_COUNT = "(?:[(]?[0-9一二三四五六七八九十]{1,3}人[)]?)?"
# A form's signing line writes its signing word in brackets after the label (申请人（签字）：张伟,
# 户主（签名）：李娜): the bracket's close may stand between a label and its colon.
# A register's relation of one character is a label too (户主:张伟;妻子:李娜;子:张强), at a field's
# start and before a colon only: inside a word it is none (例子:, 孩子：is a label of its own).
# name_runs._relation_runs tests both; the characters stand among the words, so that ``re`` still
# skips in C to where a label's first character stands (a look-behind before them made the search
# try every position: 4 -> 26 µs over a remark of 100 characters).
KIN_CHARS = "子女妻夫父母孙"
_RELATION_RE = re.compile(
    rf"(?:{_KIN_LABELS}|{'|'.join(KIN_CHARS)}){_PERSON_COUNT}[)]?[ \t]*[{re.escape(_RELATION_SEPARATORS)}]"
    rf"[ \t]*{SIGNED_AFTER}"
)
# One name of a list after it, and the 、 or the comma that goes on to the next (张伟、李娜、王强;
# 张伟，李娜: full-width commas are ASCII once folded).
_RELATION_ITEM_RE = re.compile(rf"([{_CJK}]{{2,16}})(?![{_CJK}])([、,]?)")

ROLE_HINT: str = (
    f"{_ROLE_HINT_CORE}|{_PROSE_HINT}|(?:{_KIN_LABELS}){_PERSON_COUNT}[)）]?[ \t]*[:：(（【\\[〔]"
    f"|(?:^|[^{_CJK}])[{KIN_CHARS}][ \t]*[:：]"
    f"|{HEAD_HINT}"  # a name at a run's head (张伟系户主之子: name_heads.py)
    f"|{'|'.join(PERSONAL_CAPTIONS)}"  # a person's papers (张伟户籍材料: name_captions.py)
)


def _opened(klass: str, rest: str) -> str:
    """``[klass]rest`` written as one alternative for each character of ``klass``. ``re`` skips in C
    to where a match can begin (a set of first characters) only when every alternative of a pattern
    opens with a character; one that opens with a class leaves it none, and the whole alternation
    is tried at every position of a text."""
    return "|".join(re.escape(char) + rest for char in klass)


# _ROLE_HINT_CORE for ``re`` (RE2 reads it as it is) in two patterns, each opening with its first
# characters: the words, those that opened with a class ([之其], [长次]) written out by character,
# and a name in brackets, whose class of opening brackets gives ``re`` them. Searched from the first
# of _ROLE_FROM's characters on, an alternation that opens with a class was tried at every
# position of the rest of a value; and the brackets' alternative written out by bracket compiled
# its CJK classes five times (``re.compile`` 1.8 -> 8.3 ms, 57.6 M instructions at import).
_ROLE_HINT_RE = re.compile(
    _ROLE_HINT_CORE.replace(
        "[之其][妻夫子女父母长次配孙侄亲弟妹兄姐]", _opened("之其", "[妻夫子女父母长次配孙侄亲弟妹兄姐]"), 1
    )
    .replace("[长次][子女]", _opened("长次", "[子女]"), 1)
    .replace(f"|[{_OPEN}]{_IN_BRACKETS}", "", 1)
)
_ROLE_BRACKETED_RE = re.compile(f"[{_OPEN}]{_IN_BRACKETS}")

# Where a match of ROLE_HINT can begin, or (方, 儿: 男方, 女方, 女儿) one character after: one
# class, which ``re`` skips to in C (ROLE_HINT's alternatives, tried at every position, cost more
# than the rest of a value's pre-check). Not 男 or 女 themselves: a column of genders holds them all.
# _PROSE_HINT's words apart (name_prose.may_contain), where a match can begin or one character
# after: 格 (网格员), 工 (社工), 理 (护理员), 协专干, 医 (村医, 医生), 警 (民警), 愿 (志愿者), the
# relations' characters, 访慰望扶, 顾 (照顾) and 患 (患病). Not 监 or 护 of
# 监护人, 社 of 社区 nor the surname 孙: as ROLE_HINT's, every column of labels, addresses or names
# held them, and a hit searched the rest of it for every alternative (+3 % on the corpus document);
# so 孙子, 孙女 are no hint here (其孙子, 之孙女 are ROLE_HINT's), and MAYBE reads no more than this.
# _ROLE_FROM knows them too, so that a value holding neither is passed over by one class search
# (a second one over every value cost the demo document +0.8 %).
# 签, 按 and 捺 open the signing words (SIGNING: 签字, 按手印, 捺印), which few values hold; 致 and
# 尊 a letter's salutation (致张伟：, 尊敬的李娜：), 爱 a message's (亲爱的李娜用户: 亲 stands in 亲属 and
# 亲戚), 您 and 你 a greeting (张伟，您好); 表, 书, 册 and 案 end a caption (CAPTION_TAILS: 家庭成员表,
# 申请书, 花名册, 档案).
_PROSE_CHARS = "格工理协专干医警愿祖侄甥叔伯姑舅姨婶哥姐弟妹媳婿访慰望扶顾患纳列签按捺致尊爱您你表书册案估"
PROSE_FROM = re.compile(f"[{_PROSE_CHARS}]")
PROSE_HINT_RE = re.compile(_PROSE_HINT)
# (民, 众 and 者 for PERSONS_IN_PROSE: a match begins one character before them; 村 and 居 stand
# in every address; 工 of 职工, 员工 is _PROSE_CHARS'. 养 for 收养人, 送养人: 收 and 送 open more
# words than 养 does, 收入 most values of an income. 学 for 学生: 生 stands in 出生 and 生活. 浪 for
# 流浪人员: 流 stands in 流程, 流转. 职 for 公职人员: 公 opens 公示, 公里, 公司. 乞 for 乞讨人员, which
# 流浪 opens as often: 讨 stands in 讨论)
# ROLE_FROM_CHARS: the class's ideographs, which person_name.role_from reads from a table.
ROLE_FROM_CHARS = f"逝死当受赡抚扶委代特保残之其妻丈儿父母方象孤童老民众者军烈故养学浪职乞{_PROSE_CHARS}"
_ROLE_FROM = re.compile(f"[{ROLE_FROM_CHARS}{_OPEN}]")
# A child's place glued before a name (长女王芳已婚): ROLE_HINT's [长次][子女], asked by substring
# tests (person_name.may_follow_role); with 长 among _ROLE_FROM's characters (长期, 村长) the corpus
# document's count rose 1.4 %.
CHILD_PLACES: tuple[str, ...] = ("长女", "长子", "次子", "次女")

# A list of names in prose with no label (name_lists.listed_names): what may stand before its
# first name (a visit, a relation after 其/之, a category: 走访了扎西、卓玛, 其子女张伟、李娜,
# 低保户张伟、李娜已退出) and after its
# last (a count of households or persons, 等人, a couple: 王强三户, 李娜等5名老人, 李娜夫妇).
# A notice's approval is a head too, and what it grants a tail (经研究，同意张伟、李娜纳入低保, 拟将
# 王秀英、李强列为特困供养对象): with neither a count nor a visit, its names went out in clear.
_APPROVALS = "同意|拟将|现将|批准"
_GRANTS = "纳入|列为|列入"
# Who attended a meeting or a council's review, glued to the list (参加人员张伟、李娜, 参加评议人员张伟、李娜).
ATTENDEES = "参加人员|参会人员|出席人员|参加评议人员|到场人员|评议小组成员"
LIST_HEADS = f"{VISITS}|{_APPROVALS}|{ATTENDEES}|[其之](?:子女|儿女|父母|子|女|儿子|女儿)|{'|'.join(CATEGORIES)}|{'|'.join(PERSONS_IN_PROSE)}"
# A list whose names each stand before a count of persons in brackets, as a notice writes a
# household (公示如下：张伟（3人）、李娜（2人）: full-width brackets are ASCII once folded).
LIST_COUNT = "[(][0-9一二三四五六七八九十]{1,2}人[)]"
LIST_TAILS = (
    "(?:等|共|计|共计|合计)?[0-9两二三四五六七八九十]{1,3}(?:户|人|名|位|家)"
    "|等(?:人|同志|老人|儿童|群众|村民|居民|家庭)"
    f"|夫妇|夫妻|兄妹|兄弟|姐妹|姐弟|母子|母女|父子|父女|二人|两人|{_GRANTS}|{'|'.join(CARE_VERBS)}"
    # a council's members and their votes (张伟、李娜参加评议, 张伟、李娜同意), who qualified or came
    # (张伟、李娜符合条件, 张伟、李娜来到社区), what they came for (张伟、李娜办理结婚登记, 张伟、李娜申请低保),
    # who was elected (张伟、李娜当选为村民代表), and who they are (张伟、李娜系村干部亲属)
    "|参加|同意|反对|弃权|符合|来到|前来|办理|申请|登记|当选|系"
    # when and what they are, and what staff did (张伟、李娜于2024年申请, 张伟、李娜是特困人员, 张伟、李娜审核)
    f"|于[0-9]|[是为](?:{'|'.join(PERSON_CATEGORIES)})|{'|'.join(HEAD_ACTS)}"
)
# Honorifics and addresses a full name goes before (王秀英老人, 张伟同志, 李娜女士;
# name_lists.before_honorifics).
# A school's record and a child welfare home's call a child so too (刘思琪同学在校表现良好, 张子涵小朋友).
# A staff member's or an officer's title after the full name, as a notice or a minute writes them
# (张伟主任, 李娜书记, 王强村长, 陈静老师, 刘洋医生): after a surname alone it names no one (王主任,
# 欧阳主任), and a deputy's 副 may stand between (张伟副主任).
HONORIFIC_TITLES: tuple[str, ...] = ("主任", "书记", "村长", "老师", "医生")
HONORIFICS: tuple[str, ...] = (
    *("老人", "同志", "女士", "先生", "奶奶", "爷爷", "阿姨", "老汉", "同学", "小朋友"),
    *HONORIFIC_TITLES,
)
# The list's pre-check (name_lists.may_contain; RE2 reads it in MAYBE too): a head, a name (or
# words for persons and a name: 慰问困难党员王秀英、) and a 、, or a count in brackets and a 、; or a
# 、, a name and a tail. The honorifics are context
# words of the pre-checks (_CONTEXT_PATTERN, precheck._MAYBE_CORE).
# A visit's word and a colon before the list is a record's field (慰问：张伟、李娜).
VISIT_FIELD = f"(?:{VISITS})[ \t]*[:：][ \t]*"
LIST_BEFORE_COMMA = f"(?:{LIST_HEADS})[{_CJK}]{{2,10}}、|{VISIT_FIELD}[{_CJK}]{{2,6}}、|{LIST_COUNT}、"
# (or a / : 张伟/李娜夫妇, as a form's field lists a couple)
LIST_AFTER_COMMA = f"[、/][{_CJK}]{{2,6}}[ \t]?(?:{LIST_TAILS})"
# Two names joined by 和 or 与 before a tail (走访了刘洋和陈静两户, 张伟和李娜夫妇): the joint, the second
# name and the tail (name_lists.joined_names).
LIST_JOINED = f"[和与][{_CJK}]{{2,6}}[ \t]?(?:{LIST_TAILS})"
LIST_HINT: str = f"{LIST_BEFORE_COMMA}|{LIST_AFTER_COMMA}|{LIST_JOINED}"

# Every context word contains one of these: a single C-level search instead of a scan per word;
# and 11 digits (a mobile's 11, an ID number's 17, a legacy number's 15), beside which a name may
# stand. (A number's groups, 张伟 6222 0212 3456 7890 128, are the scanner's to ask for apart:
# person_name.beside_grouped; as alternatives here they cost every value's search a third more.)
# (No escapes or look-arounds: columns.py hands the pattern to RE2 for long columns too.)
_CONTEXT_PATTERN = (
    f"人|姓 {{0,2}}名|户主|配偶|对象|户名|家属|本人|老人|儿童|邻居|名字|名下|叫|[0-9]{{11}}|{'|'.join(HONORIFICS)}"
    f"|@[{_CJK}]"  # a mention (@张伟: name_addressed.py)
)

# A name spaced out character by character with no label (王 秀 英 已领取: name_spaced.py): a lone
# surname (a compound one's first character), one or two spaces, a lone character.
SPACED_HINT: str = (
    f"(?:^|[^{_CJK}])[{''.join(sorted(SURNAMES | {word[0] for word in COMPOUND_SURNAMES}))}]"
    f" {{1,2}}[{_CJK}](?:[^{_CJK}]|$)"
)

# A name a mark sets apart (name_marked.py): in quotes before a word, a preposition maybe before
# (“张伟”来访, 据“张伟”反映), a dotted name (阿依古丽·买买提), and a remark that is a bracketed name
# or one after 及 alone (（张伟）, 及王秀英; in a column, as PLACEHOLDERS are matched).
MARKED_RE = re.compile(f'([{"".join(sorted(HEAD_PREPOSITIONS))}]?)[“"「『]([{_CJK}]{{2,6}})[”"」』]')
# What makes a word of 及 or 和 (及时, 及早, 及格, 及其, 及以上, 和睦): no name follows them there.
AFTER_AND = frozenset("时早格其以睦")
# And a name before its votes in brackets (民主评议：张伟（同意7票）).
VOTES = "[（(](?:同意|赞成|反对|弃权|得票)?[：:]?[0-9一二三四五六七八九十]{1,3}票"
MARKED_HINT: str = (
    f'[“"「『][{_CJK}]{{2,6}}[”"」』][{_CJK}]|[{_CJK}][{DOTS}][{_CJK}]|[{_CJK}]{VOTES}'
    f"|(?:^|\x00)[ \t]*(?:[（(][{_CJK}]{{2,4}}[）)]|及[{_CJK}]{{2,4}})[ \t]*(?:\x00|$)"
)

# A numbered list of two names or more (name_numbered.py: 1.张伟 2.李娜, (1)张伟(2)李娜, folded ①张伟 ②李娜):
# a number, a run of CJK characters, what parts it from the next number (full-width too: the
# values' pre-check reads a text before it is folded), the next number and two CJK characters.
# No look-arounds (RE2 reads it): name_numbered.may_contain reads what follows each run of digits
# (NUMBERED_AFTER_DIGIT) in one anchored match, with the same answer as a search of it.
NUMBERED_BETWEEN = "[ \t\r\n,;。、/|，；]*"
# What follows an item's last digit (name_numbered.may_contain reads it after each run of digits).
NUMBERED_AFTER_DIGIT: str = f"[.、)]?[ \t]*[{_CJK}]{{2,6}}{NUMBERED_BETWEEN}[(]?[0-9]{{1,2}}[.、)]?[ \t]*[{_CJK}]{{2}}"
# A care home's bed before its resident (1号床 王桂英, 3床：李秀兰, 12床位 周桂兰: name_numbered.bed_names):
# the bed's number and what follows it. Not among NUMBERED_AFTER_DIGIT's: tried after every run of
# digits, it cost the corpus document 9,000 instructions an inspection, where a test for 床 first
# costs a few hundred.
BED_HINT = f"[0-9]{BED}[ \t:：]*[{_CJK}]{{2}}"
# Or items that say more of the person after the name and a comma, one a line or each up to a
# semicolon (（1）张伟，低保户；（2）李娜，特困; 1、张伟，男，78岁 and 2、李娜，女 on the next line): the
# first item whole, the next one's number and two characters. The pre-checks read the text as it
# came (，；) or folded (,;); name_numbered reads it folded.
NUMBERED_TAILED_HINT: str = (
    f"[0-9][.、)]?[ \t]*[{_CJK}]{{2,6}}[,，][^;；\n]*[;；\n][ \t]*[(（]?[0-9]{{1,2}}[.、)）]?[ \t]*[{_CJK}]{{2}}"
)
# Or a list of two items or more, each on its own line after a dash, a star or a bullet (家庭成员：
# \n- 张伟\n- 李娜, a Markdown list or a YAML sequence sent as text): the first item whole, the next
# one's mark and two characters. At a value's start, after a line end or a column's NUL.
# An item's gender after its name (- 张伟 男, - 李娜 女 43岁), the rest of its line anything.
BULLETED_GENDER: str = "(?:[ \t]+[男女]性?(?:[ \t][^\n\x00]*)?)?"
BULLETED_HINT: str = (
    f"(?:^|[\n\x00])[ \t]*[-*•][ \t]+[{_CJK}]{{2,6}}{BULLETED_GENDER}[ \t]*\r?\n[ \t]*[-*•][ \t]+[{_CJK}]{{2}}"
)
NUMBERED_HINT: str = f"[0-9]{NUMBERED_AFTER_DIGIT}|{NUMBERED_TAILED_HINT}|{BULLETED_HINT}|{BED_HINT}"

# A name after 给, 向, 为 or 帮 before what was done for the person (name_served.py: 给张伟送去米面油,
# 向李娜发放救助金, 为王秀英办理低保, 帮张伟申请临时救助): the preposition, a run of a name's length
# and an act of SERVED_ACTS. No look-arounds (RE2 reads it): name_served searches it as it is.
SERVED_ACTS: tuple[str, ...] = (
    *("送去", "送来", "送上", "送达", "发放", "补发", "发去", "寄去", "转交", "兑现"),
    *("办理", "代办", "申请", "申领", "申报", "落实", "解决", "讲解", "解释", "宣传", "捐赠", "赠送"),
    *("打电话", "打了电话", "致电", "购买", "买了", "安排", "垫付", "缴纳", "修缮", "联系"),
    # what a decision grants (给予覃桂芬一次性临时救助1000元, 给予张伟慰问金)
    *("一次性", "临时救助", "补助", "慰问"),
    # a home's care of its residents (护理员给王桂英喂药, 为李秀兰测量血压, 帮张桂芝翻身)
    *("喂药", "喂饭", "送药", "送餐", "送饭", "换药", "测量", "量血压", "测血压", "理发", "洗澡", "擦身", "翻身"),
    "提供",  # home care's services (为王桂英提供助餐服务)
    # a misconduct's sanction (对王强给予党内警告处分, 给予刘洋撤职处分)
    *("给予", "党内", "政务", "撤职", "警告", "记过", "开除"),
    # what a survey or a talk did with the person (对张伟家进行入户调查, 对李娜进行批评教育, 对王强开展帮扶)
    *("进行", "开展"),
)


# The preposition: 给予 too, a decision's word for granting (给予覃桂芬…), as 给 and 予, and 帮助 and
# 协助 as 帮 or 协 and 助 (协 alone is name_served's to refuse: 协同). Opened by the class, ``re``
# skips to its characters in C (opened by an alternation, 给予|[给向为帮], it did not: +65,000
# instructions an inspection of the corpus document). The name, then its household's 家 (对张伟家进行
# 入户调查, 给李娜家送去米面油), then the act.
# No group but the finder's name: with two more, RE2's column pre-check (precheck.MAYBE) took 0.6 %
# more of the corpus document's instructions.
def served(name: str) -> str:
    """The preposition, ``name``'s pattern, the household's 家 and the act: the hint, and with the
    name as a group name_served's finder."""
    return f"[给向为帮对协][予助]?{name}家?(?:{'|'.join(SERVED_ACTS)})"


SERVED_HINT: str = served(f"[{_CJK}]{{2,4}}?")

# A name in two fields, its surname's and its given name's (name_split.py: 姓：张 名：伟), on the text
# as it came (：) or folded (:).
SPLIT_HINT: str = f"姓氏?[ \t]*[:=：][ \t]*[{_CJK}]{{1,2}}[ \t,;，；/|&]*名字?[ \t]*[:=：][ \t]*[{_CJK}]"

# A relative's name glued to the relation, the two a whole run (name_kin.py: 户主张伟，妻子李娜，儿子张强),
# or a space or two apart, as a household's members listed in text (妻子 温桂香，长子 马小军): the
# relation, the run's next two to four characters, and where it ends (RE2 reads it).
# (配偶, 其妻 and their like were read there already: name_runs' glued relations; 配偶 is a field's
# label, read before spaces too.)
KIN_GLUED: tuple[str, ...] = (
    *("妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "老伴", "儿媳", "女婿", "孙子", "孙女"),
    *CHILD_PLACES,
)
KIN_HINT: str = f"(?:{'|'.join(KIN_GLUED)})[ \t]{{0,2}}[{_CJK}]{{2,4}}(?:[^{_CJK}]|$)"

# A name in an operation log's line (name_logs.py: 用户张伟登录成功, 操作员李娜删除了记录): an
# operator's word, the name (bracketed or spaced as logs write it), maybe a time after 于 and
# whether it worked, and what was done.
_OPERATORS = ("用户", "操作员", "操作人", "管理员", "审核员", "录入员")
LOG_OUTCOMES = ("成功", "失败")
_LOG_ACTS = (
    *("登录", "登陆", "登出", "退出", "注销", "修改", "删除", "新增", "添加", "编辑", "创建", "导出", "导入"),
    *("查询", "查看", "下载", "上传", "提交", "审核", "审批", "撤销", "撤回", "重置", "打印", "访问"),
    *("受理", "办理", "复核", "录入"),  # a civil-affairs system's (李娜 2024-03-01 受理)
)


def log_line(name: str) -> str:
    """An operator's word, ``name``'s pattern and an act after it. No look-arounds, no escapes but
    the brackets' (RE2 reads LOG_HINT); a time after 于 holds no punctuation that ends a clause."""
    return (
        f'(?:{"|".join(_OPERATORS)})[ \t\\[【(“"「]*{name}[ \t\\]】)”"」]*'
        f"(?:于[^,，。;；\n]{{0,30}}?)?(?:{'|'.join(LOG_OUTCOMES)})?(?:{'|'.join(_LOG_ACTS)})"
    )


# A log line's stamp: its date (2026-11-01, 2026/11/01) and time (09:30, 09:30:12), or its time alone;
# and what was done after the name (成功登录, 删除了记录).
# Each written after its first digit, which the stamp's pattern reads once for both.
_TIME_ON = "[0-9]?:[0-9]{2}(?::[0-9]{2})?"
_DATE_ON = "[0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
LOG_TIME = f"[0-9]{_TIME_ON}"
LOG_DATE = f"[0-9]{_DATE_ON}"
# Opened by a digit's class, not by the alternation of the two: ``re`` skips to a digit in C only so
# (opened by the alternation, it tried both at every position: +320,000 instructions an inspection
# of the corpus document).
LOG_STAMP = f"[0-9](?:{_DATE_ON}(?:[ T]{LOG_TIME})?|{_TIME_ON})"
LOG_DONE = f"(?:{'|'.join(LOG_OUTCOMES)})?了?(?:{'|'.join(_LOG_ACTS)})"


def after_stamp(name: str) -> str:
    """What follows a log line's stamp: maybe its closing bracket, spaces, ``name``'s pattern and
    what was done (the hint, and with the name as a group name_logs' finder)."""
    return f"[\\]】)]?[ \t]+{name}[ \t]*{LOG_DONE}"


# A log line's name with no operator's word (name_logs.stamped_names): after the stamp (2026-11-01
# 09:30:12 张伟 登录系统, [09:30] 李娜删除了记录, 2026-11-01 王强 导出), or opening its line before the
# stamp's date (【操作日志】张伟 2026-11-01 登录系统), then what was done. No look-arounds (RE2 reads it).
_STAMPED_HINT = (
    f"(?:{LOG_STAMP}){after_stamp(f'[{_CJK}]{{2,4}}')}"
    f"|(?:^|[\n\\]】])[ \t]*[{_CJK}]{{2,4}}[ \t]+{LOG_DATE}(?:[ T]{LOG_TIME})?[ \t]+{LOG_DONE}"
)

LOG_HINT: str = f"{log_line(f'[{_CJK}]{{2,4}}')}|{_STAMPED_HINT}"

# A staff number between its label and the name after it, as an office's system writes its user
# (name_staff.py: 工号1024 张伟, 操作员：10086 李娜, 经办人(1024)李娜): the label, a colon or a bracket
# maybe, letters maybe and digits. No look-arounds: RE2 reads it (precheck.MAYBE).
STAFF_LABELS: tuple[str, ...] = (
    *("工号", "员工号", *_OPERATORS),
    *("经办人", "审核人", "审批人", "受理人", "录入人", "复核人", "登记人", "填报人", "核查人", "办理人"),
    *("经手人", "承办人"),
)
# What a staff member did, glued after the name that follows the number (工号1024 张伟审核通过, 操作员：
# 10086 李娜录入): an operation log's acts and an office's (name_staff cuts the name before them).
STAFF_ACTS: tuple[str, ...] = (*_LOG_ACTS, "核对", "核查", "经办", "离职", "调离")
STAFF_HINT: str = f"(?:{'|'.join(STAFF_LABELS)})[ \t]*[:：(（]?[ \t]*[A-Za-z]{{0,4}}[0-9]{{1,10}}"

# A name before a count of votes (name_votes.py: 选举结果：张伟52票，李娜48票, 候选人张伟得票123票).
VOTES_HINT: str = f"[{_CJK}]{{2}}[ \t]*(?:得票|获票|获得)?[ \t:：]*[0-9]{{1,6}}[ \t]?票"

# A name between a decision's word and the benefit it grants, stops or resumes, with no label
# (name_decided.py: 取消王强低保资格, 停发刘洋低保金, 恢复张伟特困供养待遇, 同意王秀英享受特困供养, 拟同意张伟
# 临时救助2000元): a case's record of what was decided, which a fund's audit reads. The words are
# literals, so that ``re`` skips in C to their first characters; no look-arounds (RE2 reads it).
# 关于 opens a decision's or a reply's title (关于张伟申请临时救助的批复, 关于李娜信访事项的答复意见).
# 补发, 发放, 代发 and 扣发 pay or hold back what was granted (补发张伟低保金, 发放李娜高龄津贴200元,
# 扣发刘洋特困供养金), a month or a year maybe between (补发张伟2024年1月低保金): a fund's ledger.
DECISIONS: tuple[str, ...] = (
    *("取消", "停发", "停止", "暂停", "恢复", "终止", "核减", "减发", "增发", "同意", "批准", "关于"),
    *("补发", "发放", "代发", "扣发"),
)
DECIDED_OF: tuple[str, ...] = (
    *("低保", "特困", "供养", "临时救助", "救助", "养老", "高龄", "津贴", "补贴", "享受", "申请", "纳入"),
    *("资格", "待遇", "信访"),
)


def decided(name: str) -> str:
    """A decision's word, ``name``'s pattern, the household's 家 or 家庭, a year and a month (or months)
    maybe, and the benefit: the hint, and with the name as a group name_decided's finder. (家庭 is no
    benefit of its own: 拟同意平安家庭3人 names a kind of household.)"""
    when = "(?:[0-9]{4}年)?(?:[0-9]{1,2}月份?(?:[至到-][0-9]{1,2}月份?)?)?"
    return f"(?:{'|'.join(DECISIONS)}){name}(?:家庭|家)?{when}(?:{'|'.join(DECIDED_OF)})"


DECIDED_HINT: str = decided(f"[{_CJK}]{{2,4}}?")

# A name beside a colon with no label naming it (name_colon.py): a line's key before a category of
# persons or a sex (吴敏：低保户, 王秀英：孤寡老人, 张伟：男，80岁), and the value after a benefit's or a
# service's label, the whole run (高龄津贴：王秀英，每月200元). Not 慰问: what was handed out follows
# it as often (慰问：米面油). No look-arounds: RE2 reads it.
BENEFIT_LABELS: tuple[str, ...] = (
    *("评估", "补贴", "津贴", "补助", "救助", "救济", "供养", "低保", "抚恤", "资助", "帮扶", "照料"),
    *("护理", "安置", "优待"),
)
COLON_HINT: str = (
    f"(?:^|[^{_CJK}])[{_CJK}]{{2,4}}[ \t]*[:：][ \t]*"
    f"(?:[{_CJK}]{{0,4}}(?:{'|'.join(PERSON_CATEGORIES)})|[男女])"
    f"|(?:{'|'.join(BENEFIT_LABELS)})[ \t]*[:：][ \t]*[{_CJK}]{{2,4}}(?:[^{_CJK}]|$)"
)

MAYBE_PATTERN: str = (
    f"{_CONTEXT_PATTERN}|{PROFILE}|{ROLE_HINT}|{LIST_HINT}|{SPACED_HINT}|{MARKED_HINT}|{NUMBERED_HINT}"
    f"|{SERVED_HINT}|{SPLIT_HINT}|{KIN_HINT}|{OWNED_HINT}|{LOG_HINT}|{VOTES_HINT}|{DECIDED_HINT}|{STAFF_HINT}"
    f"|{COLON_HINT}|{AGED_HINT}"
)

# PROFILE and ROLE_HINT behind cheaper tests (person_name.may_contain). For ``re`` the mobile's eleven
# digits are written out by their first (``_opened``; RE2 reads _CONTEXT_PATTERN as it is): opened by
# the class [0-9], the pattern had no first characters and was tried at every position of a value.
_MAYBE_RE = re.compile(_CONTEXT_PATTERN.replace("[0-9]{11}", _opened("0123456789", "[0-9]{10}"), 1))
