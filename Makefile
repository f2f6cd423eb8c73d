# Everything a developer or CI needs; `make test` works on a fresh clone (needs python3, npm and
# Debian's chromium: `sudo apt-get install chromium libzbar0 poppler-utils`).
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install -q --disable-pip-version-check
AXE    := tests/browser/node_modules/axe-core/axe.min.js
PYTEST := $(VENV)/bin/pytest

.PHONY: run test test-unit test-app test-browser bench validate install install-test

$(PY):
	python3 -m venv $(VENV)

install: $(PY)
	$(PIP) -e .

install-test: $(PY)
	$(PIP) -e ".[test]"
	@test -f $(AXE) || npm ci --prefix tests/browser --no-audit --no-fund

# The warm-up runs app.py once as soon as the server answers (see tools/warm_up.py).
run: install
	$(PY) tools/warm_up.py http://127.0.0.1:8501 & $(VENV)/bin/streamlit run app.py

test: install-test
	$(PYTEST) $(PYTEST_ARGS)

test-unit: install-test
	$(PYTEST) -m unit $(PYTEST_ARGS)

test-app: install-test
	$(PYTEST) -m app $(PYTEST_ARGS)

test-browser: install-test
	$(PYTEST) -m browser $(PYTEST_ARGS)

bench: install-test
	$(PYTEST) benchmarks --benchmark-enable --benchmark-only $(PYTEST_ARGS)

validate: install
	$(PY) -m evidence validate
