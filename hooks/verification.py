"""Show readers where and when the examples were last verified.

`make verify` writes verification/<device>.json after a complete snippet
run (cpu, and cuda on the GPU runner). This hook turns the reports
committed in the repo into a `verification/` page in every language and a
"verified on …" line at the end of every chapter page. The texts live per
language under `extra.verification` in mkdocs.yml.
"""
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from generated_page import add_page

REPORTS = Path(__file__).resolve().parents[1] / "verification"
KEYS = ("title", "intro", "device", "hardware", "snippets", "date",
        "no_cuda", "line", "details")


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


def summary(report):
    return (f"{report['device'].upper()} ({report['hardware']}) · torch "
            f"{report['torch']} · {passed(report)} · {report['date']}")


def passed(report):
    results = report["snippets"].values()
    return f"{sum(r == 'passed' for r in results)}/{len(results)}"


def table(config):
    t = texts(config)
    rows = [f"| {r['device'].upper()} | {r['hardware']} | {r['torch']} | "
            f"{r['python']} | {r['date']} | {passed(r)} |"
            for r in reports().values()]
    lines = [f"# {t['title']} {{ #verification }}", "", t["intro"], "",
             f"| {t['device']} | {t['hardware']} | PyTorch | Python | "
             f"{t['date']} | {t['snippets']} |", "|---" * 6 + "|", *rows]
    if "cuda" not in reports():
        lines += ["", f"!!! note \"\"\n    {t['no_cuda']}"]
    return "\n".join(lines) + "\n"


@event_priority(-150)
def on_files(files, config):
    return add_page(files, config, "verification", table(config))


def on_page_markdown(markdown, page, config, files):
    chapter = page.file.src_uri.count("/") == 1 and \
        page.file.src_uri.endswith(".md")
    if not chapter:
        return markdown
    t = texts(config)
    root = page.url.split("/")[0] + "/" if page.url.count("/") > 1 else ""
    link = get_relative_url(f"{root}verification/", page.url)
    runs = "; ".join(summary(r) for r in reports().values())
    # An HTML link: MkDocs would report a Markdown link to a page that has
    # no Markdown source as "unrecognized"; tests/test_links.py checks it.
    details = f'<a href="{link}">{t["details"]}</a>'
    # Each language's typography: English italics and an em dash by
    # default, `format` where a language writes it otherwise (Chinese).
    line = t.get("format", "*{line} {runs} — {details}*").format(
        line=t["line"], runs=runs, details=details)
    return f"{markdown}\n\n---\n\n{line}\n"
