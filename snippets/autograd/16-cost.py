import torch
from torch.autograd.graph import saved_tensors_hooks
from torch.utils.flop_counter import FlopCounterMode

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
weights = [torch.randn(256, 256).to(device).requires_grad_()
           for _ in range(4)]                 # 4 layers of 256 x 256
print(f"parameters: {sum(w.numel() for w in weights):,}")


def forward(x):
    for w in weights:
        x = torch.tanh(x @ w)
    return x.sum()


kept = {}                 # activations autograd keeps for the backward pass


def pack(t):              # called for every tensor saved for backward
    if all(t.data_ptr() != w.data_ptr() for w in weights):
        kept[t.data_ptr()] = t.numel()
    return t


for batch in [64, 128]:
    x = torch.randn(batch, 256).to(device)
    kept.clear()
    with FlopCounterMode(display=False) as fwd, saved_tensors_hooks(
            pack, lambda t: t):
        loss = forward(x)
    with FlopCounterMode(display=False) as bwd:
        loss.backward()
    f, b = fwd.get_total_flops(), bwd.get_total_flops()
    print(f"batch {batch}: forward {f:,} FLOPs, backward {b:,} ({b / f}x)")
    print(f"  activations kept for backward: {sum(kept.values()):,}")

kept.clear()
with torch.no_grad(), saved_tensors_hooks(pack, lambda t: t):
    forward(x)
print(f"under no_grad: {sum(kept.values())} kept")
