"""Final loss against the learning rate: the sweep of
snippets/backprop/15-lr-sweep.py (the same data, seeds and steps), on
logarithmic axes. Too small a rate learns slowly, too large a one diverges."""
import torch
import torch.nn.functional as F


def data():
    torch.manual_seed(0)
    x = torch.randn(256, 8)
    y = x @ torch.randn(8, 1) + 0.1 * torch.randn(256, 1)
    rates, losses = [10 ** (k / 4) for k in range(-12, 1)], []
    for lr in rates:
        torch.manual_seed(1)
        model = torch.nn.Linear(8, 1)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(10):
            optimizer.zero_grad()
            F.mse_loss(model(x), y).backward()
            optimizer.step()
        losses.append(F.mse_loss(model(x), y).item())
    return {"lr": rates, "loss": losses}


def draw(values, text, plt):
    figure, axes = plt.subplots(figsize=(6.4, 3.4))
    axes.plot(values["lr"], values["loss"], color="#3f51b5", marker="o",
              label=text["final"])
    best = min(zip(values["loss"], values["lr"]))[1]
    axes.axvline(best, color="#c0392b", linestyle="--", label=text["best"])
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel(text["lr"])
    axes.set_ylabel(text["loss"])
    axes.grid(alpha=0.3)
    axes.legend()
    axes.set_title(text["title"])
    return figure
