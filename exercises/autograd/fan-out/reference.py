import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.tensor(2.0, device=device, requires_grad=True)
b = a ** 2
c = a * b          # a reaches c twice: directly, and through b
# Your code: dc/da by hand, as a number, with the multivariate chain rule.
by_hand = b.item() + a.item() * 2 * a.item()
