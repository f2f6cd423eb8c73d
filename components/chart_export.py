"""Chart downloads: PNG and SVG of a plotly figure with its source line in the image, and the data as CSV.

Images are rendered server-side by kaleido (v1), which drives the Chromium already installed
on the machine (Debian's /usr/bin/chromium, or $CHROMIUM / $BROWSER_PATH); it never downloads
a browser, and MathJax (which it would fetch from a CDN) is switched off. One Chromium start
renders both formats, on the first click of either button (deferred download), and the bytes
are cached by a hash of the figure's JSON and the caption, so reruns cost nothing.

Under the caption, one more line says what the chart is, which release of the base it shows and where it
comes from (the site and the link to this view); in the SVG that line is a real link.

The caption is composed under the rendered chart rather than added as a plotly annotation:
the space plotly gives legends and axis titles below a plot is settled only in the browser
(auto-margins), so an annotation placed from Python can land on top of them. Composed, the
source line always sits in its own band at the foot of the image, in both formats.

Without a Chromium (some hosts), the PNG and SVG buttons are replaced by a note: the chart's
own camera button (see `chart_config`) still saves a PNG in the browser, and the CSV remains.
Why a browser on the server, and its cost: docs/decisions.md, Chart images.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import io
import os
import re
import shutil
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import plotly.graph_objects as go
from PIL import Image, ImageDraw, ImageFont

from components.build_cache import BuildCache
from evidence.palette import INK, WHITE

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1100, 550
PNG_SCALE = 2  # 2200 px wide: sharp on a slide or in print
CAPTION_PX = 14  # caption font size, in layout pixels
CAPTION_PAD = 16
CAPTION_INK = INK
RENDER_TIMEOUT = 60.0

_cache: BuildCache[tuple[bytes, bytes]] = BuildCache(32, one_build_at_a_time=True)  # one Chromium at a time


# ---- where Chromium is -------------------------------------------------------------------

@lru_cache(maxsize=1)
def browser_path() -> str | None:
    """An installed Chromium/Chrome, or None. Never downloads one."""
    for var in ("CHROMIUM", "BROWSER_PATH"):
        path = os.environ.get(var)
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        if found := shutil.which(name):
            return found
    return None


@lru_cache(maxsize=1)
def export_available() -> bool:
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    return browser_path() is not None


def chart_config(name: str) -> dict[str, Any]:
    """A plotly config for st.plotly_chart whose camera button saves `name`.png at 2x (client-side)."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": name, "scale": PNG_SCALE}}


# ---- the caption band ------------------------------------------------------------------------

def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(FONT), px)
    except OSError:
        return ImageFont.load_default(size=px)


def wrap(caption: str, max_px: float, px: int = CAPTION_PX) -> list[str]:
    """Split `caption` into lines no wider than `max_px` at font size `px`."""
    font = _font(px)
    lines: list[str] = []
    for paragraph in caption.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and font.getlength(candidate) > max_px:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _band_height(lines: list[str], px: int = CAPTION_PX) -> int:
    return int(len(lines) * px * 1.4 + 2 * CAPTION_PAD)


def caption_png(png: bytes, caption: str, width: int, scale: float, site: str = "") -> bytes:
    """`png` (rendered at `scale`) with a white band below carrying `caption`, then the `site` line."""
    chart = Image.open(io.BytesIO(png)).convert("RGB")
    lines = wrap(caption, width - 2 * CAPTION_PAD) + (wrap(site, width - 2 * CAPTION_PAD) if site else [])
    band = int(_band_height(lines) * scale)
    out = Image.new("RGB", (chart.width, chart.height + band), WHITE)
    out.paste(chart, (0, 0))
    draw = ImageDraw.Draw(out)
    font = _font(int(CAPTION_PX * scale))
    y = chart.height + CAPTION_PAD * scale * 0.6
    for line in lines:
        draw.text((CAPTION_PAD * scale, y), line, font=font, fill=CAPTION_INK)
        y += CAPTION_PX * 1.4 * scale
    buffer = io.BytesIO()
    out.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def caption_svg(svg: bytes | str, caption: str, width: int, height: int, title: str = "", site: str = "",
                href: str = "") -> str:
    """`svg` nested in a taller SVG whose foot carries `caption` as real text (searchable, selectable), then the
    `site` line, a link to `href` when given."""
    inner = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    inner = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", inner)
    lines = wrap(caption, width - 2 * CAPTION_PAD)
    site_lines = wrap(site, width - 2 * CAPTION_PAD) if site else []
    total = height + _band_height(lines + site_lines)
    baseline = [height + CAPTION_PAD + CAPTION_PX * (1 + 1.4 * i) for i in range(len(lines) + len(site_lines))]
    texts = "".join(f'<text x="{CAPTION_PAD}" y="{y:.1f}">{html.escape(line)}</text>'
                    for y, line in zip(baseline, lines))
    if site_lines:
        site_texts = "".join(f'<text x="{CAPTION_PAD}" y="{y:.1f}">{html.escape(line)}</text>'
                             for y, line in zip(baseline[len(lines):], site_lines))
        texts += (f'<a href="{html.escape(href)}" xlink:href="{html.escape(href)}">{site_texts}</a>' if href
                  else site_texts)
    label = html.escape(title or caption)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{width}" height="{total}" viewBox="0 0 {width} {total}" role="img">'
            f"<title>{label}</title>"
            f'<rect width="{width}" height="{total}" fill="{WHITE}"/>'
            f'<g transform="translate(0,0)">{_sized(inner, width, height)}</g>'
            f'<g font-family="DejaVu Sans, Arial, sans-serif" font-size="{CAPTION_PX}" fill="{CAPTION_INK}">{texts}</g>'
            "</svg>")


def _sized(svg: str, width: int, height: int) -> str:
    """The chart's root <svg> pinned to its layout size at the top-left of the composed image."""
    match = re.search(r"<svg\b[^>]*>", svg)
    if not match:
        raise ValueError("the renderer returned no <svg> element")
    tag = re.sub(r'\s(?:x|y|width|height)="[^"]*"', "", match.group(0))
    tag = tag.replace("<svg", f'<svg x="0" y="0" width="{width}" height="{height}"', 1)
    return svg[:match.start()] + tag + svg[match.end():]


# ---- rendering ------------------------------------------------------------------------------

def _size(fig: go.Figure) -> tuple[int, int]:
    return int(fig.layout.width or DEFAULT_WIDTH), int(fig.layout.height or DEFAULT_HEIGHT)


async def _render(fig_dict: dict, width: int, height: int) -> tuple[bytes, bytes]:
    from kaleido import Kaleido

    async with Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False, path=browser_path()) as k:
        png = await k.calc_fig(fig_dict, opts={"format": "png", "width": width, "height": height, "scale": PNG_SCALE})
        svg = await k.calc_fig(fig_dict, opts={"format": "svg", "width": width, "height": height})
    return png, svg


def _run(coroutine_fn, *args):
    """Run an async function to completion on a thread of its own (callers may be inside an event loop)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coroutine_fn(*args))
        except BaseException as error:  # re-raised in the caller's thread
            box["error"] = error

    thread = threading.Thread(target=target, name="chart-export", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def figure_key(fig: go.Figure, caption: str, site: str = "") -> str:
    return hashlib.sha256((fig.to_json() + "\x00" + caption + "\x00" + site).encode("utf-8")).hexdigest()


def figure_images(fig: go.Figure, caption: str, title: str = "", site: str = "", href: str = "") -> tuple[bytes, bytes]:
    """(PNG bytes, SVG bytes) of `fig` with `caption` (then the `site` line) under it; cached by the figure's JSON,
    caption and site line."""
    def build() -> tuple[bytes, bytes]:
        if browser_path() is None:
            raise RuntimeError("No Chromium found: install Debian's chromium or set $CHROMIUM to a Chromium binary.")
        width, height = _size(fig)
        png, svg = _run(_render, fig.to_dict(), width, height)
        return (caption_png(png, caption, width, PNG_SCALE, site),
                caption_svg(svg, caption, width, height, title, site, href).encode("utf-8"))

    # The figure's JSON is the whole input: the key needs no base version.
    return _cache.get(None, figure_key(fig, caption, site + "\x00" + href), build)


def data_csv(data: pd.DataFrame) -> bytes:
    """The table behind the chart. UTF-8 with a byte-order mark so spreadsheet programs read – and é right."""
    return data.to_csv(index=False).encode("utf-8-sig")


# ---- the buttons ----------------------------------------------------------------------------

Table = pd.DataFrame | Callable[[], pd.DataFrame]


def chart_downloads(fig: go.Figure, name: str, source_caption: str, data: Table, *, site: str = "",
                    href: str = "") -> None:
    """Download buttons under a chart: PNG and SVG with `source_caption` (and the `site` line: what the chart is,
    the base's release, the site and `href`, the link to this view) in the image, and `data` as CSV.

    `name` is the file stem and says what the chart is (e.g. "back-pain-prevalence"); `data` (or a function
    returning it) must be exactly the table shown with the chart. Nothing is built until a button is clicked:
    every `data=` is a callable. `fig` must not be changed after this call (pass a cached figure, which never is).
    """
    import streamlit as st

    title = f"{name.replace('-', ' ').capitalize()}. {source_caption}"

    def images() -> tuple[bytes, bytes]:
        return figure_images(fig, source_caption, title, site, href)

    def csv() -> bytes:
        return data_csv(data() if callable(data) else data)

    with st.container(horizontal=True, gap="small", key=f"chart-downloads-{name}"):
        if export_available():
            st.download_button("Chart as PNG", data=lambda: images()[0],
                               file_name=f"{name}.png", mime="image/png", icon=":material/image:",
                               on_click="ignore", key=f"chart-{name}-png",
                               help="A picture of the chart with its source line, for slides and documents.")
            st.download_button("Chart as SVG", data=lambda: images()[1],
                               file_name=f"{name}.svg", mime="image/svg+xml", icon=":material/draw:",
                               on_click="ignore", key=f"chart-{name}-svg",
                               help="The chart as a vector image that stays sharp at any size, with its source line.")
        st.download_button("Data as CSV", data=csv, file_name=f"{name}.csv", mime="text/csv",
                           icon=":material/table:", on_click="ignore", key=f"chart-{name}-csv",
                           help="The numbers behind the chart, exactly as in the table on this page.")
    if not export_available():
        st.caption("Image downloads are not available on this server. The camera button on the chart saves a "
                   "PNG from your browser (without the source line); the data is in the CSV.")
