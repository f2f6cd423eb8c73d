"""A Streamlit session over Streamlit's own websocket protocol, the way the frontend opens one.

The browser connects to /_stcore/stream (subprotocol "streamlit"), sends a `rerun_script`
BackMsg carrying the URL's query string and page name (the url_path; "" is the default page),
then renders ForwardMsgs until `script_finished`. Later reruns name the page by the
`page_script_hash` the server reported, and list the hashes of messages already received so the
server may send references instead of repeats, as the frontend's message cache does.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

_DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
         ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Run:
    ms: float         # from sending the request (or opening the connection) to script_finished
    messages: int     # ForwardMsgs received for the run
    elements: int     # of which deltas (elements and blocks drawn)
    kilobytes: float
    errors: int       # exception elements on screen
    not_found: bool   # Streamlit's "Page not found"


class Session:
    def __init__(self, base_url: str, page: str, query: str) -> None:
        self.ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://").rstrip("/") + "/_stcore/stream"
        self.page, self.query = page, query
        self.page_hash = ""
        self.cached: set[str] = set()
        self.socket = None

    async def open(self, timeout: float = 300.0) -> Run:
        started = time.perf_counter()
        self.socket = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                                               open_timeout=timeout, ping_interval=None, compression=None)
        return await self._run(started, timeout)

    async def rerun(self, timeout: float = 300.0) -> Run:
        return await self._run(time.perf_counter(), timeout)

    async def _run(self, started: float, timeout: float) -> Run:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_name = "" if self.page_hash else self.page
        state.page_script_hash = self.page_hash
        state.cached_message_hashes.extend(sorted(self.cached))
        await self.socket.send(msg.SerializeToString())
        messages = elements = errors = size = 0
        not_found = False
        deadline = started + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{self.page or 'home'}?{self.query}: no script_finished within {timeout:.0f}s")
            data = await _recv(self.socket, remaining)
            size += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            messages += 1
            kind = forward.WhichOneof("type")
            if forward.hash and kind == "delta":
                self.cached.add(forward.hash)
            if kind == "delta":
                elements += 1
                if forward.delta.WhichOneof("type") == "new_element" and \
                        forward.delta.new_element.WhichOneof("type") == "exception":
                    errors += 1
            elif kind == "navigation" and forward.navigation.page_script_hash:
                self.page_hash = forward.navigation.page_script_hash
            elif kind == "new_session" and forward.new_session.page_script_hash:
                self.page_hash = forward.new_session.page_script_hash
            elif kind == "page_not_found":
                not_found = True
            elif kind == "script_finished" and forward.script_finished in _DONE:
                return Run((time.perf_counter() - started) * 1000, messages, elements, size / 1024, errors, not_found)

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
            self.socket = None


async def _recv(socket, timeout: float) -> bytes:
    import asyncio
    data = await asyncio.wait_for(socket.recv(), timeout)
    return data if isinstance(data, bytes) else data.encode()
