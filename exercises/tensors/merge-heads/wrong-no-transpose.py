# mistake: no-transpose
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
batch, heads, tokens, head_size = 2, 3, 4, 5
# Attention's output, head by head: (batch, heads, tokens, head_size).
out = torch.arange(2 * 3 * 4 * 5.0).reshape(2, 3, 4, 5).to(device)
# Your code: one row of heads * head_size features per token,
# (batch, tokens, 15), head h in features h * 5 to h * 5 + 4.
merged = out.reshape(batch, tokens, heads * head_size)
