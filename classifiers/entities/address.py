"""Chinese postal addresses: a parse into administrative and street-level components.

The parse serves two users: detection in free text (an address must start at a known
region name or right after an address context word) and the ``address_district``
masking operator, which keeps the text up to the county/district level.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from . import address_latin

ENTITY = "ADDRESS"


def _words(text: str) -> list[str]:
    return text.split()


PROVINCES = _words(
    "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省"
    " 江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省"
    " 台湾省 内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区"
    " 香港特别行政区 澳门特别行政区"
)
_PROVINCE_SHORT = [p.removesuffix("省").removesuffix("市") for p in PROVINCES if len(p) <= 4] + _words(
    "内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
)
SHAANXI_CITIES = _words("西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市")
COUNTIES = _words(
    # 安康市
    "汉滨区 汉阴县 石泉县 宁陕县 紫阳县 岚皋县 平利县 镇坪县 旬阳市 旬阳县 白河县"
    # 西安市
    " 新城区 碑林区 莲湖区 灞桥区 未央区 雁塔区 阎良区 临潼区 长安区 高陵区 鄠邑区 蓝田县 周至县"
)
TOWNSHIPS = _words(
    "老城街道 新城街道 江北街道 建民街道 关庙镇 张滩镇 瀛湖镇 五里镇 恒口镇 吉河镇 大竹园镇 城关镇 汉阳镇 池河镇 后柳镇"
)

LEVELS = ("province", "city", "county", "township", "village", "road", "number", "building", "unit", "room")
# Components at or above this index are administrative areas, not a dwelling.
_FINE_FROM = LEVELS.index("township")


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_H = "\u4e00-\u9fff"
_CITY_SHORT = [c.removesuffix("市") for c in SHAANXI_CITIES]
_GROUP = "第?[0-9一二三四五六七八九十]{1,3}(?:村民小组|小组|组|队)"
# A level may stand one space after the one before (汉滨区 江北街道 育才路 88号: the parse stopped at the
# first space, and the whole address went out after its label; 陕西省 安康市 汉滨区 … kept 陕西省 alone
# for a profile that shows the district).
_SPACE = "[ \u3000]?"
_NUMERALS = "[一二三四五六七八九十百零〇]"
_ESTATE_WORDS: Final = ("小区", "花园", "家园", "公寓")  # two characters each: _ESTATE_BUILDING_RE looks behind them
_ESTATE = f"(?:{'|'.join(_ESTATE_WORDS)})"
_ROAD_SPOT = (
    "(?:交叉口|交汇处|十字路口|十字|路?口)?(?:[往向]?[东西南北]{1,2}(?!区)(?:[0-9]{1,4}米)?(?:角|侧)?)?(?:路[东西南北])?"
    rf"(?:的?[{_H}]{{1,8}}?{_ESTATE})?"
)
_COMPONENTS = {
    "province": rf"(?:{_alt(PROVINCES)}|{_alt(_PROVINCE_SHORT)}(?:省)?|[{_H}]{{2,5}}?(?:省|自治区))",
    "city": rf"{_SPACE}(?:{_alt(SHAANXI_CITIES)}|{_alt(_CITY_SHORT)}|[{_H}]{{2,5}}?(?:市|自治州|地区|盟))",
    # 小区 and 社区 end an estate's or a community's name, no district's (凤凰花园小区).
    # Nor does an estate's part (锦华苑北区12栋, 幸福花园A区: the caseworker's mask showed 锦华苑北区 as the
    # district).
    "county": rf"{_SPACE}(?:{_alt(COUNTIES)}|[{_H}]{{1,5}}?(?:(?<![小社])(?<![苑园府湾寓][东西南北中一二三四五六七八九])区|县|旗|市))",
    "township": rf"{_SPACE}(?:{_alt(TOWNSHIPS)}|[{_H}]{{1,6}}?(?:街道办事处|街道|镇|乡))",
    # A village's group as rural households write it: 3组, 三组, 第三组, 第三村民小组, 3队.
    # An estate inside a community (药王庙社区安居小区6栋: the parse stopped at 社区, and the estate and
    # its building went out after the mask).
    "village": rf"{_SPACE}[{_H}0-9]{{1,8}}?(?:社区|村委会|居委会|村|小区|花园|家园|公寓)(?:{_GROUP}|[{_H}0-9]{{1,8}}?{_ESTATE})?",
    # A lane off the road (西街北巷12号: 北巷12号 went out).
    # A place on the road that is no house number: its section (育才路东段12号), a crossing
    # (育才路与兴安路交叉口), a direction and a distance (往东50米, 东南角, 口南50米路西), and an estate
    # right after them (交汇处的幸福家园): each went out after the masked road. A direction before 区
    # is an estate's part, the building's (育才路东区3栋: 区3栋 was read as the building).
    "road": rf"{_SPACE}[{_H}0-9]{{1,10}}?(?:大道|路|街|巷|胡同)(?:[东西南北中]段)?"
    rf"(?:[{_H}]{{1,4}}?(?:路|街|巷|胡同)(?:[东西南北中]段)?)?{_ROAD_SPOT}",
    # Not the 号 of 号楼: 12号楼 is a building, and with 12号 taken as a number the parse stopped
    # before 楼 (住址：12号楼3单元301 went out but 12号).
    # A number with its sub-number (12-3号, 12号附3号: the 3 went out after the masked address).
    # A second number after it (育才路12号、13号, 12号,14号): the household holds both, and the
    # second went out after the masked address. Not a building's (12号、13号楼).
    # A lane's number before the house's (88弄3号), 甲, 乙, 丙 or 丁 before a number (甲88号): both went
    # out after the masked road.
    # After a road, a number in Chinese numerals (育才路八十八号).
    "number": rf"{_SPACE}(?:(?:[0-9]{{1,5}}弄)?[甲乙丙丁]?[0-9]{{1,5}}(?:-[0-9]{{1,4}})?(?:号院|号(?!楼))(?:附[0-9]{{1,3}}号)?"
    rf"(?:[、，,][0-9]{{1,5}}号(?![楼院]))*|(?(road){_NUMERALS}{{1,5}}号(?![楼院])|(?!)))",
    # A dwelling's parts are written apart as often as together (12号楼 3单元 301): one space
    # before each, or a comma before what can be no count (育才路12号，3单元301; not 12号，2座房屋),
    # kept in the parse. After a comma a 栋, 幢 or 座 only with a unit or a room after it
    # (育才路12号，3栋2单元 left 3栋2单元 in clear; 12号，3栋房屋 is a count). In brackets after the
    # number (12号（3栋2单元）, 12号(A座1201)) also alone, where the bracket closes after it (12号（3栋）).
    # Below a street or a village, an estate's name of any ending before its building (丈八街道绿地世纪城
    # B区12栋, 东坝社区棚改安置点3号楼, 育才路88号阳光公寓21-3-1401: the estate and its building went out).
    "building": rf"(?:(?(number)|(?(road)|(?(village)|(?(township)|(?!)))))[{_H}0-9A-Za-z]{{1,10}}?)?"
    r"(?:[ \u3000]?[0-9A-Za-z]{1,4}(?:号楼|栋|幢|座)|[0-9]{1,3}排(?=[0-9]{1,4}号)"
    r"|[，,] ?[0-9A-Za-z]{1,4}(?:号楼|(?:栋|幢|座)(?=[ \u3000]?[0-9]{1,5}(?:单元|室|房|号(?!楼))))"
    r"|[（(][0-9A-Za-z]{1,4}(?:号楼|栋|幢|座)(?=[0-9]{1,5}(?:单元|室|房|号(?!楼)|[)）])|[)）])"
    # A compound's row before its house (育才路88号院2排3号: 2排3号 went out), the house read as a room.
    # A building, its unit and its room written with hyphens (育才路88号3-2-501, 幸福家园3-2-501室):
    # the building's number and its hyphen, the rest read as a unit and a room.
    r"|[ \u3000]?[0-9]{1,3}-(?=[0-9]{1,2}-[0-9]{2,5}(?![0-9]))"
    # After a number or an estate, a building in Chinese numerals (88号三栋二单元五零二).
    rf"|(?(number)|(?(village)|(?!))){_NUMERALS}{{1,3}}(?:号楼|栋|幢|座))",
    # A unit in numerals too (三单元), and a floor after it or in its place (2单元3楼301室, 12号3楼301:
    # the parse stopped before the floor, and 楼301室 or 3楼 went out): a room may follow either.
    # After a building, a unit and a room with a hyphen between (3号楼2-501, 3-2-501).
    "unit": r"(?:(?:[ \u3000]|[，,] ?|[（(])?[0-9一二三四五六七八九十]{1,3}单元(?:[0-9]{1,2}(?:楼|层))?|[0-9]{1,2}(?:楼|层)"
    r"|(?(building)[0-9]{1,2}-(?=[0-9]{2,5}(?![0-9-]))|(?!)))",
    "room": r"[0-9]{1,5}(?:室|房|号)?",
}
# A room is a number with 室, 房 or 号, or after a unit a number alone (3单元301, 3单元 301): a
# unit's next number is its room. Not a year, a date's or an amount's number (3单元 2023年).
# After a building with no unit (B座1201, 3栋1201) a number of three or four digits alone is its room
# too: 1201 went out after the masked address.
# A second room after the first, after 、 (3单元501、502室: the second went out), not a year's or a
# count's number (501、2023年).
_ROOM = (
    r"(?:(?(unit)[ \u3000]?(?:[0-9]{1,5}|[零〇一二三四五六七八九]{3,4})(?:室|房|号|(?![0-9年月日元万.]))"
    r"|(?(building)(?:[0-9]{1,5}(?:室|房|号)|[0-9]{3,4}(?![0-9年月日元万.户人间套层楼]))|[0-9]{1,5}(?:室|房|号))))"
    r"(?:、[0-9]{1,5}(?:室|房|(?![0-9年月日元万.户人间套层楼号])))*"
)
_ADDRESS_RE = re.compile("".join(f"(?P<{name}>{_COMPONENTS[name]})?" for name in LEVELS[:-1]) + rf"(?P<room>{_ROOM})?")
# The administrative prefix alone, for district_end(). Every group of _ADDRESS_RE is optional
# and the match is unanchored at the end, so the engine never backtracks into a group once
# it has matched: the first three groups get the same spans here as in the full pattern,
# without the lazy village/road scans that make the full parse cost several microseconds.
_DISTRICT_RE = re.compile("".join(f"(?P<{name}>{_COMPONENTS[name]})?" for name in ("province", "city", "county")))
_ANCHOR_RE = re.compile(
    rf"{_alt(PROVINCES)}|{_alt(_PROVINCE_SHORT)}|{_alt(SHAANXI_CITIES)}|{_alt(_CITY_SHORT)}"
    rf"|{_alt(COUNTIES)}|{_alt(TOWNSHIPS)}"
)
# A village and its group (石庙村3组, 石庙村第三村民小组): a rural household's address, most 低保 and
# 特困 cases', written after no label or region as often as not (住石庙村3组12号, 王某，石庙村3组村民).
# Found by its 村 and group, the village's name read back from 村: two characters, or three after
# what no name goes on from (the text's start, a point, 住, 在, 于, 系: 住在王家湾村3组); not 本村,
# 该村 and the like, which name none.
# A community's group too (七堰社区第4村民小组, 七堰社区三组), not its volunteers' (阳光社区第一小组).
_COMMUNITY_GROUP = "第?[0-9一二三四五六七八九十]{1,3}(?:村民小组|居民小组|组)"
# Each pattern below opens with its literal and looks behind after it: re skips to a literal (or a
# class of first characters) in C, where a look-behind first is tried at every character.
_VILLAGE_GROUP_RE = re.compile(
    rf"村(?<=[{_H}]{{3}})(?<![本该全各我此每邻同]村){_GROUP}"
    rf"|社区(?<=[{_H}]{{4}})(?<![本该全各我此每邻同]社区){_COMMUNITY_GROUP}"
)
# A dwelling in an estate, its building and its unit or room (安置在锦绣家园7号楼1单元302, 金州北路锦绣家园
# 7号楼1单元302): written after no label or region as often as a village's group, and as precise.
# Found by the estate's word before a building; not 本小区, 该小区 and the like.
_ESTATE_BUILDING_RE = re.compile(
    rf"{_ESTATE}(?<=[{_H}]{{4}})(?<![本该全各我此每邻同]..)(?=[0-9A-Za-z]{{1,4}}(?:号楼|栋|幢|座))"
)
_DWELLING_PARTS = ("unit", "room")
# An estate's name of any ending after a label: before its building (_named_estate), or after the
# district and alone to the value's end, a clause's point or a space (住址：汉滨区锦华苑，…).
# A space may part its words (家住江北 幸福家园3栋: a place's short name, then the estate).
_ESTATE_NAMED_RE = re.compile(
    rf"[{_H}A-Za-z](?:[{_H}0-9A-Za-z]|[ \u3000](?=[{_H}])){{1,10}}?(?=[ \u3000]?[0-9A-Za-z]{{1,4}}(?:号楼|栋|幢|座))"
)
# Not a clause's word after the address (住址：汉滨区已核实, 育才路88号的低保户).
_NOT_AN_ESTATES_FIRST = "的了是在和与及等已未将被由从对向均"
_ESTATE_ALONE_RE = re.compile(rf"(?![{_NOT_AN_ESTATES_FIRST}])[{_H}]{{2,10}}(?=$|[，,。；;、\s)）])")
# An estate alone after a label with no district before it (家庭住址：锦华苑二期, 住址：幸福家园): by
# the endings estates are named with, and maybe its phase or its part (二期, 东区), to the value's end,
# a clause's point or a space. A label's other values (不详, 同上, 本村, 已核实) end in none of them.
# (One string for the match and the pre-check's hint, LABELLED_HINT, which must read all it reads.)
_ESTATE_NAMED_AND_ENDED = f"[{_H}]{{1,8}}(?:[苑园府湾寓城郡邸墅阁轩坊]|华庭|小区|新村|公馆|大厦|名都)"
_ESTATE_ENDED_RE = re.compile(
    rf"(?![{_NOT_AN_ESTATES_FIRST}]){_ESTATE_NAMED_AND_ENDED}"
    rf"(?:[0-9{_NUMERALS[1:-1]}]{{1,2}}期)?(?:[东西南北中]区)?(?=$|[，,。；;、\s)）])"
)
# The levels an estate's name may follow to the value's end (北门社区锦华苑, 巴山东路28号锦华苑).
_BEFORE_AN_ESTATE = ("village", "road", "number")
# A former address in brackets right after one (育才路88号（原兴安路12号）): the bracket's 原 is its label.
_FORMER_RE = re.compile(r"[（(]原")
_BEFORE_NAME = "住在于系是为到"
CONTEXT: tuple[str, ...] = (
    "家庭住址",
    "户籍地址",
    "居住地址",
    "现住址",
    "住址",
    "地址",
    "住所",
    "家住",
    "现住",
    "居住在",
    "居住于",
    "住在",
    "户籍地",
    "现居住地",
    "户籍",  # 户籍：汉滨区锦华苑 (a hukou's other values, 农业户口, parse as no address)
)
# Words for where someone lives that name no place (住址：县城, 户籍在本村, 现住：农村): a label's whole
# value, they tell no more than the record's region does. 本村三组 and 县城育才路12号 go on to detail.
_UNNAMED_PLACES = _words(
    "县城 城区 市区 城里 农村 乡下 本地 当地 外地 本村 本组 本乡 本镇 本社区 本县 本市 本区 该村 该社区"
)
_UNNAMED_PLACE_RE = re.compile(rf"(?:{_alt(_UNNAMED_PLACES)})(?![{_H}0-9A-Za-z])")
# What stands between a label and its value: a colon, 为 or 是, and a change's words (住址变更为：…).
_AFTER_LABEL = r"(?:已?(?:变更|更改|改)为)?[\s:：为是在]*"
_CONTEXT_RE = re.compile(rf"(?:{_alt(list(CONTEXT))}){_AFTER_LABEL}")
# 住 alone after no character of a word (住育才路88号3栋2单元501, 。住王家湾村3组): read as 住在. Not
# the 住 of a word (住户, 住院, 住房, 住宿; 住址, 住所 and 住在 are labels).
_LIVES_RE = re.compile(rf"住(?<![{_H}]住)(?![户院房宿址所在])(?=[{_H}])")
# What an address after 住在 holds, where 居住在 and 家住 need no more than a building (find).
_LIVES_AT_LEVELS = ("township", "village", "road")
# A label with a letter or a digit after it, or an estate's name by its ending (_ESTATE_ENDED_RE's,
# looser): what every address in English that ``find`` reads holds (address_latin.py), and an
# estate alone after its label (家庭住址：锦华苑二期); none of TRIGGERS need stand in either. For the
# pre-checks (``may_contain``, precheck.MAYBE, which RE2 reads: no look-arounds); every label holds
# 住, 址 or 户籍.
LABELLED_HINT = (
    rf"(?:{_alt(list(CONTEXT))}){_AFTER_LABEL}"
    f"(?:[0-9A-Za-z]|{_ESTATE_NAMED_AND_ENDED})"
)
_LABELLED_HINT_RE = re.compile(LABELLED_HINT)


class ParsedAddress:
    """An address's span and its levels' spans (``LEVELS`` names). A plain class: mypyc builds it
    by a C call, where as a frozen dataclass each was built through a Python ``__init__`` run by
    the interpreter (~4,600 instructions a parse). Compared by its fields, as the dataclass was."""

    __slots__ = ("components", "end", "start")

    def __init__(self, start: int, end: int, components: dict[str, tuple[int, int]]) -> None:
        self.start = start
        self.end = end
        self.components = components

    def _fields(self) -> tuple[int, int, dict[str, tuple[int, int]]]:
        return self.start, self.end, self.components

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ParsedAddress) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"ParsedAddress(start={self.start!r}, end={self.end!r}, components={self.components!r})"

    @property
    def fine(self) -> bool:
        """Does it go below the administrative levels (street, village, number ...)?"""
        return any(LEVELS.index(name) >= _FINE_FROM for name in self.components)


def parse_at(text: str, pos: int = 0) -> ParsedAddress | None:
    match = _ADDRESS_RE.match(text, pos)
    if match is None or match.end() == pos:
        return None
    # The spans of all groups in one call, where a span and a group a level cost 20 calls a parse:
    # LEVELS[i] is group i + 1, and a level that took part is never empty.
    regs = match.regs
    parts = {name: regs[i + 1] for i, name in enumerate(LEVELS) if regs[i + 1][1] > regs[i + 1][0]}
    return ParsedAddress(pos, regs[0][1], parts)


def district_end(text: str) -> int:
    """Index just after the county/district (else city, else province) level; 0 if none."""
    offset = len(text) - len(text.lstrip())
    match = _DISTRICT_RE.match(text, offset)
    if match is None:
        return 0
    for level in ("county", "city", "province"):
        if match.group(level):
            return match.end(level)
    return 0


def find(text: str) -> list[tuple[int, int, float, str]]:
    """Addresses in free text: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    last_end = 0
    starts: list[tuple[int, str]] = [
        (m.end(), "lives" if m.group().startswith("住在") else "context") for m in _CONTEXT_RE.finditer(text)
    ]
    if "住" in text:
        starts += [(m.end(), "lives") for m in _LIVES_RE.finditer(text)]
    starts += [(m.start(), "region") for m in _ANCHOR_RE.finditer(text)]
    if "村" in text or "社区" in text:
        starts += [(_village_start(text, m.start()), "village") for m in _VILLAGE_GROUP_RE.finditer(text)]
    for word in _ESTATE_WORDS:  # substring tests first: the search is tried at every character
        if word in text:
            starts += [(_village_start(text, m.start()), "dwelling") for m in _ESTATE_BUILDING_RE.finditer(text)]
            break
    if "原" in text:
        starts += [(m.end(), "former") for m in _FORMER_RE.finditer(text)]
    for pos, how in sorted(starts):
        if pos < last_end or (how in ("context", "lives") and _UNNAMED_PLACE_RE.match(text, pos) is not None):
            continue
        if how == "former" and not (found and found[-1][1] == pos - 2):
            continue
        parsed = parse_at(text, pos)
        fine = parsed is not None and parsed.fine
        if not fine and how in ("context", "lives"):
            named = _named_estate(text, pos, parsed)
            if not named and how == "context" and parsed is None:  # 家庭住址：锦华苑二期
                ended = _ESTATE_ENDED_RE.match(text, pos)
                named = ended.end() if ended else 0
            if named:
                found.append((pos, named, 0.85, "context"))
                last_end = named
                continue
        if not fine and how == "region" and parsed is not None and "county" in parsed.components:
            estate = _estate_in_region(text, parsed)
            if estate:
                found.append((parsed.start, estate, 0.7, how))
                last_end = estate
                continue
        if parsed is None:
            if how == "context":
                spaced = _spaced(text, pos)
                if spaced:
                    found.append((pos, spaced, 0.85, "context+spaced"))
                    last_end = spaced
                elif "A" <= text[pos : pos + 1] <= "z" or text[pos : pos + 1].isdigit():
                    latin = address_latin.end_at(text, pos)
                    if latin:
                        found.append((pos, latin, 0.85, "context+latin"))
                        last_end = latin
            continue
        # A bare region ("陕西省安康市") is not personal; a dwelling address needs detail. A
        # village's group is detail enough. After 住在 a building or a floor alone is where in a
        # place someone lives (住在12号楼, 住在3楼), not an address: a township, a village or a road.
        if how == "region":
            trimmed = _without_counted_buildings(text, parsed)
            if trimmed is not parsed:
                parsed, fine = trimmed, trimmed.fine
        enough = fine and (how != "region" or len(parsed.components) >= 2)
        if how in ("lives", "former"):
            enough = enough and any(level in parsed.components for level in _LIVES_AT_LEVELS)
            how = "context"
        elif how == "dwelling":
            enough = any(level in parsed.components for level in _DWELLING_PARTS)
            how = "village"
        if enough:
            end = _closed(text, parsed)
            if how == "context":
                end = _estate_after(text, parsed, end)
            found.append((parsed.start, end, 0.85 if how == "context" else 0.7, how))
            last_end = end
    return found


def _named_estate(text: str, pos: int, parsed: ParsedAddress | None) -> int:
    """The end of an estate of any name after a label (and its district, if any), 0 if none: before
    its building (家住锦华苑3栋2单元, 民政局宿舍3栋2单元301, 汉滨区锦华苑3栋), or alone to the
    value's end (住址：汉滨区锦华苑). The levels read an estate only by 小区, 花园, 家园 or 公寓."""
    at = pos if parsed is None else parsed.end
    if parsed is not None:
        alone = _ESTATE_ALONE_RE.match(text, at)
        if alone:
            return alone.end()
    estate = _estate_dwelling(text, at)
    return 0 if estate is None else _closed(text, estate[1])


def _estate_dwelling(text: str, at: int) -> tuple[str, ParsedAddress] | None:
    """An estate of any name at ``at`` and the dwelling after it, a building among its parts
    (锦华苑3栋2单元: the name and the parse of 3栋2单元); None if none."""
    named = _ESTATE_NAMED_RE.match(text, at)
    if named is None:
        return None
    dwelling = parse_at(text, named.end())
    if dwelling is None or "building" not in dwelling.components:
        return None
    return named.group(), dwelling


def _estate_after(text: str, parsed: ParsedAddress, end: int) -> int:
    """``end``, or past an estate's name that runs from it to the value's end after a village, a
    road or a number (北门社区锦华苑, 巴山东路28号锦华苑)."""
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff":
        return end  # most addresses end before a point, a digit or the text's end
    components = parsed.components
    if any(level in components for level in _DWELLING_PARTS) or "building" in components:
        return end
    if not any(level in components for level in _BEFORE_AN_ESTATE):
        return end
    estate = _ESTATE_ALONE_RE.match(text, end)
    return estate.end() if estate else end


def _without_counted_buildings(text: str, parsed: ParsedAddress) -> ParsedAddress:
    """``parsed`` less a building that a word stands before, with no unit or room after it: in prose
    after a region it counts buildings as often as it names one (江北街道新建安置楼12栋, 恒口镇共有12栋
    危房), where after a label it is the estate's (丈八街道绿地世纪城B区12栋). An estate's part or
    phase before it (育才小区东区3栋, 锦华苑二期5栋) counts none."""
    components = parsed.components
    building = components.get("building")
    if building is None or "unit" in components or "room" in components:
        return parsed
    if not "\u4e00" <= text[building[0]] <= "\u9fff":
        return parsed
    digits = _BUILDING_NUMBER_RE.search(text, building[0], building[1])
    if digits is not None and text[digits.start() - 1] in "区期":
        return parsed
    rest = {level: span for level, span in components.items() if level != "building"}
    return ParsedAddress(parsed.start, max((end for _, end in rest.values()), default=parsed.start), rest)


# What ends an office's name, no estate's (汉滨区民政局3号楼会议室: where staff meet, no one's home).
# Not 院 alone: a compound's (家属院3号楼, 滨江大院5号楼) is someone's home.
_OFFICES = ("局", "厅", "委", "办", "站", "所", "司", "政府", "中心", "学校", "医院", "法院", "学院", "银行")
# Where a building's number begins in its span (its name before it: 育才小区东区3栋).
_BUILDING_NUMBER_RE = re.compile("[0-9A-Za-z]")


def _estate_in_region(text: str, parsed: ParsedAddress) -> int:
    """The end of an estate of any name right after a region's levels down to a district, with no
    label before them (北京市朝阳区望京西园三区312号楼1单元, 丰台区方庄芳古园一区5号楼): before its
    building and the building's unit or room, or a building by its number (312号楼), 0 if none. The
    levels read an estate only by 小区, 花园, 家园 or 公寓, and a building alone after a region's
    word counts buildings in prose as often (恒口镇共有12栋危房)."""
    if text[parsed.end : parsed.end + 1] in _NOT_AN_ESTATES_FIRST:
        return 0
    estate = _estate_dwelling(text, parsed.end)
    if estate is None or estate[0].endswith(_OFFICES):
        return 0
    dwelling = estate[1]
    components = dwelling.components
    if (
        "unit" not in components
        and "room" not in components
        and not text.startswith("号楼", components["building"][1] - 2)
    ):
        return 0
    return _closed(text, dwelling)


def _closed(text: str, parsed: ParsedAddress) -> int:
    """The address's end, after the bracket that closes a dwelling's part opened in it (12号（3栋2单元）:
    the bracket goes with what it holds)."""
    end = parsed.end
    if end < len(text) and text[end] in ")）" and ("（" in text[parsed.start : end] or "(" in text[parsed.start : end]):
        return end + 1
    return end


def _village_start(text: str, at: int) -> int:
    """Where the village's or the estate's name begins whose 村 or 小区 (家园 …) stands at ``at`` (two
    Han characters before it)."""
    if at < 3 or not "\u4e00" <= text[at - 3] <= "\u9fff" or text[at - 3] in _BEFORE_NAME:
        return at - 2
    before = text[at - 4] if at >= 4 else ""
    return at - 3 if not "\u4e00" <= before <= "\u9fff" or before in _BEFORE_NAME else at - 2


# An address written a character at a time after its label (住址：北 京 市 朝 阳 区 建 国 路 8 8 号, as a
# form pads a field or a copy from a PDF spaces it): no part of it parses as written. A number
# stays whole between the spaces as often as not (育 才 路 12 号): the run read one character
# at a time stopped at its first digit, and its last digit and 号 went out.
_SPACED_RE = re.compile(rf"(?:[{_H}]|[0-9A-Za-z]+)(?:[ \u3000](?:[{_H}]|[0-9A-Za-z]+))+")


def _spaced(text: str, pos: int) -> int:
    """The end of an address spaced a character at a time at ``pos``, read with the spaces
    dropped; 0 when there is none, or it is no address down to a street or a village."""
    match = _SPACED_RE.match(text, pos)
    if match is None:
        return 0
    parsed = parse_at(match.group().replace(" ", "").replace("\u3000", ""))
    return match.end() if parsed is not None and parsed.fine else 0


TRIGGERS = "区县市镇乡村路街巷号室栋幢座道"
# And those of an estate or a neighbourhood written without a number (住址：幸福家园, 家住阳光公寓,
# 住址：江北居委会). Apart from TRIGGERS, which also tells a name-shaped key from a place's
# (fastjson.name_shaped): 王园园 is a name.
ESTATE_ENDS = "园寓会"
# What ends a part below the districts with no character of TRIGGERS but 号 in it (a village, a
# road, a building, a unit, a room): with any 号 in the text, these let ``find`` run as before.
_FINE_ENDS_WITHOUT_TRIGGER = ("居委会", "花园", "家园", "胡同", "座", "单元", "房")
# may_contain's tests, one substring each (a test of one character is a memchr): the ends but 号,
# then, where 号 stood only bare, the ends above that hold none of them (a text with no 园 holds
# no 花园).
_ENDS_BUT_NUMBER_SIGN: Final = [end for end in TRIGGERS + ESTATE_ENDS if end != "号"]
_BARE_NUMBER_SIGN_ENDS: Final = [
    word for word in _FINE_ENDS_WITHOUT_TRIGGER if not any(end in word for end in _ENDS_BUT_NUMBER_SIGN)
]


def looks_like(text: str) -> bool:
    """Is ``text`` (under a key that may name an address: dz) an address whole, down to a street,
    a village or a dwelling, in Chinese or in English?"""
    parsed = parse_at(text)
    if parsed is not None and parsed.fine:
        if _estate_after(text, parsed, parsed.end) == len(text):
            return True
    elif _named_estate(text, 0, parsed) == len(text):
        return True  # 锦华苑3栋2单元, 汉滨区锦华苑
    return address_latin.looks_like(text)


def may_contain(text: str) -> bool:
    """Cheap pre-check: every address we accept ends in one of these characters (TRIGGERS,
    ESTATE_ENDS). An address's 号 stands after a digit or a letter (12号, 3号楼, A号); any other
    (身份证号, 编号, 账号: every remark with an ID number has one) counts only beside a part that
    ends without a trigger, else ``find`` parsed such a remark at every start for nothing (~36,000
    instructions).

    One substring test a character, where a search of their class stopped at the bare 号 of
    身份证号 and searched on from it: ~10,000 instructions a remark with no address,
    against ~4,000."""
    for end in _ENDS_BUT_NUMBER_SIGN:
        if end in text:
            return True
    at = text.find("号")
    bare_number_sign = False
    while at >= 0:
        if at > 0 and text[at - 1].isascii() and text[at - 1].isalnum():
            return True
        bare_number_sign = True
        at = text.find("号", at + 1)
    if bare_number_sign:
        for word in _BARE_NUMBER_SIGN_ENDS:
            if word in text:
                return True
    return may_follow_label(text)


def may_follow_label(text: str) -> bool:
    """Could ``text`` hold an address in English or an estate alone after its label
    (``LABELLED_HINT``)? Substring tests first: most texts hold no label."""
    return ("住" in text or "址" in text or "户籍" in text) and _LABELLED_HINT_RE.search(text) is not None


# Every province, prefecture and county of the mainland (GB/T 2260, one "code name" a line).
DIVISIONS_PATH = Path(__file__).with_name("gb2260.txt")


def _divisions() -> list[str]:
    with DIVISIONS_PATH.open(encoding="utf-8") as fh:
        return [line.split()[1] for line in fh if line.strip() and not line.startswith("#")]


# Regions by their full names across the country (韩城市, 石林彝族自治县: a name of that
# shape is no person's), and as people shorten them in keys and labels only for the regions of
# this deployment's dictionary (石泉 for 石泉县, 关庙 for 关庙镇) and the development zones
# nearly every city has (高新区). Short names elsewhere are not taken for places: some 700 of
# them are also common given names (高明, 江山, 安宁, 方正), and a person's name left in clear
# is worse than a county's masked.
_LOCAL = [*SHAANXI_CITIES, *COUNTIES, *TOWNSHIPS]
_SHORT_REGIONS = frozenset(
    [*_divisions(), *_LOCAL, *(re.sub("(?:街道|区|县|市|镇)$", "", name) for name in _LOCAL), "高新", "曲江"]
)
# Last characters of villages and landmarks (王府井, 李家庄, 张家湾, 柳树坪). Given names
# hardly end in them; 山, 河, 林 and 梁 are common in given names and left out.
_PLACE_FINALS = "井庄湾寨屯堡营坝坪沟峪洼塬垭"


_DIVISION_NAMES = frozenset(_divisions())


def is_region_stem(word: str) -> bool:
    """Is ``word`` a division of the country less its level's word (张家港 for 张家港市, 石河子 for
    石河子市)? Only for words of three characters or more: of two, some 700 are given names too
    (高明, 江山: see ``_SHORT_REGIONS``)."""
    return len(word) > 2 and any(word + end in _DIVISION_NAMES for end in ("市", "县", "区", "旗"))


def is_place_name(word: str) -> bool:
    """Is a word shaped like a person's name a place instead: a region by its short name, or
    a village or landmark by its last character?"""
    return word in _SHORT_REGIONS or word[-1:] in _PLACE_FINALS
