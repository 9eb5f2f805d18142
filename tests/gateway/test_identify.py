from __future__ import annotations

import asyncio
import time
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from gateway.exchange import Exchange, Request
from gateway.settings import ApiKey, IdentitySettings, JwtSettings
from gateway.stages.identify import Identify, hash_api_key

KEY = "mg_test-key-for-caseworker"


def exchange(*headers: tuple[bytes, bytes]) -> Exchange:
    return Exchange(Request("GET", "/", b"", list(headers), "127.0.0.1", 5000, "http"))


def identify_with_jwt(tmp_path: Path, private_key: object, kid: str) -> Identify:
    public = private_key.public_key()  # type: ignore[attr-defined]
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    (tmp_path / f"{kid}.pem").write_bytes(pem)
    return Identify(
        IdentitySettings(
            api_keys=[
                ApiKey(
                    id="cw",
                    sha256=hash_api_key(KEY),
                    subject="zhangwei",
                    kind="person",
                    roles=["caseworker"],
                    region="610902",
                )
            ],
            jwt=JwtSettings(public_keys=[tmp_path / f"{kid}.pem"], issuer="idp", audience="minguard"),
        )
    )


def token(private_key: object, algorithm: str, kid: str, **claims: object) -> str:
    now = int(time.time())
    body: dict[str, object] = {
        "sub": "wangfang",
        "roles": ["reviewer"],
        "region": "610902",
        "iss": "idp",
        "aud": "minguard",
        "iat": now,
        "exp": now + 300,
    }
    body.update(claims)
    return jwt.encode(body, private_key, algorithm=algorithm, headers={"kid": kid})  # type: ignore[arg-type]


def run(identify: Identify, ex: Exchange) -> Exchange:
    asyncio.run(identify(ex))
    return ex


@pytest.fixture
def ed_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


def test_api_key(tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey) -> None:
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    ex = run(identify, exchange((b"x-api-key", KEY.encode()), (b"x-purpose-of-use", "低保复核".encode())))
    assert ex.principal is not None and ex.failure is None
    assert (ex.principal.subject, ex.principal.roles, ex.principal.region) == ("zhangwei", ("caseworker",), "610902")
    assert ex.purpose == "低保复核"


@pytest.mark.parametrize(
    ("sent", "purpose"),
    [
        ("低保复核".encode(), "低保复核"),
        (b"%E4%BD%8E%E4%BF%9D%E5%A4%8D%E6%A0%B8", "低保复核"),  # percent-encoded UTF-8
        ("  救助 审核 ".encode(), "救助 审核"),
        # Nothing legible: an officer reading the event sees no purpose, so none was declared.
        (b"%E2%80%8B", None),  # zero-width space
        (b"%EF%BB%BF", None),  # byte order mark
        (b"%E2%80%AE", None),  # right-to-left override
        (b"%E3%80%80", None),  # ideographic space only
        # Legible text with characters that change how the event reads.
        (b"%E5%AE%A1%E6%A0%B8%E2%80%AE%E6%95%91%E5%8A%A9", None),  # bidi override inside
        (b"audit%E2%80%A8purpose", None),  # line separator
        (b"audit%C2%9Bpurpose", None),  # C1 control
        (b"a" * 201, None),
    ],
)
def test_a_purpose_must_be_legible(
    tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey, sent: bytes, purpose: str | None
) -> None:
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    ex = run(identify, exchange((b"x-api-key", KEY.encode()), (b"x-purpose-of-use", sent)))
    assert ex.principal is not None
    assert ex.purpose == purpose


@pytest.mark.parametrize(
    ("algorithm", "make_key"),
    [
        ("EdDSA", ed25519.Ed25519PrivateKey.generate),
        ("ES256", lambda: ec.generate_private_key(ec.SECP256R1())),
        ("RS256", lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)),
    ],
)
def test_jwt_algorithms(tmp_path: Path, algorithm: str, make_key: object) -> None:
    key = make_key()  # type: ignore[operator]
    identify = identify_with_jwt(tmp_path, key, "k1")
    bearer = b"Bearer " + token(key, algorithm, "k1").encode()
    ex = run(identify, exchange((b"authorization", bearer)))
    assert ex.principal is not None, ex.failure
    assert (ex.principal.subject, ex.principal.credential) == ("wangfang", "jwt")


@pytest.mark.parametrize(
    ("claims", "organisation"), [({}, ""), ({"org": "汉滨区民政局 社会救助股"}, "汉滨区民政局 社会救助股")]
)
def test_a_token_s_organisation_is_recorded_as_given(
    tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey, claims: dict[str, object], organisation: str
) -> None:
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    ex = run(identify, exchange((b"authorization", b"Bearer " + token(ed_key, "EdDSA", "k1", **claims).encode())))
    assert ex.principal is not None and ex.principal.organisation == organisation


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ((), "missing credential"),
        (((b"x-api-key", b"wrong"),), "unknown API key"),
        (((b"x-api-key", KEY.encode()), (b"x-api-key", KEY.encode())), "exactly one credential"),
        (((b"authorization", b"Basic dXNlcjpwYXNz"),), "Bearer <token>"),
        (((b"authorization", b"Bearer not.a.jwt"),), "malformed bearer token"),
    ],
)
def test_bad_credentials_fail_401(
    tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey, headers: tuple[tuple[bytes, bytes], ...], message: str
) -> None:
    ex = run(identify_with_jwt(tmp_path, ed_key, "k1"), exchange(*headers))
    assert ex.principal is None
    assert ex.failure is not None and ex.failure.status == 401
    assert message in ex.failure.message


@pytest.mark.parametrize(
    ("claims", "kid", "message"),
    [
        ({"exp": int(time.time()) - 3600}, "k1", "expired"),
        ({"aud": "someone-else"}, "k1", "rejected"),
        ({"iss": "evil"}, "k1", "rejected"),
        ({"roles": "caseworker"}, "k1", "roles"),
        ({"roles": ["Caseworker; drop"]}, "k1", "roles"),
        ({"region": "61"}, "k1", "region"),
        ({"region": "610902\n"}, "k1", "region"),
        ({"roles": ["caseworker\n"]}, "k1", "roles"),
        # A subject that names no one: the trail's user.id would be empty, and no officer could
        # look the caller up in the console (nor the detection rules tell callers apart).
        ({"sub": ""}, "k1", "sub"),
        ({"sub": "   "}, "k1", "sub"),
        ({"sub": "zhang\nwei"}, "k1", "sub"),
        ({"sub": "zhang\x00wei"}, "k1", "sub"),
        ({"sub": "wang\u200bfang"}, "k1", "sub"),  # zero-width space
        ({"sub": "zhangwei\u202egnaw"}, "k1", "sub"),  # bidi override
        ({"sub": "zhang\u2028wei"}, "k1", "sub"),  # line separator
        ({"sub": "zhang\x9bwei"}, "k1", "sub"),  # C1
        ({"sub": "zhang\ue000wei"}, "k1", "sub"),  # private use
        # The organisation is the trail's 所属单位: text, bounded, legible.
        ({"org": {"name": "民政局"}}, "k1", "org"),
        ({"org": ["民政局"]}, "k1", "org"),
        ({"org": 42}, "k1", "org"),
        ({"org": "民政局" * 100}, "k1", "org"),
        ({"org": "汉滨区\u202e局政民"}, "k1", "org"),
        ({}, "unknown-kid", "unknown key"),
    ],
)
def test_bad_tokens(
    tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey, claims: dict[str, object], kid: str, message: str
) -> None:
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    bearer = b"Bearer " + token(ed_key, "EdDSA", kid, **claims).encode()
    ex = run(identify, exchange((b"authorization", bearer)))
    assert ex.failure is not None and ex.failure.status == 401
    assert message in ex.failure.message


def test_a_token_signed_by_another_key_is_rejected(tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey) -> None:
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    forger = ed25519.Ed25519PrivateKey.generate()
    ex = run(identify, exchange((b"authorization", b"Bearer " + token(forger, "EdDSA", "k1").encode())))
    assert ex.failure is not None and ex.failure.status == 401


def test_alg_none_is_rejected(tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey) -> None:
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    unsigned = jwt.encode(
        {"sub": "x", "roles": ["caseworker"], "region": "610902"}, None, algorithm="none", headers={"kid": "k1"}
    )
    ex = run(identify, exchange((b"authorization", b"Bearer " + unsigned.encode())))
    assert ex.failure is not None and ex.failure.status == 401


def test_a_token_whose_alg_does_not_fit_its_key_is_rejected(tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey) -> None:
    """RS256 against the Ed25519 key its kid names: PyJWT raises TypeError, which was a 500."""
    identify = identify_with_jwt(tmp_path, ed_key, "k1")
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ex = run(identify, exchange((b"authorization", b"Bearer " + token(rsa_key, "RS256", "k1").encode())))
    assert ex.failure is not None and ex.failure.status == 401
