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
        shown = {axes.get_title(), axes.get_xlabel(), axes.get_ylabel(),
                 *(t.get_text() for t in axes.get_legend().get_texts())}
        missing = [t for t in texts.values() if t not in shown]
        assert not missing, (
            f"figures/{name}.py in {language} does not show {missing} "
            f"(translations/figures/{language}.yml)")
        lines = plotted(axes)
        data = values[name]
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
