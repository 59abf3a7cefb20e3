import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
N, V = 3, 5  # 3 predicted positions, a vocabulary of 5 tokens
z = torch.randn(N, V, dtype=torch.float64).to(device).requires_grad_()
y = torch.tensor([2, 0, 4], device=device)  # the right token per position

loss = F.cross_entropy(z, y)  # the mean over the N positions
loss.backward()
print(f"loss: {loss.item():.4f}")

p = torch.softmax(z.detach(), dim=1)
formula = (p - F.one_hot(y, V)) / N


def loss_at(logits):
    return F.cross_entropy(logits, y).item()


h = 1e-5
numeric = torch.zeros(N, V, dtype=torch.float64, device=device)
for n in range(N):
    for k in range(V):
        nudge = torch.zeros(N, V, dtype=torch.float64, device=device)
        nudge[n, k] = h
        up, down = loss_at(z.detach() + nudge), loss_at(z.detach() - nudge)
        numeric[n, k] = (up - down) / (2 * h)

print("position 0, right token 2:")
print("token  (p - y)/N  autograd  finite diff.")
for k in range(V):
    print(f"{k:5}  {formula[0, k].item():9.5f}  {z.grad[0, k].item():8.5f}"
          f"  {numeric[0, k].item():12.5f}")
print("all 15 entries, formula vs autograd (rtol 1e-12):",
      torch.allclose(formula, z.grad, rtol=1e-12, atol=0))
print("formula vs finite differences (atol 1e-9):",
      torch.allclose(formula, numeric, rtol=0, atol=1e-9))
print("every row sums to 0 (within 1e-12):",
      bool((formula.sum(dim=1).abs() < 1e-12).all()))
