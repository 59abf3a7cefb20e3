import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
layer = nn.Linear(3, 2).to(device)
x = torch.randn(4, 3).to(device)

out = layer(x)
print(out.shape)
print(out.device.type == device, layer.weight.device.type == device)
print(out.detach().cpu())
