# mistake: mean
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
points = torch.linspace(-4, 4, 9, device=device, requires_grad=True)
values = torch.sigmoid(points)
# Your code: the sigmoid's slope at each of the 9 points, twice: with one
# call of backward, and by hand from `values`.
values.mean().backward()
from_autograd = points.grad
by_hand = values * (1 - values)
