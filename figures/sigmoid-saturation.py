"""The sigmoid flattens where its gradient vanishes: both over z."""
import torch


def data():
    z = torch.linspace(-8, 8, 161, requires_grad=True)
    a = torch.sigmoid(z)
    a.sum().backward()
    return {"z": z.detach().tolist(), "sigmoid": a.detach().tolist(),
            "gradient": z.grad.tolist()}


def draw(values, text, plt):
    figure, axes = plt.subplots(figsize=(6.4, 3.4))
    axes.plot(values["z"], values["sigmoid"], color="#3f51b5",
              label=text["sigmoid"])
    axes.plot(values["z"], values["gradient"], color="#c0392b",
              linestyle="--", label=text["gradient"])
    axes.set_xlabel("z")
    axes.set_ylim(-0.05, 1.05)
    axes.grid(alpha=0.3)
    axes.legend(loc="center left")
    axes.set_title(text["title"])
    return figure
