"""Show readers where and when the examples were last verified.

`make verify` writes verification/<device>.json after a complete snippet
run (cpu, and cuda on the GPU runner). This hook turns the reports
committed in the repo into a `verification/` page in every language and a
"verified on …" line at the end of every page written in Markdown (landing
and topic pages, in any folder; not labs or generated pages), linked to the
verification page of the page's language. The line names only the devices
with a record, and while there is no CUDA record it says so. The texts live
per language under `extra.verification` in mkdocs.yml.
"""
import json
from pathlib import Path

from docsite import model
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generated_page import add_page

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "verification"
CONFIG = ROOT / "mkdocs.yml"
PAGE = "verification"
KEYS = ("title", "intro", "device", "hardware", "snippets", "date",
        "no_cuda", "line", "details", "date_format", "months")


def reports():
    found = {p.stem: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(REPORTS.glob("*.json"))}
    if "cpu" not in found:
        raise PluginError(f"{REPORTS}/cpu.json is missing: run "
                          "`make verify` and commit the report")
    return found


def texts(config):
    strings = config.extra.get("verification") or {}
    missing = [key for key in KEYS if key not in strings]
    if missing:
        raise PluginError(f"mkdocs.yml: extra.verification of this language "
                          f"lacks {missing}")
    return strings


def summary(report, t):
    """Device, the machine's name (a name: not translated), torch, examples
    passed and the date in the language's own way."""
    return (f"{report['device'].upper()} (<span translate=\"no\">"
            f"{report['hardware']}</span>) · torch {report['torch']} · "
            f"{passed(report)} · {shown_date(report['date'], t)}")


def shown_date(iso: str, t) -> str:
    """2026-11-26 as the language writes it: extra.verification's
    date_format, with {day}, {month} (its name from months), {month_number}
    and {year}."""
    year, month, day = (int(part) for part in iso.split("-"))
    return t["date_format"].format(day=day, month=t["months"][month - 1],
                                   month_number=month, year=year)


def passed(report):
    results = report["snippets"].values()
    return f"{sum(r == 'passed' for r in results)}/{len(results)}"


def table(config):
    t = texts(config)
    rows = [f"| {r['device'].upper()} | <span translate=\"no\">"
            f"{r['hardware']}</span> | {r['torch']} | {r['python']} | "
            f"{shown_date(r['date'], t)} | {passed(r)} |"
            for r in reports().values()]
    lines = [f"# {t['title']} {{ #verification }}", "", t["intro"], "",
             f"| {t['device']} | {t['hardware']} | PyTorch | Python | "
             f"{t['date']} | {t['snippets']} |", "|---" * 6 + "|", *rows]
    if "cuda" not in reports():
        lines += ["", f"!!! note \"\"\n    {t['no_cuda']}"]
    return "\n".join(lines) + "\n"


@event_priority(-150)
def on_files(files, config):
    return add_page(files, config, PAGE, table(config))


def written_in_markdown(file) -> bool:
    """A page of a language folder (or its English fallback), not a lab
    or a generated page."""
    found = model.page_of(file.src_uri, CONFIG)
    return found is not None and found[1].suffix == ".md"


def on_page_markdown(markdown, page, config, files):
    if not written_in_markdown(page.file):
        return markdown
    t = texts(config)
    record = files.get_file_from_path(f"{PAGE}.md")
    if record is None:
        raise PluginError(f"{page.file.src_uri}: no {PAGE}/ page to link "
                          "to; hooks/verification.py must add it in on_files")
    link = record.url_relative_to(page.file)
    runs = "; ".join(summary(r, t) for r in reports().values())
    # An HTML link: MkDocs would report a Markdown link to a page that has
    # no Markdown source as "unrecognized"; tests/test_links.py checks it.
    details = f'<a href="{link}">{t["details"]}</a>'
    # Each language's typography: English italics and an em dash by
    # default, `format` where a language writes it otherwise (Chinese).
    line = t.get("format", "*{line} {runs} — {details}*").format(
        line=t["line"], runs=runs, details=details)
    if "cuda" not in reports():
        line += f"\n\n{t['no_cuda']}"
    return f"{markdown}\n\n---\n\n{line}\n"
