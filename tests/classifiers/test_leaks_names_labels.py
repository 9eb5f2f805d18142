"""Person names after field labels, roles and relations (with a colon, a space, glued, in
brackets, in lists, under quoted or weak keys in log lines), through ``Inspector.inspect``; and what
such labels hold besides names, which must stay."""

from __future__ import annotations

import re

import pytest

from support.inspected import ROLES, in_clear, json_leaks, leaks, out, unchanged


@pytest.mark.parametrize(
    "text",
    [
        "委托人（张伟）",
        "当事人(张伟)申请复议",
        "受助人【张伟】",
        "银行卡号：**** **** **** 1234 开户人张伟",
        "开户人：张伟",
    ],
)
def test_a_name_in_brackets_after_a_role_and_after_its_account_holder(text: str) -> None:
    leaks(text, ["张伟"])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("委托人（单位）盖章", "单位"),
        ("当事人(甲方)签字", "甲方"),
        ("开户人数：12", "开户人数"),
        ("受助人（户）数", "（户）数"),
    ],
)
def test_brackets_after_a_role_of_no_name_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("姓名：扎西多吉", "扎西多吉"),
        ("申请人：买买提江", "买买提江"),
        ("户主:次仁", "次仁"),
        ("户主：巴特尔，女，汉阴县", "巴特尔"),
        ("联系人：热依拉 13912345678", "热依拉"),
        ("【姓名】格桑曲珍", "格桑曲珍"),
        ("监护人姓名=阿卜杜拉&关系=父子", "阿卜杜拉"),
        ("姓名：卓玛性别：女", "卓玛"),
        ("姓名：古丽；民族：维吾尔族", "古丽"),
        ("收款人：额尔敦巴雅尔", "额尔敦巴雅尔"),
        ("姓名：孟和巴特尔", "特尔"),  # 孟 is a surname: the name is the whole run, not 孟和巴
        ("持卡人｜次仁卓玛｜", "次仁卓玛"),
    ],
)
def test_a_name_without_a_listed_surname_after_a_field_label(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("姓名：未填写", "未填写"),
        ("申请人：本人", "本人"),
        ("户主：同上", "同上"),
        ("姓名：不详", "不详"),
        ("配偶：无", "无"),
        ("配偶：丧偶", "丧偶"),
        ("联系人：暂无", "暂无"),
        ("经办人：系统管理员", "系统管理员"),
        ("申请人：安康市民政局", "民政局"),
        ("户名：汉滨区社会福利院", "社会福利院"),
        ("申请人：低保户", "低保户"),
        ("姓名：见附件", "见附件"),
        ("申请人：因病致贫，申请临时救助", "因病致贫"),
        ("联系人：社区网格员", "社区网格员"),
        ("老人：已入住", "已入住"),
        ("家属：已通知", "已通知"),
        ("户主：汉阴县", "汉阴县"),
        ("申请人：因家庭困难多次申请救助未果", "因家庭困难多次申请救助未果"),
        ("姓名：性别：民族：", "性别"),  # a blank form: the next field's label
        ("联系人：电话：", "电话"),
    ],
)
def test_placeholders_and_units_after_a_field_label_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("姓名 扎西多吉", "扎西多吉"),
        ("户主\u3000扎西", "扎西"),
        ("姓名 扎西多吉 性别 男 年龄 45", "扎西多吉"),
        ("姓名\t巴特尔\t性别\t男", "巴特尔"),
        ("代理人 次仁", "次仁"),
        ("联系人 巴特尔 13912345678", "巴特尔"),
        ("户主 扎西 男 45岁", "扎西"),
    ],
)
def test_a_name_after_a_field_label_and_a_space(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "姓名 性别 年龄",
        "序号 姓名 身份证号 与户主关系",
        "户主 家庭人口 保障金额 发放月份",
        "姓名 不详",
        "户主 同上",
        "申请人 因病致贫",
        "户主 签字：",
        "联系人 社区网格员",
        "户主 配偶 子女",
        "姓名 救助类别",
        "申请人 已于2024年去世",
        "户主 户籍所在地",
        "申请人 文化程度",
        "户主 政治面貌",
        "户主 月收入",
        "申请人 残疾等级",
        "经办人 审核人",
    ],
)
def test_a_header_row_and_words_after_a_label_and_a_space_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("子女：扎西", "扎西"),
        ("父亲：次仁多吉", "次仁多吉"),
        ("儿子：格桑，在读", "格桑"),
        ("兄弟：巴特尔", "巴特尔"),
        ("祖父：买买提", "买买提"),
        ("外孙：央金", "央金"),
        ("子女：张伟", "张伟"),
        ("姐妹（李娜）", "李娜"),
        ("子女：扎西、卓玛", "卓玛"),
        ("家庭成员：张伟、李娜、王强", "李娜"),
        ("家庭成员：张伟、李娜、王强", "王强"),
        ("共同生活成员：次仁、格桑", "格桑"),
    ],
)
def test_a_name_after_a_relation_and_a_colon(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "子女：无",
        "配偶：已故",
        "子女：2人",
        "父亲：务农",
        "母亲：健在",
        "父亲：农民",
        "子女：成年",
        "子女：在读、务工",
        "配偶：无业",
        "兄弟：三人",
        "母亲：身体健康",
        "家庭成员：3人",
        "成员：户主、配偶、子女",
        "子女（未成年）",
        "祖父：去世",
        "外孙：上学",
    ],
)
def test_what_a_relation_takes_besides_a_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    "text",
    [
        "户主平时在家",
        "户主平常务农",
        "户主常年在外务工",
        "户主单独居住",
        "户主曾经务工",
        "户主和配偶均在家",
        "申请人向村委会提出申请",
        "户主于今年去世",
        "申请人应当如实申报",
        "户主连续三年申请",
        "户主高度残疾",
        "户主严重残疾",
        "户主时常外出",
        "户主成为低保对象",
        "户主申请临时救助",
        "监护人平时照顾",
        "配偶平时在家",
        "户主尚未就业",
        "户主习惯独居",
    ],
)
def test_common_words_glued_to_a_label_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("户主张伟已核实", "张伟"),
        ("户主平安已核实", "平安"),
        ("户主常伟在家", "常伟"),
        ("户主高伟因病致贫", "高伟"),
        ("申请人于伟于2024年提出申请", "于伟"),
        ("户主和平，男，45岁", "和平"),
    ],
)
def test_a_name_glued_to_a_label_whose_surname_is_also_a_word(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('"姓名"="王芳"', "王芳"),
        ("'姓名'='扎西'", "扎西"),
        ('{"户主": "次仁多吉", "rs": 3}', "次仁多吉"),  # a JSON object pasted into a log line
        ('[INFO] query "联系人":"巴特尔" ok', "巴特尔"),
        ('name="扎西多吉"', "扎西多吉"),
        ("user_name=卓玛; op=query", "卓玛"),
        ("xm='张伟'", "张伟"),
    ],
)
def test_a_name_under_a_quoted_or_weak_key_in_a_log_line(text: str, secret: str) -> None:
    leaks(text, [secret])


def test_a_transliterated_name_under_a_weak_key() -> None:
    json_leaks({"name": "扎西多吉", "spouse": "卓玛"}, ["扎西多吉", "卓玛"])


@pytest.mark.parametrize(
    "text",
    [
        'name="低保审批"',
        'name="巴西"',
        'name="多次"',
        '"备注"="无"',
        '"类别"="低保"',
        '"救助类型"="特困"',
        '"地区"="西藏"',
        "name=admin",
    ],
)
def test_what_a_quoted_or_weak_key_holds_besides_a_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("户主张伟持有残疾证", "张伟", "持有残疾证"),
        ("户主张伟持残疾证", "张伟", "持残疾证"),
        ("申请人李娜患有慢性病", "李娜", "患有慢性病"),
        ("户主王强长期卧病在床", "王强", "长期卧病在床"),
        ("特困人员张伟于3月入住", "张伟", "于3月入住"),
    ],
)
def test_a_name_glued_to_a_label_stops_at_the_verb_after_it(text: str, secret: str, kept: str) -> None:
    leaks(text, [secret])
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("户主张伟强持有残疾证", "张伟强"),
        ("户主欧阳娜娜持有残疾证", "欧阳娜娜"),
        ("特困人员张伟强，男", "张伟强"),
    ],
)
def test_a_three_character_name_before_a_verb_is_masked_whole(text: str, secret: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        assert secret[1:] not in masked, (role, masked)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("老人：扎西", "扎西"),
        ("老人：扎西多吉，80岁", "扎西多吉"),
        ("孤儿：卓玛", "卓玛"),
        ("孤儿：张伟，男，10岁", "张伟"),
        ("散居孤儿：次仁", "次仁"),
        ("入住老人：巴特尔", "巴特尔"),
        ("走访对象：次仁", "次仁"),
        ("帮扶对象：扎西", "扎西"),
        ("服务对象：卓玛", "卓玛"),
        ("负责人：扎西", "扎西"),
        ("残疾人：扎西", "扎西"),
        ("特困人员：次仁", "次仁"),
        ("监护人：次仁", "次仁"),
    ],
)
def test_a_name_after_a_person_label_with_a_colon(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("家属：张伟，李娜，王强", ["张伟", "李娜", "王强"]),
        ("家属：张伟,李娜,王强", ["张伟", "李娜", "王强"]),
        ("走访对象：扎西、卓玛、次仁", ["扎西", "卓玛", "次仁"]),
        ("家庭成员：张伟，李娜，王强", ["张伟", "李娜", "王强"]),
        ("家庭成员：扎西，卓玛，次仁", ["扎西", "卓玛", "次仁"]),
        ("家庭成员：扎西，李娜、王强，共3人", ["扎西", "李娜", "王强"]),
        ("子女：张伟，李娜。", ["张伟", "李娜"]),
        ("监护人：张伟、李娜", ["张伟", "李娜"]),
    ],
)
def test_a_list_of_names_parted_by_commas_after_a_label(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "老人：低保、特困",
        "老人：高龄，独居",
        "孤儿：集中供养",
        "孤儿院",
        "走访对象：农户",
        "服务对象：全体村民",
        "帮扶对象：贫困户、低保户",
        "残疾人：视力残疾",
        "特困人员：分散供养",
        "负责人：无",
        "子女：张伟，在外务工",
        "家庭成员：张伟，现年12岁",
        "配偶：李娜，身体健康",
        "子女：张伟，高中在读",
        "父亲：务农，母亲：健在",
    ],
)
def test_what_a_person_label_or_a_list_holds_besides_names_stays(text: str) -> None:
    for word in re.findall(r"[\u4e00-\u9fff]+", text.split("：", 1)[-1]):
        if word not in ("张伟", "李娜"):
            in_clear(text, word)
