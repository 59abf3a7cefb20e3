"""The causal attention weights of one head: the weights that
snippets/tensors/26-causal-attention.py prints for example 0, head 0 (the
same seed and draws), each row a softmax over the keys up to the query."""
import math

import torch


def data():
    torch.manual_seed(0)
    q, k, _ = torch.randn(3, 2, 12, 6, 64)
    scores = q[0, 0] @ k[0, 0].T / math.sqrt(64)
    later = torch.ones(6, 6, dtype=torch.bool).triu(diagonal=1)
    weights = torch.softmax(scores.masked_fill(later, float("-inf")), dim=-1)
    return {"weights": weights.tolist()}


def draw(values, text, plt):
    figure, axes = plt.subplots(figsize=(4.8, 4.2))
    size = len(values["weights"])
    axes.imshow(values["weights"], cmap="Blues", vmin=0.0, vmax=1.0)
    for query in range(size):
        for key in range(query + 1, size):
            axes.text(key, query, "0", ha="center", va="center",
                      color="#9e9e9e")
    axes.set_xticks(range(size))
    axes.set_yticks(range(size))
    axes.set_xlabel(text["key"])
    axes.set_ylabel(text["query"])
    axes.set_title(text["title"])
    return figure
