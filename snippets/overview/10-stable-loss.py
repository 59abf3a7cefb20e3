import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
logits = torch.tensor([[1000.0, 0.0]], device=device, requires_grad=True)
target = torch.tensor([1], device=device)  # the right token is number 1

probs = torch.softmax(logits, dim=-1)
naive = -probs[0, 1].log()
naive.backward()
print("softmax:", probs.detach().cpu())
print("-log p(right):  ", naive.item())
print("its gradient:   ", logits.grad.cpu())

logits.grad = None
loss = F.cross_entropy(logits, target)
loss.backward()
print("log_softmax:", F.log_softmax(logits, dim=-1).detach().cpu())
print("F.cross_entropy:", loss.item())
print("its gradient:   ", logits.grad.cpu())
