"""The loss of one next-token prediction, -log p, against the probability p
the model gives the right token; a uniform guess over GPT-2's 50,257 tokens
costs log 50,257 = 10.82."""
import math

import torch

VOCABULARY = 50_257


def data():
    p = torch.logspace(-5, 0, 101, dtype=torch.float64)
    return {"p": p.tolist(), "loss": (-torch.log(p)).tolist(),
            "uniform": math.log(VOCABULARY)}


def draw(values, text, plt):
    figure, axes = plt.subplots(figsize=(6.4, 3.4))
    axes.plot(values["p"], values["loss"], color="#3f51b5")
    axes.axhline(values["uniform"], color="#c0392b", linestyle="--",
                 label=text["uniform"])
    axes.set_xscale("log")
    axes.set_xlabel(text["probability"])
    axes.set_ylabel(text["loss"])
    axes.grid(alpha=0.3)
    axes.legend()
    axes.set_title(text["title"])
    return figure
