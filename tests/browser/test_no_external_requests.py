"""No request leaves the server: every page, loaded in a browser, asks only the app's own host.

Guarded bug (issue #8): `page_icon=":material/directions_run:"` made every page view fetch the favicon
from fonts.gstatic.com (a privacy leak for patients, a console error offline). The harness maps every
other host to NOTFOUND, so a third-party fetch never shows up as a failed *response* worth noticing:
this test listens to the requests themselves.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from components.site import PAGES

from .helpers import new_context, open_view, page_path


def test_every_page_requests_only_the_app_host(browser, server_url):
    own = urlsplit(server_url).netloc
    context = new_context(browser, server_url)
    requests: list[tuple[str, str]] = []
    current = {"path": ""}
    context.on("request", lambda request: requests.append((current["path"], request.url)))
    try:
        page = context.new_page()
        for spec in PAGES:
            current["path"] = page_path(spec)
            open_view(page, current["path"])
            # Lazily loaded pieces (plotly.js, images) have had their chance once the page is idle.
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert len({path for path, _ in requests}) == len(PAGES), "some page made no request at all"
    foreign = sorted({(path, url) for path, url in requests
                      if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own})
    assert not foreign, "requests to other hosts:\n" + "\n".join(f"{path}: {url}" for path, url in foreign)
