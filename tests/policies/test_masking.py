from pathlib import Path

import pytest

from policies.masking import Operator, load_profiles

PROFILES = load_profiles()
ID = "610902199001011235"  # synthetic, checksum-valid


@pytest.mark.parametrize(
    ("entity", "value", "expected"),
    [
        ("RESIDENT_ID", ID, "610902********1235"),
        ("RESIDENT_ID", "６１０９０２１９９００１０１１２３５", "610902********1235"),
        ("MOBILE", "13912345678", "139****5678"),
        ("MOBILE", "+86 139-1234-5678", "139****5678"),
        ("BANK_CARD", "6222021234567890128", "622202*********0128"),
        ("EMAIL", "zhang.san@example.com", "z********@example.com"),
        ("PERSON_NAME", "张伟", "张**"),
        ("PERSON_NAME", "张小伟", "张**"),
        ("PERSON_NAME", "欧阳娜娜", "欧阳**"),
        ("ADDRESS", "陕西省安康市汉滨区新城街道育才路12号", "陕西省安康市汉滨区***"),
        ("ADDRESS", "育才路12号", "***"),
        ("LANDLINE", "029-88886666", "029****6666"),
        ("USCC", "91350100M000100Y43", None),
    ],
)
def test_caseworker(entity: str, value: str, expected: str | None) -> None:
    assert PROFILES.get("caseworker").apply(entity, value) == expected


def test_reviewer_sees_names() -> None:
    reviewer = PROFILES.get("reviewer")
    assert reviewer.apply("PERSON_NAME", "张伟") is None
    assert reviewer.apply("RESIDENT_ID", ID) == "610902********1235"


@pytest.mark.parametrize("name", ["strict", "auditor", "service"])
def test_strict_family_redacts_everything(name: str) -> None:
    profile = PROFILES.get(name)
    for entity in ("RESIDENT_ID", "MOBILE", "PERSON_NAME", "ADDRESS", "USCC", "SOMETHING_NEW"):
        assert profile.apply(entity, "x") == "[已屏蔽]"
    assert not profile.lets_out_clear


def test_statistician_labels_and_clear_keeps() -> None:
    assert PROFILES.get("statistician").apply("RESIDENT_ID", ID) == "<RESIDENT_ID>"
    assert PROFILES.get("clear").apply("BANK_CARD", "6222021234567890128") is None
    assert PROFILES.get("clear").lets_out_clear


@pytest.mark.parametrize(
    ("roles", "profile"),
    [
        (["caseworker"], "caseworker"),
        (["district_head"], "reviewer"),
        (["caseworker", "district_head"], "reviewer"),  # least restrictive mapped one wins
        (["outsourced", "statistician"], "statistician"),
        (["service_payment"], "clear"),
        ([" Caseworker "], "caseworker"),
        (["unknown"], "strict"),
        ([], "strict"),
        (["unknown", "caseworker"], "caseworker"),
    ],
)
def test_for_roles(roles: list[str], profile: str) -> None:
    assert PROFILES.for_roles(roles).name == profile


def test_names_and_get() -> None:
    assert PROFILES.names[0] == "strict" and "clear" in PROFILES.names
    with pytest.raises(KeyError, match="no masking profile"):
        PROFILES.get("nope")


def test_bad_config_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text("order: [a]\nprofiles:\n  a:\n    default: {op: shred}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown masking operator"):
        load_profiles(bad)
    bad.write_text("order: [a]\nroles: {x: b}\nprofiles:\n  a: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown profile"):
        load_profiles(bad)


def test_an_id_cut_to_17_digits_keeps_its_length_when_nothing_is_shown_at_its_end() -> None:
    """A 17-digit ID hides one character fewer at its end (its check character is missing); with
    ``last: 0`` there is none to hide, and the mask must not grow an 18th character."""
    operator = Operator(op="mask", first=6, last=0)
    assert operator.apply("RESIDENT_ID", ID[:17]) == ID[:6] + "*" * 11
    assert Operator(op="mask", first=6, last=4).apply("RESIDENT_ID", ID[:17]) == ID[:6] + "*" * 8 + ID[14:17]
