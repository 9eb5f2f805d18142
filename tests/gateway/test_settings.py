from __future__ import annotations

from pathlib import Path

import pytest

from gateway.settings import ConfigError, load_settings, parse_settings


def test_defaults_serve_the_demo() -> None:
    settings = parse_settings({}, Path("/srv/minguard"))
    assert settings.upstream.url == "http://127.0.0.1:8081"
    assert settings.opensearch.url == "http://127.0.0.1:9200"
    assert settings.audit.spool_dir == Path("/srv/minguard/var/spool")  # relative to the config file
    assert settings.keys.generate_missing is False  # fail closed: production keys are provisioned


def _key(**fields: object) -> dict[str, object]:
    key = {"id": "a", "sha256": "a" * 64, "subject": "s", "kind": "person", "roles": ["caseworker"], "region": "610902"}
    return {"identity": {"api_keys": [key | fields]}}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"server": {"port": 70000}}, "server.port: Input should be less than or equal to 65535"),
        ({"upstream": {"url": "ftp://x"}}, "upstream.url: String should match pattern"),
        ({"audit": {"spool_dirr": "x"}}, "audit.spool_dirr: Extra inputs are not permitted"),
        (
            {
                "identity": {
                    "api_keys": [
                        {
                            "id": "a",
                            "sha256": "abc",
                            "subject": "s",
                            "kind": "person",
                            "roles": ["caseworker"],
                            "region": "610902",
                        }
                    ]
                }
            },
            "identity.api_keys.0.sha256: String should match pattern",
        ),
        (
            {
                "identity": {
                    "api_keys": [
                        {
                            "id": "a",
                            "sha256": "a" * 64,
                            "subject": "s",
                            "kind": "person",
                            "roles": ["caseworker"],
                            "region": "6109",
                        }
                    ]
                }
            },
            "identity.api_keys.0.region",
        ),
        # One role to the conditions and the 三员分立 check, two to casbin: the outsourced
        # worker's hours and limits would not apply, and two admin roles would pass start-up.
        (_key(roles=["outsourced,caseworker"]), "identity.api_keys.0.roles.0: String should match pattern"),
        (_key(roles=["security_admin,audit_admin"]), "identity.api_keys.0.roles.0: String should match pattern"),
        (_key(roles=["caseworker", "District_Head"]), "identity.api_keys.0.roles.1: String should match pattern"),
        (_key(roles=["caseworker "]), "identity.api_keys.0.roles.0: String should match pattern"),
        ([1, 2], "must be a YAML mapping"),
        (
            {"opensearch": {"url": "http://opensearch.internal:9200", "username": "gw", "password_file": "pw"}},
            "password in clear",
        ),
        (
            {"upstream": {"url": "https://dibao.internal:8443", "client_cert_file": "gw.pem"}},
            "client_cert_file and client_key_file go together",
        ),
        # Files that would be ignored: the operator believes the upstream is authenticated.
        ({"upstream": {"url": "http://dibao.internal", "ca_file": "ca.pem"}}, "apply to an https:// url only"),
        # Credentials the upstream client would not send: the operator believes it logs in.
        ({"upstream": {"url": "https://gw:secret@dibao.internal"}}, "upstream.url: String should match pattern"),
        # A declared entity (classifiers/custom.py) whose pattern does not compile.
        (
            {"inspection": {"custom_entities": {"DIBAO_CERT": {"patterns": [{"regex": "DB[0-9"}]}}}},
            "inspection.custom_entities.DIBAO_CERT.patterns[0].regex",
        ),
    ],
)
def test_errors_name_the_key(data: object, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_settings(data, Path("."))
    assert message in str(error.value)


def test_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("server: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(bad)


def test_retention_below_six_months_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"audit\.retention_days: Value error, 90 days is below the legal minimum"):
        parse_settings({"audit": {"retention_days": 90}}, Path("."))
    assert parse_settings({"audit": {"retention_days": 400}}, Path(".")).audit.retention_days == 400


def test_a_username_over_http_is_accepted_for_this_host_only() -> None:
    local = {"opensearch": {"url": "http://127.0.0.1:9200", "username": "gw", "password_file": "pw"}}
    assert parse_settings(local, Path(".")).opensearch.username == "gw"
    secure = {"opensearch": {"url": "https://opensearch.internal:9200", "username": "gw", "password_file": "pw"}}
    assert parse_settings(secure, Path(".")).opensearch.username == "gw"
