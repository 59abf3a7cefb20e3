# mistake: not-at-id
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
vocabulary = 6
ids = torch.tensor([4, 0, 2], device=device)
# Your code: one row per ID, a 1.0 in the column of that ID, 0.0 elsewhere.
one_hot = torch.eye(vocabulary, device=device)[:len(ids)]
