"""benchmarks/replay.py: a page's recorded messages without one part are what Streamlit would have sent had the
page never drawn it, so the replay without it prices exactly that part."""

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.replay import parts, read_messages, without, write_messages


def _element(path: list[int], text: str) -> bytes:
    message = ForwardMsg()
    message.metadata.delta_path.extend(path)
    message.delta.new_element.markdown.body = text
    return message.SerializeToString()


def _block(path: list[int], kind: str) -> bytes:
    message = ForwardMsg()
    message.metadata.delta_path.extend(path)
    if kind == "expandable":
        message.delta.add_block.expandable.label = "More"
    else:
        message.delta.add_block.vertical.border = True
    return message.SerializeToString()


def _decoded(messages: list[bytes]) -> list[tuple[list[int], str]]:
    out = []
    for data in messages:
        message = ForwardMsg()
        message.ParseFromString(data)
        body = message.delta.new_element.markdown.body if message.delta.WhichOneof("type") == "new_element" \
            else message.delta.add_block.WhichOneof("type")
        out.append((list(message.metadata.delta_path), body))
    return out


PAGE = [_element([1, 0], "sidebar"), _element([0, 0], "title"), _block([0, 1], "vertical"),
        _element([0, 1, 0], "card"), _block([0, 1, 1], "expandable"), _element([0, 1, 1, 0], "layer"),
        _element([0, 1, 2], "after the layer"), _element([0, 2], "end")]


def test_dropping_a_container_drops_what_it_holds_and_renumbers_the_rest():
    dropped = without(PAGE, lambda m: m.delta.add_block.WhichOneof("type") == "expandable")
    assert _decoded(dropped) == [([1, 0], "sidebar"), ([0, 0], "title"), ([0, 1], "vertical"),
                                 ([0, 1, 0], "card"), ([0, 1, 1], "after the layer"), ([0, 2], "end")]


def test_dropping_a_root_leaves_the_main_area_as_it_was():
    dropped = without(PAGE, lambda m: m.metadata.delta_path[0] == 1)
    assert _decoded(dropped) == _decoded(PAGE[1:])


def test_parts_names_each_kind_in_the_main_area_and_each_other_root():
    found = parts(PAGE)
    assert set(found) == {"markdown", "block:vertical", "block:expandable", "the sidebar"}
    assert len(without(PAGE, found["markdown"])) == 3  # the vertical block, its expander, the sidebar


def test_recordings_read_back_byte_for_byte(tmp_path):
    write_messages(tmp_path / "page.bin", PAGE)
    assert list(read_messages(tmp_path / "page.bin")) == PAGE
