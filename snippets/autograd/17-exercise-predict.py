import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.tensor(2.0, device=device, requires_grad=True)

b = a * a
c = b + a
c.backward()
print(f"after c.backward():       a.grad = {a.grad.item():.0f}")

(3 * a).backward()
print(f"after (3 * a).backward(): a.grad = {a.grad.item():.0f}")
