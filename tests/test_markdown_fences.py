"""tests/markdown_fences.py runs a fence's code once however many pages
show it, at whatever line, and runs every fence whose code differs."""
import os
import subprocess
import sys

from conftest import ROOT

FENCE = "# {title}\n\n{padding}```python\n{code}\n```\n"


def test_the_same_code_runs_once_and_other_code_runs(tmp_path):
    ran = tmp_path / "ran.txt"
    counting = f"open({str(ran)!r}, 'a').write('x')"
    pages = {
        "en.md": FENCE.format(title="Page", padding="", code=counting),
        "de.md": FENCE.format(title="Seite", padding="Ein Satz.\n\n" * 3,
                              code=counting),
        "pl.md": FENCE.format(title="Strona", padding="",
                              code=counting + "\nraise RuntimeError('pl')"),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "markdown_fences",
         "--markdown-docs", "-p", "no:cacheprovider", "-p", "no:xdist",
         "-q", *pages], cwd=tmp_path, capture_output=True, text=True,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(
            str(ROOT / folder) for folder in ("tests", "tools", "hooks", "."))))
    summary = done.stdout.strip().splitlines()[-1]
    assert "1 failed, 2 passed" in summary and "RuntimeError: pl" in \
        done.stdout, done.stdout
    assert ran.read_text() == "xx", (
        "the fence shown in English and German (at another line) must run "
        f"once, and the Polish one, whose code differs, once: ran "
        f"{ran.read_text()!r} ({summary})")
