import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
y = 3  # the right token, of a vocabulary of 4
largest = 0.0  # the largest |dL/dz| entry seen
print("z[y]   p(right)   dL/dp[y]      dL/dz[y]")
for right_logit in (2.0, 0.0, -5.0, -10.0, -20.0):
    z = torch.tensor([[0.0, 0.0, 0.0, right_logit]], dtype=torch.float64,
                     device=device, requires_grad=True)
    p = torch.softmax(z, dim=1)
    p.retain_grad()  # keep the gradient of the probabilities as well
    loss = -torch.log(p[0, y])
    loss.backward()
    print(f"{right_logit:5.1f}  {p[0, y].item():.2e}  {p.grad[0, y].item():10.3e}"
          f"  {z.grad[0, y].item():9.6f}")
    largest = max(largest, z.grad.abs().max().item())
print("every entry of every dL/dz lies in [-1, 1]:", largest <= 1)
