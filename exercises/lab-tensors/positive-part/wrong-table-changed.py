# mistake: table-changed
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
steps = torch.linspace(-2, 2, 5, device=device)
table = torch.outer(steps, steps)
# Your code: a new tensor that keeps the positive entries of `table` and has
# 0 everywhere else; `table` itself stays as it is.
positive = table
positive[table < 0] = 0
