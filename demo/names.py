"""Pools of synthetic but realistic personal attributes (names, banks, phone prefixes).

Given names follow the fashions of the birth era, so that a 1950s grandmother is a
秀英 and a 2015 granddaughter a 梓涵: masking engines that learn name shapes should
see the full range.
"""

from __future__ import annotations

# Single-character surnames in rough order of frequency (王李张刘陈 ...), plus a few
# common in southern Shaanxi (柯, 鲁, 储).
SINGLE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤柯鲁储"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方")

# Zipf-like weights so the top surnames dominate; compound surnames stay rare (~2 %).
SURNAMES: tuple[str, ...] = (*SINGLE_SURNAMES, *COMPOUND_SURNAMES)
SURNAME_WEIGHTS: tuple[float, ...] = (
    *(100 / (rank + 10) for rank in range(len(SINGLE_SURNAMES))),
    *(0.8 for _ in COMPOUND_SURNAMES),
)

_OLD_MALE = (
    "建国 国强 德福 志明 永康 长青 树林 保国 文华 福贵 全发 明德 天成 宏伟 正清 世荣 "
    "金山 有才 庆丰 振华 学文 家富 开明 绍先 德 富 "
)
_OLD_FEMALE = "秀英 桂兰 玉梅 淑珍 凤英 秀兰 翠花 桂芳 玉兰 秀珍 春梅 素芳 金凤 玉华 淑英 月娥 兰英 桂英 春兰 菊花 英 "
_MID_MALE = "建军 海涛 志强 伟 军 勇 磊 涛 斌 晓东 小龙 俊杰 国栋 红军 建华 文斌 立新 海波 东升 卫东 志刚 宏亮 超 鹏 "
_MID_FEMALE = "丽 娟 静 敏 燕 艳 红梅 晓燕 丽娟 小芳 海燕 雪梅 丽华 秀梅 晓丽 春燕 玉洁 慧 芳 霞 婷 莉 "
_YOUNG_MALE = (
    "浩然 子轩 宇航 俊熙 梓豪 一鸣 浩宇 博文 皓轩 宇轩 泽宇 子墨 睿 晨阳 思远 嘉豪 明轩 天佑 逸凡 文博 奕辰 沐阳 "
)
_YOUNG_FEMALE = (
    "欣怡 梓涵 雨桐 诗琪 子涵 佳怡 语嫣 梦瑶 可馨 若曦 思雨 一诺 雨萱 紫涵 艺涵 欣妍 佳琪 梓萱 心怡 语桐 安琪 婉清 "
)

# (last birth year of the era, male names, female names)
GIVEN_NAMES_BY_ERA: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (1964, tuple(_OLD_MALE.split()), tuple(_OLD_FEMALE.split())),
    (1989, tuple(_MID_MALE.split()), tuple(_MID_FEMALE.split())),
    (9999, tuple(_YOUNG_MALE.split()), tuple(_YOUNG_FEMALE.split())),
)


def given_names(birth_year: int, male: bool) -> tuple[str, ...]:
    """The pool of given names in fashion for a birth year and gender."""
    for last_year, males, females in GIVEN_NAMES_BY_ERA:
        if birth_year <= last_year:
            return males if male else females
    raise AssertionError("the last era is open-ended")


# (BIN, bank name, card length, weight). Rural payees are mostly served by 农行 and
# 邮储, which is also where 惠民惠农 "one card" subsidies are usually paid.
BANKS: tuple[tuple[str, str, int, int], ...] = (
    ("622848", "中国农业银行", 19, 30),
    ("621799", "中国邮政储蓄银行", 19, 20),
    ("622188", "中国邮政储蓄银行", 19, 8),
    ("621700", "中国建设银行", 19, 14),
    ("623668", "中国建设银行", 19, 8),
    ("622202", "中国工商银行", 19, 12),
    ("622588", "招商银行", 16, 8),
)

# Mobile number prefixes of the three carriers (and 19x for recent numbers).
MOBILE_PREFIXES: tuple[str, ...] = (
    *(f"13{d}" for d in range(10)),
    *("150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "177"),
    *("180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"),
)

DISABILITY_TYPES = ("肢体", "视力", "听力", "言语", "智力", "精神", "多重")
