"""The labs tell the truth: each picture agrees with its axes and its prose,
a printed result comes from the code that claims it, no output changes from
run to run, every formula is typeset, the training lab trains and
measures the way a real training loop does, and the pretraining lab's
tokens, perplexities and samples are what its prose says.

Most tests run a lab's cells here, in one namespace as the build's kernel
does (the last expression of a cell is shown, as in Jupyter), with
matplotlib's Agg backend, so they need no build. The tests named
`..._built_...` look at the site that `mkdocs build` wrote.
"""
import ast
import functools
import math
import html
import io
import re
from contextlib import redirect_stdout
from types import SimpleNamespace

import pytest

from conftest import FORMULA, RAW_TEX
from docsite import model
from docsite.labs import data_cell, data_files
from docsite.model import LABS, code_cells
from labs import with_mathml

ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
LANGUAGES = model.all_languages()
# Trains for about ten seconds: its runs here are for make test only
# (make check reads what the build's run printed).
SLOW_LABS = {"pretraining"}


def each_lab():
    return [pytest.param(lab, marks=pytest.mark.slow) if lab in SLOW_LABS
            else lab for lab in model.labs()]


def plot_text(lab, language="en"):
    return model.front_matter(model.lab_prose(lab, language))["plot_text"]


def prose(lab, language):
    """The lab's prose in one language, without front matter and code."""
    _, body, _ = model.read_page(model.lab_prose(lab, language))
    return re.sub(r"^```.*?^```$", "", body, flags=re.DOTALL | re.MULTILINE)


def run_cell(source, namespace):
    """Run one cell; return what Jupyter would show as its text output."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1],
                                                        ast.Expr) else None
    shown = io.StringIO()
    with redirect_stdout(shown):
        exec(compile(tree, "<cell>", "exec"), namespace)
        value = (eval(compile(ast.Expression(last.value), "<cell>", "eval"),
                      namespace) if last else None)
    return shown.getvalue() + ("" if value is None else repr(value))


def run_lab(lab, before_cell=None):
    """Run every cell of labs/<lab>/code.py in order. Returns the namespace,
    each cell's text output and the figures each cell drew."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    namespace = {"__name__": "__main__", "TEXT": plot_text(lab)}
    for path in data_files(lab):
        exec(data_cell(path), namespace)
    outputs, figures = {}, {}
    show = plt.show
    plt.show = lambda *args, **kwargs: None   # keep the figures to look at
    try:
        for name, source in code_cells(LABS / lab / "code.py").items():
            if before_cell:
                before_cell(name, namespace)
            drawn = set(plt.get_fignums())
            outputs[name] = run_cell(source, namespace)
            figures[name] = [plt.figure(n) for n in plt.get_fignums()
                             if n not in drawn]
    finally:
        plt.show = show
        matplotlib.rcdefaults()
    return SimpleNamespace(namespace=namespace, outputs=outputs,
                           figures=figures)


@functools.cache
def ran(lab):
    return run_lab(lab)


# 1. The tensors lab's heat map agrees with its axes and its caption.

def value_shown_at(figure, x, y):
    """The value the heat map shows at the point (x, y) of its axes, found
    the way matplotlib finds the value under the mouse pointer."""
    from matplotlib.backend_bases import MouseEvent

    axes = next(ax for ax in figure.axes if ax.images)
    figure.canvas.draw()
    pixel_x, pixel_y = axes.transData.transform((x, y))
    event = MouseEvent("motion_notify_event", figure.canvas, pixel_x, pixel_y)
    return float(axes.images[0].get_cursor_data(event))


def test_heat_map_shows_each_product_where_its_axes_say():
    run = ran("tensors")
    figure, = run.figures["plot"]
    axes = next(ax for ax in figure.axes if ax.images)
    assert axes.get_xlabel() == plot_text("tensors")["column"]
    assert axes.get_ylabel() == plot_text("tensors")["row"]
    # The entry in row i and column j is x_i x_j: column value x_j along the
    # horizontal axis, row value x_i up the vertical one.
    for column, row in [(1.5, 1.5), (-1.5, -1.5), (1.5, -1.5), (-1.5, 1.5),
                        (1.0, -0.5), (-2.0, 0.5)]:
        shown = value_shown_at(figure, column, row)
        assert shown == pytest.approx(column * row, abs=0.3), (
            f"labs/tensors: the heat map shows {shown:+.2f} at column value "
            f"{column:+}, row value {row:+}, where x_i x_j = "
            f"{column * row:+.2f}: the picture is flipped against its axes "
            "(imshow draws row 0 at the top unless origin='lower')")
    english = prose("tensors", "en")
    assert "positive" in english and "where both signs agree" in english, (
        "labs/tensors/en.md no longer says where the products are positive; "
        "update this test with it")
    assert value_shown_at(figure, 1.5, 1.5) > 0 > value_shown_at(
        figure, 1.5, -1.5), ("labs/tensors: the heat map is not positive "
                             "where both signs agree, as its caption says")


# 2. The autograd lab's slope and tangent are autograd's.

SLOPE_LINE = re.compile(r"from autograd: (-?\d+\.\d+)")
AGREE_LINE = re.compile(r"^autograd agrees with a - y.*: (True|False)$",
                        re.MULTILINE)


def autograd_slope_at(z):
    """dL/dz of the worked example's loss (y = 1), computed here."""
    import torch
    import torch.nn.functional as F

    z = torch.tensor(z, requires_grad=True)
    F.binary_cross_entropy(torch.sigmoid(z), torch.tensor(1.0)).backward()
    return z.grad.item()


def tangent_slope(run):
    figure, = run.figures["plot-curves"]
    dashed = [line for axes in figure.axes for line in axes.lines
              if line.get_linestyle() == "--"]
    assert len(dashed) == 1, "labs/autograd: expected one dashed tangent"
    x, y = dashed[0].get_xdata(), dashed[0].get_ydata()
    return float((y[-1] - y[0]) / (x[-1] - x[0]))


def test_tangent_and_printed_slope_are_autograds_and_agree_with_a_minus_y():
    run = ran("autograd")
    expected = autograd_slope_at(2.42)
    printed = SLOPE_LINE.search(run.outputs["curves"])
    assert printed, ("labs/autograd: the 'curves' cell must print the slope "
                     "'from autograd: ...'")
    assert float(printed[1]) == pytest.approx(expected, abs=1e-4)
    assert tangent_slope(run) == pytest.approx(expected, abs=1e-4)
    agree = AGREE_LINE.search(run.outputs["curves"])
    assert agree and agree[1] == "True", (
        "labs/autograd: the 'curves' cell must print that autograd agrees "
        f"with the hand formula a - y; it printed:\n{run.outputs['curves']}")


def test_tangent_follows_autograd_not_the_hand_formula(monkeypatch):
    """With torch.autograd.grad doubled, a tangent and a printed slope that
    come from autograd double too, and the agreement check says False; a
    tangent drawn from the hand formula a - 1 would not move."""
    import torch

    grad = torch.autograd.grad
    monkeypatch.setattr(torch.autograd, "grad", lambda *args, **kwargs: tuple(
        2 * g for g in grad(*args, **kwargs)))
    run = run_lab("autograd")
    expected = 2 * autograd_slope_at(2.42)
    assert tangent_slope(run) == pytest.approx(expected, abs=1e-4), (
        "labs/autograd: the dashed tangent does not use the slope that "
        "torch.autograd.grad returned (is it drawn from the hand formula?)")
    assert float(SLOPE_LINE.search(run.outputs["curves"])[1]) == \
        pytest.approx(expected, abs=1e-4), (
            "labs/autograd: the printed slope is not autograd's")
    assert AGREE_LINE.search(run.outputs["curves"])[1] == "False", (
        "labs/autograd: the agreement line does not compare autograd's "
        "slopes with a - y; it must be computed, not printed as a constant")


# 3. No output shows a memory address or changes from run to run.

def addresses(outputs):
    return {cell: ADDRESS.search(text)[0] for cell, text in outputs.items()
            if ADDRESS.search(text)}


@pytest.mark.parametrize("lab", each_lab())
def test_no_lab_output_shows_a_memory_address(lab):
    found = addresses(ran(lab).outputs)
    assert not found, (
        f"labs/{lab}/code.py: cells {sorted(found)} show a memory address "
        f"({found}), which changes from run to run: don't end a cell with an "
        "expression such as torch.manual_seed(0)")


@pytest.mark.slow  # each lab once more
@pytest.mark.parametrize("lab", model.labs())
def test_lab_outputs_are_the_same_on_every_run(lab):
    again = run_lab(lab).outputs
    changed = [cell for cell, text in ran(lab).outputs.items()
               if again[cell] != text]
    assert not changed, (f"labs/{lab}/code.py: cells {changed} print "
                         "something else on a second run; seed every "
                         "random number generator the lab uses")


def test_no_built_lab_output_shows_a_memory_address(site_dir):
    import nbformat

    notebooks = sorted(site_dir.glob("**/labs/*/*.ipynb"))
    assert len(notebooks) == len(LANGUAGES) * len(model.labs())
    found = []
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                text = output.get("text", "") + str(
                    output.get("data", {}).get("text/plain", ""))
                if ADDRESS.search(text):
                    found.append(f"{path.relative_to(site_dir)}: "
                                 f"{text.strip()!r}")
    assert not found, ("built labs show memory addresses, which change from "
                       "run to run:\n" + "\n".join(found))


def test_what_a_cell_prints_in_a_row_is_one_output(site_dir):
    """The kernel sends a long print in pieces (the training loop's lines
    came as two or three outputs, shown as separate blocks)."""
    import nbformat

    split = []
    for path in sorted(site_dir.glob("**/labs/*/*.ipynb")):
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            streams = [o.get("name") if o.get("output_type") == "stream"
                       else None for o in cell.get("outputs", [])]
            if any(a and a == b for a, b in zip(streams, streams[1:])):
                split.append(f"{path.relative_to(site_dir)}: cell {index}")
    assert not split, ("cells whose printed text is cut into several "
                       "outputs (docsite.labs.merged_streams):\n"
                       + "\n".join(split))


def test_merged_streams_joins_only_neighbours_of_one_stream():
    import nbformat.v4 as nbf

    from docsite.labs import merged_streams

    outputs = [
        nbf.new_output("stream", name="stdout", text="a\n"),
        nbf.new_output("stream", name="stdout", text="b\n"),
        nbf.new_output("stream", name="stderr", text="c\n"),
        nbf.new_output("display_data", data={"text/plain": "d"}),
        nbf.new_output("stream", name="stdout", text="e\n")]
    assert [(o.output_type, o.get("name"), o.get("text"))
            for o in merged_streams(outputs)] == [
                ("stream", "stdout", "a\nb\n"), ("stream", "stderr", "c\n"),
                ("display_data", None, None), ("stream", "stdout", "e\n")]
    assert outputs[0].text == "a\n", "the outputs given were changed"


# 4. Every formula in a lab's prose is typeset as MathML.

def visible_prose(page):
    article = re.search(r"<article\b.*?</article>", page, re.DOTALL)[0]
    for element in ("script", "style", "math", "pre", "code"):
        article = re.sub(rf"<{element}\b.*?</{element}>", " ", article,
                         flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


@pytest.mark.parametrize(("language", "lab"),
                         [(lang, lab) for lang in LANGUAGES
                          for lab in model.labs()])
def test_built_lab_typesets_every_formula(site_dir, language, lab):
    url = model.language(language).url_prefix + model.page_url(
        model.lab_page(lab))
    page = (site_dir / url / "index.html").read_text(encoding="utf-8")
    raw = RAW_TEX.search(visible_prose(page))
    assert not raw, (f"{language}/labs/{lab}/ shows the formula {raw[0]!r} "
                     "as typed: hooks/labs.py must typeset it as MathML")
    formulas = len(FORMULA.findall(prose(lab, language)))
    assert page.count("<math") >= formulas, (
        f"{language}/labs/{lab}/: labs/{lab}/{language}.md has {formulas} "
        f"formulas, the page only {page.count('<math')} <math> elements")


def test_lab_formulas_in_markdown_cells_become_mathml_and_code_is_untouched():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/labs/x.ipynb"))
    cell = ('<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown '
            'jp-MarkdownOutput" data-mime-type="text/markdown">\n'
            "<p>row $i$, $a &lt; b$ and</p>$$x_i x_j$$</div>")
    code = '<pre>print("$5 and $6")</pre>'
    result = with_mathml(cell + code, page)
    assert result.count("<math") == 3 and "$" not in result.split("<pre>")[0]
    assert 'alttext="a &lt; b"' in result
    assert 'display="block"' in result
    assert result.endswith(code)


# 5. The training lab is a real training loop, judged on validation data.

@functools.cache
def training_run():
    """Run the training lab, recording every forward pass of the model."""
    import torch

    calls, cell = [], {}

    def record(module, args, result):
        calls.append((cell["name"], module.training, torch.is_grad_enabled(),
                      args[0]))

    def watch(name, namespace):
        cell["name"] = name
        if "model" in namespace and "hooked" not in cell:
            cell["hooked"] = namespace["model"].register_forward_hook(record)

    run = run_lab("training", before_cell=watch)
    return run, calls


def loaders(namespace):
    from torch.utils.data import DataLoader

    found = [v for v in namespace.values() if isinstance(v, DataLoader)]
    assert len(found) == 2, ("labs/training: expected two DataLoaders, one "
                             f"for training and one for validation: {found}")
    from torch.utils.data import RandomSampler

    training = [loader for loader in found
                if isinstance(loader.sampler, RandomSampler)]
    assert len(training) == 1, ("labs/training: the training DataLoader "
                                "must shuffle (shuffle=True), the validation "
                                "one need not")
    return training[0], next(v for v in found if v is not training[0])


def examples(loader):
    import torch

    return torch.cat([features for features, _ in loader])


def rows(tensor):
    return {tuple(row.tolist()) for row in tensor}


def test_training_data_comes_from_seeded_tensor_dataset_and_dataloader():
    import torch
    from torch.utils.data import Subset, TensorDataset

    run, _ = training_run()
    train, validation = loaders(run.namespace)
    for loader in (train, validation):
        dataset = loader.dataset
        while isinstance(dataset, Subset):
            dataset = dataset.dataset
        assert isinstance(dataset, TensorDataset), (
            "labs/training: the data must be a TensorDataset")
    assert isinstance(train.generator, torch.Generator), (
        "labs/training: the shuffling DataLoader needs its own seeded "
        "torch.Generator (generator=...)")
    assert train.batch_size < len(train.dataset), (
        "labs/training: train in mini-batches, not the whole set at once")


def test_validation_set_is_disjoint_from_the_training_set():
    run, _ = training_run()
    train, validation = loaders(run.namespace)
    seen, held_back = rows(examples(train)), rows(examples(validation))
    assert held_back and not seen & held_back, (
        f"labs/training: {len(seen & held_back)} validation examples are "
        "also in the training set")


def test_training_runs_epochs_in_train_mode_and_evaluates_without_grad():
    run, calls = training_run()
    train, validation = loaders(run.namespace)
    held_back = rows(examples(validation))
    during = [(training, grad, rows(batch) <= held_back)
              for cell, training, grad, batch in calls if cell == "train"]
    on_training = [c for c in during if not c[2]]
    on_validation = [c for c in during if c[2]]
    epochs = len(on_training) / len(train)
    assert epochs >= 2 and epochs == int(epochs), (
        f"labs/training: the train cell ran {len(on_training)} training "
        f"batches, not whole epochs of {len(train)} batches")
    assert all(training and grad for training, grad, _ in on_training), (
        "labs/training: training batches must run in model.train() mode "
        "with gradients on")
    assert len(on_validation) == epochs * len(validation), (
        "labs/training: evaluate on the validation set after every epoch")
    assert not any(training or grad for training, grad, _ in on_validation), (
        "labs/training: evaluation must run after model.eval() and under "
        "torch.no_grad()")


def test_printed_accuracy_is_the_final_models_validation_accuracy():
    import torch

    run, _ = training_run()
    _, validation = loaders(run.namespace)
    model = run.namespace["model"]
    model.eval()
    with torch.no_grad():  # the model outputs logits: 1 where above 0
        correct = sum(((model(features) > 0).float() == labels).sum().item()
                      for features, labels in validation)
    accuracy = correct / len(validation.dataset)
    printed = re.findall(r"validation accuracy (\d+\.\d)%",
                         run.outputs["train"])
    assert printed, ("labs/training: the train cell must print the "
                     "'validation accuracy'")
    assert float(printed[-1]) == pytest.approx(100 * accuracy, abs=0.05), (
        f"labs/training: the last accuracy printed, {printed[-1]}%, is not "
        f"the model's accuracy on the validation set, {accuracy:.1%} (read "
        "from its outputs as logits: 1 where above 0)")
    assert not re.search(r"(?<!validation )accuracy", run.outputs["train"]), (
        "labs/training: an accuracy that is not the validation accuracy")


def test_training_lab_model_outputs_logits_and_the_loss_takes_them():
    import torch
    from torch import nn

    run, _ = training_run()
    losses = [type(v).__name__ for v in run.namespace.values()
              if isinstance(v, nn.modules.loss._Loss)]
    assert losses == ["BCEWithLogitsLoss"], (
        f"labs/training/code.py: the loss is {losses}: give the model's "
        "logits to nn.BCEWithLogitsLoss (docs/en/backpropagation.md#logits "
        "says why), not probabilities to nn.BCELoss")
    _, validation = loaders(run.namespace)
    model = run.namespace["model"]
    with torch.no_grad():
        outputs = torch.cat([model(features) for features, _ in validation])
    assert outputs.min() < 0 or outputs.max() > 1, (
        "labs/training/code.py: every output of the trained model lies in "
        "[0, 1], so it outputs probabilities: end the model with its last "
        "nn.Linear (a logit) and apply torch.sigmoid only to show a "
        "probability")


def test_training_lab_uses_and_explains_adamw():
    import torch

    run, _ = training_run()
    optimizers = [v for v in run.namespace.values()
                  if isinstance(v, torch.optim.Optimizer)]
    assert [type(o) for o in optimizers] == [torch.optim.AdamW], (
        f"labs/training: the optimiser is {optimizers}, not AdamW, the one "
        "labs/training/en.md explains")
    english = prose("training", "en")
    assert "AdamW" in english and "large language models" in english, (
        "labs/training/en.md must say that AdamW is what LLMs are trained "
        "with")


# 5. The pretraining lab: its tokeniser, its baselines and its model.

def built_output(site_dir, lab, cell):
    """What a cell of the English lab printed in the build's run."""
    import nbformat

    notebook = nbformat.read(site_dir / "labs" / lab / f"{lab}.ipynb",
                             as_version=4)
    cells = [c for c in notebook.cells if cell in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"labs/{lab}: no single cell tagged {cell!r}"
    return "".join(o.get("text", "") for o in cells[0].get("outputs", []))


def perplexities(printed):
    return {name: float(value) for name, value in re.findall(
        r"^(\w+): +perplexity ([\d.]+)$", printed, re.MULTILINE)}


@pytest.mark.slow  # runs the lab
def test_pretraining_bpe_merges_the_most_frequent_pair_and_round_trips():
    from collections import Counter

    space = ran("pretraining").namespace
    sample = space["text"][:30_000].encode("utf-8")
    (a, b), _ = Counter(zip(sample, sample[1:])).most_common(1)[0]
    assert space["rules"][0] == (a, b, 256), (
        "labs/pretraining: the first merge is not the most frequent pair of "
        "bytes in the sample")
    assert space["vocab_size"] == 256 + len(space["rules"])
    assert space["decode"](space["encode"](space["text"])) == space["text"], (
        "labs/pretraining: decode(encode(text)) is not the text")


@pytest.mark.slow  # runs the lab
def test_pretraining_perplexities_are_exp_of_the_validation_losses():
    import torch
    import torch.nn.functional as F

    space = ran("pretraining").namespace
    found = perplexities(ran("pretraining").outputs["perplexity"])
    assert found["uniform"] == space["vocab_size"]
    tokens = space["val_tokens"]
    for name, model in (("bigram", space["bigram"]),
                        ("transformer", space["model"])):
        model.eval()
        with torch.no_grad():  # one window after another, as the lab does
            losses = [F.cross_entropy(model(tokens[i:i + 32][None])[0],
                                      tokens[i + 1:i + 33])
                      for i in range(0, len(tokens) - 33, 32)]
        mean = torch.stack(losses).mean().item()
        assert found[name] == pytest.approx(math.exp(mean), abs=0.06), (
            f"labs/pretraining: the printed perplexity of the {name} is not "
            "e to the mean cross-entropy on the validation tokens")


def test_built_pretraining_transformer_beats_the_bigram_by_a_margin(
        site_dir):
    found = perplexities(built_output(site_dir, "pretraining", "perplexity"))
    assert found["transformer"] <= 0.7 * found["bigram"], (
        f"labs/pretraining: the transformer's perplexity "
        f"{found['transformer']} is not at most 0.7 times the bigram's "
        f"{found['bigram']}: train it longer (STEPS) or tune it")
