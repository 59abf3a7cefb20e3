import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
scores = torch.arange(16.0, device=device).reshape(4, 4)   # query x key
# Your code: set every score of a later key (above the diagonal) to -inf.
future = torch.ones(4, 4, dtype=torch.bool, device=device).triu(diagonal=1)
masked = scores.masked_fill(future, float("-inf"))
