# mistake: square-factor
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([[1.0, 2.0]], device=device)          # one example, (1, 2)
W1 = torch.tensor([[1.0, -1.0, 0.5], [0.5, -1.0, 1.0]], device=device,
                  requires_grad=True)                  # (2, 3)
W2 = torch.tensor([[1.0], [2.0], [-1.0]], device=device, requires_grad=True)
y = torch.tensor([[1.0]], device=device)
pre = x @ W1                   # (1, 3); the middle hidden unit is negative
h = torch.relu(pre)
out = h @ W2                   # (1, 1)
loss = ((out - y) ** 2).sum()
# Your code: the gradient of loss with respect to W1, by hand, (2, 3).
d_out = out - y
d_pre = (d_out @ W2.T) * (pre > 0)
grad_W1 = (x.T @ d_pre).detach()
