import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
batch, length, heads, head_size = 2, 3, 4, 5
# Hidden states: 4 heads of 5 features each, side by side in 20 features.
x = torch.arange(2 * 3 * 20, device=device).reshape(batch, length, 20)
# Your code: one slice per head, shape (batch, heads, length, head_size),
# where head h holds features h * 5 to h * 5 + 4 of each position.
per_head = ...
