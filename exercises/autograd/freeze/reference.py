import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)).to(device)
first, last = model[0], model[2]
# Your code: freeze the first layer, so that only the last one trains.
for parameter in first.parameters():
    parameter.requires_grad_(False)
x = torch.ones(2, 3, device=device)
model(x).sum().backward()
