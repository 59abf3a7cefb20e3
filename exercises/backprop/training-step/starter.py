import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.tensor([[1.0, 2.0], [0.0, 1.0]], device=device)
y = torch.tensor([[1.0], [0.0]], device=device)
for step in range(3):
    # Your code: one training step on (x, y) with the mean squared error.
    ...
