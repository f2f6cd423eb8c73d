"""The deployment files, checked without a container engine or a cluster: the Dockerfile (parsed with
dockerfile-parse), the Kubernetes manifests (validated against the Kubernetes schemas that
kubernetes-validate ships), the production Streamlit settings and the HAProxy template."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from dockerfile_parse import DockerfileParser

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROD = tomllib.loads((DEPLOY / "streamlit" / "config.toml").read_text())
DEV = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
DOCS = (ROOT / "docs" / "deploy.md").read_text()
KUBERNETES_VERSION = "1.30"  # the oldest minor still common in managed clusters; the manifests use nothing newer


def _instructions(name: str) -> list[str]:
    return [i["value"] for i in DockerfileParser(str(ROOT / "Dockerfile")).structure if i["instruction"] == name]


def _flat(config: dict) -> dict[str, object]:
    return {f"{section}.{key}": value for section, options in config.items() for key, value in options.items()}


# --- Dockerfile ---------------------------------------------------------------------------------------

def test_dockerfile_base_image_is_slim_python_matching_requires_python():
    base = DockerfileParser(str(ROOT / "Dockerfile")).baseimage
    match = re.fullmatch(r"python:(3\.\d+)-slim(-\w+)?", base)
    assert match, base
    floor = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert tuple(map(int, match.group(1).split("."))) >= tuple(map(int, floor.lstrip(">=").split(".")))


def test_dockerfile_runs_as_a_non_root_user():
    users = _instructions("USER")
    assert users, "no USER: the app would run as root"
    assert users[-1] not in ("root", "0") and not users[-1].startswith("0:")
    assert users[-1] == "10001"  # numeric, so Kubernetes' runAsNonRoot can check it
    deployment = _manifest("deployment.yaml")
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsUser"] == int(users[-1])


def test_dockerfile_installs_chromium_and_fonts_from_the_same_list_as_make_run():
    runs = " ".join(_instructions("RUN"))
    assert "system-packages.sh list-run" in runs and "apt-get install" in runs
    packages = subprocess.run(["bash", str(ROOT / "tools" / "system-packages.sh"), "list-run"],
                              capture_output=True, text=True, check=True).stdout.split()
    assert {"chromium", "fonts-dejavu-core"} <= set(packages)


def test_dockerfile_validates_the_evidence_base_after_copying_it():
    structure = DockerfileParser(str(ROOT / "Dockerfile")).structure
    steps = [(i["instruction"], i["value"]) for i in structure if i["instruction"] != "COMMENT"]
    copy_all = steps.index(("COPY", ". ."))
    validate = next(n for n, (kind, value) in enumerate(steps) if kind == "RUN" and "python -m evidence validate" in value)
    assert validate > copy_all


def test_dockerfile_runs_the_app_under_an_init_that_reaps_children():
    # Streamlit as PID 1 left every chart export's Chromium children as zombies (tests/browser/test_image.py).
    assert json.loads(_instructions("ENTRYPOINT")[-1]) == ["/usr/bin/tini", "--"]
    assert re.search(r"apt-get install -y --no-install-recommends tini\b", " ".join(_instructions("RUN")))


def test_dockerfile_ships_the_production_settings():
    assert "deploy/streamlit/config.toml .streamlit/config.toml" in _instructions("COPY")


def test_dockerfile_healthcheck_expose_and_command_agree_with_the_settings():
    port = PROD["server"]["port"]
    assert _instructions("EXPOSE") == [str(port)]
    healthcheck = _instructions("HEALTHCHECK")[-1]
    assert f"127.0.0.1:{port}/_stcore/health" in healthcheck
    command = json.loads(_instructions("CMD")[-1])
    assert command[:3] == ["streamlit", "run", "app.py"] and f"--server.port={port}" in command


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", "tests", "node_modules", "artifacts", "**/__pycache__"} <= ignored
    for needed in ("app.py", "pages", "components", "evidence", "assets", "deploy", "tools"):
        assert needed not in ignored


# --- Kubernetes -----------------------------------------------------------------------------------

def test_every_manifest_is_checked_and_robots_txt_goes_to_the_plain_pages_file():
    robots = _manifest("ingress-robots.yaml")
    path = robots["spec"]["rules"][0]["http"]["paths"][0]
    assert (path["path"], path["pathType"]) == ("/robots.txt", "Exact")
    target = robots["metadata"]["annotations"]["nginx.ingress.kubernetes.io/rewrite-target"]
    assert (DEPLOY.parent / target.removeprefix("/app/")).is_file(), target
    assert robots["spec"]["rules"][0]["host"] == _manifest("ingress.yaml")["spec"]["rules"][0]["host"]


def _manifest(name: str) -> dict:
    return yaml.safe_load((DEPLOY / "kubernetes" / name).read_text())


@pytest.mark.parametrize("name", sorted(p.name for p in (DEPLOY / "kubernetes").glob("*.yaml")))
def test_manifest_is_valid_kubernetes(name):
    kubernetes_validate.validate(_manifest(name), KUBERNETES_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest():
    broken = _manifest("deployment.yaml")
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = [8501]
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_deployment_probes_and_port():
    container = _manifest("deployment.yaml")["spec"]["template"]["spec"]["containers"][0]
    assert container["ports"][0]["containerPort"] == PROD["server"]["port"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/script-health-check"
    assert PROD["server"]["scriptHealthCheckEnabled"] is True, "the readiness probe needs the script health check"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert container["resources"]["requests"]["cpu"], "the HPA's CPU percentage is relative to the request"


def test_service_and_hpa_point_at_the_deployment():
    deployment, service, hpa = _manifest("deployment.yaml"), _manifest("service.yaml"), _manifest("hpa.yaml")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment",
                                             "name": deployment["metadata"]["name"]}
    assert [m["resource"]["name"] for m in hpa["spec"]["metrics"]] == ["cpu"]
    assert hpa["spec"]["minReplicas"] >= 2


def test_ingress_has_cookie_affinity_and_long_websocket_timeouts():
    ingress = _manifest("ingress.yaml")
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert not any("upstream-hash-by" in key for key in notes), "hashing (e.g. by IP) is not affinity per session"
    for key in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[f"nginx.ingress.kubernetes.io/{key}"]) >= 3600
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == _manifest("service.yaml")["metadata"]["name"]


# --- Production Streamlit settings ------------------------------------------------------------------

def test_production_settings_are_real_streamlit_options():
    from streamlit import config

    unknown = set(_flat(PROD)) - set(config._config_options_template)
    assert not unknown, f"not Streamlit options (typo?): {unknown}"


def test_production_settings_protect_visitors():
    flat = _flat(PROD)
    assert flat["client.showErrorDetails"] == "none"  # `false` would mean "stacktrace"
    assert flat["server.enableXsrfProtection"] is True
    assert flat["server.headless"] is True
    assert flat["browser.gatherUsageStats"] is False
    assert flat["server.maxUploadSize"] <= 1
    assert flat["server.fileWatcherType"] == "none"


def test_the_settings_a_plain_streamlit_run_reads_are_the_fast_ones():
    # `streamlit run app.py` (make run, Community Cloud) reads .streamlit/config.toml: no watcher per session.
    dev = _flat(DEV)
    assert dev["server.fileWatcherType"] == "none"
    assert dev.get("server.runOnSave", False) is False
    makefile = (ROOT / "Makefile").read_text()
    dev_target = re.search(r"^dev:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "--server.fileWatcherType auto" in dev_target and "--server.runOnSave true" in dev_target


def test_every_setting_that_differs_from_development_is_documented():
    dev = _flat(DEV)
    differs = [key for key, value in _flat(PROD).items() if dev.get(key) != value]
    assert differs
    undocumented = [key for key in differs if f"`{key}`" not in DOCS]
    assert not undocumented, f"docs/deploy.md does not explain: {undocumented}"


# --- HAProxy ----------------------------------------------------------------------------------------

def test_haproxy_template_uses_cookie_affinity_not_ip_hashing():
    template = (DEPLOY / "haproxy.cfg.in").read_text()
    assert re.search(r"^\s*cookie \S+ insert", template, re.M)
    assert not re.search(r"^\s*balance\s+source", template, re.M)
    assert re.search(r"^\s*timeout tunnel\s+\d+h", template, re.M)


def test_a_dead_replica_hands_its_sessions_over_at_once():
    # The browser test (tests/browser/test_failover.py) measures it; these are the settings it rests on.
    template = (DEPLOY / "haproxy.cfg.in").read_text()
    assert re.search(r"^\s*option redispatch\b", template, re.M)
    assert re.search(r"^\s*retries [1-9]", template, re.M)
    checks = re.search(r"^\s*default-server (.*)$", template, re.M).group(1)
    assert "on-marked-down shutdown-sessions" in checks
    assert int(re.search(r"\binter (\d+)s", checks).group(1)) <= 1
    notes = _manifest("ingress.yaml")["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/session-cookie-change-on-failure"] == "true"
    assert "error" in notes["nginx.ingress.kubernetes.io/proxy-next-upstream"]


def test_filled_haproxy_config_is_accepted_by_haproxy(tmp_path):
    assert shutil.which("haproxy"), "haproxy is missing: `make test` installs it (tools/system-packages.sh test)"
    servers = "".join(f"    server replica{i} 127.0.0.1:{8700 + i} cookie replica{i}\n" for i in (1, 2))
    text = (DEPLOY / "haproxy.cfg.in").read_text().replace("@PORT@", "8700").replace("@BIND@", "127.0.0.1") \
        .replace("@ROOT@", str(DEPLOY.parent))
    (tmp_path / "haproxy.cfg").write_text(text.replace("@SERVERS@\n", servers))
    result = subprocess.run(["haproxy", "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_docs_capacity_table_is_filled_with_measured_figures():
    capacity = DOCS.split("## Capacity", 1)[1]
    assert "TODO" not in DOCS
    assert "| class of 50 opening the home page at once, 2 replicas behind HAProxy: p95 |" in capacity
    assert re.search(r"2 replicas behind HAProxy: p95 \| [0-9.]+ s", capacity), "the p95 is a measured number"
