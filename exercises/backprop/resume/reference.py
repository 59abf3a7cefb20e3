import copy

import torch
import torch.nn.functional as F
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
x, y = torch.randn(32, 4).to(device), torch.randn(32, 1).to(device)
start = nn.Linear(4, 1).state_dict()


def fresh():
    model = nn.Linear(4, 1).to(device)
    model.load_state_dict(start)
    return model, torch.optim.AdamW(model.parameters(), lr=0.1)


def train(model, optimizer, steps):
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


model, optimizer = fresh()
train(model, optimizer, 3)
# Your code: a checkpoint {"model": ..., "optimizer": ...} of both states
# that the training below cannot change.
checkpoint = copy.deepcopy({"model": model.state_dict(),
                            "optimizer": optimizer.state_dict()})
later = train(model, optimizer, 3)  # the first run goes on
model2, optimizer2 = fresh()
# Your code: restore the checkpoint into model2 and optimizer2.
model2.load_state_dict(checkpoint["model"])
optimizer2.load_state_dict(checkpoint["optimizer"])
resumed = train(model2, optimizer2, 3)
