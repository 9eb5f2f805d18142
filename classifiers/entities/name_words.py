"""The words person_name reads names by: surnames, relations to a household's head, words
for groups of persons, and roles in a case. Data only (person_name.py holds the rules)."""

from __future__ import annotations

from typing import Final

COMPOUND_SURNAMES: Final = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "端木",
        "轩辕",
        "独孤",
        "南宫",
        "西门",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "太叔",
        "申屠",
        "闻人",
        "赫连",
        "钟离",
        "呼延",
        "百里",
        "东郭",
        "万俟",
        "拓跋",
        "司空",
        "鲜于",
        "闾丘",
        "仲孙",
        "梁丘",
        "左丘",
        "第五",
        "谷梁",
        "乐正",
        "公羊",
    ]
)
# The most common single-character surnames (covering well over 95% of the population).
SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾"
    "龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄葛单祝齐樊兰殷耿关牛涂焦时聂鲁俞鲍毕翟柴倪"
    "温季甘申安左阎霍喻管卞凌伍商凤项游华滕裴池房岳车苗欧包景尚伊詹阮冉宁曲饶宫舒戚靳芦蓝褚"
    "练米章符卓鞠冷艾梅晏连邢祁童荣屈佘巫全蒲卜谷丛於应宗封和吉穆成党陈路平习储苟植农蔺栾麦"
    "胥瞿闵秋谈郁苑粟甄邬揭盛晋"
    # more of the three hundred most common, none of them the head of a common word of a case
    # file (not 费 of 费用, 卫 of 卫生, 纪 of 纪委, 巩 of 巩固, 尤 of 尤其, 仲 of 仲裁, 查, 宣, 盖, 危, 由 …)
    "庞颜柳翁骆缪娄窦岑佟臧姬隋虞敖邝匡鄢谌奚冼阚禹卿狄晁芮阙邸雍辜裘亓邰赫逯茹嵇湛戎昝萧檀"
)

# Relations to a household's head (与户主关系) and roles in a case: as the value of a key
# shaped like a name ({"张三": "户主", "李四": "妻"}) they make that key a person's name, as
# "户主张三" does in text. The single characters are how registers write relations (GB/T 4761
# names 夫, 妻, 子 and 女 so); 男 stays out (a gender, no relation), and "老人"/"儿童" describe
# categories ({"高龄": "老人"}).
RELATIONS: Final = frozenset(
    [
        "妻",
        "夫",
        "子",
        "女",
        "父",
        "母",
        "本人",
        "户主",
        "配偶",
        "妻子",
        "丈夫",
        "儿子",
        "女儿",
        "长子",
        "次子",
        "长女",
        "次女",
        "养子",
        "养女",
        "继子",
        "继女",
        "父亲",
        "母亲",
        "公公",
        "婆婆",
        "岳父",
        "岳母",
        "祖父",
        "祖母",
        "外祖父",
        "外祖母",
        "孙子",
        "孙女",
        "外孙",
        "外孙子",
        "外孙女",
        "哥哥",
        "弟弟",
        "姐姐",
        "妹妹",
        "兄弟",
        "姐妹",
        "儿媳",
        "女婿",
        "侄子",
        "侄女",
        "其他亲属",
        "申请人",
        "监护人",
        "被监护人",
        "联系人",
        "收款人",
        "领款人",
        "代理人",
        "陪同人",
        "救助对象",
        "家属",
    ]
)

# Words that start with a surname and key groups of records or categories of persons in
# civil-affairs answers ({"成员": [...]}, {"高龄": {...}}): never a person's name as a key.
GROUP_WORDS: Final = frozenset(
    [
        "成员",
        "单位",
        "全部",
        "车辆",
        "房产",
        "安置",
        "华侨",
        "常住",
        "高龄",
        "单亲",
        "易地",
        "任务",
        "成果",
        "安全",
        "管理",
        "文化",
        "武警",
        "游客",  # a system's anonymous user ({"user": "游客"})
    ]
)

# Roles in a case and categories of persons that a name follows (see name_patterns._ROLE_RE).
ROLES: Final[tuple[str, ...]] = (
    "男方",
    "女方",
    "逝者",
    "死者",
    "当事人",
    "受助人",
    "赡养人",
    "被赡养人",
    "抚养人",
    "扶养人",
    "委托人",
    "受托人",
    "法定代表人",
    "特困人员",
    "低保户",
    "五保户",
    "残疾人",
)

# What forms write after a name's label when there is no name (姓名：未填写, 户主：同上, 配偶：丧偶,
# 经办人：系统): after a label a run without a listed surname is taken for a name whole
# (name_patterns._LABELLED_RUN_RE), and these are none.
PLACEHOLDERS: Final = frozenset(
    [
        "无",
        "暂无",
        "没有",
        "空",
        "空白",
        "未填",
        "未填写",
        "未知",
        "不详",
        "不明",
        "待定",
        "待补",
        "待补充",
        "待核实",
        "见附件",
        "详见附件",
        "其他",
        "其它",
        "略",
        "保密",
        "匿名",
        "同上",
        "同左",
        "同前",
        "同户主",
        "同申请人",
        "户主本人",
        "申请人本人",
        "已故",
        "已死亡",
        "死亡",
        "去世",
        "未婚",
        "离异",
        "丧偶",
        "无配偶",
        "单身",
        "系统",
        "自动",
        "系统自动",
        "管理员",
        "系统管理员",
        "测试",
        "不适用",
        "查无此人",
        "暂缺",
        "缺失",
    ]
)

# What ends an adverb, no name, after a relation or a child's place (儿子高兴地说, 妻子慢慢地走出,
# 长子高兴地说: 高兴地 was masked before 说, a word that follows a name).
ADVERB_ENDS: Final = frozenset("地得的着了")

# Characters that common given names of one character are written with (张伟, 李娜, 王强, 刘芳):
# after a surname they say a whole run of two characters is a name where nothing else does (张伟档案),
# and few make a word with a surname before them (name_captions lists those that do: 文明, 高峰).
# Not 阳, 宁, 林, 平, 晨, 晓, 洋, 建: 沈阳, 安宁, 农林, 和平, 凌晨, 揭晓, 白洋, 党建.
GIVEN_CHARS: Final = frozenset(
    "伟芳娜敏静丽强磊军勇艳杰娟涛明超秀霞刚桂英华玲红燕萍鹏辉琳婷雪慧丹宇浩凯健俊帆帅旭龙欣颖倩莉兰梅琴"
    "斌波峰亮飞鑫彬博佳欢蕾薇晶婕瑶怡琪璐楠威昊蓉茜芬凤娥珍翠娇琼"
    # (names round seventeen: 涵 of the generator's pools, 梓涵, 子涵, 紫涵, 艺涵, and 睿, one of its
    # given names of one character; 翔. Not 德, 富: 武德, 丰富)
    "涵睿翔"
)

# What a remark says of a relative's work, schooling, marriage or health right after the name, and a
# child's place among the household's (配偶李娜无业, 之子张伟在读, 户主张伟长女王芳): after a name's
# second character they end it, where a name cut to three characters took the first with it (李娜无).
# Of STATUSES, those no given name ends with and goes on (健在: 张伟健在外务工 keeps 张伟健).
STATUSES_AFTER_NAME: Final = frozenset(
    [
        *("无业", "务农", "打工", "在读", "上学", "就读", "失业", "待业", "退休", "已婚", "再婚", "病故"),
        *("残疾", "服刑", "失联", "住院", "经商", "独居", "卧床", "长子", "长女", "次子", "次女"),
    ]
)

# Characters that transliterate Tibetan, Uyghur, Kazakh, Mongolian and Yi names (扎西多吉, 次仁,
# 阿依古丽, 买买提, 巴特尔, 其其格, 阿呷): a run of them right after a household role in prose
# (户主次仁已核实) is taken for a name, where a run of other characters is prose (户主长期卧病).
TRANSLITERATED: Final = frozenset(
    "扎西次仁多吉卓玛格桑曲珍拉姆央金顿珠达瓦尼旺堆措罗布边巴普米索朗丹增洛强白德宗旦嘎贡益才让杰琼群培"
    "阿依古丽买提艾热努尔都卜杜吐逊帕迪麦木克亚玉素甫曼兰叶娜哈"
    "特其乌斯琴额敦雅苏朝鲁那顺宝音图孟日勒萨娃道呷乃沙马"
)

# What ends a Uyghur or Kazakh name after two transliterating characters or more (买买提江, 古丽汗,
# 阿依古丽汗: -jan, -xan): a surname and a word elsewhere (江边), so never one of the run's others.
TRANSLITERATED_ENDINGS: Final = frozenset("江汗")

# Runs of those characters that are words of prose (户主多次在外务工), or places (金沙江).
TRANSLITERATED_WORDS: Final = frozenset(
    ["多次", "多年", "多数", "多达", "达拉", "巴西", "西藏", "拉萨", "日喀则", "那曲", "金沙江", "金额"]
)

# Who a party of a case is when it is no person (当事人：甲方, 委托人：单位).
PARTIES: Final = frozenset(
    ["甲方", "乙方", "丙方", "丁方", "双方", "原告", "被告", "第三人", "申请方", "被申请方", "被申请人"]
)

# Relations and members of a household that a name follows after a colon or a bracket (子女：扎西,
# 父亲：次仁多吉, 家庭成员：张伟、李娜; name_runs._relation_runs). 成员 also ends 家庭成员 and 共同生活成员.
KIN_LABELS: Final = frozenset(
    [
        # kin only: not the persons of a case (申请人, 监护人: labels of their own) nor 本人, 户主
        *(w for w in RELATIONS if len(w) > 1 and w[-1] != "人" and w not in ("户主", "家属", "救助对象", "其他亲属")),
        "子女",
        "孩子",
        "成员",
        # Persons a register lists by name whose field may hold a category or a count as well
        # (老人：低保、特困, 孤儿：集中供养, 走访对象：农户): read as a relation's, a listed surname or
        # transliterating characters. 老人 also ends 入住老人, 孤儿 散居孤儿, 对象 走访对象 and 帮扶对象,
        # 人员 特困人员 and 工作人员, 保户 低保户. 监护人 and 联系人 are field labels already: here for
        # the names of a list after the first (监护人：张伟、李娜).
        "老人",
        "孤儿",
        "对象",
        "人员",
        "保户",
        "家属",
        "残疾人",
        "负责人",
        "监护人",
        "联系人",
        # the staff a case file names (审核人：扎西, 护理员：卓玛), as 经办人
        "审核人",
        "审批人",
        "复核人",
        "核查人",
        "填报人",
        "填表人",
        "调查人",
        "被调查人",
        "走访人",
        "记录人",
        "主持人",
        "经办人",
        # who received, registered, handled or decided an application, and who assessed or helped
        # (受理人：周敏, 承办人：吴刚, 初审人：郑伟, 帮扶人：王强)
        *("受理人", "登记人", "录入人", "接待人", "承办人", "办理人", "代办人", "申报人", "接收人", "移交人"),
        *("审查人", "初审人", "复审人", "批准人", "送达人", "评估人", "检查人", "督查人", "帮扶人"),
        *("制表人", "统计人"),
        # who checked a household's means, surveyed it, oversaw or counted, and a home's carer
        # (核对员：周杰, 调查员：李娜, 督导员：王强, 护工：陈静)
        *("核对员", "调查员", "核查员", "督导员", "统计员", "护工"),
        # who did what in a system, as its operation log and a record's footer name them (操作人：张伟,
        # 创建人：李娜, 审核员：王强)
        *("操作人", "操作员", "创建人", "修改人", "更新人", "录入员", "登记员", "提交人", "处理人"),
        *("管理员", "审核员", "审批员", "评估员", "发起人", "交接人", "上报人", "维护人"),
        "用户",  # a system's signed-in user (登录用户：张伟, 当前用户：李娜; 用户：admin stays)
        # an adoption's parties and a home's resident (被收养人：刘思琪, 入住人：郑秀兰)
        *("收养人", "被收养人", "送养人", "入住人"),
        *("被评估人", "评估对象"),  # an elder's assessment (老年人能力评估：被评估人：贝秀英)
        # who else a case file names by a field of its own (来访人：张伟, 见证人：李娜): a petition's
        # visitor and informant, a witness, a guarantor, who signs for or collects a payment
        "来访人",
        "信访人",
        "来电人",
        "举报人",
        "报告人",
        "知情人",
        "见证人",
        "证明人",
        "担保人",
        "签收人",
        "领取人",
        "代领人",
        "冒领人",
        "责任人",
        "收件人",
        "邻居",
        "网格员",
        "护理员",
        "社工",
        # a list of persons in a notice (公示名单：张伟、李娜、王强), and a notice's field of its own
        # (公示：张伟、李娜; it holds a period or an outcome as often: 公示：7天, 公示：无异议)
        "名单",
        "名单如下",
        "公示",
        # a form's signature field and who handled the money (签字：张伟, 签名：李娜, 经手人：王强),
        # and whom a notice is copied to (抄送：张伟、李娜); their fields hold a seal, a unit or
        # nothing as often (签字：（盖章）, 抄送：各乡镇): a surname is required
        "签字",
        "签名",
        "签到",  # a sign-in sheet's (签到：张伟、李娜)
        "签章",
        "代签",  # who signed for another (领款人签名：王秀英（代签：王强）)
        "经手人",
        "抄送",
        # who confirmed or checked a record, and a form's signing line (确认人：李娜, 核实人：王强,
        # 签字确认：张伟); their fields hold a seal or a unit as often (签字确认：（盖章）)
        "确认人",
        "核实人",
        "核对人",
        "签字确认",
        "陈述人",
        "评议人",  # a council's (评议人：张伟、李娜)
        # a village's or an office's officers a finding names (涉事干部：刘洋, 村主任：王强, 会计：李娜);
        # their fields hold a post's holder as often (主任：空缺, 会计：兼职): a surname is required
        *("干部", "主任", "书记", "会计", "出纳", "村长", "所长", "站长", "组长"),
        # a social organisation's officers and an election's candidates (理事长：张伟, 候选人：李娜), whose
        # fields hold a post's state as often (会长：空缺, 候选人：待定)
        *("理事长", "会长", "秘书长", "监事", "候选人", "当选人"),
        # a marriage's or a death's record, the persons it registers (结婚登记：张伟、李娜, 火化证明：王桂英),
        # whose fields hold a date or a state as often (结婚登记：已办理, 火化证明：2024-03-01)
        *("结婚登记", "离婚登记", "死亡登记", "火化证明", "死亡证明"),
    ]
)
KIN_LABEL_MAX: Final = max(len(word) for word in KIN_LABELS)

# What a relation's field holds instead of a name: an occupation, a state of health, of life or
# of schooling (父亲：农民, 母亲：健在, 配偶：无业, 子女：成年). Some start with a surname, none is a name.
STATUSES: Final = frozenset(
    [
        "务农",
        "农民",
        "务工",
        "打工",
        "外出",
        "在外",
        "在家",
        "在读",
        "上学",
        "就读",
        "学生",
        "健在",
        "在世",
        "病故",
        "残疾",
        "无业",
        "失业",
        "待业",
        "退休",
        "成年",
        "未成年",
        "已成年",
        "已婚",
        "再婚",
        "同住",
        "分居",
        "服刑",
        "失联",
        "住院",
        "健康",
        "良好",
        "一般",
        "个体",
        "经商",
        "党员",
        "群众",
        "子女",
        # households and schooling (走访对象：农户, 子女：高中在读)
        "农户",
        "高中",
        "初中",
        "小学",
        # care levels and ways of living, under 老人 in a table of categories (<td>老人</td>
        # <td>全失能</td>: 全, 半 and 部 are surnames)
        "失能",
        "全失能",
        "半失能",
        "部分失能",
        "重度失能",
        "中度失能",
        "轻度失能",
        "失智",
        "自理",
        "全自理",
        "半自理",
        "能自理",
        "不能自理",
        "卧床",
        "独居",
        "空巢",
        "孤寡",
    ]
)

# Words of prose that start with a surname and follow a label glued to them (户主平时在家, 户主和配偶
# 均在家, 申请人向村委会申请, 户主于今年去世): the first two characters of a candidate after a label
# (name_tests.is_prose_word). A name that starts so (户主于伟已核实, 户主平安) is none of them.
PROSE_WORDS: Final = frozenset(
    [
        # what a person stated, after 本人 (据王秀英本人陈述: 陈 is a surname)
        "陈述",
        # thanks ending a message (请回电 6222 0212 3456 7890 128 谢谢: 谢 is a surname)
        "谢谢",
        # a standing deputy's title (常务副主任: 常 is a surname)
        "常务",
        # a relation's word after kin (其亲属关系, 与其亲属关系证明: 关 is a surname)
        "关系",
        # time and frequency (学生时代: 时 is a surname)
        "时代",
        "平时",
        "平常",
        "平日",
        "平素",
        "常年",
        "常住",
        "常期",
        "常在",
        "时常",
        "时有",
        "时而",
        "曾经",
        "曾在",
        "曾因",
        "曾于",
        "曾被",
        "曾患",
        "曾有",
        "曾是",
        "曾任",
        "连续",
        "连年",
        "连日",
        "尚未",
        "尚在",
        "尚有",
        "于今",
        "于去",
        "于本",
        "于近",
        "于当",
        "于上",
        "于次",
        "于同",
        "于前",
        "于是",
        "于此",
        "凌晨",
        # with, to, as (和配偶, 向村委会, 应当)
        "和配",
        "和妻",
        "和丈",
        "和子",
        "和儿",
        "和女",
        "和父",
        "和母",
        "和家",
        "和其",
        "和老",
        "和孩",
        "和孙",
        "向村",
        "向镇",
        "向乡",
        "向县",
        "向区",
        "向市",
        "向社",
        "向街",
        "向民",
        "向有",
        "向本",
        "向上",
        "向当",
        "向我",
        "向其",
        "应当",
        "应该",
        "应急",
        "应提",
        "应按",
        "应如",
        "应在",
        "应于",
        "应予",
        "关于",
        "成为",
        # how, what (单独居住, 高度残疾, 申请临时救助)
        "单独",
        "高度",
        "高龄",
        "关爱",
        # what a category's word goes on to (低保对象范围, 孤儿安置方案, 救助对象金额)
        "范围",
        "方面",
        "方式",
        "方法",
        "方案",
        "程序",
        "程度",
        "金额",
        "安排",
        "严重",
        "全家",
        "全年",
        "全户",
        "全体",
        "何时",
        "余下",
        "方便",
        "宁愿",
        "宁可",
        "习惯",
        "符合",
        "任何",
        "康复",
        "申请",
        "申报",
        "申领",
        "申诉",
        "谢绝",
        "毛收",
        "左腿",
        "左眼",
        "左手",
        "包括",
        "房屋",
        "农村",
        "农业",
        "万元",
        "付款",
        "商量",
        "安全",
        "苗木",
        # care and surroundings before a category of persons (关心老人, 周边老人: name_lists)
        "关心",
        "关注",
        "关怀",
        "关照",
        "安抚",
        "安慰",
        "安顿",
        "周边",
        "周围",
        # care levels after a label of persons (老人：全失能, 老人：部分失能): 全, 半, 部 are surnames
        "全失",
        "半失",
        "部分",
        "全自",
        "半自",
        "能自",
        "重度",
        "中度",
        "轻度",
        # how staff go about a visit, after their title (网格员全程陪同, 网格员马上上门: name_prose)
        "全程",
        "全力",
        "马上",
        "包片",
        "包户",
        "包村",
        "经常",
        "通过",
        "再次",
        "随即",
        "随后",
        "立即",
        "按时",
        "亲自",
        "陆续",
        "逐户",
        "一同",
        "共同",
        # how a pledge or a deed is done, before a word that follows a name (本人郑重承诺, 经营 of 连锁经营,
        # 连夜赶到): 郑, 庄, 严, 连, 甘, 时, 齐 are surnames
        *("郑重", "庄严", "庄重", "严正", "连锁", "连同", "连带", "连夜", "连片", "甘愿", "殷切", "唐突"),
        *("管控", "时刻", "时时", "舒心", "万分", "齐心"),
        # and glued to a label with no separator, where a name is read first (本人严格遵守, 经办人严格审核,
        # 申请人单身, 申请人全部办理, 本人甘心情愿: each masked with the next character)
        *("严格", "严肃", "严厉", "全部", "全额", "单身", "单方", "向来", "常常", "安心", "冷静", "时间"),
        *("时候", "甘心", "甘于", "尚且", "方可", "方能", "易于", "任意", "任由", "齐全", "齐备", "万事"),
        *("何必", "钱款", "于法", "路上", "路过", "田间", "殷实", "向党"),
        # how one was elected (全票当选, 高票当选)
        *("全票", "高票", "满票"),
        # a visit's note of how a person bore himself, after the label (本人情绪平静, 户主温和, 申请人
        # 尚能自理, 本人申明: each masked with the next character or whole)
        *("温和", "平静", "平和", "安静", "焦急", "高兴", "冷淡", "和善", "温顺", "温柔", "严谨", "易怒"),
        *("尚能", "尚可", "尚好", "安好", "平稳", "申明", "谈吐"),
    ]
)

# The relations a visit's note writes a household's members by, glued to the name (妻子李娜务农,
# name_kin) or between two (张伟妻子李娜无业, name_prose).
KIN_WORDS: Final = ("妻子", "丈夫", "儿子", "女儿", "父亲", "母亲")

# Words of prose that follow a name glued to its label and start with a character a given name
# may end with (户主张伟持有…, 申请人李娜患有…, 户主王强长期…): the name stops before them
# (name_tests.before_prose). A name's third character is far more often a given name's (张伟强).
AFTER_NAME_WORDS: Final = frozenset(
    [
        "持有",
        "患有",
        "身患",
        "长期",
        "常年",
        "居住",
        "享受",
        "领取",
        "名下",
        "一家",
        "夫妇",
        # a household's members counted with the name (张伟夫妻二人, 张伟兄妹三人; after a label only, 户主张伟
        # 老两口, 户主张伟全家靠低保生活: name_patterns._NOT_AT_HEAD)
        *("夫妻", "兄妹", "兄弟", "姐弟", "姐妹", "母子", "母女", "父子", "父女", "祖孙", "老两", "全家"),
        "家中",
        "所在",
        "现年",
        "今年",
        # the day a person came or was seen (刘洋今日到社区办理, 张伟昨天来电)
        "今日",
        "今天",
        "昨日",
        "昨天",
        "照顾",
        # a relation after 之 (户主张伟之妻李娜): 之 ends names (王羲之), 之妻 does not
        "之妻",
        "之夫",
        "之子",
        "之女",
        "之父",
        "之母",
        "之弟",
        "之妹",
        "之兄",
        "之姐",
        # what a case file says of a relative glued after 其 (其妻王芳照料, 其父李强服刑, 与其妻
        # 李娜共同生活) or of a householder after a label (户主张伟外出务工)
        "照料",
        "照看",
        "抚养",
        # care and illness a relative's name goes before (其子张强赡养, 由其祖母王秀英监护, 其妻李娜患病)
        "赡养",
        "监护",
        "代养",
        "患病",
        "服刑",
        "共同",
        "外出",
        "务工",
        "打工",
        "去世",
        "病故",
        "离家",
        "改嫁",
        # what a party chose (女方李娜自愿结婚, 申请人张伟自愿放弃)
        "自愿",
        # a relative's trade (其女婿王刚经营一家超市, 其子张强经营小卖部), a parent gone missing (母亲李娜
        # 失联), and a pledge signed (本人张伟承诺所填信息真实: 张伟承 was masked, one character too many)
        "经营",
        "失联",
        "承诺",
        # a child's school (刘思琪就读于城关小学, 刘思琪现就读于…: 现 stands between, name_heads._BETWEEN)
        "就读",
        # a child left with one relative (刘思琪与祖母王秀英相依为命), and the dead (王桂英生前由次子张强照顾)
        "相依",
        "生前",
        # an election's result (张伟当选村委会主任, 张伟得票最多) and a volunteer's hours (志愿者张伟累计服务
        # 120小时)
        "当选",
        "得票",
        "累计",
        # what prose says of a person after a category (村民李娜反映, 居民王强独居, 患者李娜住院,
        # 困难群众张伟家住…)
        "反映",
        "独居",
        "住院",
        "家住",
        # what a report says someone did (举报人张伟表示…), and the act of signing after a label
        # (经办人李娜签字, 户主张伟按手印, 见证人李娜签名: 李娜签 was masked, one character too many)
        "表示",
        "签字",
        "签名",
        "签收",
        "签章",
        "按手",  # 按手印
        "捺印",
        # collecting or signing for someone (家属李娜代领: 李娜代 was masked, one character too many)
        "代领",
        "代签",
        "代办",
        "代收",
        "代缴",
        "代为",
        # a call or a check after a labelled name (联系人张伟电话未接通, 与户主张伟核实: 张伟电, 张伟核
        # were masked)
        "电话",
        "核实",
        # who introduced or confirmed, and with whom someone lives, after a person of prose or a
        # relative (经村民张伟介绍, 经邻居李娜证实: 李娜证 was masked; 与其子张伟同住)
        "介绍",
        "证实",
        "同住",
        # a council's or a meeting's record, each member's vote (民主评议记录：张伟同意，李娜反对,
        # 评议结果：王强弃权): at a run's head with no preposition, as 经张伟同意 has one
        "同意",
        "反对",
        "弃权",
        # what a person told (张伟陈述家中无收入, 王秀英说明情况; 称 and 说 alone: name_heads)
        "陈述",
        "说明",
        # a petition's or a mediation's record (张伟来访反映, 李娜来电, 申请人张伟要求…, 被申请人李娜达成协议:
        # 李娜达 was masked), and a death or a move (张伟死亡, 李娜户口已迁出)
        "来访",
        "来电",
        "要求",
        "认为",
        "提出",
        "达成",
        "死亡",
        "迁出",
        "户口",
        "户籍",
        # what a caseworker's remark says happened to a person, no label before (李秀兰入住敬老院,
        # 张伟出院, 王秀英丧偶, 张伟离婚, 2024年3月15日上午10时许，张伟来到社区, 张伟符合低保条件)
        "入住",
        "出院",
        "离婚",
        "结婚",
        "丧偶",
        "来到",
        "前来",
        "符合",
        # what a household's check of its means finds or a payment's record says (张伟缴纳社保, 申请人张伟
        # 交来的材料), and what a person rescued says of himself (受助人员张伟自述系河南人)
        "缴纳",
        "交来",
        "自述",
        # a household's means and costs (张伟自付医疗费用5万元, 申请人张伟属于重度残疾), what charity gave or
        # was given (李娜获得慈善救助2000元, 张伟捐款5000元), and a person rescued sent home (张伟已返回原籍,
        # 由其弟弟张强接回)
        *("自付", "属于", "获得", "捐款", "捐赠", "返回", "接回", "接领"),
        # what an insider did with another's money or card (村干部王强扣留张伟的低保金, 由村会计刘洋保管,
        # 被其侄子张强拿走), and why a person did not come (申请人张伟由于身体原因无法到场)
        *("扣留", "扣押", "保管", "拿走", "由于"),
        # a misconduct's record of what was done and given back (村主任王强利用职务之便, 将其儿媳李娜纳入
        # 低保, 张伟购买小汽车后仍领取低保, 当事人王强已退缴违纪款). Those of these words that open with 交, 属,
        # 由, 保, 接, 利, 纳, 退 or 上 are read after a label, a title or a relation only
        # (name_patterns._NOT_AT_HEAD).
        *("利用", "纳入", "购买", "退回", "退缴", "退还"),
        # what befell a household a temporary relief's record tells (张伟遭遇火灾), and a home carer's
        # visit (护理员李娜上门为王桂英理发)
        *("遭遇", "遭受", "上门"),
        # what a visit found and what a notice heard (家访记录：张伟在家, 公示期满，李娜无异议: 无异 of
        # 无异议); 平时在家, 老人在家 and 公示期间无异议 have no name before
        "在家",
        "无异",
        # a relative's work in a household's survey (入户调查：张伟一家3口，妻子李娜务农)
        "务农",
        # how often a relative comes or helps, and what for (侄子冯志强每月探望, 女儿李娜每周回家,
        # 其子张强经常看望)
        *("每月", "每周", "每年", "每天", "每日", "经常", "定期", "偶尔"),
        *("探望", "看望", "回家", "在外", "在读", "独自"),
        # what befell an elder a visit or a report tells of (独居老人鲍玉芝摔倒住院, 张伟突发脑梗)
        *("摔倒", "跌倒", "突发", "生病"),
        # what a misconduct's or a fund diversion's record says someone did (刘洋冒领养老金,
        # 其子张强继续冒领, 李娜涉嫌骗取低保金): the words of 侵占挪用 and 冒领, few elsewhere
        "挪用",
        "冒领",
        "虚报",
        "骗取",
        "侵占",
        "截留",
        "套取",
        "隐瞒",
        "涉嫌",
        "违规",
        "继续",
        # an insider's own words of misconduct (村会计刘洋伙同他人冒领, 所长陈静优亲厚友, 王强克扣
        # 救助款): 优亲 of 优亲厚友
        *("伙同", "贪污", "克扣", "收受", "索要", "私分", "优亲"),
        # what a supporter refused and what an elder suffers (赡养人张强拒不履行赡养义务, 其子张强拒绝赡养,
        # 抚养人王秀英年事已高, 王秀英卧病在床); 年事 after a label only (name_patterns._NOT_AT_HEAD)
        *("拒不", "拒绝", "年事", "卧病", "卧床", "瘫痪"),
        # a relative's work (妻子李娜无业, 其子张强经商: STATUSES_AFTER_NAME's, whose first characters are
        # places of name_heads' walk already), and when and what a payment gave (王秀英本月领取200元,
        # 张伟家有一台拖拉机, 李娜之夫张伟去年病故)
        *("无业", "失业", "经商", "本月", "当月", "去年", "家有"),
        # what a relative did after a death or a discharge and what a person rescued or applying said
        # or asked for (骨灰由其子张强领回, 丧事由其女李娜操办, 流浪乞讨人员张伟自称河南人, 张伟申领了惠民殡葬补贴)
        *("领回", "操办", "自称", "申领"),
        # a relative named after the name (户主张伟妻子李娜无业: 张伟妻 was masked, 李娜 not); after a label
        # only, as 妻, 丈, 儿 and 女 are no place of name_heads' walk (name_prose reads both names at a head)
        *KIN_WORDS,
    ]
)

# Categories of persons that a name follows glued in prose (低保对象扎西，男，45岁, 孤儿李娜在校就读,
# 特困供养对象次仁; name_runs._category_runs). Categories written before a colon take values too
# (特困人员：分散供养): those are KIN_LABELS'.
CATEGORIES: Final[tuple[str, ...]] = (
    "特困供养对象",
    "特困供养人员",
    "低保对象",
    "救助对象",
    "供养对象",
    "保障对象",
    "帮扶对象",
    "监测对象",
    "走访对象",
    "服务对象",
    # a survey's and a council's record (入户调查记录：调查对象张伟，…, 民主评议：评议对象李娜)
    "调查对象",
    "评议对象",
    "慰问对象",
    "特困人员",
    "低保户",
    "五保户",
    "特困户",
    "孤儿",
    "困境儿童",
    "留守儿童",
    "抚养儿童",
    "老人",
    "残疾人",
    # servicemen's and martyrs' families, whom 优抚 serves (优抚对象张伟, 退伍军人李娜于2020年退役, 烈属王秀英)
    "优抚对象",
    "退伍军人",
    "退役军人",
    "复员军人",
    "伤残军人",
    "烈属",
    "军属",
    # the dead whose benefits a check finds still paid (已故人员王秀英的低保金仍在发放, 死亡人员陈静仍在领取)
    "已故人员",
    "死亡人员",
    # the party a finding concerns (当事人刘洋对事实无异议, 当事人王秀英已签字)
    "当事人",
    # a household's man or woman in a visit's note (该户男主人杜志明长期在外打工)
    "男主人",
    "女主人",
    # a vagrant's rescue (受助人员张伟自述系河南人, 接收流浪人员张伟) and a child's file (该儿童父亲张伟);
    # before 受助人, which the pattern would take first
    *("受助人员", "流浪人员", "乞讨人员", "该儿童"),
    # a public servant a check finds on the relief's rolls (公职人员张伟违规享受低保)
    "公职人员",
    # the parties of a case (ROLES: 受助人：张伟), glued to the name in prose as often (受助人刘思琪在校
    # 就读, 被赡养人王桂英长期卧病), and of an adoption, child welfare's (被收养人刘思琪在校就读, 送养人王强去世)
    *("受助人", "赡养人", "被赡养人", "抚养人", "扶养人", "委托人", "受托人", "收养人", "被收养人", "送养人"),
    # a marriage's parties and the dead of a funeral's record (男方张伟与女方李娜自愿结婚, 逝者王桂英于
    # 3月1日火化)
    *("男方", "女方", "逝者", "死者"),
    # whom a subsidy is paid, a school grant given or a placement made (补贴发放对象李娜, 资助对象王小红在校
    # 就读, 安置对象刘桂兰), and a home's resident (院民张德明因病住院)
    *("发放对象", "补贴对象", "资助对象", "安置对象", "院民"),
)

# What a person earns, written after the name (低保户张伟月收入3000元, 其子张强年收入2万元,
# 单位职工常建华月收入…): name_runs._ends_name reads a name before it.
EARNINGS: Final = ("月收入", "年收入", "收入", "月工资", "工资", "月薪", "年薪")
