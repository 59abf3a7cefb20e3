import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
logits = torch.randn(4, 6).to(device).requires_grad_()
targets = torch.tensor([1, 0, 5, 2], device=device)
loss = F.cross_entropy(logits, targets)
# Your code: dloss/dlogits by hand, shape (4, 6) (the loss is the mean).
by_hand = ...
