import math

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
q, k, v = torch.randn(3, 2, 12, 6, 64).to(device)  # (batch, heads, T, 64)
T, d = q.shape[-2], q.shape[-1]

scores = q @ k.transpose(-2, -1) / math.sqrt(d)  # (batch, heads, T, T)
allowed = torch.tril(torch.ones(T, T, dtype=torch.bool, device=device))
scores = scores.masked_fill(~allowed, float("-inf"))  # no later keys
weights = torch.softmax(scores, dim=-1)
out = weights @ v  # (batch, heads, T, 64)

torch.set_printoptions(precision=4, sci_mode=False)
print("weights of example 0, head 0:")
print(weights[0, 0].cpu())
print("above the diagonal exactly 0:",
      bool((weights[..., ~allowed] == 0).all()))
print("every row sums to 1 (atol 1e-6):", torch.allclose(
    weights.sum(dim=-1), torch.ones(2, 12, T, device=device), atol=1e-6))
fused = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print("equals scaled_dot_product_attention (atol 1e-5):",
      torch.allclose(out, fused, atol=1e-5))
