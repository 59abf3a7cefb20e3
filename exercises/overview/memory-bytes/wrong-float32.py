# mistake: float32
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
from torch import nn

model = nn.Linear(1000, 500).to(device=device, dtype=torch.bfloat16)
# Your code: how many bytes the model's parameters take, as an int.
size = sum(p.numel() * 4 for p in model.parameters())
