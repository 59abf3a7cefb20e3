# mistake: square-factor
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
h = torch.tensor([[1.0, 2.0, -1.0]], device=device, requires_grad=True)
W2 = torch.tensor([[1.0, 0.0, 2.0], [0.0, 1.0, 0.0], [3.0, 0.0, 1.0]],
                  device=device)
y = torch.tensor([[0.0, 1.0, 0.0]], device=device)
out = h @ W2                                     # (1, 3)
loss = ((out - y) ** 2).sum()
# Your code: dloss/dh by hand, what backward passes down to the hidden
# layer, shape (1, 3).
d_out = out - y
d_h = (d_out @ W2.T).detach()
