# mistake: future-kept
import math

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(1)
q, k, v = torch.randn(3, 1, 2, 4, 8).to(device)  # (batch, heads, T, 8)
T, d = 4, 8
# Your code: causal self-attention by hand, out of shape (1, 2, 4, 8):
# scaled scores, no later keys, softmax, then the weighted values.
scores = q @ k.transpose(-2, -1) / math.sqrt(d)
allowed = torch.triu(torch.ones(T, T, dtype=torch.bool, device=device))
weights = torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1)
out = weights @ v
