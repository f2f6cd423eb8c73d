import pytest

from benchmarks.synthetic import write_base
from evidence import DEFAULT_DIR


@pytest.fixture(scope="session", params=["shipped", "10k"])
def base_dir(request, tmp_path_factory):
    if request.param == "shipped":
        return DEFAULT_DIR
    return write_base(tmp_path_factory.mktemp("synthetic"), 10_000)
