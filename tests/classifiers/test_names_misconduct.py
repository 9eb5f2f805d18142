"""Names in the records of misconduct and fund diversion (侵占挪用, 优亲厚友, 冒领), which the
bureau's discipline checks write: a name before what the person did (刘洋冒领养老金, 其子张强继续冒领:
name_words.AFTER_NAME_WORDS), after kin at large (其亲属李娜, 其弟张强, 户主张伟之弟张强), after the
dead's categories (已故人员王秀英) and a village party secretary (村支书陈静); and the words of those
records that must stay."""

from __future__ import annotations

import pytest

from support.inspected import kept_in_both, leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("经查，村干部张伟将其亲属李娜违规纳入低保", ["张伟", "李娜"]),
        ("王秀英于2023年3月死亡，其子张强继续冒领至今", ["王秀英", "张强"]),
        ("刘洋冒领养老金", ["刘洋"]),
        ("户主张伟隐瞒收入", ["张伟"]),
        ("其妻李娜违规领取", ["李娜"]),
        ("李娜涉嫌骗取低保金", ["李娜"]),
        ("其姐王芳已出嫁", ["王芳"]),
        ("其妹妹张丽在外务工", ["张丽"]),
        ("户主张伟之弟张强", ["张伟", "张强"]),
        ("其侄张军照料", ["张军"]),
        ("已故人员王秀英的低保金仍在发放", ["王秀英"]),
        ("死亡人员陈静仍在领取养老补贴", ["陈静"]),
        ("村支书陈静已签字", ["陈静"]),
        ("责任人：刘洋", ["刘洋"]),
        ("责任人刘洋已被立案调查", ["刘洋"]),
        ("问题线索：刘洋户存在冒领", ["刘洋"]),
        # the day a person came (name_words.AFTER_NAME_WORDS)
        ("刘洋今日到社区办理", ["刘洋"]),
        ("张伟昨天来电", ["张伟"]),
        # after a finding's, a report's or a recovery's word (name_patterns.HEAD_FINDINGS)
        ("经调查刘洋挪用公款", ["刘洋"]),
        ("举报称刘洋虚报收入", ["刘洋"]),
        ("追回刘洋冒领资金", ["刘洋"]),
        ("经查王秀英隐瞒收入", ["王秀英"]),
        ("入户核查发现张伟常年外出", ["张伟"]),
        ("责令欧阳娜于月底前退还", ["欧阳娜"]),
        ("群众举报陈静于2023年起冒领", ["陈静"]),
    ],
)
def test_a_name_in_a_misconduct_record_is_masked(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "违规领取",
        "继续领取",
        "冒领",
        "其兄弟姐妹均已成家",
        "其亲属关系",
        "其亲属均在外地",
        "其姐妹二人",
        "其兄长期在外",
        "已故人员名单",
        "死亡人员信息比对",
        "支书会议",
        "村支书兼主任",
        "责任人：村委会",
        "主要责任人",
        "该户存在问题",
        "今日到社区办理",
        "与其子同住",
        "华东与其他省份",
        # a drive's or a rule's words before the misconduct (name_heads._NOT_HEADS)
        "严查冒领",
        "严禁挪用",
        "杜绝虚报",
        "严厉打击骗取",
        "任意截留",
        # what a finding found, no one (the name must stand between the finding and the word)
        "经调查许多冒领资金已追回",
        "追回全部冒领资金",
        "调查发现部分冒领",
        "经查成功骗取",
        "核实无误后于次月发放",
        "经查，该户违规",
    ],
)
def test_the_words_of_a_misconduct_record_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [("死亡人员陈静仍在领取养老补贴", "仍在领取"), ("户主张伟仍在外务工", "仍在外务工")],
)
def test_the_word_after_a_name_stays(text: str, kept: str) -> None:
    kept_in_both(text, kept)
