"""Ship the labs' plots as image files that load when the reader scrolls to
them.

nbconvert inlines every plot as a base64 `data:` URI, so a lab page carried
all its plots before its first line could be shown (61 of the 72 kB gzipped
of the autograd lab). This hook writes each plot next to its page as
`plot-<hash>.png` (named by its content: an unchanged plot keeps its name
and stays cached) and links it with its pixel size, so the page keeps its
layout while the plot loads, and `loading="lazy"`. The downloaded notebook
keeps its plots inline.
"""
import base64
import hashlib
import re
import struct
from pathlib import Path

from mkdocs.exceptions import PluginError

PNG_SOURCE = re.compile(r'src="data:image/png;base64,([^"]+)"')
ANY_DATA_SOURCE = re.compile(r'src="data:([^;,"]*)')
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes, where: str):
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise PluginError(f"{where}: a plot is not a valid PNG; check the "
                          "cell that draws it")
    return struct.unpack(">II", data[16:24])


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    folder = Path(config.site_dir) / page.file.url

    def as_file(match):
        data = base64.b64decode("".join(match[1].split()), validate=True)
        width, height = png_size(data, page.file.src_uri)
        name = f"plot-{hashlib.sha256(data).hexdigest()[:12]}.png"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        return (f'src="{name}" width="{width}" height="{height}" '
                'loading="lazy" decoding="async"')

    html = PNG_SOURCE.sub(as_file, html)
    left = ANY_DATA_SOURCE.search(html)
    if left:
        raise PluginError(f"{page.file.src_uri}: an output is inlined as "
                          f"data:{left[1]}; hooks/lab_images.py writes only "
                          "PNG plots as files: save the figure as PNG")
    return html
