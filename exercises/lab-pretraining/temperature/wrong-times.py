# mistake: times
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
next_logits = torch.tensor([2.0, 1.0, 0.0, -1.0], device=device)
heat = 0.5  # the sampling temperature
# Your code: the probabilities of the next token at that temperature.
heated = torch.softmax(next_logits * heat, dim=-1)
