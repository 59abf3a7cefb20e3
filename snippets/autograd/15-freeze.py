import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], device=device)
y = torch.tensor([1.0], device=device)
w = torch.tensor([2.2], device=device, requires_grad=True)
b = torch.tensor([0.0], device=device, requires_grad=True)

w.requires_grad_(False)              # freeze w: train only b
loss = F.binary_cross_entropy(torch.sigmoid(x * w + b), y)
loss.backward()

print("w.grad:", w.grad)
print("b.grad:", b.grad.cpu())
trainable = [name for name, p in [("w", w), ("b", b)] if p.requires_grad]
print("trainable:", trainable)

node, chain = loss.grad_fn, []       # walk the graph from the loss down
while node is not None:
    chain.append(type(node).__name__)
    node = next((n for n, _ in node.next_functions if n is not None), None)
print(" <- ".join(chain))
