import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
z = torch.tensor([[0.0, 0.0, 0.0, 2.0]], device=device, requires_grad=True)
y = torch.tensor([3], device=device)
F.cross_entropy(z, y).backward()
print("p:", [round(v, 4) for v in torch.softmax(z, dim=1)[0].tolist()])
print("dL/dz:", [round(v, 4) for v in z.grad[0].tolist()])
print("sums to 0 (within 1e-6):", abs(z.grad.sum().item()) < 1e-6)
