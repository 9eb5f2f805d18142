"""Keys and headings that are persons' names, not field names.

A map keyed by name ({"张伟": {"sfzh": …}}), a table turned so that each person is a
column, a pivot by person (月份,张三,李四): the names are in the keys or the header, where
the walks look for field names.
"""

from __future__ import annotations

from .entities import address, person_name
from .jsonshapes import PlanOf


def name_shaped(key: str, plan_of: PlanOf) -> bool:
    """Is a key or a label shaped like a person's name? A surname and one to three characters
    (or a dotted minority name), no key the catalog knows (金额, 方式 start with surnames), no
    region or place (maps by district: 安康, 汉滨区, 石泉, 高新; 王府井), no word for a group
    (成员, 单位, 高龄)."""
    return (
        "\u3400" <= key[:1] <= "\u9fff"
        and key[-1] not in address.TRIGGERS
        and person_name.is_keyed_name(key, require_surname=True)
        and key not in person_name.GROUP_WORDS
        and not address.is_place_name(key)
        and plan_of(key).info is None
        and address.parse_at(key) is None
    )
