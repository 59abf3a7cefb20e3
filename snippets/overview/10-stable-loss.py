import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.tensor([[1000.0, 0.0]], device=device)
target = torch.tensor([1], device=device)  # the right token is number 1

probs = torch.softmax(logits, dim=-1)
print("softmax:", probs.cpu())
print("-log p(right):  ", -probs[0, 1].log().item())
print("log_softmax:", F.log_softmax(logits, dim=-1).cpu())
print("F.cross_entropy:", F.cross_entropy(logits, target).item())
