"""Chromium's time to rendered: from navigation start until Streamlit's script run has finished
and the page has stayed idle (same definition as tests/browser/helpers.py, same Chromium flags)."""

from __future__ import annotations

import os

from playwright.sync_api import sync_playwright

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


class Chromium:
    def __init__(self) -> None:
        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", CHROMIUM),
                                                        args=CHROMIUM_ARGS)

    def time_to_rendered(self, url: str, timeout_ms: float = 120_000) -> float:
        """One visit in a brand-new context (no cache, no cookies, no session): milliseconds."""
        context = self.browser.new_context(viewport=DESKTOP, locale="en-GB", reduced_motion="reduce",
                                           service_workers="block")
        try:
            page = context.new_page()
            page.goto(url, wait_until="commit", timeout=timeout_ms)
            return float(page.wait_for_function(_RENDERED_JS, arg=SETTLE_MS, polling=20,
                                                timeout=timeout_ms).json_value())
        finally:
            context.close()

    def close(self) -> None:
        self.browser.close()
        self._playwright.stop()
