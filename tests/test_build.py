"""Build a temporary copy of the site with one fault and look at the result."""
import posixpath
import re
import shutil
import subprocess
import sys

import pytest

from docsite import model
from harness import ROOT
from pagetree import add_subfolder_page, edit, page_with
from site_config import build_only

pytestmark = pytest.mark.slow
PARTS = ["docs", "snippets", "exercises", "figures", "hooks", "overrides", "translations", "labs",
         "verification", "benchmarks", "docsite", "redirects",
         "mkdocs.yml", ".cache/labs", ".cache/generated"]


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


def build(repo, languages=("en",), site="site", **env):
    """Build only the languages a test looks at: a full build of all five
    takes several times as long and proves nothing more here. `python -m`
    puts the copy first on sys.path, so its hooks import its own docsite."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build",
                           "--strict", "-d", site], cwd=repo,
                          capture_output=True, text=True, env={
                              "PATH": "/usr/bin:/bin",
                              "NO_MKDOCS_2_WARNING": "1", **env,
                              **build_only(list(languages),
                                           repo / "mkdocs.yml")})


def page(repo, path):
    return (repo / "site" / path / "index.html").read_text(encoding="utf-8")


def test_removed_snippet_fails_the_build_naming_the_file(repo):
    (repo / "snippets" / "tensors" / "02-dtypes.py").unlink()
    done = build(repo)
    assert done.returncode != 0
    assert "snippets/tensors/02-dtypes.py" in done.stdout + done.stderr


def test_an_unknown_exercise_fails_the_build_naming_the_page(repo):
    edit(repo / "docs" / "en" / "tensors" / "creating-and-dtypes.md",
         '"exercises/tensors/positions"', '"exercises/tensors/position"')
    done = build(repo)
    assert done.returncode != 0
    assert ("tensors/creating-and-dtypes.md: there is no exercise "
            "'tensors/position'") in done.stdout + done.stderr


def test_a_hint_missing_in_a_language_fails_its_build(repo):
    """German is built in a process forked for it (hooks/
    parallel_languages.py): its error fails the build, with its message."""
    edit(repo / "translations" / "hints" / "de.yml", "  one-past:",
         "  # one-past:")
    done = build(repo, ["en", "pl", "de"])
    assert done.returncode != 0
    assert "building de in a process of its own failed" in done.stderr
    assert "no hint for ['tensors/last-token/one-past']" in (
        done.stdout + done.stderr)


def test_lab_cell_that_raises_fails_the_build_naming_it(repo):
    code = repo / "labs" / "tensors" / "code.py"
    code.write_text(code.read_text(encoding="utf-8").replace(
        "row = torch.arange(4)\n", "row = torch.arange(4)\nrow / 0 + None\n"),
        encoding="utf-8")
    done = build(repo)
    assert done.returncode != 0
    assert "labs/tensors/code.py: cell 'broadcasting' raised" in (
        done.stdout + done.stderr)


def test_a_lab_failing_after_the_fork_fails_the_build_naming_it(repo):
    """The labs' translations go on in the first process after the build
    forks for the other languages (hooks/parallel_languages.py). German,
    built in a forked process, fails there a few seconds after the fork:
    the build fails with the lab's own error, not only the forked process's
    report that the lab failed."""
    code = repo / "labs" / "tensors" / "code.py"
    code.write_text(code.read_text(encoding="utf-8").replace(
        'ax.set_title(TEXT["outer_title"])\n',
        'ax.set_title(TEXT["outer_title"])\n'
        'if TEXT["column"] == "Spaltenwert":\n'
        '    __import__("time").sleep(6)\n'
        '    raise ValueError("late in German")\n'), encoding="utf-8")
    done = build(repo, ["en", "pl", "de"])
    assert done.returncode != 0
    assert ("labs/tensors/code.py: cell 'plot' raised while building the de "
            "lab") in done.stdout + done.stderr
    assert "late in German" in done.stdout + done.stderr


def test_one_build_of_five_changes_then_the_same_in_one_process(repo):
    """Every language, built once with five changes whose effects do not
    meet (a success-path build costs the same with one change or five):
    a changed English page, a page still pending in German, a changed
    worked example, a changed English lab and a new page in a subfolder.
    Then the same copy built in one process must be the same site, byte for
    byte, as the processes of hooks/parallel_languages.py built it."""
    docs = repo / "docs"
    changed = page_with(docs, "en", "basic data structure")
    edit(docs / "en" / changed, "basic data structure",
         "fundamental data structure")
    pending = page_with(docs, "en", "This backward pass is called")
    (docs / "de" / pending).unlink()
    (repo / "translations" / "pending.yml").write_text(
        f"de: [{pending}]\n", encoding="utf-8")
    assert (repo / ".cache" / "generated" / "assets" / "graphs" /
            "neuron.svg.drawn-from").exists(), "build the site first"
    snippet = repo / "snippets" / "autograd" / "02-pytorch.py"
    edit(snippet, "torch.tensor([2.2]", "torch.tensor([3.0]")
    lab = repo / "labs" / "tensors" / "en.md"
    lab.write_text(lab.read_text(encoding="utf-8") + "\nMore.\n",
                   encoding="utf-8")
    sub = add_subfolder_page(repo)
    edit(docs / "en" / sub, "Read", "Now read")
    languages = model.all_languages(repo / "mkdocs.yml")
    done = build(repo, languages)
    assert done.returncode == 0, done.stdout + done.stderr

    a_changed_page_gets_a_banner_on_its_translations(repo, changed, sub)
    a_pending_page_falls_back_to_english_with_a_notice(repo, pending)
    the_graph_picture_follows_the_worked_example(repo)
    a_changed_lab_gets_a_banner_on_its_translations(repo)
    a_page_in_a_subfolder_is_built_like_any_other(repo, sub)

    done = build(repo, languages, "one", DOCS_ONE_PROCESS="1")
    assert done.returncode == 0, done.stdout + done.stderr
    forked, one = repo / "site", repo / "one"
    files = sorted(p.relative_to(forked) for p in forked.rglob("*")
                   if p.is_file())
    assert files == sorted(p.relative_to(one) for p in one.rglob("*")
                           if p.is_file()), (
        "built in one process and in several, the site has other files")
    differ = [str(f) for f in files
              if (forked / f).read_bytes() != (one / f).read_bytes()]
    assert not differ, f"built in several processes, these files differ: {differ}"


def a_changed_page_gets_a_banner_on_its_translations(repo, changed, sub):
    url = model.page_url(changed)
    polish = page(repo, f"pl/{url}")
    assert "To tłumaczenie może być nieaktualne" in polish
    original = posixpath.relpath(f"/{url}", f"/pl/{url}") + "/"
    assert f'href="{original}"' in polish
    assert "möglicherweise veraltet" in page(repo, f"de/{url}")
    assert "možda zastareo" in page(repo, f"sr/{url}")
    assert "可能已过时" in page(repo, f"zh/{url}")
    other = page_with(repo / "docs", "en", "Passing `-1` lets PyTorch")
    assert other not in (changed, sub)
    assert "nieaktualne" not in page(repo, f"pl/{model.page_url(other)}")


def a_pending_page_falls_back_to_english_with_a_notice(repo, missing):
    german = page(repo, f"de/{model.page_url(missing)}")
    assert "Diese Seite ist noch nicht übersetzt" in german
    assert "This backward pass is called" in german
    assert "stale" not in page(repo, "translation-status").split(
        f"<code>{missing}</code>")[1].split("</tr>")[0]


def the_graph_picture_follows_the_worked_example(repo):
    """The copy holds the pictures this checkout drew: a changed snippet
    must be drawn again, not taken from there."""
    svg = (repo / "site" / "assets" / "graphs" / "neuron.svg").read_text(
        encoding="utf-8")
    assert "w = 3.0000" in svg and "z = 3.3000" in svg
    assert "-0.0898" not in svg


def a_changed_lab_gets_a_banner_on_its_translations(repo):
    assert "To tłumaczenie może być nieaktualne" in page(repo,
                                                        "pl/labs/tensors")
    assert "nieaktualne" not in page(repo, "pl/labs/autograd")


def a_page_in_a_subfolder_is_built_like_any_other(repo, sub):
    """Generated in Cyrillic, listed on the status page, a banner when
    stale, and the verified line linked to its language's record."""
    url = model.page_url(sub)
    assert "Страница у фасцикли" in page(repo, f"sr-Cyrl/{url}"), (
        f"sr-Cyrl/{url} is not the Cyrillic of docs/sr/{sub}")
    status = page(repo, "translation-status")
    assert f"<code>{sub}</code>" in status, f"the status page lacks {sub}"
    polish = page(repo, f"pl/{url}")
    assert "To tłumaczenie może być nieaktualne" in polish
    original = posixpath.relpath(f"/{url}", f"/pl/{url}") + "/"
    assert f'href="{original}"' in polish, f"pl/{url}: no link to /{url}"
    for language in ("en", "pl", "sr-Cyrl"):
        root = model.language(language).url_prefix
        for path in (root, root + url):
            links = re.findall(r'href="([^"]*verification/)"',
                               page(repo, path))
            assert links, f"/{path} has no verified line"
            target = posixpath.normpath(posixpath.join("/" + path, links[-1]))
            assert target == f"/{root}verification", (
                f"/{path} links to {target}/, not /{root}verification/")
