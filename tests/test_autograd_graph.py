"""hooks/autograd_graph.py draws a picture again when its snippet changes
(and reuses the last one otherwise)."""
import autograd_graph


def test_a_changed_snippet_changes_the_drawing_key(tmp_path, monkeypatch):
    snippet = "snippets/autograd/02-pytorch.py"
    copy = tmp_path / snippet
    copy.parent.mkdir(parents=True)
    copy.write_text((autograd_graph.ROOT / snippet).read_text(
        encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(autograd_graph, "ROOT", tmp_path)
    before = autograd_graph.drawing_key(snippet)
    assert autograd_graph.drawing_key(snippet) == before
    copy.write_text(copy.read_text(encoding="utf-8").replace("2.2", "3.0"),
                    encoding="utf-8")
    assert autograd_graph.drawing_key(snippet) != before, (
        f"{snippet} changed, and its picture would not be drawn again")


def test_a_drawing_that_fails_fails_the_build_with_its_message(monkeypatch):
    import subprocess
    import sys

    import pytest
    from mkdocs.exceptions import PluginError

    failing = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.exit('snippets/x.py: the "
         "graph needs a tensor `loss` with a grad_fn')"],
        text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    monkeypatch.setattr(autograd_graph.DRAWING, "process", failing)
    with pytest.raises(PluginError, match="snippets/x.py: the graph needs"):
        autograd_graph.DRAWING.finish()
