# mistake: sum-not-mean
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
logits = torch.tensor([2.0, -1.0, 0.5], device=device, requires_grad=True)
targets = torch.tensor([1.0, 0.0, 0.0], device=device)
loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, targets)
# Your code: dloss/dlogits by hand, shape (3,) (the loss is the mean).
by_hand = (torch.sigmoid(logits) - targets).detach()
