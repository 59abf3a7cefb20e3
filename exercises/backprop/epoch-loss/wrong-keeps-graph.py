# mistake: keeps-graph
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
model = nn.Linear(1, 1).to(device)
data = TensorDataset(torch.arange(10.0)[:, None], torch.ones(10, 1))
total = 0.0
for inputs, targets in DataLoader(data, batch_size=4):  # 4, 4 and 2
    inputs, targets = inputs.to(device), targets.to(device)
    loss = ((model(inputs) - targets) ** 2).mean()      # the batch's mean
    # Your code: add this batch's share to total, keeping no graph.
    total += loss * len(inputs)
epoch_loss = total / len(data)   # the mean over all 10 examples
