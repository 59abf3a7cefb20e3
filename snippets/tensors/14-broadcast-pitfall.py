import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
predictions = torch.tensor([[1.0], [2.0], [3.0]], device=device)   # (3, 1)
targets = torch.tensor([1.0, 2.0, 3.0], device=device)             # (3,)

errors = predictions - targets          # (3, 1) - (3,) -> (3, 3)!
print(tuple(errors.shape))
print(errors.cpu())
print(f"loss {(errors ** 2).mean().item():.4f}")

errors = predictions.squeeze(1) - targets   # (3,) - (3,) -> (3,)
print(tuple(errors.shape))
print(f"loss {(errors ** 2).mean().item():.4f}")
