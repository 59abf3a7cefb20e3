# mistake: second-use-only
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
W = torch.tensor([[1.0, -2.0], [0.5, 3.0]], device=device,
                 requires_grad=True)
x = torch.tensor([1.0, 2.0], device=device)
loss = (W @ x).sum() + (W * W).sum()   # W is used twice
# Your code: the gradient of loss with respect to W, by hand, shape (2, 2).
by_hand = 2 * W.detach()
