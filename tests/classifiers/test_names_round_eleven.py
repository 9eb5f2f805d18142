"""Persons' names that went out in clear (names round eleven), and words masked as names, through
``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside them
must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged

ID_A = "610902199001011235"  # synthetic, with a valid check character
ID_B = "610902194912310022"


# Words masked as names after a role or a category, and a pseudonym beside an ID number.


@pytest.mark.parametrize(
    "text",
    [
        "低保户张家港",
        "老人周一、周三值班",
        "老人周末、周日值班",
        "村民白天外出",
    ],
)
def test_a_day_or_a_city_after_a_role_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize("text", [f"王某({ID_A})", f"王某（{ID_A}）", f"李某某({ID_A})"])
def test_a_pseudonym_beside_an_id_number_stays_and_the_number_is_masked(text: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        pseudonym = text[: text.index(ID_A) - 1]  # 王某, before the bracket
        assert masked.startswith(pseudonym + text[len(pseudonym)]) and ID_A not in masked, (role, masked)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("低保户张伟", ["张伟"]),
        ("老人周伟、周强值班", ["周伟"]),
        (f"王伟({ID_A})", ["王伟"]),
        ("村民钟声", ["钟声"]),  # a surname and a word that is a given name as well: a name
    ],
)
def test_names_beside_them_still_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)
