import math

import torch
from torch import nn


class Value:
    """A number that remembers which numbers it was computed from."""

    def __init__(self, data, parents=(), local_grads=()):
        self.data, self.grad = data, 0.0
        self.parents = parents  # the inputs of the operation that made it
        self.local_grads = local_grads  # d(self)/d(parent), one per parent

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other),
                     (other.data, self.data))

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + -other

    def __rsub__(self, other):
        return -self + other

    def exp(self):
        e = math.exp(self.data)
        return Value(e, (self,), (e,))

    def log(self):
        return Value(math.log(self.data), (self,), (1.0 / self.data,))

    def sigmoid(self):
        s = 1.0 / (1.0 + math.exp(-self.data))
        return Value(s, (self,), (s * (1.0 - s),))

    def relu(self):
        return Value(max(self.data, 0.0), (self,), (float(self.data > 0),))

    def backward(self):
        order, seen = [], set()

        def visit(node):  # every node after all the nodes it depends on
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        for node in order:
            if node.parents:  # results start from 0; leaves accumulate
                node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):  # the chain rule, output to inputs
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad


x, y, w, b = 1.1, 1.0, Value(2.2), Value(0.0)
a = (w * x + b).sigmoid()
loss = -(y * a.log() + (1 - y) * (1 - a).log())
loss.backward()
print(f"neuron: L = {loss.data:.4f}  dL/dw = {w.grad:.4f}  "
      f"dL/db = {b.grad:.4f}")
loss.backward()
print(f"after a second backward(): dL/dw = {w.grad:.4f}")

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(137)  # the network of the backpropagation chapter
fc1, fc2 = nn.Linear(10, 5).to(device), nn.Linear(5, 1).to(device)
inputs = torch.randn(1, 10).to(device)
p = torch.sigmoid(fc2(torch.relu(fc1(inputs))))
nn.BCELoss()(p, torch.tensor([[1.0]], device=device)).backward()

W1, b1 = [[Value(v) for v in row] for row in fc1.weight.tolist()], [
    Value(v) for v in fc1.bias.tolist()]
W2, b2 = [Value(v) for v in fc2.weight[0].tolist()], Value(fc2.bias.item())
h = [sum((wi * xi for wi, xi in zip(row, inputs[0].tolist())), bias).relu()
     for row, bias in zip(W1, b1)]
out = sum((wj * hj for wj, hj in zip(W2, h)), b2).sigmoid()
(-out.log()).backward()  # the loss for the target 1

print("fc2.weight.grad, engine:", [round(v.grad, 4) + 0.0 for v in W2])
print("fc2.weight.grad, torch: ",  # + 0.0 prints -0.0 as 0.0
      [round(v, 4) + 0.0 for v in fc2.weight.grad[0].tolist()])
engine = [v.grad for row in W1 for v in row] + [v.grad for v in b1]
engine += [v.grad for v in W2] + [b2.grad]
autograd = torch.cat([param.grad.flatten() for param in (
    fc1.weight, fc1.bias, fc2.weight, fc2.bias)])
engine = torch.tensor(engine, dtype=torch.float64)
print(f"all {len(engine)} gradients agree (atol 1e-6):",
      torch.allclose(engine, autograd.cpu().double(), atol=1e-6))
