# mistake: ascent
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x, y = torch.tensor(1.1, device=device), torch.tensor(1.0, device=device)
w, b = torch.tensor(2.2, device=device), torch.tensor(0.0, device=device)
for step in range(30):
    prediction = torch.sigmoid(x * w + b)
    # Your code: one step of gradient descent on w and b, learning rate 1.0,
    # with dL/dw and dL/db worked out by hand (no autograd).
    w = w + 1.0 * (prediction - y) * x
    b = b + 1.0 * (prediction - y)
