import math

import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"

vocab = ["<|endoftext|>", "the", "cat", "sat", "on", "mat"]
ids = torch.tensor([[1, 2, 3, 4, 1, 5],  # the cat sat on the mat
                    [1, 5, 3, 4, 1, 2]],  # the mat sat on the cat
                   device=device)
inputs, targets = ids[:, :-1], ids[:, 1:]  # the target is the next token

# A stand-in for model(inputs): one score (logit) per vocabulary entry
torch.manual_seed(0)
logits = torch.randn(2, 5, len(vocab)).to(device)
print("inputs:", tuple(inputs.shape), " logits:", tuple(logits.shape))
print("targets:\n", targets.cpu())

loss = F.cross_entropy(logits.reshape(-1, len(vocab)), targets.reshape(-1))

probs = torch.softmax(logits, dim=-1)
p_right = probs.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
print("p(right token):\n", p_right.cpu())
print(f"F.cross_entropy:       {loss.item():.4f}")
print(f"mean of -log p(right): {-p_right.log().mean().item():.4f}")
print(f"uniform guess, ln {len(vocab)}:  {math.log(len(vocab)):.4f}")
