"""A bank's account in a member beside the bank's, for the JSON walk (``fastjson.ColumnWalker``),
and in a CSV export's column beside the bank's (``fastcsv``: 户名,开户行,账号, a payment sheet).

``{"khh": "中国农业银行城关支行", "zh": "6221…"}``: ``zh`` alone is no account's key (组号, 证号 and 账号
share its initials), nor is ``账号`` (a login's as often); beside a member naming the account's bank
(开户行 khh, 开户银行 khyh …) it is the bank's account, and its value is judged as under a bank
account's key (an account failing the Luhn check too, as after 开户行：… 账号： in text:
``labelled_cards.labelled_accounts``). The keys stay as they came.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

# Keys naming an account's bank (开户行, 开户银行, 开户网点, 开户机构, 银行名称), in pinyin initials,
# in Chinese and in English.
BANK_KEYS: Final = frozenset(
    {
        "khh",
        "khyh",
        "khwd",
        "khjg",
        "khhmc",
        "khyhmc",
        "yhmc",
        "开户行",
        "开户银行",
        "开户网点",
        "开户机构",
        "开户行名称",
        "银行名称",
        "bankName",
        "openingBank",
        "depositBank",
    }
)
# Keys that name a bank's account only beside the bank's (zh 账号, 账号, 帐号).
ACCOUNT_KEYS: Final = frozenset({"zh", "账号", "帐号", "账户号", "帐户号", "account"})
# The catalog's key of a bank account, which the account's value is judged under.
ACCOUNT_KEY: Final = "银行账号"


def banked(keys: Collection[str]) -> bool:
    """Do ``keys`` (an object's) name an account's bank? One C-level pass."""
    return not BANK_KEYS.isdisjoint(keys)
