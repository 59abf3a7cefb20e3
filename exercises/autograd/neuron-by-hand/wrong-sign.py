# mistake: sign
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x, y = torch.tensor(1.1, device=device), torch.tensor(1.0, device=device)
w, b = torch.tensor(2.2, device=device), torch.tensor(0.0, device=device)
a = torch.sigmoid(x * w + b)   # the prediction; the loss is -log(a) for y = 1
# Your code: dL/dw and dL/db from the formulas, without autograd.
grad_w = (y - a) * x
grad_b = y - a
