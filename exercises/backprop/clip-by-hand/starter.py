import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2)).to(device)
x, y = torch.randn(5, 3).to(device), (50 * torch.randn(5, 2)).to(device)
nn.functional.mse_loss(model(x), y).backward()
original = [p.grad.clone() for p in model.parameters()]
max_norm = 1.0
# Your code: the total norm of all gradients together (a float), then,
# if it exceeds max_norm, scale every .grad in place down to max_norm.
total = ...
