"""Addresses ending in an estate without a house number, through ``Inspector.inspect``; and
estate names without an address word that must stay."""

from __future__ import annotations

import pytest

from support.inspected import in_clear, leaks


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
