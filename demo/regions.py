"""Administrative divisions (行政区划) of 安康市, Shaanxi, used by the demo upstream.

District and county codes are the real GB/T 2260 codes. Township (9-digit) and
village/community (12-digit) codes follow the national statistical layout: 0xx for
街道, 1xx for 镇 under the county code, and 0xx for 社区 / 2xx for 村 under the
township. The lower levels are a small, real-sounding sample, not a full registry.

Every record of the demo carries a 12-digit ``region_code``; a region in a request path
covers a record when the record's code starts with the region's significant prefix
(see :func:`scope_prefix`). That is the rule a gateway can authorise against.
"""

from __future__ import annotations

PROVINCE_NAME = "陕西省"
CITY_CODE = "610900"
CITY_NAME = "安康市"

DISTRICTS: dict[str, str] = {
    "610902": "汉滨区",
    "610921": "汉阴县",
    "610922": "石泉县",
    "610923": "宁陕县",
    "610924": "紫阳县",
    "610925": "岚皋县",
    "610926": "平利县",
    "610927": "镇坪县",
    "610929": "白河县",
    "610981": "旬阳市",
}

TOWNSHIPS: dict[str, str] = {
    "610902001": "新城街道",
    "610902002": "江北街道",
    "610902003": "老城街道",
    "610902102": "关庙镇",
    "610921100": "城关镇",
    "610921101": "涧池镇",
    "610921102": "蒲溪镇",
    "610922100": "城关镇",
    "610922101": "饶峰镇",
    "610922102": "池河镇",
    "610922103": "两河镇",
    "610923100": "城关镇",
    "610923101": "四亩地镇",
    "610923102": "江口回族镇",
    "610924100": "城关镇",
    "610924101": "蒿坪镇",
    "610924102": "汉王镇",
    "610925100": "城关镇",
    "610925101": "佐龙镇",
    "610925102": "南宫山镇",
    "610926100": "城关镇",
    "610926101": "长安镇",
    "610926102": "老县镇",
    "610927100": "城关镇",
    "610927101": "曾家镇",
    "610927102": "钟宝镇",
    "610929100": "城关镇",
    "610929101": "中厂镇",
    "610929102": "卡子镇",
    "610981100": "城关镇",
    "610981101": "蜀河镇",
    "610981102": "吕河镇",
}

VILLAGES: dict[str, str] = {
    "610902001001": "育才路社区",
    "610902001002": "白庙社区",
    "610902001003": "新城社区",
    "610902002001": "张滩社区",
    "610902002002": "江北社区",
    "610902002201": "黄沟村",
    "610902003001": "东关社区",
    "610902003002": "西关社区",
    "610902003003": "北门社区",
    "610902102001": "关庙社区",
    "610902102201": "双井村",
    "610902102202": "黄石梁村",
    "610921100001": "东城社区",
    "610921100002": "西城社区",
    "610921100201": "三元村",
    "610921101001": "涧池社区",
    "610921101201": "仁和村",
    "610921102001": "蒲溪社区",
    "610921102201": "东河村",
    "610922100001": "北环社区",
    "610922100002": "西关社区",
    "610922100201": "红岩村",
    "610922101201": "胜利村",
    "610922102001": "池河社区",
    "610922102201": "明星村",
    "610922103201": "高桥村",
    "610923100001": "东城社区",
    "610923100201": "渔湾村",
    "610923101201": "八亩田村",
    "610923102001": "江口社区",
    "610923102201": "竹山村",
    "610924100001": "新桥社区",
    "610924100002": "大沙坝社区",
    "610924100201": "金川村",
    "610924101201": "双星村",
    "610924102001": "汉城社区",
    "610924102201": "马家营村",
    "610925100001": "东坡社区",
    "610925100002": "肖家坝社区",
    "610925100201": "联春村",
    "610925101201": "马宗村",
    "610925102201": "宏大村",
    "610926100001": "三里垭社区",
    "610926100201": "龙头村",
    "610926101201": "中坝村",
    "610926102001": "老县社区",
    "610926102201": "锦屏村",
    "610927100001": "城关社区",
    "610927100201": "金坪村",
    "610927101201": "金岭村",
    "610927102201": "星星村",
    "610929100001": "城关社区",
    "610929100201": "东坡村",
    "610929101201": "洪福村",
    "610929102201": "陈庄村",
    "610981100001": "祝尔康社区",
    "610981100002": "城关社区",
    "610981100201": "南山村",
    "610981101001": "蜀河社区",
    "610981101201": "沙沟村",
    "610981102201": "吕河村",
}

# Street names used for the addresses of urban communities (社区) in each district.
ROADS: dict[str, tuple[str, ...]] = {
    "610902": ("兴安中路", "巴山中路", "金州北路", "育才路", "大桥路", "香溪路", "滨江大道"),
    "610921": ("凤台路", "文化路", "解放路", "月河路"),
    "610922": ("江南大道", "西城路", "北环路", "汉江大道"),
    "610923": ("东城路", "西城路", "长安路"),
    "610924": ("新华路", "仁和路", "滨江路", "文笔路"),
    "610925": ("岚河路", "东坡路", "大桥路"),
    "610926": ("长安路", "平安路", "三里垭路", "女娲路"),
    "610927": ("南江路", "人民路", "文彩路"),
    "610929": ("西营路", "解放路", "东城路"),
    "610981": ("红军路", "旬河路", "太极路", "城关大道"),
}


def is_known(code: str) -> bool:
    """True for the city, a district, a township or a village code of the table."""
    return code == CITY_CODE or code in DISTRICTS or code in TOWNSHIPS or code in VILLAGES


def name_of(code: str) -> str:
    """Name of a single level, e.g. "610902001" -> "新城街道"."""
    if code == CITY_CODE:
        return CITY_NAME
    for table in (DISTRICTS, TOWNSHIPS, VILLAGES):
        if code in table:
            return table[code]
    raise KeyError(code)


def full_name(code: str) -> str:
    """Address prefix from the province down to ``code``, e.g. 陕西省安康市汉滨区新城街道."""
    parts = [PROVINCE_NAME, CITY_NAME]
    for length in (6, 9, 12):
        if len(code) >= length:
            parts.append(name_of(code[:length]))
    return "".join(parts)


def is_community(village_code: str) -> bool:
    """Urban communities (社区) get street addresses; villages (村) get 组/号 addresses."""
    return VILLAGES[village_code].endswith("社区")


def villages_of(district_code: str) -> list[str]:
    """Village and community codes under a district, in code order."""
    return sorted(code for code in VILLAGES if code.startswith(district_code))


def scope_prefix(code: str) -> str:
    """The prefix that every code under ``code`` shares.

    6-digit codes pad their unused levels with "00" (610900 is the city, its districts
    are 6109xx), so those pairs are dropped; 9- and 12-digit codes are used as they are.
    """
    if len(code) == 6:
        prefix = code
        while len(prefix) > 2 and prefix.endswith("00"):
            prefix = prefix[:-2]
        return prefix
    return code


def covers(region: str, record_code: str) -> bool:
    """True if a record with ``record_code`` lies in ``region`` (itself included)."""
    return record_code.startswith(scope_prefix(region))
