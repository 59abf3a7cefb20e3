"""Tests of the snippet harness itself: a wrong golden must fail loudly."""
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness import (HINT, ROOT, SNIPPETS, SnippetError, check_golden,
                     fresh_golden, golden_path, run_fresh, snippet_paths)


def run_snippet_suite(snippets_dir):
    env = dict(os.environ, DOCS_SNIPPETS_DIR=str(snippets_dir))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "test_snippets.py"), "-k", "cpu"],
        cwd=ROOT, env=env, capture_output=True, text=True)


def test_a_changed_digit_in_a_golden_fails_the_suite(tmp_path):
    snippet = SNIPPETS / "autograd" / "02-pytorch.py"
    copy = copy_snippet(snippet, tmp_path)
    golden = golden_path(snippet).read_text(encoding="utf-8")
    assert "-0.0898" in golden
    golden_path(copy).write_text(golden.replace("-0.0898", "-0.0899"),
                                 encoding="utf-8")

    done = run_snippet_suite(tmp_path)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "-tensor([-0.0899])" in done.stdout
    assert "+tensor([-0.0898])" in done.stdout
    assert str(copy) in done.stdout
    assert HINT in done.stdout


def copy_snippet(source, folder):
    copy = folder / source.parent.name / source.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, copy)
    shutil.copy(golden_path(source), golden_path(copy))
    return copy


def test_lost_indentation_in_a_snippet_fails_naming_it(tmp_path):
    copy = copy_snippet(SNIPPETS / "backprop" / "01-training-step.py",
                        tmp_path)
    lines = copy.read_text(encoding="utf-8").splitlines()
    copy.write_text("\n".join(line.lstrip() for line in lines) + "\n",
                    encoding="utf-8")

    done = run_snippet_suite(tmp_path)

    assert done.returncode == 1
    assert f"{copy}:" in done.stdout
    assert "not valid Python" in done.stdout
    assert "indentation" in done.stdout


def test_unseeded_randomness_is_caught(tmp_path):
    snippet = tmp_path / "random" / "01-unseeded.py"
    snippet.parent.mkdir()
    snippet.write_text("import torch\n\nprint(torch.rand(3))\n",
                       encoding="utf-8")
    golden_path(snippet).write_text(run_fresh(snippet), encoding="utf-8")

    done = run_snippet_suite(tmp_path)
    assert done.returncode == 1
    assert "prints different output on two runs" in done.stdout
    assert "torch.manual_seed" in done.stdout
    with pytest.raises(SnippetError, match="different output on two runs"):
        fresh_golden(snippet)


@pytest.fixture(scope="module")
def fresh_outputs():
    paths = snippet_paths()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(zip(paths, pool.map(run_fresh, paths)))


@pytest.mark.parametrize("path", snippet_paths(),
                         ids=lambda p: p.relative_to(SNIPPETS).as_posix())
def test_snippet_alone_in_a_fresh_interpreter_prints_its_golden(
        fresh_outputs, path):
    check_golden(path, fresh_outputs[path])
