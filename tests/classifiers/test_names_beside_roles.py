"""Persons' names that went out in clear beside what says they are persons (names round nine),
through ``Inspector.inspect`` with the strict and the caseworker profiles: an HTML table row of
labels and names in turn, and the look-alikes beside them that must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, in_clear, leaks, out, unchanged


@pytest.mark.parametrize(
    ("html", "secrets"),
    [
        ("<table><tr><td>户主</td><td>王秀英</td><td>配偶</td><td>李强</td></tr></table>", ["王秀英", "李强"]),
        ("<table><tr><td>姓名</td><td>王秀英</td><td>监护人</td><td>李强</td></tr></table>", ["王秀英", "李强"]),
        ("<table><tr><td>户主</td><td>王秀英</td><td>联系人</td><td>张伟</td></tr></table>", ["王秀英", "张伟"]),
        ("<table><tr><th>户主</th><td>王秀英</td><th>配偶</th><td>李强</td></tr></table>", ["王秀英", "李强"]),
        (
            "<table><tr><th>户主</th><td>王秀英</td><th>配偶</th><td>李强</td></tr>"
            "<tr><th>姓名</th><td>张伟</td><th>联系人</th><td>李娜</td></tr></table>",
            ["王秀英", "李强", "张伟", "李娜"],
        ),
        (
            "<table><tr><td>户主</td><td>王秀英</td><td>户籍地</td><td>张家港市</td></tr>"
            "<tr><td>监护人</td><td>李强</td><td>联系电话</td><td>13912345678</td></tr></table>",
            ["王秀英", "李强"],
        ),
    ],
)
def test_a_row_of_labels_and_names_is_no_header(html: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(html, "text/html", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)
        for label in ("户主", "配偶", "监护人", "联系人"):
            assert masked.count(label) == html.count(label), (role, label, masked)


@pytest.mark.parametrize(
    ("html", "secrets"),
    [
        # a genuine header row, followed by data rows: the header stays, the data goes
        (
            "<table><tr><td>户主姓名</td><td>配偶</td></tr><tr><td>王秀英</td><td>李强</td></tr></table>",
            ["王秀英", "李强"],
        ),
        (
            "<table><tr><td>姓名</td><td>性别</td><td>户主</td><td>关系</td></tr>"
            "<tr><td>王秀英</td><td>女</td><td>李强</td><td>配偶</td></tr></table>",
            ["王秀英", "李强"],
        ),
    ],
)
def test_a_header_row_above_data_rows_stays_a_header(html: str, secrets: list[str]) -> None:
    header = html[: html.index("</tr>")]
    for role in ROLES:
        masked = out(html, "text/html", role)
        assert masked.startswith(header), (role, masked)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><td>户主姓名</td><td>配偶</td><td>监护人</td></tr></table>",
        "<table><tr><td>户籍地</td><td>张家港</td><td>商圈</td><td>王府井</td></tr></table>",
        "<table><tr><th>姓名</th><th>性别</th><th>户主</th><th>关系</th></tr></table>",
    ],
)
def test_a_row_of_labels_or_places_stays(html: str) -> None:
    for role in ROLES:
        assert out(html, "text/html", role) == html, role


@pytest.mark.parametrize(
    ("body", "secrets"),
    [
        ('{"approver":"李娜"}', ["李娜"]),
        ('{"reviewer": "王强"}', ["王强"]),
        ('{"handler":"张伟"}', ["张伟"]),
        ('{"auditor":"孙丽","checker":"周敏","verifier":"吴刚"}', ["孙丽", "周敏", "吴刚"]),
        ('{"caregiver":"陈静","creator":"赵敏","recorder":"钱进"}', ["陈静", "赵敏", "钱进"]),
        ('{"submitter":"郑洁","assignee":"冯涛","carer":"欧阳娜娜"}', ["郑洁", "冯涛", "欧阳娜娜"]),
        ('{"case":{"finalApprover":"李娜","caseReviewer":"王强"}}', ["李娜", "王强"]),
    ],
)
def test_a_staff_key_in_json_holds_a_name(body: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, "application/json", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


@pytest.mark.parametrize(
    "body",
    [
        '{"approver":"admin","reviewer":"wangfang","creator":"系统"}',  # logins and the system
        '{"auditor":"审计科","checker":"自动校验","visitor":"游客"}',
        '{"reviewer":"张家港市民政局"}',
    ],
)
def test_a_staff_key_over_no_name_stays(body: str) -> None:
    for role in ROLES:
        assert out(body, "application/json", role) == body, role


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        ("经研究，同意张伟、李娜纳入低保", ["张伟", "李娜"], "纳入低保"),
        ("拟将王秀英、李强列为特困供养对象", ["王秀英", "李强"], "列为特困供养对象"),
        ("现将张伟、欧阳娜娜、扎西列入临时救助名单", ["张伟", "欧阳娜娜", "扎西"], "列入临时救助名单"),
        ("批准李娜、王强纳入特困供养", ["李娜", "王强"], "批准"),
        ("张伟、李娜列入低保", ["张伟", "李娜"], "列入低保"),
    ],
)
def test_names_listed_after_an_approval_go(text: str, secrets: list[str], kept: str) -> None:
    leaks(text, secrets)
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "经研究，同意纳入低保",
        "同意低保、特困人员纳入救助范围",
        "拟将汉滨区、汉阴县列为试点",
        "现将张家港、王府井列为试点",
        "同意周一、周三值班",
        "拟将张家、李家纳入帮扶",
    ],
)
def test_an_approval_of_no_names_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        ("由孙子张强照顾", ["张强"], "由孙子"),
        ("张伟患病住院", ["张伟"], "患病住院"),
        ("李娜监护", ["李娜"], "监护"),
        ("由李娜代养", ["李娜"], "代养"),
        ("由欧阳娜娜照顾", ["欧阳娜娜"], "照顾"),
        ("王秀英赡养", ["王秀英"], "赡养"),
        ("李娜、王强照顾", ["李娜", "王强"], "照顾"),
        ("监护人：李娜，由李娜监护", ["李娜"], "监护人"),
        ("老人王秀英由其子张强赡养", ["王秀英", "张强"], "由其子"),
        ("该儿童由其祖母王秀英监护", ["王秀英"], "由其祖母"),
        ("孤儿李娜由其叔叔张强代养", ["李娜", "张强"], "由其叔叔"),
        ("户主张伟，其妻李娜患病", ["张伟", "李娜"], "其妻"),
        ("由李娜负责照顾", ["李娜"], "负责照顾"),
        ("由欧阳娜娜负责监护", ["欧阳娜娜"], "负责监护"),
    ],
)
def test_a_name_before_care_or_illness_goes(text: str, secrets: list[str], kept: str) -> None:
    leaks(text, secrets)
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "长期患病",
        "常年患病",
        "本人患病",
        "高龄患病",
        "无人照顾",
        "家人照顾",
        "专人照顾",
        "由政府代养",
        "由敬老院代养",
        "由村委会监护",
        "由民政局监护",
        "由子女赡养",
        "由于患病",
        "由其监护",
        "其子赡养",
        "由其祖母监护",
        "由王某照顾",
        "由张家港市民政局监护",
        "由王府井照顾",
        "张三、李四照顾",
        "监护人：",
        "生活不能自理需人照顾",
        "由村委会负责照顾",
        "由其负责照顾",
        "由专人负责照顾",
        "由社区负责监护",
        "负责照顾",
    ],
)
def test_care_or_illness_without_a_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        ("网格员李娜、王强", ["李娜", "王强"], "网格员"),
        ("网格员李娜、王强入户走访", ["李娜", "王强"], "入户走访"),
        ("社工李娜、王强、欧阳娜娜核实", ["李娜", "王强", "欧阳娜娜"], "核实"),
        ("村医张伟", ["张伟"], "村医"),
        ("村医张伟上门", ["张伟"], "上门"),
        ("民警李娜、王强陪同", ["李娜", "王强"], "陪同"),
        ("志愿者王强每周上门", ["王强"], "每周上门"),
    ],
)
def test_the_names_after_a_staff_title_go(text: str, secrets: list[str], kept: str) -> None:
    leaks(text, secrets)
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "医生建议住院",
        "村医上门",
        "医保报销",
        "医生、护士",
        "志愿者服务",
        "民警、网格员入户",
    ],
)
def test_a_staff_title_without_a_name_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("网格员李娜、社区干部核实", "、社区干部核实"),
        ("网格员李娜、低保户", "、低保户"),
        ("网格员李娜，高龄老人", "，高龄老人"),
    ],
)
def test_a_list_after_a_staff_name_stops_at_no_name(text: str, kept: str) -> None:
    leaks(text, ["李娜"])
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), (role, text)


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        ("姓名：Zhang Wei", ["Zhang Wei", "Zhang", "Wei"], "姓名："),
        ("联系人：zhangwei（张伟）", ["zhangwei", "张伟"], "联系人："),
        ("姓名：Zhang Wei，性别：男", ["Zhang Wei"], "性别：男"),
        ("申请人姓名: Ouyang Nana 电话：13912345678", ["Ouyang", "Nana"], "申请人姓名"),
        ("监护人：Tashi Dorje", ["Tashi", "Dorje"], "监护人："),
        # spaces for the colon, a form pasted as text (thirty-fifth session): a pinyin surname required
        ("姓名 Li Na，性别 女", ["Li Na"], "性别 女"),
        ("申请人 Zhang Wei", ["Zhang", "Wei"], "申请人 "),
        ("户主 Wang Xiuying 男", ["Xiuying"], " 男"),
        ("姓名\u3000ZHANG WEI", ["ZHANG", "WEI"], "姓名"),
        ("姓名 Li Na 性别 女 年龄 45", ["Li Na"], "性别 女 年龄 45"),
    ],
)
def test_a_latin_name_after_a_chinese_label_goes(text: str, secrets: list[str], kept: str) -> None:
    leaks(text, secrets)
    in_clear(text, kept)


@pytest.mark.parametrize(
    "text",
    [
        "备注：OK，状态：Done",
        "户主：admin",
        "联系人：zhang",
        "单位名称：Huawei Technologies",
        "来源：Excel导入",
        "姓名 English Name",
        "姓名 ID 性别 年龄",
        "使用 App 办理",
        "户主 Tashi Dorje",  # no pinyin surname after spaces alone
        "单位名称 Huawei Technologies",
    ],
)
def test_latin_words_after_a_chinese_label_stay(text: str) -> None:
    unchanged(text)
