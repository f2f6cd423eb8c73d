"""The container image, built and run as shipped (issue 25, part 4): `make image-test`, and `make test`.

Built with tools/image.sh (Podman; the base made locally where no registry answers), run on a free port, and
driven by headless Chromium: it becomes healthy, serves a deep link and the share panel's QR image, exports a
chart as PNG, and then holds no zombie process (tini is PID 1 and reaps Chromium's children); it runs as uid
10001 with a HEALTHCHECK. Times and the image's size are printed and written to artifacts/image.txt.
"""

from __future__ import annotations

import io
import os
import subprocess
import time
import urllib.request

import pytest
from PIL import Image
from playwright.sync_api import expect

from components.share import LABEL

from .helpers import ROOT, free_block, artifact, assert_no_exception, findings_count, new_context, open_view

pytestmark = pytest.mark.image

TAG = "localhost/running-back:test"
ENV = {**os.environ, "CONTAINERS_CONF": str(ROOT / "deploy" / "podman" / "containers.conf")}
REPORT: list[str] = []


def _podman(*args: str, check: bool = True, timeout: float = 120) -> str:
    done = subprocess.run(["podman", *args], env=ENV, capture_output=True, text=True, timeout=timeout)
    if check:
        assert done.returncode == 0, f"podman {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def _healthy(url: str) -> bool:
    try:
        return urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def container():
    started = time.monotonic()
    built = subprocess.run([str(ROOT / "tools" / "image.sh"), TAG], env=ENV, capture_output=True, text=True,
                           timeout=1200)
    assert built.returncode == 0, built.stdout + built.stderr
    REPORT.append(built.stdout.strip().replace("\n", "; ") + f" (build step {time.monotonic() - started:.0f} s)")
    port = free_block(1)
    name = f"running-back-test-{port}"
    _podman("run", "-d", "--name", name, "-p", f"127.0.0.1:{port}:8501", TAG)
    url = f"http://127.0.0.1:{port}"
    try:
        launched = time.monotonic()
        while not _healthy(url):
            state = _podman("inspect", "--format", "{{.State.Status}}", name)
            assert state == "running", f"the container stopped: {_podman('logs', name, check=False)}"
            assert time.monotonic() - launched < 120, "not healthy after 120 s"
            time.sleep(0.25)
        REPORT.append(f"healthy {time.monotonic() - launched:.1f} s after `podman run`")
        yield name, url
    finally:
        _podman("rm", "-f", name, check=False)
        artifact("image.txt").write_text("\n".join(REPORT) + "\n")
        print("\n".join(REPORT))


def test_the_image_keeps_its_healthcheck_runs_as_10001_under_tini(container):
    name, _ = container
    health = _podman("image", "inspect", "--format", "{{json .Config.Healthcheck}}", TAG)
    assert "_stcore/health" in health, "the HEALTHCHECK was dropped (build with --format docker)"
    assert _podman("exec", name, "id", "-u") == "10001"
    assert _podman("exec", name, "cat", "/proc/1/comm") == "tini", "PID 1 must reap orphans"
    size = int(_podman("image", "inspect", "--format", "{{.Size}}", TAG))
    REPORT.append(f"image size {size / 1e9:.2f} GB")


def _zombies(name: str) -> int:
    out = _podman("exec", name, "sh", "-c", "grep -l '^State:[[:space:]]*Z' /proc/[0-9]*/status 2>/dev/null | wc -l")
    return int(out)


def test_deep_link_qr_image_and_a_chart_png_leave_no_zombie(browser, container):
    name, url = container
    context = new_context(browser, url)
    try:
        page = open_view(context.new_page(), "/findings?topic=pain&design=rct")
        assert_no_exception(page)
        assert findings_count(page)[0] > 0
        page.get_by_role("button", name=LABEL).click()
        image = page.get_by_test_id("stPopoverBody").get_by_role("img", name="QR code of the link above")
        expect(image).to_be_visible()
        response = context.request.get(image.get_attribute("src"))
        assert response.status == 200 and response.headers["content-type"] == "image/png"

        page = open_view(context.new_page(), "/claim-check")
        for attempt in range(2):  # two exports: each starts a Chromium inside the container
            with page.expect_download(timeout=180_000) as info:
                page.locator(".st-key-chart-downloads-claim-check-verdicts-by-article").get_by_role(
                    "button", name="Chart as PNG").click()
            png = open(info.value.path(), "rb").read()
            assert Image.open(io.BytesIO(png)).format == "PNG"
        time.sleep(2)  # let Chromium's processes end
        zombies = _zombies(name)
        REPORT.append(f"zombie processes after two chart exports: {zombies}")
        assert zombies == 0
    finally:
        context.close()


def test_the_image_serves_the_plain_pages_it_built(container):
    """The Dockerfile rebuilds static/plain/ for EXPLORER_PUBLIC_URL (default http://localhost:8501/)."""
    from evidence.site import addresses
    _, url = container
    with urllib.request.urlopen(f"{url}/{addresses.SERVED_AT}{addresses.GET_HELP}", timeout=10) as response:
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/html")
        html = response.read().decode("utf-8")
    assert f'<link rel="canonical" href="{addresses.DEFAULT_PUBLIC_URL}{addresses.SERVED_AT}{addresses.GET_HELP}">' in html
