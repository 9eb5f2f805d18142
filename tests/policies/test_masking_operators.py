"""The keyed and generalising masking operators, with round trips."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from policies import masking
from policies.crypto import RELEASE_REGION, CryptoError, FieldCrypto, OneWayToken
from policies.generalise import generalise
from policies.keys import KeyFileError, KeyRing
from policies.masking import MaskingProfiles, load_profiles

ID = "610902199001011235"  # synthetic, checksum-valid
CARD = "6222021234567890128"


@pytest.fixture
def crypto(tmp_path: Path) -> FieldCrypto:
    return FieldCrypto(KeyRing(tmp_path, generate=True))


@pytest.mark.parametrize(
    ("entity", "value", "to", "expected"),
    [
        ("ADDRESS", "陕西省安康市汉滨区新城街道育才路12号", "district", "陕西省安康市汉滨区"),
        ("ADDRESS", "陕西省安康市汉滨区新城街道育才路12号", "township", "陕西省安康市汉滨区新城街道"),
        ("ADDRESS", "陕西省安康市汉阴县城关镇南街5号", "township", "陕西省安康市汉阴县城关镇"),
        ("ADDRESS", "育才路12号", "district", "[已屏蔽]"),  # nothing to keep: redacted, not passed
        ("RESIDENT_ID", ID, "year", "1990年"),
        ("RESIDENT_ID", "６１０９０２１９９００１０１１２３５", "year", "1990年"),
        ("BIRTH_DATE", "1990-01-01", "year", "1990年"),
        ("BIRTH_DATE", "1990年1月1日", "year", "1990年"),
        ("BIRTH_DATE", "unknown", "year", "[已屏蔽]"),
        ("AGE", "37", "band", "30-39岁"),
        ("AGE", "８岁", "band", "0-9岁"),
        ("AGE", "old", "band", "[已屏蔽]"),
    ],
)
def test_generalise(entity: str, value: str, to: str, expected: str) -> None:
    assert generalise(entity, value, to) == expected


def test_age_band_width() -> None:
    assert generalise("AGE", "37", "band", width=5) == "35-39岁"


@pytest.mark.parametrize("alg", ["hmac-sha256", "hmac-sm3"])
def test_pseudonyms_are_stable_and_keyed(crypto: FieldCrypto, alg: str) -> None:
    token = crypto.token(ID, alg, "p1")
    prefix = "tok" if alg == "hmac-sha256" else "sm3"
    assert token.startswith(f"{prefix}:p1:") and len(token.split(":")[2]) == 32
    assert crypto.token(ID, alg, "p1") == token  # same input, same token
    assert crypto.token("６１０９０２ １９９００１０１１２３５", alg, "p1") == token  # same after folding
    assert crypto.token(ID, alg, "p2") != token  # different key id, different token
    assert crypto.token("610902199001011243", alg, "p1") != token
    assert ID not in token


def test_sm3_and_sha256_tokens_differ(crypto: FieldCrypto) -> None:
    assert crypto.token(ID, "hmac-sha256").split(":")[2] != crypto.token(ID, "hmac-sm3").split(":")[2]


def test_masking_tokens_never_equal_audit_person_tokens(tmp_path: Path, crypto: FieldCrypto) -> None:
    from policies.keys import Pseudonymizer

    audit_token = Pseudonymizer.from_dir(tmp_path, True).token(ID)
    assert audit_token.split(":")[1] != crypto.token(ID).split(":")[2]


def test_tokens_are_one_way(crypto: FieldCrypto) -> None:
    with pytest.raises(OneWayToken, match="one-way"):
        crypto.decrypt(crypto.token(ID), "610902")


@pytest.mark.parametrize(("alg", "prefix"), [("aes-256-gcm", "enc"), ("sm4-gcm", "sm4")])
def test_encryption_round_trip(crypto: FieldCrypto, alg: str, prefix: str) -> None:
    sealed = crypto.encrypt(CARD, alg, "k1", region="610902")
    assert sealed.startswith(f"{prefix}:k1:") and CARD not in sealed
    assert crypto.encrypt(CARD, alg, "k1", region="610902") != sealed  # random nonce
    assert crypto.decrypt(sealed, "610902") == CARD
    with pytest.raises(CryptoError, match="region"):
        crypto.decrypt(sealed, "610921")  # bound to the region it was released for
    tampered = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    with pytest.raises(CryptoError):
        crypto.decrypt(tampered, "610902")


def test_the_region_comes_from_the_request_context(crypto: FieldCrypto) -> None:
    token = RELEASE_REGION.set("610921")
    try:
        sealed = crypto.encrypt(CARD)
    finally:
        RELEASE_REGION.reset(token)
    assert crypto.decrypt(sealed, "610921") == CARD


def test_rotation_keeps_old_ciphertexts_readable(tmp_path: Path) -> None:
    old = FieldCrypto(KeyRing(tmp_path, generate=True)).encrypt(CARD, key_id="k1", region="610902")
    rotated = FieldCrypto(KeyRing(tmp_path, generate=True))
    new = rotated.encrypt(CARD, key_id="k2", region="610902")
    assert new.startswith("enc:k2:")
    # A restarted gateway (keys read from files, no generation) reads both.
    ring = FieldCrypto(KeyRing(tmp_path, generate=False))
    assert ring.decrypt(old, "610902") == CARD and ring.decrypt(new, "610902") == CARD
    (tmp_path / "encrypt-k1.key").unlink()
    with pytest.raises(CryptoError, match="unknown key id"):
        FieldCrypto(KeyRing(tmp_path, generate=False)).decrypt(old, "610902")


def test_a_key_another_replica_added_after_start_decrypts(tmp_path: Path) -> None:
    """A rotation adds encrypt-k2.key; workers started before it must still decrypt with it."""
    running = FieldCrypto(KeyRing(tmp_path, generate=True))
    running.encrypt(CARD, key_id="k1", region="610902")
    sealed = FieldCrypto(KeyRing(tmp_path, generate=True)).encrypt(CARD, key_id="k2", region="610902")
    assert running.decrypt(sealed, "610902") == CARD


def test_key_files_writable_by_others_are_refused(tmp_path: Path) -> None:
    """Whoever can write a key file can forge checkpoints or swap the pseudonym key."""
    FieldCrypto(KeyRing(tmp_path, generate=True)).encrypt(CARD)
    assert (tmp_path / "encrypt-k1.key").stat().st_mode & 0o777 == 0o600
    (tmp_path / "encrypt-k1.key").chmod(0o666)
    with pytest.raises(KeyFileError, match="writable"):
        KeyRing(tmp_path, generate=False)


def test_missing_keys_stop_production(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="missing"):
        FieldCrypto(KeyRing(tmp_path, generate=False)).encrypt(CARD)


@pytest.mark.parametrize("value", ["enc:k1", "enc:k1:***", "enc:zz:AAAA", "xyz:k1:AAAA", "enc:k1:AAAA"])
def test_malformed_ciphertexts(crypto: FieldCrypto, value: str) -> None:
    crypto.encrypt(CARD)  # makes k1 exist
    with pytest.raises(CryptoError):
        crypto.decrypt(value, "610902")


def profiles(crypto: FieldCrypto | None) -> MaskingProfiles:
    return MaskingProfiles(
        {
            "order": ["p"],
            "profiles": {
                "p": {
                    "default": {"op": "redact"},
                    "entities": {
                        "RESIDENT_ID": {"op": "pseudonymise", "alg": "hmac-sm3", "key": "p1"},
                        "BANK_CARD": {"op": "encrypt", "alg": "sm4-gcm", "key": "k1"},
                        "ADDRESS": {"op": "generalise", "to": "district"},
                    },
                }
            },
        },
        crypto,
    )


def test_profiles_apply_the_operators(crypto: FieldCrypto) -> None:
    profile = profiles(crypto).get("p")
    assert (profile.apply("RESIDENT_ID", ID) or "").startswith("sm3:p1:")
    sealed = profile.apply("BANK_CARD", CARD) or ""
    assert crypto.decrypt(sealed, "") == CARD
    assert profile.apply("ADDRESS", "陕西省安康市汉滨区新城街道育才路12号") == "陕西省安康市汉滨区"
    assert not profile.lets_out_clear and not profile.releases_everything


def test_without_keys_keyed_operators_redact() -> None:
    profile = profiles(None).get("p")
    assert profile.apply("RESIDENT_ID", ID) == "[已屏蔽]"
    assert profile.apply("BANK_CARD", CARD) == "[已屏蔽]"


def test_shipped_reviewer_profile(crypto: FieldCrypto, tmp_path: Path) -> None:
    reviewer = load_profiles(None, crypto).get("reviewer")
    assert (reviewer.apply("BANK_CARD", CARD) or "").startswith("enc:k1:")
    assert reviewer.apply("ADDRESS", "陕西省安康市汉滨区新城街道育才路12号") == "陕西省安康市汉滨区新城街道"


@pytest.mark.parametrize(
    ("spec", "error"),
    [
        ({"op": "generalise"}, "generalise needs 'to'"),
        ({"op": "generalise", "to": "planet"}, "generalise needs 'to'"),
        ({"op": "pseudonymise", "alg": "md5"}, "pseudonymise 'alg'"),
        ({"op": "encrypt", "alg": "des"}, "encrypt 'alg'"),
        ({"op": "encrypt", "cipher": "aes"}, "unknown operator setting"),
    ],
)
def test_bad_operator_settings_are_rejected(spec: dict[str, str], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        MaskingProfiles({"order": ["p"], "profiles": {"p": {"default": spec}}})


@pytest.mark.parametrize(
    ("first", "last", "fill"),
    [(6, 4, "*"), (3, 4, "*"), (0, 0, "#"), (1, 0, "x"), (6, 4, "＊"), (3, 4, "**"), (10, 9, "*")],
)
def test_columns_masked_in_stride_equal_value_by_value(first: int, last: int, fill: str) -> None:
    """``apply_clean``'s ``mask`` of a column in one piece (ASCII values of one width) against
    the value-by-value mask: columns of one width and of two, short and long, with a
    character beyond ASCII, a NUL inside a value, widths at or below what is shown."""
    profile = MaskingProfiles(
        {"order": ["p"], "profiles": {"p": {"default": {"op": "mask", "first": first, "last": last, "fill": fill}}}}
    ).get("p")
    r = random.Random(f"{first}{last}{fill}")
    for _ in range(200):
        width = r.choice((1, 5, 11, 18, 19))
        values = ["".join(r.choice("0123456789X") for _ in range(width)) for _ in range(r.choice((1, 63, 64, 300)))]
        k = r.randrange(len(values))
        values[k] = r.choice((values[k], values[k], values[k][:-1], values[k] + "7", "张" + values[k][1:], "1\x003"))
        shown = first + last
        expected = [  # the value-by-value mask as apply_clean made it before
            v[:first] + fill * (len(v) - shown) + v[len(v) - last :] if len(v) > shown else fill * len(v)
            for v in values
        ]
        assert profile.apply_clean("RESIDENT_ID", values) == expected
    if fill == "*" and first + last < 18:  # the export's columns take the stride
        assert masking._masked_in_stride(["610902197603018937"] * 64, first, last, fill) is not None
