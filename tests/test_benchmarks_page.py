"""The benchmarks page (hooks/benchmarks.py) holds each time against its
target as it would read in the hour the targets were set: scaled by the
`import torch` taken last before it, not by one from another minute."""
import json

import benchmarks


def rows(markdown: str) -> dict:
    """Figure name -> (value, scaled, target), from the page's first table."""
    found = {}
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            found[cells[0].strip("`")] = tuple(cells[1:])
    return found


def page_of(tmp_path, figures: dict) -> dict:
    results = tmp_path / "latest.json"
    results.write_text(json.dumps({"date": "2026-12-06", "machine": "test",
                                   "figures": figures}), encoding="utf-8")
    return rows(benchmarks.markdown(results))


def test_each_time_is_scaled_by_the_import_torch_taken_last_before_it(
        tmp_path):
    table = page_of(tmp_path, {
        "import_torch_s": 2.34, "lab[pretraining]_s": 20.0,
        "import_torch_before[make_check_s]_s": 1.5, "make_check_s": 75.0,
        "test_file[tests/test_site.py]_s": 30.0})
    assert table["lab[pretraining]_s"] == ("20.0", "10.0", "≤ 15")
    assert table["make_check_s"] == ("75.0", "58.5", "≤ 60"), (
        "make_check_s must be scaled by its own import torch (1.5 s), "
        "not by the one at the start of the bench")
    assert table["test_file[tests/test_site.py]_s"][1] == "23.4"
    assert table["import_torch_s"][1] == ""


def test_a_figure_that_is_not_a_time_is_not_scaled(tmp_path):
    table = page_of(tmp_path, {
        "import_torch_s": 1.17, "elements[home]": 324,
        "lighthouse[home][performance]": 99})
    assert table["elements[home]"] == ("324", "", "≤ 2,500")
    assert table["lighthouse[home][performance]"] == ("99", "", "≥ 97")


def test_without_results_the_page_says_how_to_make_them(tmp_path):
    assert "run `make bench`" in benchmarks.markdown(tmp_path / "none.json")
