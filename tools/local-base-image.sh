#!/usr/bin/env bash
# Makes the Dockerfile's base, python:3.11-slim-bookworm, on a machine that reaches Debian's packages but no
# container registry: a minimal bookworm root file system (mmdebstrap, from this machine's apt sources) with
# Debian's Python 3.11 in a venv on PATH, so `python`, `pip` and `streamlit` resolve as in the official slim
# image, imported under the name the Dockerfile's FROM uses. If this machine reaches the outside through
# extra CA certificates (/usr/local/share/ca-certificates), the local base carries them: it is for local
# builds and tests only and is never pushed.
set -euo pipefail
NAME="${BASE_IMAGE:-docker.io/library/python:3.11-slim-bookworm}"
PODMAN="${PODMAN:-podman}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hooks=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    # pip reads its own certificate bundle unless told otherwise: point it at the system's, as here.
    printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$work/pip.conf"
    hooks+=(--customize-hook='copy-in /usr/local/share/ca-certificates /usr/local/share'
            --customize-hook='chroot "$1" update-ca-certificates --fresh >/dev/null 2>&1'
            --customize-hook="copy-in $work/pip.conf /etc")
fi
mmdebstrap --quiet --variant=minbase --include=python3,python3-venv,ca-certificates \
    "${hooks[@]}" \
    --customize-hook='chroot "$1" python3 -m venv /usr/local/python' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    bookworm "$work/root.tar"
"$PODMAN" import --quiet \
    --change 'ENV PATH=/usr/local/python/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["python3"]' "$work/root.tar" "$NAME" >/dev/null
echo "local-base-image: $NAME ($("$PODMAN" image inspect --format '{{.Size}}' "$NAME" | numfmt --to=iec))"
