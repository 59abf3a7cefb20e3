import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
predictions = torch.tensor([[2.0], [0.0], [1.0]], device=device)  # (3, 1)
targets = torch.tensor([1.0, 0.0, 3.0], device=device)            # (3,)
# Your code: the mean squared error, one squared difference per example.
loss = ((predictions.squeeze(1) - targets) ** 2).mean()
