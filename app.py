"""The frame: page config, navigation, what every page shares, then the page."""

from pathlib import Path

import streamlit as st

from components.frame import page_frame
from components.site import PAGES, page_for

# A file, served by this server: a ":material/..." or emoji icon makes every browser fetch it from Google
# (docs/decisions.md, Favicon).
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
st.set_page_config(page_title="Running and your back: the evidence", page_icon=str(FAVICON), layout="wide")

pages = {spec.url_path: st.Page(spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path,
                                default=spec.default) for spec in PAGES}
current = st.navigation(list(pages.values()), position="hidden")
spec = page_for(current.url_path)
with page_frame(spec):
    current.run()
