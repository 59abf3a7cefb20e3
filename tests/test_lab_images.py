"""Lab plots leave the page as files of their own, with their size."""
import base64
import struct
import zlib
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from lab_images import on_page_content


def png(width, height):
    def chunk(kind, data):
        body = kind + data
        return (struct.pack(">I", len(data)) + body
                + struct.pack(">I", zlib.crc32(body)))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" * (width + 1) * height)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def lab_page(src_uri="pl/labs/demo.ipynb", url="pl/labs/demo/"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, url=url))


def render(html, site, page=None):
    return on_page_content(html, page or lab_page(),
                           SimpleNamespace(site_dir=str(site)), None)


def test_a_plot_becomes_a_lazy_file_of_its_size_next_to_its_page(tmp_path):
    plot = png(7, 3)
    inline = base64.encodebytes(plot).decode()
    html = render(f'<img alt="Loss" src="data:image/png;base64,{inline}">',
                  tmp_path)
    files = list((tmp_path / "pl" / "labs" / "demo").glob("plot-*.png"))
    assert len(files) == 1 and files[0].read_bytes() == plot
    assert html == (f'<img alt="Loss" src="{files[0].name}" width="7" '
                    'height="3" loading="lazy" decoding="async">')


def test_the_same_plot_keeps_its_name(tmp_path):
    inline = base64.b64encode(png(2, 2)).decode()
    html = f'<img src="data:image/png;base64,{inline}">'
    assert render(html, tmp_path / "a") == render(html, tmp_path / "b")


def test_pages_that_are_not_labs_are_left_alone(tmp_path):
    html = '<img src="data:image/png;base64,AAAA">'
    assert render(html, tmp_path, lab_page("pl/autograd.md")) == html


NOT_PNG = base64.b64encode(b"GIF89a" + bytes(30)).decode()


@pytest.mark.parametrize("html", [
    '<img src="data:image/jpeg;base64,/9j/4AAQ">',
    f'<img src="data:image/png;base64,{NOT_PNG}">'])
def test_an_output_it_cannot_write_as_a_plot_file_fails_the_build(
        tmp_path, html):
    with pytest.raises(PluginError, match=r"pl/labs/demo\.ipynb: "):
        render(html, tmp_path)
