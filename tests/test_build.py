"""Build a temporary copy of the site with one fault and look at the result."""
import shutil
import subprocess
import sys

import pytest

from harness import ROOT
from site_config import build_only

pytestmark = pytest.mark.slow
PARTS = ["docs", "snippets", "hooks", "overrides", "translations", "labs",
         "verification", "benchmarks", "docsite",
         "mkdocs.yml", ".cache/labs"]


@pytest.fixture
def repo(tmp_path):
    for part in PARTS:
        source = ROOT / part
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, tmp_path / part,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / part)
    return tmp_path


def build(repo, languages=("en",)):
    """Build only the languages a test looks at: a full build of all five
    takes several times as long and proves nothing more here. `python -m`
    puts the copy first on sys.path, so its hooks import its own docsite."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build",
                           "--strict"], cwd=repo, capture_output=True,
                          text=True, env={
                              "PATH": "/usr/bin:/bin",
                              "NO_MKDOCS_2_WARNING": "1",
                              **build_only(list(languages),
                                           repo / "mkdocs.yml")})


def page(repo, path):
    return (repo / "site" / path / "index.html").read_text(encoding="utf-8")


def test_changed_english_page_puts_a_banner_on_its_translations(repo):
    english = repo / "docs" / "en" / "tensors.md"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "basic data structure", "fundamental data structure"),
        encoding="utf-8")
    assert build(repo, ["en", "pl", "de", "sr", "zh"]).returncode == 0
    polish = page(repo, "pl/tensors")
    assert "To tłumaczenie może być nieaktualne" in polish
    assert 'href="../../tensors/"' in polish
    assert "möglicherweise veraltet" in page(repo, "de/tensors")
    assert "možda zastareo" in page(repo, "sr/tensors")
    assert "可能已过时" in page(repo, "zh/tensors")
    assert "nieaktualne" not in page(repo, "pl/autograd")


def test_pending_page_falls_back_to_english_with_a_notice(repo):
    (repo / "docs" / "de" / "tensors.md").unlink()
    (repo / "translations" / "pending.yml").write_text(
        "de: [tensors.md]\n", encoding="utf-8")
    assert build(repo, ["en", "de"]).returncode == 0
    german = page(repo, "de/tensors")
    assert "Diese Seite ist noch nicht übersetzt" in german
    assert "basic data structure" in german
    assert "stale" not in page(repo, "translation-status").split(
        "tensors.md")[1].split("</tr>")[0]


def test_removed_snippet_fails_the_build_naming_the_file(repo):
    (repo / "snippets" / "tensors" / "02-dtypes.py").unlink()
    done = build(repo)
    assert done.returncode != 0
    assert "snippets/tensors/02-dtypes.py" in done.stdout + done.stderr


def test_lab_cell_that_raises_fails_the_build_naming_it(repo):
    code = repo / "labs" / "tensors" / "code.py"
    code.write_text(code.read_text(encoding="utf-8").replace(
        "row = torch.arange(4)\n", "row = torch.arange(4)\nrow / 0 + None\n"),
        encoding="utf-8")
    done = build(repo)
    assert done.returncode != 0
    assert "labs/tensors/code.py: cell 'broadcasting' raised" in (
        done.stdout + done.stderr)


def test_graph_picture_follows_the_worked_example(repo):
    snippet = repo / "snippets" / "autograd" / "02-pytorch.py"
    snippet.write_text(snippet.read_text(encoding="utf-8").replace(
        "torch.tensor([2.2]", "torch.tensor([3.0]"), encoding="utf-8")
    assert build(repo).returncode == 0
    svg = (repo / "site" / "assets" / "graphs" / "neuron.svg").read_text(
        encoding="utf-8")
    assert "w = 3.0000" in svg and "z = 3.3000" in svg
    assert "-0.0898" not in svg


def test_changed_english_lab_puts_a_banner_on_its_translations(repo):
    english = repo / "labs" / "tensors" / "en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nMore.\n",
                       encoding="utf-8")
    assert build(repo, ["en", "pl"]).returncode == 0
    assert "To tłumaczenie może być nieaktualne" in page(repo,
                                                        "pl/labs/tensors")
    assert "nieaktualne" not in page(repo, "pl/labs/autograd")
