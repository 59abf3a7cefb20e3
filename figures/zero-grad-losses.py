"""The loss over 30 steps of gradient descent, with the gradients cleared
before each step and without: uncleared gradients pile up, and the steps
overshoot."""
import torch
from torch import nn


def losses(clear):
    torch.manual_seed(0)
    x = torch.randn(64, 3)
    y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.1 * torch.randn(64, 1)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    found = []
    for _ in range(30):
        if clear:
            optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        found.append(loss.item())
    return found


def data():
    return {"step": list(range(1, 31)), "cleared": losses(True),
            "accumulated": losses(False)}


def draw(values, text, plt):
    figure, axes = plt.subplots(figsize=(6.4, 3.4))
    axes.plot(values["step"], values["cleared"], color="#3f51b5",
              marker="o", markersize=3, label=text["cleared"])
    axes.plot(values["step"], values["accumulated"], color="#c0392b",
              linestyle="--", marker="s", markersize=3,
              label=text["accumulated"])
    axes.set_yscale("log")
    axes.yaxis.set_minor_formatter(plt.NullFormatter())
    axes.set_xlabel(text["step"])
    axes.set_ylabel(text["loss"])
    axes.grid(alpha=0.3)
    axes.legend()
    axes.set_title(text["title"])
    return figure
