# mistake: logits
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
classifier = nn.Linear(2, 1)                   # outputs a logit
with torch.no_grad():
    classifier.weight.copy_(torch.tensor([[1.0, -2.0]]))
    classifier.bias.fill_(0.5)
classifier = classifier.to(device)
new_points = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]],
                          device=device)
# Your code: the model's probability of class 1 for each new point, shape
# (3, 1), without recording a graph for backward.
with torch.no_grad():
    chances = classifier(new_points)
