import math

x, y = 1.1, 1.0
w, b = 2.2, 0.0

z = w * x + b
a = 1 / (1 + math.exp(-z))
loss = -(y * math.log(a) + (1 - y) * math.log(1 - a))

dloss_dz = a - y
print(f"z = {z:.2f}   a = {a:.4f}   L = {loss:.4f}")
print(f"dL/dw = {dloss_dz * x:.4f}")
print(f"dL/db = {dloss_dz:.4f}")
