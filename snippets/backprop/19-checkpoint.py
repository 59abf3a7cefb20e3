import io

import torch
import torch.nn.functional as F
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
x, y = torch.randn(64, 8).to(device), torch.randn(64, 1).to(device)
start = nn.Linear(8, 1).state_dict()


def fresh():
    model = nn.Linear(8, 1).to(device)
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
uninterrupted = train(model, optimizer, 6)

model, optimizer = fresh()
first = train(model, optimizer, 3)
file = io.BytesIO()  # a file in memory; torch.save("ckpt.pt") is the same
torch.save({"model": model.state_dict(),
            "optimizer": optimizer.state_dict()}, file)
del model, optimizer  # the run stops here

file.seek(0)
checkpoint = torch.load(file)
model, optimizer = fresh()
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])  # AdamW's moments
resumed = first + train(model, optimizer, 3)

print("uninterrupted:", [f"{loss:.4f}" for loss in uninterrupted])
print("resumed:      ", [f"{loss:.4f}" for loss in resumed])
print("bit for bit the same losses:", resumed == uninterrupted)
