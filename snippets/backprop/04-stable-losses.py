import torch
import torch.nn.functional as F
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
z = torch.tensor([30.0], device=device, requires_grad=True)  # a logit
y = torch.tensor([0.0], device=device)  # the model is confidently wrong

p = torch.sigmoid(z)
print("sigmoid(30.0) == 1.0:", p.item() == 1.0)
textbook = nn.BCELoss()(p, y)
stable = nn.BCEWithLogitsLoss()(z, y)
print(f"BCELoss(sigmoid(z)): {textbook.item():.4f}")
print(f"BCEWithLogitsLoss(z): {stable.item():.4f}")
grad_textbook, = torch.autograd.grad(textbook, z)
grad_stable, = torch.autograd.grad(stable, z)
print(f"dL/dz: {grad_textbook.item():.4f} vs {grad_stable.item():.4f}")

logits = torch.tensor([[200.0, 0.0]], device=device)
label = torch.tensor([1], device=device)  # class 1 is the right one
naive = -torch.log(torch.softmax(logits, dim=1))[0, label]
print(f"-log(softmax): {naive.item()}")
print(f"F.cross_entropy: {F.cross_entropy(logits, label).item():.4f}")
