#!/usr/bin/env bash
# Builds the container image with Podman, as `make image` does:
#   tools/image.sh [TAG]        # default localhost/running-back:latest
# The Dockerfile builds unchanged. Its base, python:3.11-slim-bookworm, is pulled where a registry answers;
# on a machine that reaches only the package registries it is made locally (tools/local-base-image.sh).
# Podman reads deploy/podman/containers.conf (runc, stated file limits) unless CONTAINERS_CONF says otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TAG="${1:-localhost/running-back:latest}"
BASE="docker.io/library/python:3.11-slim-bookworm"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$ROOT/deploy/podman/containers.conf}"
command -v podman >/dev/null || { echo "image: podman is not installed (tools/system-packages.sh test)" >&2; exit 1; }

if ! podman image exists "$BASE"; then
    if timeout 60 podman pull --quiet "$BASE" >/dev/null 2>&1; then
        echo "image: pulled $BASE"
    else
        echo "image: no registry answers; making $BASE locally"
        "$ROOT/tools/local-base-image.sh"
    fi
fi
started=$(date +%s)
# --format docker: the OCI format silently drops the HEALTHCHECK.
podman build --quiet --format docker -t "$TAG" "$ROOT" >/dev/null
echo "image: built $TAG in $(( $(date +%s) - started )) s, $(podman image inspect --format '{{.Size}}' "$TAG" | numfmt --to=iec)"
