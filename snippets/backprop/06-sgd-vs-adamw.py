import torch
from torch import optim

device = "cuda" if torch.cuda.is_available() else "cpu"
for make in [optim.SGD, optim.AdamW]:
    w = torch.tensor([1.0, 1.0], device=device, requires_grad=True)
    optimizer = make([w], lr=0.01)  # AdamW: weight_decay=0.01 by default
    w.grad = torch.tensor([100.0, 0.001], device=device)
    optimizer.step()
    moves = [f"{new - 1.0:+.5f}" for new in w.detach().cpu().tolist()]
    print(f"{make.__name__:5} moves the weights by {moves}")

state = optimizer.state[w]
print("AdamW keeps per weight:", sorted(k for k in state if k != "step"))
tensors = [w, w.grad, state["exp_avg"], state["exp_avg_sq"]]
print("bytes per weight:", sum(t.element_size() for t in tensors))
