"""Numbers spelled so that the scanner missed them, found by a generator of remarks with
evasions (docs/classifiers-rounds.md, "Twenty-sixth round, the session's own work"): a middle
dot between digit groups, and a dot beside a full-width digit or an invisible character,
read as an amount's decimal point."""

from __future__ import annotations

import re
import unicodedata

import pytest

from support.inspected import ROLES, as_bodies, json_leaks, out, unchanged

# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123, check character 5; a Luhn-valid card.
ID = "610902199001011235"
MOBILE = "13869066833"
CARD = "6222020005892061358"


def _digits_out(text: str, number: str) -> None:
    """``number`` is nowhere in what comes out of ``text``, however it was spelled: the output
    NFKC-folded and stripped of everything but letters, digits and ideographs."""
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            flat = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", masked))
            assert number.upper() not in flat.upper(), (role, media_type, masked)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # A middle dot between groups: what a Chinese input method types for the key of `.
        ("Tel:138·6906·6833", MOBILE),
        ("联系电话：138·6906·6833，已核实", MOBILE),
        ("(+86)138·6906·6833", MOBILE),
        ("１３８・６９０６・６８３３", MOBILE),
        ("电话138･6906･6833", MOBILE),
        ("（610902·19900101·1235，", ID),
        ("户主身份证610902·1990·0101·1235", ID),
        ("６１０９０２·１９９００１０１·１２３５", ID),
        ("6222·0200·0589·2061·358", CARD),
        # Spaces around a middle dot, or an invisible character beside one, kept it from grouping.
        ("手机号 138 · 6906–6833】第2页", MOBILE),
        ("证号是６１０９０２ · １９９０ - ０１０１ . １２３５ ", ID),
        ("138\ufeff·6906\u200b·6833", MOBILE),
        ("电话138\u200b/6906/6833", MOBILE),
        # An ID in groups of 6-4-4-4 before another number: the windows over digit groups
        # stopped growing at 11 digits, and the joined groups were one run of 29 or 34.
        (f"{ID[:6]} {ID[6:10]} {ID[10:14]} {ID[14:]} {CARD}", ID),
        (f"身份证号码【{ID[:6]}\u00a0{ID[6:10]}\u00a0{ID[10:14]}\u00a0{ID[14:]} {CARD}", ID),
        (f"{ID[:6]} {ID[6:10]} {ID[10:14]} {ID[14:]} 00000000000", ID),
        # Or followed by one more group, a percent-escape's digits too (numbers round sixteen's find).
        (f"身份证号：{ID[:6]} {ID[6:14]} {ID[14:]} 36", ID),
        (f"{ID[:6]} {ID[6:14]} {ID[14:]}%36", ID),
        # And one whose last group is long, after another number in groups.
        (f"该户6222 0200 0589 2061 358  {ID[:6]}-{ID[6:]}，", ID),
        # A mobile's first three digits in brackets, as an area code is written.
        ("手机（１３８）-６９０６-６８３３。", MOBILE),
        ("电话号码：\u200b（138）69066833；", MOBILE),
        ("联系方式:0086（138）69066833）", MOBILE),
        ("(138) 6906 6833", MOBILE),
        # A dot between a full-width digit and an ASCII one, or beside an invisible character,
        # passed for an amount's decimal point (8.69) and broke the number.
        ("tel：１３8.69０6.６833", MOBILE),
        ("手机：138.69\u200b06.68\u200b33", MOBILE),
        ("sfzh 61０９０2.1９９００1０1１２３５", ID),
        # A dash other than the hyphen (en, em, minus) between groups, after another number: the
        # windows over digit groups broke their chains at it, and the joined groups were one run.
        ("No.为6236680137125730 6109 · 0219—9005 . 0330-87", "610902199005033087"),
        ("tel 13912345678  6222 - 0200-0438–3113\u3000430", "6222020004383113430"),
        (f"{CARD} {ID[:6]}\u2212{ID[6:14]}\u2013{ID[14:]}", ID),
        (f"卡号{CARD[:4]}—{CARD[4:8]}—{CARD[8:12]}—{CARD[12:16]}—{CARD[16:]} 138－6906－6833", CARD),
        # A mobile whose first group is glued to +86 or 0086, before another number: no window
        # split a group, and the joined groups were one run.
        (f"：+86138 6906 6833   {CARD}；", MOBILE),
        (f"0086138 6906 6833 {CARD}", MOBILE),
        (f"86138 6906 6833 {CARD}", MOBILE),
        # An ID ending in X in groups after another number: the windows read digits only.
        (f"{ID} 3201-0219-7409-0518-7X", "32010219740905187X"),
        (f"{ID} 320102 19740905 187x，", "32010219740905187X"),
    ],
)
def test_a_number_spelled_so_is_masked(text: str, number: str) -> None:
    _digits_out(text, number)


def test_a_middle_dotted_mobile_under_its_key_is_masked() -> None:
    json_leaks({"lxdh": "138·6906·6833"}, ["6906"])


@pytest.mark.parametrize(
    "text",
    [
        "依据第3·15条办理",
        "2024·03·15入户核查",
        "汉中·城固",  # (阿依古丽·买买提 alone is a name since names round twenty)
        "月收入1200.50元，补贴300.5元",
        "金额1391234567.8元",
        "IP 183.230.113.45",
        "１８３.２３０.１１３.４５",
        "版本3.2.1",
        "（已核实）共3人（1）2024年",
        "见附件(139)页，第(138)12号",
        "出生于1990 / 01 / 15 123",
        "2024 03 15 1200 300 560 12 3 1500 2000 3000 4500",
        "编号 2024 0315 0001 0002 0003 0004",
        "2024—0315—0001—0002 1200–3000元",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号：{ID[:6]} {ID[6:14]} {ID[14:17]}X",
        f"身份证号 {ID[:6]}-{ID[6:14]}-{ID[14:17]}x，已核实",
    ],
)
def test_a_mistyped_id_in_groups_is_masked_with_its_check_character(text: str) -> None:
    """The wrong check character X was left after the mask ('身份证号：[已屏蔽]X'): the digits'
    runs end before it. (The caseworker's mask keeps an ID's last four characters, X among them.)"""
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            assert ID[6:14] not in masked and "]X" not in masked.upper(), (role, masked)
