import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.tensor(3.0, device=device, requires_grad=True)

# a feeds three operations: both factors of a * a, and 2 * a
f = a * a + 2 * a
f.backward()

print(f"f = {f.item():.0f}")
print(f"autograd: df/da = {a.grad.item():.0f}")
print(f"by hand:  a + a + 2 = {2 * a.item() + 2:.0f}")
