"""`python -m benchmarks.replay [--pages my-situation,study] [--visits 12]`: how much of a page's time to rendered
is the explorer's own work, and how much is Streamlit drawing that content.
`python -m benchmarks.replay --parts my-situation [--visits 30]`: what each part of that content costs.

Records one first run of each page from the real app (its messages, byte for byte, as a first visitor's browser
gets them), then serves them from benchmarks/replay_app.py, a script that sends them and does nothing else. Chromium
then opens, in turn, the floor's bare or chart page, the real page and its replay, each in a fresh context, and
prints the median of each visit's ratios:

- real / floor: the figure `make bench-load` reports;
- replay / floor: what the same content costs when Streamlit draws it with no app behind it;
- real / replay: the explorer's own share (its server's work, the timing of its messages).

With --parts, the page's replay is served again without each kind of element in turn (every markdown block, every
radio, every expander with what it holds, ...; the sidebar; the site's styles and script), the rest renumbered as
Streamlit would have numbered it, and each is timed beside the floor: the content's bill, part by part. One visit
swings by ±10%, so a part's price needs 30 visits or more to stand out from the noise.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import struct
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

_LENGTH = struct.Struct(">I")


def write_messages(path: Path, messages: list[bytes]) -> None:
    path.write_bytes(b"".join(_LENGTH.pack(len(m)) + m for m in messages))


def read_messages(path: Path) -> Iterator[bytes]:
    data, at = path.read_bytes(), 0
    while at < len(data):
        (size,) = _LENGTH.unpack_from(data, at)
        yield data[at + _LENGTH.size:at + _LENGTH.size + size]
        at += _LENGTH.size + size


def decoded(data: bytes) -> ForwardMsg:
    message = ForwardMsg()
    message.ParseFromString(data)
    return message


def element_kind(message: ForwardMsg) -> str:
    """What a delta draws: an element's type ("markdown", "radio"), or "block:<type>" for a container."""
    delta = message.delta
    if delta.WhichOneof("type") == "new_element":
        return delta.new_element.WhichOneof("type")
    if delta.WhichOneof("type") == "add_block":
        return f"block:{delta.add_block.WhichOneof('type')}"
    return delta.WhichOneof("type") or ""


ROOTS = {1: "the sidebar", 2: "the site's styles and script"}  # delta_path[0]: 0 is the main area


def without(messages: list[bytes], drop: Callable[[ForwardMsg], bool]) -> list[bytes]:
    """`messages` without those `drop` picks and everything inside them, the rest renumbered so that each
    container's children stay 0, 1, 2, ... as if the page had never drawn the dropped ones."""
    kept, dropped = [], []
    for message in map(decoded, messages):
        path = tuple(message.metadata.delta_path)
        if any(path[:len(gone)] == gone for gone in dropped):
            continue
        if drop(message):
            dropped.append(path)
        else:
            kept.append(message)
    children: dict[tuple[int, ...], set[int]] = {}
    for message in kept:
        path = tuple(message.metadata.delta_path)
        for depth in range(len(path)):
            children.setdefault(path[:depth], set()).add(path[depth])
    rank = {parent: {index: n for n, index in enumerate(sorted(indexes))} for parent, indexes in children.items()}
    out = []
    for message in kept:
        path = tuple(message.metadata.delta_path)
        message.metadata.ClearField("delta_path")
        message.metadata.delta_path.extend(rank[path[:depth]][path[depth]] for depth in range(len(path)))
        out.append(message.SerializeToString())
    return out


def parts(messages: list[bytes]) -> dict[str, Callable[[ForwardMsg], bool]]:
    """Each kind of element in the main area, and each other root (sidebar, styles) present: how to drop it."""
    recorded = [decoded(data) for data in messages]
    kinds = sorted({element_kind(m) for m in recorded if m.metadata.delta_path[0] == 0} - {"empty"})
    roots = sorted({m.metadata.delta_path[0] for m in recorded} & set(ROOTS))
    found: dict[str, Callable[[ForwardMsg], bool]] = {
        kind: (lambda m, kind=kind: m.metadata.delta_path[0] == 0 and element_kind(m) == kind) for kind in kinds}
    found.update({ROOTS[root]: (lambda m, root=root: m.metadata.delta_path[0] == root) for root in roots})
    return found


async def record(url: str, page: str, query: str) -> list[bytes]:
    """The element messages (deltas) of one first run of `page`, in the order the server sent them."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg

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
            message = decoded(data)
            kind = message.WhichOneof("type")
            if kind == "delta":
                kept.append(data)
            elif kind == "page_not_found":
                raise RuntimeError(f"/{page} is not a page of {url}")
            elif kind == "script_finished" and message.script_finished in _DONE:
                return kept


def _ratio(top: list[float], bottom: list[float]) -> float:
    return statistics.median(t / b for t, b in zip(top, bottom))


def _spread(top: list[float], bottom: list[float]) -> str:
    from benchmarks.load import _pairs

    return _pairs([t / b for t, b in zip(top, bottom)])


def main() -> None:
    from benchmarks import servers
    from benchmarks.browser_timing import Chromium
    from benchmarks.load import CHART_PAGES, representative_queries

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", default="my-situation,study,evidence-map,claim-check,accessibility")
    parser.add_argument("--parts", metavar="PAGE", help="price each kind of element of this one page instead")
    parser.add_argument("--visits", type=int, default=12)
    args = parser.parse_args()
    queries = representative_queries()
    pages = [args.parts] if args.parts else args.pages.split(",")
    recordings = Path(tempfile.mkdtemp(prefix="replay-"))
    app = servers.start("app.py")
    try:
        recorded = {page: asyncio.run(record(app.url, page, queries[page])) for page in pages}
        for page, messages in recorded.items():
            write_messages(recordings / f"{page}.bin", messages)
        variants = parts(recorded[args.parts]) if args.parts else {}
        for name, drop in variants.items():
            write_messages(recordings / f"{args.parts}--{_slug(name)}.bin", without(recorded[args.parts], drop))
        replay = servers.start("benchmarks/replay_app.py", {"REPLAY_DIR": str(recordings)})
        floor = servers.start("benchmarks/floor_app.py")
        chromium = Chromium()
        try:
            chromium.time_to_rendered(floor.url + "/")  # Chromium's own start-up
            for page in pages:
                path = "/" if page == "home" else f"/{page}"
                query = f"?{queries[page]}" if queries[page] else ""
                addresses = {"floor": floor.url + ("/chart" if page in CHART_PAGES else "/" if page == "home"
                                                   else "/page"),
                             "real": app.url + path + query, "replay": replay.url + path + query}
                addresses.update({name: f"{replay.url}/{page}--{_slug(name)}" for name in variants})
                visits: dict[str, list[float]] = {name: [] for name in addresses}
                for _ in range(args.visits):
                    for name, address in addresses.items():
                        visits[name].append(chromium.time_to_rendered(address))
                if not args.parts:
                    if page == pages[0]:
                        print("| page | elements | real / floor | replay / floor | real / replay |\n"
                              "|---|---|---|---|---|")
                    print(f"| {page} | {len(recorded[page])} | {_spread(visits['real'], visits['floor'])} "
                          f"| {_spread(visits['replay'], visits['floor'])} "
                          f"| {_spread(visits['real'], visits['replay'])} |", flush=True)
                    continue
                whole = _ratio(visits["replay"], visits["floor"])
                print(f"{page}: real {_spread(visits['real'], visits['floor'])}, replay {whole:.3f}× the floor "
                      f"(median of {args.visits} visits each)\n\n| without | elements left | replay / floor | "
                      f"what the part costs |\n|---|---|---|---|")
                for name in variants:
                    left = sum(1 for _ in read_messages(recordings / f"{page}--{_slug(name)}.bin"))
                    ratio = _ratio(visits[name], visits["floor"])
                    print(f"| {name} | {left} of {len(recorded[page])} | {ratio:.3f}× | {whole - ratio:+.3f} |",
                          flush=True)
        finally:
            chromium.close()
            replay.stop()
            floor.stop()
    finally:
        app.stop()


def _slug(name: str) -> str:
    return "without-" + "".join(c if c.isalnum() else "-" for c in name)


if __name__ == "__main__":
    main()
