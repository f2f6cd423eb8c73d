# Everything a developer or CI needs. On a bare Debian machine `make run` and `make test` install what
# they need, Debian packages included (tools/system-packages.sh: only the missing ones, via sudo when
# not root; SYSTEM_PACKAGES=skip to manage them yourself).
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install -q --disable-pip-version-check
AXE    := tests/browser/node_modules/axe-core/axe.min.js
PYTEST := $(VENV)/bin/pytest
SYSTEM := tools/system-packages.sh
PORT     ?= 8501
REPLICAS ?= 2

.PHONY: run dev test test-unit test-app test-browser test-floors bench bench-load validate install install-test \
        system-packages system-packages-test serve-scaled stop-scaled image image-test

system-packages:
	@$(SYSTEM) run

system-packages-test:
	@$(SYSTEM) test

$(PY):
	python3 -m venv $(VENV)

install: system-packages $(PY)
	$(PIP) -e .

install-test: system-packages-test $(PY)
	$(PIP) -e ".[test]"
	@test -f $(AXE) || npm ci --prefix tests/browser --no-audit --no-fund

# The warm-up is optional: it runs app.py once as soon as the server answers, so the first visitor
# does not wait for the evidence base to load. Deep links work without it (docs/decisions.md).
run: install
	$(PY) tools/warm_up.py http://127.0.0.1:$(PORT) & $(VENV)/bin/streamlit run app.py --server.port $(PORT)

# For someone editing the code: Streamlit's file watcher and rerun on save, which the shipped settings
# leave off (each session would pay for a watcher over every module).
dev: install
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.fileWatcherType auto --server.runOnSave true

test: install-test
	$(PYTEST) $(PYTEST_ARGS)

test-unit: install-test
	$(PYTEST) -m unit $(PYTEST_ARGS)

test-app: install-test
	$(PYTEST) -m app $(PYTEST_ARGS)

test-browser: install-test
	$(PYTEST) -m browser $(PYTEST_ARGS)

# The declared minimum versions (pyproject.toml) really work: a throwaway venv with exactly those,
# then the unit and AppTest layers, and the browser's DOM contract and page tests against a server on
# those versions (tools/test-floors.sh). Not part of `make test` (it downloads the old releases).
test-floors: system-packages-test
	tools/test-floors.sh

bench: install-test
	$(PYTEST) benchmarks --benchmark-enable --benchmark-only $(PYTEST_ARGS)

# Every page as a ratio to Streamlit's floor page, served side by side (not part of `make test`;
# about 17 minutes on 2 cores). BENCH_ARGS e.g. --quick, --pages home,findings, --url URL --server-pid PID,
# --markdown benchmarks/results/latest.md. Lighthouse comes from benchmarks/package.json.
LIGHTHOUSE := benchmarks/node_modules/.bin/lighthouse

bench-load: install-test
	@test -f $(LIGHTHOUSE) || npm ci --prefix benchmarks --no-audit --no-fund
	$(PY) -m benchmarks.load $(BENCH_ARGS)

validate: install
	$(PY) -m evidence validate

# The container image, built with Podman (tools/image.sh: pulls the base where a registry answers, makes it
# locally where none does), and run: health, deep link, QR image, chart PNG, no zombies, uid 10001.
image: system-packages-test
	tools/image.sh

image-test: install-test image
	$(PYTEST) -m image $(PYTEST_ARGS)

# N app processes behind HAProxy on PORT with cookie affinity (tools/serve-scaled.sh says why).
serve-scaled: install system-packages-test
	tools/serve-scaled.sh start $(REPLICAS) $(PORT)

stop-scaled:
	tools/serve-scaled.sh stop
