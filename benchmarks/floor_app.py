"""Streamlit's own floor: the least a page can cost, served by the same interpreter and Streamlit.

Two pages, matched to the explorer's two kinds of page:
- /bare: a title, a paragraph and one selectbox (home, take-homes, findings, study, ...);
- /chart: one plotly chart and a table (prevalence, evidence map, claim check);
- /page: the bare page again at a path of its own. A browser opening a page below the root asks the
  server twice where the app lives (/<page>/_stcore/health, then /_stcore/health) before it opens the
  websocket; every explorer page but home pays that, so its browser timing is compared with this one.

`python -m benchmarks.load` serves this beside app.py and reports every explorer page as a ratio
to its matching floor page, measured in the same run.
"""

import pandas as pd
import plotly.express as px
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")

_TABLE = pd.DataFrame({"group": ["Runners", "Everyone", "Athletes", "Adults"],
                       "low": [0.7, 12.0, 1.0, 20.0], "high": [20.0, 33.0, 15.0, 39.0]})


def bare() -> None:
    st.title("Floor: a bare page")
    st.markdown("One paragraph of plain text, the least any page of the explorer draws besides its title.")
    st.selectbox("Pick one", ["first", "second", "third"], key="pick")


def chart() -> None:
    st.title("Floor: a chart page")
    st.plotly_chart(px.bar(_TABLE, x="group", y="high", title="Highest figure per group"))
    st.dataframe(_TABLE, hide_index=True)


st.navigation([st.Page(bare, title="Bare", url_path="bare", default=True),
               st.Page(chart, title="Chart", url_path="chart"),
               st.Page(bare, title="Bare page", url_path="page")], position="hidden").run()
