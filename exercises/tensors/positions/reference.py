import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
batch, length = 2, 5
# Your code: positions[b, t] is t, for every sequence b: int64, on device.
positions = torch.arange(length, device=device).expand(batch, length)
