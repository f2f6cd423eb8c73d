# The evidence explorer as a container: `streamlit run app.py` with the production settings.
#   make image        (podman build --format docker; with no registry, on a locally made base: tools/image.sh)
#   make image-test   (runs it: health, deep link, QR image, chart PNG, no zombie processes, uid 10001)
#   docker build -t running-back . && docker run -p 8501:8501 running-back   (where Docker and a registry are)
# docs/deploy.md explains the choices and gives the measured size and start-up time.
FROM python:3.11-slim-bookworm

# Debian's chromium: kaleido renders the chart PNG/SVG downloads with it (it never downloads a browser).
# tini: PID 1 that reaps orphans. Streamlit as PID 1 never did, and each chart exported as PNG left
# Chromium's children as zombies until the process limit (Kubernetes has no `--init`).
# fonts-dejavu-core: the font of the charts and the handout PDF. The same list as `make run` installs.
COPY tools/system-packages.sh /tmp/system-packages.sh
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini $(bash /tmp/system-packages.sh list-run | grep -v '^python3') \
    && rm -rf /var/lib/apt/lists/* /tmp/system-packages.sh

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CHROMIUM=/usr/bin/chromium

WORKDIR /app
# The dependencies alone first (read from pyproject.toml), so editing a page or a YAML file does not
# reinstall them. The app itself runs from /app, as `streamlit run app.py` does in a checkout.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# Production settings replace the development ones (Streamlit reads .streamlit/ next to app.py last).
COPY deploy/streamlit/config.toml .streamlit/config.toml

# A broken evidence base never ships: the build fails with file:line: what is wrong.
RUN python -m evidence validate
# The plain pages, rebuilt for the address readers will use (canonical links, link previews, the sitemap):
# `podman build --build-arg EXPLORER_PUBLIC_URL=https://explorer.example.org/ .` (docs/deploy.md, Plain pages).
ARG EXPLORER_PUBLIC_URL=http://localhost:8501/
RUN python -m evidence site --url "$EXPLORER_PUBLIC_URL"

RUN groupadd --gid 10001 app && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin app
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
