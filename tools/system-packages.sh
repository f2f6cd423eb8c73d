#!/usr/bin/env bash
# Install the Debian packages the app (`run`) or the app and its tests (`test`) need, and only the
# missing ones. Quick and silent when everything is present (one dpkg-query per package, no apt-get).
#
#   tools/system-packages.sh run|test     # called by `make run`, `make test` and .ci/run
#   SYSTEM_PACKAGES=skip make test        # not Debian, or you manage packages yourself
#
# apt-get runs directly as root, through sudo otherwise; with neither, the script says what to
# install and exits 1.
set -euo pipefail

# python3-venv: `python3 -m venv` (Debian ships venv's pip separately). chromium: kaleido renders the
# chart PNG/SVG downloads with it. fonts-dejavu-core: the handout PDF's and the charts' font.
RUN_PACKAGES=(python3 python3-venv chromium fonts-dejavu-core)
# libzbar0: pyzbar decodes the share panel's QR code. poppler-utils: pdftoppm renders a deck slide to decode its QR. npm: installs axe-core for the accessibility
# checks. haproxy: the scale-out tests (tools/serve-scaled.sh). chromium is also the tests' browser.
# podman, runc, mmdebstrap: the image tests build and run the container (tools/image.sh).
# postgresql, postgresql-common: the reports store's tests start a throwaway PostgreSQL cluster (tests/postgres.py;
# postgresql-common also brings pg_virtualenv, for running the suite against a server of its own).
TEST_PACKAGES=(libzbar0 npm haproxy poppler-utils podman runc mmdebstrap postgresql postgresql-common)

case "${1:-}" in
    run) wanted=("${RUN_PACKAGES[@]}") ;;
    test) wanted=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
    list-run) printf '%s\n' "${RUN_PACKAGES[@]}"; exit 0 ;;
    list-test) printf '%s\n' "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"; exit 0 ;;
    *) echo "usage: $0 run|test|list-run|list-test" >&2; exit 2 ;;
esac

if [ "${SYSTEM_PACKAGES:-}" = "skip" ]; then
    exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-packages: this is not a Debian-based system (no dpkg-query)." >&2
    echo "  Install the equivalents of: ${wanted[*]}" >&2
    echo "  then run again with SYSTEM_PACKAGES=skip." >&2
    exit 1
fi

installed() {  # `dpkg -s` also succeeds for a removed package whose config files remain; check the state
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

satisfied() {  # a few needs can be met without the Debian package (pyenv's Python, NodeSource's node)
    case "$1" in
        python3) command -v python3 >/dev/null 2>&1 || installed python3 ;;
        python3-venv) installed python3-venv || python3 -c 'import ensurepip, venv' >/dev/null 2>&1 ;;
        npm) command -v npm >/dev/null 2>&1 || installed npm ;;
        *) installed "$1" ;;
    esac
}

missing=()
for package in "${wanted[@]}"; do
    satisfied "$package" || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    as_root=(sudo)
else
    echo "system-packages: missing Debian packages: ${missing[*]}" >&2
    echo "  Not root and no usable sudo. Ask an administrator to run:" >&2
    echo "    apt-get install --no-install-recommends ${missing[*]}" >&2
    echo "  (or set SYSTEM_PACKAGES=skip if you provide them another way)." >&2
    exit 1
fi

echo "system-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
for package in "${missing[@]}"; do
    satisfied "$package" || { echo "system-packages: $package is still not installed" >&2; exit 1; }
done
