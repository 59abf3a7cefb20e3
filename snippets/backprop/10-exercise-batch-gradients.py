import torch
import torch.nn.functional as F
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
fc1, fc2 = nn.Linear(10, 5).to(device), nn.Linear(5, 1).to(device)
X = torch.randn(4, 10).to(device)  # four examples, one per row
Y = torch.tensor([[1.0], [0.0], [0.0], [1.0]], device=device)

Z1 = X @ fc1.weight.T + fc1.bias  # what fc1(X) computes
H = torch.relu(Z1)
Z2 = H @ fc2.weight.T + fc2.bias
F.binary_cross_entropy_with_logits(Z2, Y).backward()  # mean over 4

with torch.no_grad():
    D2 = (torch.sigmoid(Z2) - Y) / len(X)
    D1 = (D2 @ fc2.weight) * (Z1 > 0)
    by_hand = {"W2": D2.T @ H, "b2": D2.sum(dim=0),
               "W1": D1.T @ X, "b1": D1.sum(dim=0)}
autograd = {"W2": fc2.weight.grad, "b2": fc2.bias.grad,
            "W1": fc1.weight.grad, "b1": fc1.bias.grad}
for name in by_hand:
    same = torch.allclose(by_hand[name], autograd[name])
    print(name, tuple(by_hand[name].shape), same)
print("inactive units per example:", (Z1 <= 0).sum(dim=1).tolist())
