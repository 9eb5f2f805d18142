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
        ("汉阴", ""),
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
