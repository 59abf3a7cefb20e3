# mistake: train-mode
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"
net = nn.Sequential(nn.Linear(1, 1), nn.Dropout(0.5))
with torch.no_grad():
    net[0].weight.fill_(2.0)
    net[0].bias.fill_(-1.0)
net = net.to(device)
points = torch.arange(10.0).reshape(10, 1) / 10
held_out = DataLoader(TensorDataset(points, points ** 2), batch_size=4)
loss_fn = nn.MSELoss()


def validation_loss(net, loader):
    # Your code: the mean loss per example over all of loader's batches,
    # measured as validation must be: no dropout, no graph. Return a float.
    total = 0.0
    for inputs, targets in loader:
        with torch.no_grad():
            loss = loss_fn(net(inputs.to(device)), targets.to(device))
        total += loss.item() * len(inputs)
    return total / len(loader.dataset)
