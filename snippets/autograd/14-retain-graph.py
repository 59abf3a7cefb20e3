import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)
w = torch.tensor([2.2], device=device, requires_grad=True)
b = torch.tensor([0.0], device=device, requires_grad=True)

loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
loss.backward()                      # frees the graph's saved values
try:
    loss.backward()
except RuntimeError as error:
    print("second backward:", str(error).split(" (")[0])

w.grad = None
loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
loss.backward(retain_graph=True)     # keep them for one more pass
print("after one backward: ", w.grad.cpu())
loss.backward()
print("after two backwards:", w.grad.cpu())
