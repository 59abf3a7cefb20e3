import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5)).to(device)
x = torch.ones(1, 4, device=device)
# Your code: the model's output for x as it is when validating, with every
# unit kept; leave the model ready to train again afterwards.
model.eval()
with torch.no_grad():
    validation_output = model(x)
model.train()
