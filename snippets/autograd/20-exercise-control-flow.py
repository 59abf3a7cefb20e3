import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


def f(a):                            # the function of 08-control-flow.py
    b = a
    while b < 10:
        b = 2 * b
    if b > 15:
        return b * b
    return 3 * b


# a = 0.7: four doublings give 11.2, so f = 3 * 2**4 * a
# a = 1.0: four doublings give 16, so f = (2**4 * a) ** 2
for start, by_hand in [(0.7, 3 * 2**4), (1.0, 2 * (2**4) ** 2 * 1.0)]:
    a = torch.tensor(start, device=device, requires_grad=True)
    f(a).backward()
    print(f"a = {start}: autograd {a.grad.item():.0f}, by hand {by_hand:.0f}")
