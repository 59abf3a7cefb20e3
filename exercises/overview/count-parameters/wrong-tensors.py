# mistake: tensors
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
from torch import nn

with torch.device("meta"):          # shapes only: no memory for the values
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
# Your code: how many numbers the model learns, as an int.
count = len(list(model.parameters()))
