import math

import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


class Value:
    def __init__(self, data, parents=(), local_grads=()):
        self.data, self.grad = data, 0.0
        self.parents, self.local_grads = parents, local_grads

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other),
                     (other.data, self.data))

    __radd__, __rmul__ = __add__, __mul__

    def backward(self):
        order, seen = [], set()

        def visit(node):
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        for node in order:
            if node.parents:
                node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad


x, y = 2.0, 7.0
w, b = Value(0.5), Value(0.0)
losses = []
for step in range(3):
    error = w * x + b + -y
    loss = error * error
    losses.append(loss.data)
    # Your code: clear the gradients of w and b, run backward, then take a
    # step of gradient descent with learning rate 0.05 on w.data and b.data.
    w.grad, b.grad = 0.0, 0.0
    loss.backward()
    w.data -= 0.05 * w.grad
    b.data -= 0.05 * b.grad
