"""Chromium's time to rendered: from navigation start until Streamlit's script run has finished
and the page has stayed idle (same definition as tests/browser/helpers.py, same Chromium flags)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from playwright.sync_api import Page, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.helpers import DESKTOP, SETTLE_MS

# performance.now() is measured from navigation start, so the moment the page first became idle
# (and stayed so for SETTLE_MS) is the time to rendered, without the polling delay.
_RENDERED_JS = """
(settleMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const idle = !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED';
  const now = performance.now();
  if (!idle) { window.__idleSince = undefined; return false; }
  if (window.__idleSince === undefined) window.__idleSince = now;
  return now - window.__idleSince >= settleMs ? window.__idleSince : false;
}
"""


# Cumulative layout shift (Core Web Vitals: good below 0.1), summed from the start of the page, as Lighthouse
# counts it: how far visible content jumped while the page was building (an element drawn late above others).
_LAYOUT_SHIFT_JS = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


class Chromium:
    def __init__(self) -> None:
        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", CHROMIUM),
                                                        args=CHROMIUM_ARGS)

    @contextmanager
    def fresh_page(self) -> Iterator[Page]:
        """A page in a brand-new context: no cache, no cookies, no session, like a first visitor."""
        context = self.browser.new_context(viewport=DESKTOP, locale="en-GB", reduced_motion="reduce",
                                           service_workers="block")
        context.add_init_script(_LAYOUT_SHIFT_JS)
        try:
            yield context.new_page()
        finally:
            context.close()

    @staticmethod
    def open_rendered(page: Page, url: str, timeout_ms: float = 120_000) -> float:
        """Open `url` in `page`: milliseconds from navigation start until rendered."""
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        return float(page.wait_for_function(_RENDERED_JS, arg=SETTLE_MS, polling=20, timeout=timeout_ms).json_value())

    def time_to_rendered(self, url: str, timeout_ms: float = 120_000) -> float:
        """One first visit: milliseconds."""
        return self.visit(url, timeout_ms)[0]

    def visit(self, url: str, timeout_ms: float = 120_000) -> tuple[float, float]:
        """One first visit: (milliseconds to rendered, cumulative layout shift until then)."""
        with self.fresh_page() as page:
            rendered = self.open_rendered(page, url, timeout_ms)
            return rendered, float(page.evaluate("window.__layoutShift"))

    def close(self) -> None:
        self.browser.close()
        self._playwright.stop()
