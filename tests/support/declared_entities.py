"""Entity types a deployment declares (inspection.custom_entities), as the tests declare them."""

from __future__ import annotations

from typing import Any

# A 低保证号: a pattern, context words, and keys in pinyin and Chinese.
DIBAO_CERT: dict[str, Any] = {
    "description": "低保证号",
    "level": "important",
    "patterns": [{"name": "dibao", "regex": "DB ?[0-9]{10}", "score": 0.6}],
    "context": ["低保证"],
    "pinyin": ["dbzh"],
    "chinese": ["低保证号"],
}
