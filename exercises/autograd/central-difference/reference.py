import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
def loss_at(w):
    x, y = 1.1, 1.0
    a = torch.sigmoid(torch.tensor(x * w + 0.0, dtype=torch.float64,
                                   device=device))
    return -(y * torch.log(a) + (1 - y) * torch.log(1 - a))


w, h = 2.2, 1e-4
# Your code: estimate dL/dw at w from loss_at with a central difference.
estimate = (loss_at(w + h) - loss_at(w - h)) / (2 * h)
