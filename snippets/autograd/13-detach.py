import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.tensor(3.0, device=device, requires_grad=True)

c = a.detach()                       # same numbers, no history
print("c.requires_grad:", c.requires_grad)
print("shares memory with a:", c.data_ptr() == a.data_ptr())

f = a * a                            # two paths back to a
f.backward()
print(f"a * a:          df/da = {a.grad.item():.0f}")

a.grad = None
g = a * a.detach()                   # one path: the second factor is a
g.backward()                         # constant as far as autograd knows
print(f"a * a.detach(): dg/da = {a.grad.item():.0f}")
print(f"same value: {f.item():.0f} and {g.item():.0f}")
