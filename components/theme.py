"""Site-wide readability fixes on top of Streamlit's theme.

Streamlit draws captions in a grey at 60% opacity (about 3:1 on white), below WCAG AA's 4.5:1
for small text; we make them opaque and darker, links inside them too. Colour is never the only signal here,
but text still has to be readable.
"""

from __future__ import annotations

import streamlit as st

from components.palette import CAPTION_INK, LINK
from components.entry_points import CSS as ENTRY_CSS
from components.icon_array import CSS as FIGURES_CSS
from components.nav import CSS as NAV_CSS, IN_APP
from components.plain_table import CSS as TABLE_CSS
from components.prose import CSS as PROSE_CSS

READABLE_CSS = f"""
<style>
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}  /* Streamlit fades captions to 0.6 */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: {CAPTION_INK} !important; }}
[data-testid="stCaptionContainer"] a {{ color: {LINK} !important; }}
/* A page link's label is cut at the edge on a phone (Streamlit keeps it on one line): let it wrap. */
[data-testid="stPageLink-NavLink"] > span:last-child, [data-testid="stPageLink-NavLink"] p {{
  white-space: normal; overflow: visible; }}
</style>
"""


# Our own fixed script, never user input; installed once per tab. Named (sourceURL) so a browser profile can
# tell its cost from Streamlit's: benchmarks/browser_profile.py. It does two things:
# - A scrollable region must be reachable by keyboard (WCAG 2.1.1). When the navigation is taller than the
#   window the sidebar scrolls, and while Streamlit redraws it can hold nothing focusable, so the sidebar
#   itself takes focus.
# - A plain click on one of our page links (components/nav.py) moves inside the app, without a reload: the
#   address becomes the link's and Streamlit is told as it is on Back or Forward (`popstate`), so it runs that
#   page with that query string. New-tab clicks (a modifier key, another button) are left to the browser.
SITE_JS = """
<script>
(() => {
  if (window.__explorerScript) return;
  window.__explorerScript = true;
  const fix = () => {
    document.querySelectorAll('[data-testid="stSidebarContent"]').forEach((el) => {
      if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "0"); el.setAttribute("aria-label", "Site navigation"); }
    });
  };
  fix();
  // Synchronously, not deferred to the next frame: a check that runs in between would find the sidebar unfocusable.
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  document.addEventListener("click", (event) => {
    const a = event.target.closest && event.target.closest("a[%(in_app)s]");
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) return;
    event.preventDefault();
    window.history.pushState({}, "", a.href);
    window.dispatchEvent(new PopStateEvent("popstate", { state: {} }));
  });
})();
//# sourceURL=explorer-focus.js
</script>
""" % {"in_app": IN_APP}


def apply(*more_css: str) -> None:
    """The site's stylesheets, in Streamlit's event container, outside the page's flow.

    Streamlit loads st.html's code on first use and shows a 40 px placeholder until then, so an st.html at the
    top of the page pushed the whole page down and back up on every first visit (a layout shift of about 0.1 on
    a phone); styles alone go to the event container. The site script travels with the sidebar (frame.py).
    """
    st.html(stylesheets(*more_css))


def stylesheets(*more_css: str) -> str:
    """Every stylesheet of the site; nothing but <style> blocks, or Streamlit draws it in the page's flow."""
    return "".join((READABLE_CSS, TABLE_CSS, NAV_CSS, ENTRY_CSS, PROSE_CSS, FIGURES_CSS, *more_css))
