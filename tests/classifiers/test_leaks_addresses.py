"""Addresses ending in an estate without a house number, through ``Inspector.inspect``; and
estate names without an address word that must stay."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, json_leaks, leaks, unchanged_json


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("住址：安康市汉滨区江北街道幸福家园", "幸福家园"),
        ("现住汉阴县城关镇凤凰花园", "凤凰花园"),
        ("住址：幸福家园", "幸福家园"),
        ("家住凤凰花园", "凤凰花园"),
        ("住址：凤凰花园小区", "凤凰花园"),
        ("家住阳光公寓", "阳光公寓"),
        ("现住址：汉滨区阳光公寓", "阳光公寓"),
        ("住址：江北居委会", "江北居委会"),
    ],
)
def test_an_address_ending_in_an_estate_without_a_number(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("幸福家园建设项目已完工", "幸福家园"),
        ("公园管理处：开放时间", "公园管理处"),
        ("居委会换届选举通知", "居委会换届"),
        ("公寓楼管理规定", "公寓楼管理规定"),
        ("社会救助会议纪要", "社会救助会议纪要"),
    ],
)
def test_estates_without_an_address_word_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # After 住在 (居住在, 家住 and 现住 were read): no region before the road.
        ("住在育才路12号", "育才路12号"),
        ("他住在幸福小区3栋502室", "502室"),
        ("老人住在王家湾村3组12号，独居", "王家湾村3组"),
    ],
)
def test_an_address_after_lives_at_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("老人住在女儿家", "住在女儿家"),
        ("两人住在一起", "住在一起"),
        ("住在医院治疗", "住在医院治疗"),
        ("住在村里", "住在村里"),
        ("住在敬老院", "住在敬老院"),
        # A building or a floor alone is where in a place someone lives (numbers rounds nine, ten).
        ("他住在12号楼", "住在12号楼"),
        ("住在3楼", "住在3楼"),
    ],
)
def test_places_after_lives_at_that_are_no_address_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A dwelling in an estate, after no label or region: the estate, its building, a unit or a room.
        ("安置在锦绣家园7号楼1单元302", "7号楼1单元302"),
        ("搬迁至金州北路锦绣家园7号楼1单元302", "7号楼1单元302"),
        ("搬迁至安置小区（金州北路锦绣家园7号楼1单元302）", "7号楼1单元302"),
        ("分配房源：锦绣家园7号楼1单元302室", "7号楼1单元302"),
        ("分到锦华苑小区B座1702", "B座1702"),
        ("锦绣家园7号楼1单元302", "锦绣家园7号楼"),
        # A change's words between the label and the address.
        ("住址变更为：兴安路锦华苑小区B座1702", "B座1702"),
        ("地址已变更为汉滨区兴安路12号", "兴安路12号"),
        ("住址改为育才路12号", "育才路12号"),
        # An estate inside a community: the parse stopped at 社区.
        ("申请人住所：平利县城关镇药王庙社区安居小区6栋", "安居小区6栋"),
        ("家住城关镇药王庙社区安居小区6栋2单元", "安居小区"),
        ("家住城关镇东城社区幸福家园3栋", "幸福家园3栋"),
        # An estate of any name before its building, below a street or a village.
        ("现居住于西安市雁塔区丈八街道绿地世纪城B区12栋", "世纪城B区12栋"),
        ("该户居住在东坝社区棚改安置点3号楼", "安置点3号楼"),
        # A lane off the road, a lane's number, 甲 before a number.
        ("现住址：西街北巷12号", "北巷12号"),
        ("现住址：育才路88弄3号", "88弄3号"),
        ("现住址：育才路甲88号", "甲88号"),
        # One space between the levels.
        ("现住址：汉滨区 江北街道 育才路 88号", "育才路 88号"),
        ("现住址：汉滨区\u3000江北街道\u3000育才路\u300088号", "育才路\u300088号"),
        # 住 alone at a clause's head.
        ("住育才路88号3栋2单元501", "3栋2单元501"),
        ("该户情况属实，住王家湾村3组12号", "王家湾村3组"),
        # A building, its unit and its room with hyphens; Chinese numerals after a road or a number.
        ("住址：育才路88号3-2-501", "3-2-501"),
        ("家住幸福家园3-2-501室", "3-2-501"),
        ("住址：幸福家园3号楼2-501", "2-501"),
        ("现住址：汉滨区江北街道育才路88号三栋二单元五零二", "五零二"),
        ("现住址：汉滨区江北街道育才路八十八号", "八十八号"),
        # An estate after the number, before a building in hyphens or in brackets.
        ("居住在安康市汉阴县江北街道金城巷51-8号阳光公寓21-3-1401，联系电话见附件", "21-3-1401"),
        ("家庭住址：汉阴县江北街道新城北路4-7号幸福花园（20栋6单元2604）", "20栋6单元2604"),
        ("住在陕西省　安康市　石泉县　江北街道　滨江大道118号院锦绣家园9-2-402", "9-2-402"),
        # After 居住于 (现居住于), which was no label.
        ("备注：现居住于丈八街道七堰社区第7村民小组53号，共3人", "第7村民小组53号"),
        # A community's group, after no label or region.
        ("该户七堰社区第4村民小组，联系电话见附件", "第4村民小组"),
        # A city read as a name after 申请人 won over the address it begins.
        ("经核实，申请人安康市汉滨区大竹园镇东城社区第6村民小组", "第6村民小组"),
        ("经核实，申请人安康市汉阴县金城巷171号院1栋1703室", "1703室"),
        # An estate of any name right after a district, before its building (thirty-fifth session);
        # an estate's part or phase before a building, after a road too.
        ("暂住于北京市朝阳区望京西园三区312号楼1单元", "望京西园"),
        ("北京市丰台区方庄芳古园一区5号楼", "芳古园"),
        ("安康市汉滨区家属院3号楼2单元", "家属院"),
        ("汉滨区新城街道育才小区东区3栋", "东区3栋"),
        ("汉滨区育才路东区3栋", "区3栋"),
    ],
)
def test_a_dwelling_in_an_estate_without_a_label_or_after_a_change(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # A name read into the region after it (李娜西), which won over the address by its score.
        ("申请人李娜西安市汉滨区新城北路甲98号锦绣家园20栋5单元1902", ["李娜", "1902"]),
        ("申请人李娜汉阴县丈八街道西街265号阳光公寓1号楼3单元2301室。", ["李娜", "2301室"]),
        ("申请人李娜陕西省安康市石泉县大竹园镇东城社区9组64号。", ["李娜", "9组64号"]),
        ("户主张伟，住址：汉滨区育才路88号3-2-501", ["张伟", "3-2-501"]),
    ],
)
def test_a_name_before_an_address_both_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # An estate that names none (该, 本, 各), a count of buildings, no unit or room.
        ("住户反映该小区3栋2单元停水", "该小区3栋2单元"),
        ("本小区3栋2单元", "本小区3栋2单元"),
        ("各小区2栋1单元均已排查", "各小区2栋1单元"),
        ("共有小区12栋，住户300户", "小区12栋"),
        ("幸福家园共3栋楼", "幸福家园共3栋楼"),
        ("全市共有安置小区5个", "安置小区5个"),
        ("地址变更为线上办理", "地址变更为线上办理"),
        ("住址变更需提供证明", "住址变更需提供证明"),
        # 住 in a word, levels a space apart with nothing below them.
        ("住院治疗期间费用已报销", "住院治疗期间"),
        ("住房困难，申请廉租房", "住房困难"),
        ("，住宿费每月300元", "住宿费每月300元"),
        ("汉滨区 村民代表大会", "汉滨区 村民代表大会"),
        ("江北街道 2024年低保名单", "江北街道 2024年低保名单"),
        ("安康市 汉滨区 民政局", "安康市 汉滨区 民政局"),
        ("汉滨区共有12栋安置楼", "汉滨区共有12栋安置楼"),
        # Months with a hyphen after an address; numerals that are no building.
        ("住址：育才路88号，1-2月未领取", "1-2月未领取"),
        ("现住址：育才路88号3号楼，2-12月已发放", "2-12月已发放"),
        ("汉滨区三座大山", "汉滨区三座大山"),
        ("育才路三期工程", "育才路三期工程"),
        # Buildings counted in prose after a region, with no unit or room.
        ("江北街道新建安置楼12栋，安置群众300户", "新建安置楼12栋"),
        ("恒口镇共有12栋危房需改造", "共有12栋危房"),
        ("江北街道办理了3栋房屋的登记", "办理了3栋房屋"),
        ("汉滨区共有12栋危房", "共有12栋危房"),
        # an office's building, no one's home; an estate's building alone, no unit, room or 号楼
        ("在汉滨区民政局3号楼会议室召开", "民政局3号楼"),
        ("汉滨区人民医院3号楼", "人民医院3号楼"),
        ("汉滨区锦华苑二期5栋", "锦华苑二期5栋"),
        # A community's volunteers, not its group of households.
        ("阳光社区第一小组开展志愿活动", "阳光社区第一小组"),
        ("各社区第2组负责排查", "各社区第2组"),
    ],
)
def test_estates_that_are_no_dwelling_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("value", "secret"),
    [
        # Under the weak key dz the value must read as an address whole: its hyphens between digits
        # were dropped first (3-2-501 read as the room 32501, which no room is).
        ("育才路88号3-2-501", "3-2-501"),
        ("育才路８８号３－２－５０１", "５０１"),
        ("汉滨区 江北街道 育才路 88号", "育才路 88号"),
    ],
)
def test_an_address_under_dz_with_hyphens_or_spaces(value: str, secret: str) -> None:
    json_leaks({"dz": value}, [secret])
    json_leaks([{"xm": "张伟", "dz": value} for _ in range(3)], [secret])


@pytest.mark.parametrize("value", ["A-1", "2023-01-01", "1-2", "3-2"])
def test_values_with_hyphens_under_dz_that_are_no_address_stay(value: str) -> None:
    unchanged_json({"dz": value})


@pytest.mark.parametrize("value", ["锦华苑3栋2单元", "汉滨区锦华苑", "北门社区锦华苑", "锦华苑 3栋 2单元"])
def test_an_estate_of_any_name_under_dz(value: str) -> None:
    json_leaks({"dz": value}, ["锦华苑"])


@pytest.mark.parametrize("value", ["已核实", "汉滨区", "不详", "同上"])
def test_values_under_dz_that_name_no_estate_stay(value: str) -> None:
    unchanged_json({"dz": value})


# A place on a road that is no house number: a section (北段), a crossing (与兴安路交叉口), a
# direction and a distance (往东50米, 东南角, 路西), and an estate right after them.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("住址：育才路东段12号", "12号"),
        ("住址：育才路北段东侧幸福家园", "幸福家园"),
        ("现住育才路北段东侧幸福家园", "幸福家园"),
        ("住在兴安路和育才路交汇处的幸福家园", "幸福家园"),
        ("住址：育才路与兴安路交叉口往东50米", "往东50米"),
        ("家住兴安中路口南50米路西", "南50米"),
        ("住址：育才路与兴安路十字东北角", "东北角"),
        ("住址：育才路与兴安路交叉口东南角幸福家园", "幸福家园"),
        ("家住育才路西侧阳光公寓3号楼", "阳光公寓"),
    ],
)
def test_a_place_on_a_road_after_its_name(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("沿育才路向东50米设置临时停车点", "向东50米"),
        ("育才路交叉口改造工程", "交叉口改造工程"),
        ("兴安路北段施工，绕行幸福家园", "幸福家园"),
        ("住址核查：育才路段共12户", "共12户"),
        ("地址不详，东侧为空地", "东侧为空地"),
    ],
)
def test_places_on_a_road_without_an_address_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


# After a label, an estate of any name: before its building and unit (家住锦华苑3栋2单元 went out
# whole: only 小区, 花园, 家园 and 公寓 were read as estates), or alone after the district
# (住址：汉滨区锦华苑). A compound's row and house (88号院2排3号), and a former address in brackets
# right after the address (育才路88号（原兴安路12号）).
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("家住锦华苑3栋2单元", "锦华苑"),
        ("家住安康学院家属院3栋2单元", "家属院"),
        ("住址：民政局宿舍3栋2单元301", "宿舍"),
        ("住在江南华府7号楼1单元302", "江南华府"),
        ("住址：锦华苑B座1201", "1201"),
        ("现住址：锦华苑北区12栋", "锦华苑"),
        ("住址：金色港湾东区3栋2单元", "金色港湾"),
        ("现住址：金色港湾 3栋 2单元", "金色港湾"),
        ("住址：汉滨区锦华苑", "锦华苑"),
        ("现住：汉滨区新城街道北门社区锦华苑", "锦华苑"),
        ("现住：汉滨区新城街道北门社区锦华苑，2020年搬入", "锦华苑"),
        ("通讯地址：陕西省安康市汉滨区巴山东路28号锦华苑", "锦华苑"),
        ("住址：汉滨区锦华苑3栋，电话见附件", "锦华苑3栋"),
        ("住在市福利院3号楼", "福利院"),
        ("住址：汉滨区江南华府，联系电话见附件", "江南华府"),
        ("现住址：安康市汉滨区金色港湾。", "金色港湾"),
        ("住址：汉滨区育才路88号院2排3号", "2排3号"),
        ("住址：育才路88号（原兴安路12号）", "兴安路12号"),
        ("住址：汉滨区育才路88号(原新城路3号)", "新城路3号"),
    ],
)
def test_an_estate_of_any_name_after_a_label(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("家住三楼，共3栋2单元待改造", "共3栋2单元待改造"),
        ("住址：汉滨区", "汉滨区"),
        ("住址核实情况：汉滨区共核实120户", "共核实120户"),
        ("住址：见附件（原件已核对）", "原件已核对"),
        ("户籍地址：汉滨区（原安康县）", "原安康县"),
        ("新建3栋2单元住宅楼", "3栋2单元"),
        ("住在12号楼", "12号楼"),
        ("住址：汉滨区已核实", "已核实"),
        ("家住育才路88号的低保户", "的低保户"),
        ("住址：汉滨区育才路88号3单元502室居住", "居住"),
        ("住址：见3栋公告栏", "3栋公告栏"),
        ("地址：汉滨区，邮编725000", "邮编725000"),
    ],
)
def test_what_follows_a_label_and_is_no_estate_stays(text: str, kept: str) -> None:
    in_clear(text, kept)


# An estate alone after its label, with no district, by its name's ending (address._ESTATE_ENDED_RE:
# 苑, 府, 城, 名都 …, maybe its phase or its part); a space between a place's short name and the
# estate before its building; and 户籍 as a label (thirtieth session).
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("家庭住址：锦华苑二期", "锦华苑"),
        ("家庭住址：阳光城，联系电话无", "阳光城"),
        ("住址：锦华苑东区", "锦华苑"),
        ("住所：滨江名都", "滨江名都"),
        ("居住在碧桂园", "碧桂园"),
        ("家住江北 幸福家园3栋", "幸福家园"),
        ("家住城关 金色家园3栋2单元", "金色家园"),
        ("户籍：汉滨区锦华苑", "锦华苑"),
        ("户籍在汉滨区锦华苑", "锦华苑"),
        ("户籍：锦华苑", "锦华苑"),
    ],
)
def test_an_estate_alone_after_a_label(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("住址：不详", "不详"),
        ("住址：同上", "同上"),
        ("住址：敬老院", "敬老院"),
        ("地址：民政局", "民政局"),
        ("住在县城", "县城"),
        ("户籍：农业户口", "农业户口"),
        ("户籍：汉滨区", "汉滨区"),
        ("户籍：本地", "本地"),
        ("户籍性质：城镇", "城镇"),
        # words for where that name no place (县城 read as an estate's name, 本村 as a village's)
        ("住址：县城", "县城"),
        ("户籍在本村", "本村"),
        ("家庭住址：本乡", "本乡"),
        ("现住：农村", "农村"),
        ("住址：本社区，独居", "本社区"),
    ],
)
def test_a_labels_other_values_stay(text: str, kept: str) -> None:
    in_clear(text, kept)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("住址：本村三组", "本村三组"),
        ("住址：县城育才路12号", "育才路12号"),
        ("户籍在本村3组", "本村3组"),
    ],
)
def test_an_unnamed_place_that_goes_on_to_detail_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


def test_a_place_under_the_hukou_key_is_masked_and_its_type_stays() -> None:
    """户籍 is a weak address key (catalog.yaml): its place goes, its type stays."""
    json_leaks({"户籍": "汉滨区锦华苑"}, ["锦华苑"])
    json_leaks({"户籍": "汉滨区育才路88号"}, ["育才路88号"])
    unchanged_json({"户籍": "农业户口"})
    unchanged_json({"户籍": "陕西省安康市"})
