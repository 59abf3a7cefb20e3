import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# Logits of 3 padded sequences of up to 4 tokens, over a vocabulary of 5.
logits = torch.arange(60.0, device=device).reshape(3, 4, 5)
lengths = torch.tensor([3, 1, 2], device=device)   # real tokens per sequence
# Your code: the (3, 5) logits of each sequence's last real token.
last = logits[torch.arange(3, device=device), lengths - 1]
