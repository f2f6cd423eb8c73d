#!/usr/bin/env bash
# Prove the version floors in pyproject.toml: a throwaway venv where every runtime dependency is
# installed at exactly its declared minimum (`name>=X` -> `name==X`), then the unit and AppTest layers,
# then the browser layer's DOM contract and page tests against a server running those versions: the
# declared range must hold for the Streamlit DOM hooks our stylesheets and site script rely on too
# (tests/browser/test_dom_contract.py). The test tools themselves are not pinned. `make test-floors`; not
# part of `make test` (it downloads the old releases). FLOORS_VENV=dir keeps the venv for a second run.
# Arguments go to the unit/AppTest run; FLOORS_BROWSER_TESTS names the browser test files (empty: none).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${FLOORS_VENV:-$(mktemp -d)/venv}"
PYTHON="${PYTHON:-python3}"

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" - "$ROOT/pyproject.toml" >"$VENV/floors.txt" <<'PY'
# Each runtime dependency at its floor; where the test extra asks more of the same package (streamlit:
# the tests use AppTest features newer than the app needs), the higher floor, or pip could not resolve.
import re, sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
def floors(requirements):
    for requirement in requirements:
        match = re.match(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)", requirement)
        if match:
            yield match.group(1).lower(), match.group(2)
test = dict(floors(project["optional-dependencies"]["test"]))
key = lambda v: tuple(int(p) for p in re.findall(r"\d+", v))
for name, floor in floors(project["dependencies"]):
    print(f"{name}=={max(floor, test.get(name, floor), key=key)}")
PY
echo "floors:"; sed 's/^/  /' "$VENV/floors.txt"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c "$VENV/floors.txt" -e "$ROOT[test]"
"$VENV/bin/python" -m pip freeze --disable-pip-version-check | grep -i -f <(cut -d= -f1 "$VENV/floors.txt" | sed 's/^/^/; s/$/==/')
cd "$ROOT"
"$VENV/bin/python" -m pytest -m "unit or app" -q -p no:cacheprovider "$@"

read -r -a BROWSER_TESTS <<<"${FLOORS_BROWSER_TESTS-tests/browser/test_dom_contract.py tests/browser/test_pages.py}"
if [ "${#BROWSER_TESTS[@]}" -gt 0 ]; then
  # axe-core for the accessibility checks of test_pages.py, as `make install-test` fetches it.
  [ -f tests/browser/node_modules/axe-core/axe.min.js ] || npm ci --prefix tests/browser --no-audit --no-fund
  "$VENV/bin/python" -m pytest -m browser -q -p no:cacheprovider "${BROWSER_TESTS[@]}"
fi
