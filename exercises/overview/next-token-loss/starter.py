import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 3, 5).to(device)    # (batch, positions, vocabulary)
targets = torch.tensor([[1, 0, 4], [2, 2, 3]], device=device)
# Your code: the mean cross-entropy over all 6 positions, one number.
loss = ...
