"""Site-wide readability fixes on top of Streamlit's theme.

Streamlit draws captions in a grey at 60% opacity (about 3:1 on white), below WCAG AA's 4.5:1
for small text; we make them opaque and darker, links inside them too. Colour is never the only signal here,
but text still has to be readable. The rules are assets/readable.css; this module sends it with every other
stylesheet of the site (components/stylesheets.py), and holds the site script.
"""

from __future__ import annotations

import streamlit as st

from components.nav import IN_APP
from components.stylesheets import SITE, colours, stylesheet


# Our own fixed script, never user input; installed once per tab, named (sourceURL) for benchmarks/browser_profile.py.
# A scrolling sidebar takes focus (WCAG 2.1.1: while Streamlit redraws it can hold nothing focusable), a plain
# click on one of our links is the history step Streamlit follows on Back (docs/decisions.md, In-app links), and
# the document follows Streamlit's theme (Colours that follow the theme).
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
  // Streamlit gives its theme's color-scheme to .stApp only, and draws dialogs and popovers outside it: the document
  // takes the same, so our colours (light-dark()) follow there too, and on a theme change (docs/decisions.md).
  const app = document.querySelector(".stApp");
  const followTheme = () => { document.documentElement.style.colorScheme = getComputedStyle(app).colorScheme; };
  followTheme();
  new MutationObserver(followTheme).observe(app, { attributes: true, attributeFilter: ["class"] });
  document.addEventListener("click", (event) => {
    // A link that is only a query string ("?claim=x&report=...", components/report_problem.py) is this same page.
    const a = event.target.closest && event.target.closest("a[%(in_app)s], a[href^='?']");
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

    An st.html in the page's flow starts as a placeholder and pushes the page down and back up; styles alone go
    to the event container (docs/decisions.md, Nothing jumps). The site script travels with the sidebar (frame.py).
    """
    st.html(stylesheets(*more_css))


def stylesheets(*more_css: str) -> str:
    """Every stylesheet of the site (assets/, components/stylesheets.py) and its colours; nothing but <style>
    blocks, or Streamlit draws it in the page's flow."""
    return "".join((colours(), stylesheet(*SITE), *more_css))
