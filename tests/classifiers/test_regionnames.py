"""Region names read as GB/T 2260 codes (classifiers/regionnames.py)."""

from __future__ import annotations

import pytest

from classifiers.regionnames import below_county, code_of_name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("汉阴县", "610921"),  # a county name, once in the province
        ("陕西省安康市汉阴县", "610921"),
        ("安康市汉阴县", "610921"),
        ("陕西省汉阴县", "610921"),
        ("陕西省 安康市 汉阴县", "610921"),
        ("安康市", "610900"),
        ("陕西省", "610000"),
        # A township or village written below the county is inside it.
        ("汉阴县城关镇", "610921"),
        ("陕西省安康市汉阴县涧池镇五一村", "610921"),
        ("汉滨区新城街道", "610902"),
        # With its province, a name is read anywhere; 北京市 is the municipality, not its city level.
        ("江苏省南京市鼓楼区", "320106"),
        ("北京市", "110000"),
        ("北京市朝阳区", "110105"),
        # Read in the province only: 朝阳区 and 鼓楼区 are elsewhere, 鼓楼区 in four cities.
        ("朝阳区", ""),
        ("鼓楼区", ""),
        ("南京市鼓楼区", ""),
        # No division, part of a name, or more than one division in one value.
        ("城关镇", ""),
        ("汉阴", "610921"),  # its level's word left out, and one division by that name (below)
        ("全部", ""),
        ("汉阴县、紫阳县", ""),
        ("汉阴县紫阳县", ""),
        ("汉阴县紫阳县城关镇", ""),
        ("汉阴县(610921)", ""),
        ("汉阴县新华路12号", ""),
        ("安康市汉滨区", "610902"),
        ("汉滨区安康市", ""),
    ],
)
def test_a_region_name_is_read_as_its_code(name: str, code: str) -> None:
    assert code_of_name(name, "61") == code


def test_a_county_name_is_read_in_the_province_given() -> None:
    assert code_of_name("鼓楼区", "61") == ""
    assert code_of_name("城区", "14") == ""  # 城区 is in three cities of 山西
    assert code_of_name("汉阴县", "32") == ""


@pytest.mark.parametrize(
    ("value", "township"),
    [
        ("江北街道", True),
        ("五里镇", True),
        ("城关镇", True),
        ("五里镇东坝村", True),
        (" 江北街道办事处 ", True),
        ("汉滨区江北街道", False),  # names its county: read as the county's code
        ("江北街道、五里镇", False),  # two of them
        ("全部", False),
        ("新华路12号", False),
        ("汉阴县", False),
    ],
)
def test_a_township_alone_is_told_apart(value: str, township: bool) -> None:
    assert below_county(value) is township


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # Written without the level's word, as real systems do: read when one division alone
        # has that name once the word is stripped.
        ("汉滨", "610902"),
        ("汉阴", "610921"),
        ("安康", "610900"),
        ("陕西", "610000"),
        ("安康市汉滨", "610902"),  # as the last name of a chain
        ("陕西省安康市汉阴", "610921"),
        ("陕西安康汉滨", "610902"),
        ("汉阴城关镇", "610921"),
        # Look-alikes: a short name two divisions share (长安区 of 西安 and of 石家庄; 鼓楼区; 吉林省
        # and 吉林市), one character (洋县), a township named after
        # its county (石泉镇: still a township alone).
        ("长安", ""),
        ("鼓楼", ""),
        ("吉林", ""),
        ("洋", ""),
        ("石泉镇", ""),
        ("安康镇五里村", ""),  # a township named 安康镇, of any county
    ],
)
def test_a_name_without_its_level_word_is_read_when_it_is_unique(name: str, code: str) -> None:
    province = "22" if name == "吉林" else "61"
    assert code_of_name(name, province) == code


def test_a_township_named_after_its_county_is_still_a_township() -> None:
    assert below_county("石泉镇")
