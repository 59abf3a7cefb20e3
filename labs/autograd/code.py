# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]

x, y = torch.tensor([1.1]), torch.tensor([1.0])

# %% curves
z = torch.linspace(-4, 6, 200, requires_grad=True)
a = torch.sigmoid(z)
losses = F.binary_cross_entropy(a, y.expand_as(a), reduction="none")
slopes, = torch.autograd.grad(losses.sum(), z)
z0 = torch.tensor([2.42], requires_grad=True)
a0 = torch.sigmoid(z0)
loss0 = F.binary_cross_entropy(a0, y)
slope0, = torch.autograd.grad(loss0, z0)
by_hand = (a0 - y).detach()
agree = (torch.allclose(slopes, a.detach() - y)
         and torch.allclose(slope0, by_hand))
print(f"a = {a0.item():.4f}, L = {loss0.item():.4f}")
print(f"dL/dz at z = 2.42 from autograd: {slope0.item():.4f}")
print(f"a - y by hand: {by_hand.item():.4f}")
print(f"autograd agrees with a - y at every z: {agree}")

# %% plot-curves
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
left.plot(z.detach(), a.detach())
left.scatter([z0.item()], [a0.item()], color="C3", zorder=3)
left.set_title(TEXT["sigmoid_title"])
left.set_xlabel("z")
left.set_ylabel(TEXT["activation"])
right.plot(z.detach(), losses.detach(), label=TEXT["loss"])
tangent = loss0.item() + slope0.item() * (z.detach() - z0.item())
right.plot(z.detach(), tangent, "--", label=TEXT["tangent"])
right.scatter([z0.item()], [loss0.item()], color="C3", zorder=3)
right.set_ylim(-0.2, 4)
right.set_title(TEXT["loss_title"])
right.set_xlabel("z")
right.legend()
plt.show()

# %% descent
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)
history = []
for step in range(30):
    loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
    loss.backward()
    history.append(loss.item())
    with torch.no_grad():
        w -= 1.0 * w.grad
        b -= 1.0 * b.grad
    w.grad = None
    b.grad = None
print(f"w = {w.item():.4f}, b = {b.item():.4f}")
print(f"loss: {history[0]:.4f} -> {history[-1]:.4f}")

# %% plot-descent
fig, ax = plt.subplots(figsize=(5, 3.5))
ax.plot(range(len(history)), history, marker="o", markersize=3)
ax.set_title(TEXT["descent_title"])
ax.set_xlabel(TEXT["step"])
ax.set_ylabel(TEXT["loss"])
plt.show()
