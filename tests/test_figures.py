"""The figures of figures/: each shows its data where its axes say, with
the labels of every language, and the data is what the page says it is,
checked here against a computation of its own."""
import math

import pytest

import figures
from docsite import model

LANGUAGES = model.all_languages()


@pytest.fixture(scope="module")
def values():
    import runpy
    return {name: runpy.run_path(str(figures.FIGURES / f"{name}.py"))["data"]()
            for name in figures.names()}


def plotted(axes):
    """Each line's points, and whether the axes draw them where they are:
    inside the axes, larger values to the right and higher up."""
    found = []
    for line in axes.lines:
        points = line.get_xydata()
        pixels = line.get_transform().transform(points)
        box = axes.get_window_extent()
        assert all(box.x0 - 1 <= x <= box.x1 + 1 and box.y0 - 1 <= y <= box.y1
                   + 1 for x, y in pixels), (
            f"{line.get_label()!r} leaves its axes: the limits cut it off")
        for (x0, y0), (x1, y1), (u0, v0), (u1, v1) in zip(
                points, points[1:], pixels, pixels[1:]):
            assert (x1 - x0) * (u1 - u0) >= 0 and (y1 - y0) * (v1 - v0) >= 0, (
                f"{line.get_label()!r}: an axis runs against its numbers")
        found.append(points)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", figures.names())
def test_a_figure_shows_its_data_with_its_language_labels(values, name,
                                                          language):
    import matplotlib.pyplot as plt

    figure, _ = figures.figure_of(name, language, values[name])
    try:
        texts = figures.texts(language)[name]
        axes, = figure.axes
        legend = axes.get_legend()
        shown = {axes.get_title(), axes.get_xlabel(), axes.get_ylabel(),
                 *(t.get_text() for t in (legend.get_texts() if legend
                                          else []))}
        missing = [t for t in texts.values() if t not in shown]
        assert not missing, (
            f"figures/{name}.py in {language} does not show {missing} "
            f"(translations/figures/{language}.yml)")
        lines = plotted(axes)
        data = values[name]
        if axes.images:
            shows_its_grid(axes, data)
            return
        numeric = {k: v for k, v in data.items() if isinstance(v, list)}
        x_key = next(iter(numeric))
        for points in lines:
            xs = list(points[:, 0])
            if len(xs) == len(numeric[x_key]):
                assert xs == pytest.approx(numeric[x_key]), name
        ys = [list(points[:, 1]) for points in lines]
        for key, column in numeric.items():
            if key != x_key:
                assert any(y == pytest.approx(column) for y in ys), (
                    f"figures/{name}.py does not plot its {key!r}")
    finally:
        plt.close(figure)


def shows_its_grid(axes, data):
    """A grid (imshow) shows its data's one table, row 0 at the top as the
    axis labels say."""
    import numpy

    image, = axes.images
    tables = [v for v in data.values() if isinstance(v, list)
              and v and isinstance(v[0], list)]
    assert len(tables) == 1, "a grid figure's data is one table"
    assert numpy.allclose(image.get_array(), tables[0])
    assert image.origin == "upper" and axes.yaxis_inverted(), (
        "row 0 of the table is not drawn at the top, where the axis puts 0")


def test_the_causal_weights_are_a_causal_softmax_as_printed(values):
    """Each row is a softmax over the keys up to the query, computed here
    number by number; rounded, the rows are those the snippet prints."""
    import re

    import torch

    weights = values["causal-weights"]["weights"]
    torch.manual_seed(0)
    q, k, _ = torch.randn(3, 2, 12, 6, 64)
    for i, row in enumerate(weights):
        scores = [sum(a * b for a, b in zip(q[0, 0, i].tolist(),
                                            k[0, 0, j].tolist())) / 8
                  for j in range(i + 1)]
        total = sum(math.exp(s) for s in scores)
        assert row[:i + 1] == pytest.approx(
            [math.exp(s) / total for s in scores], abs=1e-6)
        assert row[i + 1:] == [0.0] * (len(row) - i - 1)
    printed = (figures.ROOT / "snippets" / "tensors" /
               "26-causal-attention.out").read_text(encoding="utf-8")
    rows = [[float(n) for n in re.findall(r"\d\.\d{4}", line)]
            for line in printed.splitlines()[1:7]]
    assert rows == [[round(w, 4) for w in row] for row in weights], (
        "figures/causal-weights.py no longer draws the weights that "
        "snippets/tensors/26-causal-attention.py prints")


def test_the_lr_sweep_is_gradient_descent_as_printed(values):
    """One rate of the sweep written out without an optimiser; rounded,
    every final loss is the one the snippet prints, and so is the best."""
    import re

    import torch

    data = values["lr-sweep"]
    torch.manual_seed(0)
    x = torch.randn(256, 8)
    y = x @ torch.randn(8, 1) + 0.1 * torch.randn(256, 1)
    torch.manual_seed(1)
    layer = torch.nn.Linear(8, 1)
    w, b = layer.weight.detach().clone(), layer.bias.detach().clone()
    lr = data["lr"][8]
    for _ in range(10):
        error = x @ w.T + b - y
        w = w - lr * 2 * (error * x).mean(dim=0, keepdim=True)
        b = b - lr * 2 * error.mean(dim=0)
    assert ((x @ w.T + b - y) ** 2).mean().item() == pytest.approx(
        data["loss"][8], rel=1e-4)
    printed = (figures.ROOT / "snippets" / "backprop" /
               "15-lr-sweep.out").read_text(encoding="utf-8")
    shown = [float(n) for n in re.findall(r"steps: (\S+)", printed)]
    assert shown == [float(f"{loss:.3g}") for loss in data["loss"]], (
        "figures/lr-sweep.py no longer draws the losses that "
        "snippets/backprop/15-lr-sweep.py prints")
    best = min(zip(data["loss"], data["lr"]))[1]
    assert f"best: {best:.3g}" in printed


def test_the_sigmoid_figure_is_the_sigmoid_and_its_slope(values):
    data = values["sigmoid-saturation"]
    for z, a, slope in zip(data["z"], data["sigmoid"], data["gradient"]):
        assert a == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-6)
        assert slope == pytest.approx(a * (1 - a), abs=1e-6)
    at = 1 / (1 + math.exp(-2.42))
    assert round(at * (1 - at), 2) == 0.07, "one-neuron.md's caption"


def test_the_gaps_are_the_dtypes_own(values):
    import torch

    data = values["float-gaps"]
    for name in figures.runpy.run_path(
            str(figures.FIGURES / "float-gaps.py"))["DTYPES"]:
        dtype = getattr(torch, name)
        rounded = torch.tensor(data["value"], dtype=torch.float64).to(dtype)
        _, exponent = torch.frexp(rounded.double())
        expected = torch.finfo(dtype).eps * 2.0 ** (exponent.double() - 1)
        assert data[name] == pytest.approx(expected.tolist()), name
    one = data["value"].index(1.0)
    assert data["bfloat16"][one] == 2 ** -7 and data["float16"][one] == 2 ** -10


def test_the_token_loss_is_minus_log_p(values):
    data = values["token-loss"]
    assert data["loss"] == pytest.approx([-math.log(p) for p in data["p"]])
    assert round(data["uniform"], 2) == 10.82 == round(math.log(50257), 2)
    assert round(math.log(2), 2) == 0.69, "pretraining.md's caption"
    figure, _ = figures.figure_of("token-loss", "en", data)
    guess = [line for line in figure.axes[0].lines
             if set(line.get_ydata()) == {data["uniform"]}]
    assert len(guess) == 1, "the figure marks no uniform guess"


def test_the_zero_grad_losses_are_two_real_trainings(values):
    """The same two runs, written out without an optimiser."""
    import torch

    def by_hand(clear):
        torch.manual_seed(0)
        x = torch.randn(64, 3)
        y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.1 * torch.randn(64, 1)
        layer = torch.nn.Linear(3, 1)
        w, b = layer.weight.detach().clone(), layer.bias.detach().clone()
        gw, gb = torch.zeros_like(w), torch.zeros_like(b)
        found = []
        for _ in range(30):
            if clear:
                gw, gb = torch.zeros_like(w), torch.zeros_like(b)
            error = x @ w.T + b - y
            found.append((error ** 2).mean().item())
            gw = gw + 2 * (error * x).mean(dim=0, keepdim=True)
            gb = gb + 2 * error.mean(dim=0)
            w, b = w - 0.05 * gw, b - 0.05 * gb
        return found

    data = values["zero-grad-losses"]
    assert data["cleared"] == pytest.approx(by_hand(True), rel=1e-4)
    assert data["accumulated"] == pytest.approx(by_hand(False), rel=1e-4)
    assert data["cleared"][-1] < data["cleared"][0] / 10
    assert max(data["accumulated"][10:]) > data["cleared"][10]
