import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
q = torch.randn(2, 12, 5, 64).to(device)  # (batch, heads, tokens, 64)
k = torch.randn(2, 12, 5, 64).to(device)

scores = q @ k.transpose(-2, -1)  # one (5, 64) @ (64, 5) per batch and head
print("scores:", tuple(scores.shape))
one = q[1, 7] @ k[1, 7].T  # example 1, head 7, on its own
print("one product per (batch, head):",
      torch.allclose(scores[1, 7], one, atol=1e-5))

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
b = torch.tensor([[10.0, 20.0], [30.0, 40.0]], device=device)
print("a * b:", (a * b).tolist())  # entry by entry
print("a @ b:", (a @ b).tolist())  # rows of a times columns of b
