"""Data levels of GB/T 43697-2024 (数据分类分级规则): general < important < core."""

from __future__ import annotations

import enum


class DataLevel(enum.IntEnum):
    """Ordered so that max() gives the level that wins ("就高从严")."""

    GENERAL = 1
    IMPORTANT = 2
    CORE = 3

    @property
    def label(self) -> str:
        """The name used in audit events and config files."""
        return self.name.lower()

    @property
    def zh(self) -> str:
        return {1: "一般数据", 2: "重要数据", 3: "核心数据"}[self.value]

    @classmethod
    def parse(cls, text: str) -> DataLevel:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown data level {text!r}: use general, important or core") from None
