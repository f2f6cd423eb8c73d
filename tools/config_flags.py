"""Print a Streamlit config.toml as command-line flags: `--server.headless true --client.toolbarMode minimal ...`.

Why: Streamlit reads .streamlit/config.toml next to app.py last, so the development file would win over
a production file in ~/.streamlit; flags win over both. tools/serve-scaled.sh runs the replicas with
deploy/streamlit/config.toml this way. Usage: python tools/config_flags.py FILE [--except server.port ...]
"""

from __future__ import annotations

import argparse
import shlex
import tomllib
from pathlib import Path


def flags(config: dict, skip: set[str] = frozenset()) -> list[str]:
    out = []
    for section, options in config.items():
        for key, value in options.items():
            name = f"{section}.{key}"
            if name in skip:
                continue
            text = str(value).lower() if isinstance(value, bool) else str(value)
            out += [f"--{name}", text]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--except", dest="skip", nargs="*", default=[])
    args = parser.parse_args()
    print(shlex.join(flags(tomllib.loads(args.file.read_text()), set(args.skip))))


if __name__ == "__main__":
    main()
