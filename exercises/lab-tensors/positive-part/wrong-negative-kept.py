# mistake: negative-kept
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
steps = torch.linspace(-2, 2, 5, device=device)
table = torch.outer(steps, steps)
# Your code: a new tensor that keeps the positive entries of `table` and has
# 0 everywhere else; `table` itself stays as it is.
positive = torch.where(table < 0, table, 0.0)
