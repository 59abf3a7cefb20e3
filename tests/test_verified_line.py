"""Every page written in Markdown ends with the "verified on" line, which
names only the devices verification/ holds a record of and, while there is
no CUDA record, says so in the page's language."""
import html
import re

from conftest import ROOT
from docsite import model
from serbian_cyrillic import to_cyrillic_data

RECORDS = ROOT / "verification"


def verification_texts(locale):
    entry = next(e for e in model.i18n_options()["languages"]
                 if e["locale"] == (model.language(locale).generated_from
                                    or locale))
    texts = entry["extra"]["verification"]
    return to_cyrillic_data(texts) if model.language(locale).generated_from \
        else texts


def visible_text(page_html):
    article = page_html[page_html.index("<article"):
                        page_html.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def test_the_verified_line_names_only_recorded_devices(site_dir):
    recorded = {path.stem for path in RECORDS.glob("*.json")}
    problems = []
    for page in model.read_manifest(site_dir):
        if page.kind not in ("landing", "topic"):
            continue
        texts = verification_texts(page.language)
        text = visible_text((site_dir / page.url / "index.html").read_text(
            encoding="utf-8"))
        if texts["line"] not in text:
            problems.append(f"/{page.url}: no '{texts['line']}' line")
            continue
        line = text[text.index(texts["line"]):]
        for device in ("CPU", "CUDA"):
            shown = re.search(rf"\b{device} \(", line) is not None
            if shown != (device.lower() in recorded):
                problems.append(f"/{page.url}: the line {'names' if shown else 'lacks'} {device}, "
                                f"but verification/ {'has no' if shown else 'has a'} "
                                f"{device.lower()}.json")
        says_no_cuda = " ".join(texts["no_cuda"].split()) in " ".join(
            line.split())
        if says_no_cuda != ("cuda" not in recorded):
            problems.append(f"/{page.url}: " + (
                "says no CUDA run is recorded, but verification/cuda.json "
                "exists" if says_no_cuda else
                f"does not say that no CUDA run is recorded "
                f"('{texts['no_cuda']}'): hooks/verification.py adds it"))
    assert not problems, "\n".join(problems[:20])


def test_each_record_covers_every_example_of_today():
    """A record is of a complete run of today's examples: a snippet or an
    exercise added since would be claimed as verified without a run."""
    import json

    from test_snippets import cases

    for record in sorted(RECORDS.glob("*.json")):
        device = record.stem
        expected = {c.id.removesuffix(f"-{device}") for c in cases()
                    if c.id.endswith(f"-{device}")}
        recorded = set(json.loads(record.read_text(encoding="utf-8"))[
            "snippets"])
        assert recorded == expected, (
            f"verification/{record.name} records another set of examples "
            f"than the tests run on {device} (not run: "
            f"{sorted(expected - recorded)[:5]}, gone: "
            f"{sorted(recorded - expected)[:5]}): run `make verify` and "
            "commit the record")
