import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(137)
fc1, fc2 = nn.Linear(10, 5).to(device), nn.Linear(5, 1).to(device)
x = torch.randn(10, 1).to(device)
y = torch.tensor([[1.0]], device=device)

pre = fc1.weight @ x + fc1.bias[:, None]
h = torch.relu(pre)
y_hat = torch.sigmoid(fc2.weight @ h + fc2.bias[:, None])
nn.functional.binary_cross_entropy(y_hat, y).backward()

with torch.no_grad():
    delta2 = y_hat - y
    delta1 = (fc2.weight.T @ delta2) * (pre > 0)
    by_hand = {"W2": delta2 @ h.T, "b2": delta2[:, 0],
               "W1": delta1 @ x.T, "b1": delta1[:, 0]}
autograd = {"W2": fc2.weight.grad, "b2": fc2.bias.grad,
            "W1": fc1.weight.grad, "b1": fc1.bias.grad}
for name in by_hand:
    print(name, torch.allclose(by_hand[name], autograd[name]))
print("inactive hidden units:", (pre[:, 0] <= 0).nonzero()[:, 0].tolist())
zero_rows = (autograd["W1"] == 0).all(dim=1)
print("all-zero rows of W1's gradient:", zero_rows.nonzero()[:, 0].tolist())
