"""The explorer's pages as Streamlit alone draws them: each page's recorded messages, sent by a script that does
nothing else.

`python -m benchmarks.replay` records the messages of one first run of each page from the real app (every element,
widget, chart and piece of HTML, byte for byte), saves them in $REPLAY_DIR, and serves this app beside it. Here
each page at the same address only reads its recording and hands the messages to Streamlit, so its time to rendered
is what Streamlit costs to draw exactly that content, with none of the explorer's own work. The real page's time
over the replay's is the explorer's share; the replay's over the floor's is the content's.

It hands messages to the script-run context itself, a Streamlit internal the app may not use
(tests/unit/test_architecture.py); a benchmark that must send exactly what the app sent has no public way to.
"""

import os
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from benchmarks.replay import decoded, read_messages

RECORDINGS = Path(os.environ["REPLAY_DIR"])
# The explorer's own page config (app.py), so that the tab's title and icon cost the same.
st.set_page_config(page_title="Running and your back: the evidence",
                   page_icon=str(Path(__file__).resolve().parent.parent / "assets" / "favicon.png"), layout="wide")


def replay(name: str):
    def page() -> None:
        context = get_script_run_ctx()
        for data in read_messages(RECORDINGS / f"{name}.bin"):
            context.enqueue(decoded(data))
    page.__name__ = name.replace("-", "_") or "home"
    return page


def nothing() -> None:
    pass


# Home at the root, as in the explorer; every other page below it, at its own address.
names = sorted(path.stem for path in RECORDINGS.glob("*.bin"))
st.navigation([st.Page(replay("home") if "home" in names else nothing, title="home", default=True),
               *(st.Page(replay(name), title=name, url_path=name) for name in names if name != "home")],
              position="hidden").run()
