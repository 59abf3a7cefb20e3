# mistake: broadcast
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
scores = torch.tensor([[2.0], [-1.0], [0.3], [-0.2], [1.5]],
                      device=device)                   # logits, (5, 1)
answers = torch.tensor([1.0, 0.0, 0.0, 0.0, 1.0], device=device)   # (5,)
# Your code: the share of examples the model gets right, as a
# 0-dimensional tensor (a logit above 0 predicts 1).
share = ((scores > 0).float() == answers).float().mean()
