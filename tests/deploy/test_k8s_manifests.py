"""deploy/k8s validates against the Kubernetes API schemas (kubernetes-validate, strict: unknown
fields are errors), and carries what the deployment relies on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
VERSION = "1.31.0"


def documents() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        docs += [(path.name, d) for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return docs


@pytest.mark.parametrize(("name", "doc"), documents(), ids=lambda v: v if isinstance(v, str) else v["kind"])
def test_validates_strictly(name: str, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    (_, sts) = next(d for d in documents() if d[1]["kind"] == "StatefulSet")
    broken = yaml.safe_load(yaml.safe_dump(sts))
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["port"] = {"no": 1}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSION, strict=True)


def test_the_pieces_fit_together() -> None:
    by_kind = {doc["kind"]: doc for _, doc in documents()}
    assert set(by_kind) >= {"StatefulSet", "Service", "ConfigMap", "Secret", "HorizontalPodAutoscaler"}
    assert "PodDisruptionBudget" in by_kind
    sts = by_kind["StatefulSet"]
    pod = sts["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_minguard/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_minguard/health"
    assert container["resources"]["requests"] and container["resources"]["limits"]
    # One persistent spool per replica, mounted where the config puts the spool.
    (claim,) = sts["spec"]["volumeClaimTemplates"]
    mount = next(m for m in container["volumeMounts"] if m["name"] == claim["metadata"]["name"])
    config = yaml.safe_load(by_kind["ConfigMap"]["data"]["minguard.yaml"])
    assert mount["mountPath"] == config["audit"]["spool_dir"]
    assert "instance" not in config["server"]  # the pod's stable hostname names each chain
    assert config["keys"]["generate_missing"] is False
    assert by_kind["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]["name"] == sts["metadata"]["name"]
    selector = sts["spec"]["selector"]["matchLabels"]
    assert by_kind["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"] == selector
    assert sts["spec"]["template"]["metadata"]["labels"] == selector
