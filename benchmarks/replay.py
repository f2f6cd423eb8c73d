"""`python -m benchmarks.replay [--pages my-situation,study] [--visits 12]`: how much of a page's time to rendered
is the explorer's own work, and how much is Streamlit drawing that content.

Records one first run of each page from the real app (its messages, byte for byte, as a first visitor's browser
gets them), then serves them from benchmarks/replay_app.py, a script that sends them and does nothing else. Chromium
then opens, in turn, the floor's bare or chart page, the real page and its replay, each in a fresh context, and
prints the median of each visit's ratios:

- real / floor: the figure `make bench-load` reports;
- replay / floor: what the same content costs when Streamlit draws it with no app behind it;
- real / replay: the explorer's own share (its server's work, the timing of its messages).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path

_LENGTH = struct.Struct(">I")


def write_messages(path: Path, messages: list[bytes]) -> None:
    path.write_bytes(b"".join(_LENGTH.pack(len(m)) + m for m in messages))


def read_messages(path: Path) -> Iterator[bytes]:
    data, at = path.read_bytes(), 0
    while at < len(data):
        (size,) = _LENGTH.unpack_from(data, at)
        yield data[at + _LENGTH.size:at + _LENGTH.size + size]
        at += _LENGTH.size + size


async def record(url: str, page: str, query: str) -> list[bytes]:
    """The element messages (deltas) of one first run of `page`, in the order the server sent them."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from benchmarks.ws_client import _DONE

    async with websockets.connect(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, ping_interval=None, compression=None) as socket:
        request = BackMsg()
        request.rerun_script.query_string = query
        request.rerun_script.page_name = "" if page == "home" else page
        await socket.send(request.SerializeToString())
        kept = []
        while True:
            data = await asyncio.wait_for(socket.recv(), 120)
            message = ForwardMsg()
            message.ParseFromString(data)
            kind = message.WhichOneof("type")
            if kind == "delta":
                kept.append(data)
            elif kind == "page_not_found":
                raise RuntimeError(f"/{page} is not a page of {url}")
            elif kind == "script_finished" and message.script_finished in _DONE:
                return kept


def main() -> None:
    from benchmarks import servers
    from benchmarks.browser_timing import Chromium
    from benchmarks.load import CHART_PAGES, representative_queries

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", default="my-situation,study,evidence-map,claim-check,accessibility")
    parser.add_argument("--visits", type=int, default=12)
    args = parser.parse_args()
    queries = representative_queries()
    pages = args.pages.split(",")
    recordings = Path(tempfile.mkdtemp(prefix="replay-"))
    app = servers.start("app.py")
    try:
        for page in pages:
            write_messages(recordings / f"{page}.bin", asyncio.run(record(app.url, page, queries[page])))
        replay = servers.start("benchmarks/replay_app.py", {"REPLAY_DIR": str(recordings)})
        floor = servers.start("benchmarks/floor_app.py")
        chromium = Chromium()
        try:
            chromium.time_to_rendered(floor.url + "/")  # Chromium's own start-up
            print(f"| page | elements | real / floor | replay / floor | real / replay |\n|---|---|---|---|---|")
            for page in pages:
                path = "/" if page == "home" else f"/{page}"
                query = f"?{queries[page]}" if queries[page] else ""
                floor_path = "/chart" if page in CHART_PAGES else "/" if page == "home" else "/page"
                visits: dict[str, list[float]] = {"floor": [], "real": [], "replay": []}
                for _ in range(args.visits):
                    for name, address in (("floor", floor.url + floor_path), ("real", app.url + path + query),
                                          ("replay", replay.url + path + query)):
                        visits[name].append(chromium.time_to_rendered(address))

                def ratio(top: str, bottom: str) -> str:
                    pairs = [t / b for t, b in zip(visits[top], visits[bottom])]
                    return f"{statistics.median(pairs):.2f}× ({min(pairs):.2f}–{max(pairs):.2f})"

                elements = sum(1 for _ in read_messages(recordings / f"{page}.bin"))
                print(f"| {page} | {elements} | {ratio('real', 'floor')} | {ratio('replay', 'floor')} | "
                      f"{ratio('real', 'replay')} |", flush=True)
        finally:
            chromium.close()
            replay.stop()
            floor.stop()
    finally:
        app.stop()


if __name__ == "__main__":
    main()
