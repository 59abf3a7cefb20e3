import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
scores = torch.tensor([[1.0, 4.0, 1.0],
                       [3.0, 0.0, 6.0]], device=device)


def show(label, t):
    print(f"{label:31} shape {str(tuple(t.shape)):6} {t.tolist()}")


show("scores.sum()", scores.sum())
show("scores.sum(dim=0)", scores.sum(dim=0))
show("scores.sum(dim=1)", scores.sum(dim=1))
show("scores.sum(dim=1, keepdim=True)", scores.sum(dim=1, keepdim=True))
show("scores.mean(dim=-1)", scores.mean(dim=-1))
values, indices = scores.max(dim=1)
show("scores.max(dim=1) values", values)
show("scores.max(dim=1) indices", indices)
show("scores.argmax(dim=-1)", scores.argmax(dim=-1))
norms = scores.norm(dim=1)      # square root of the sum of squares
print(f"{'scores.norm(dim=1)':31} shape {str(tuple(norms.shape)):6} "
      f"{[round(n, 4) for n in norms.tolist()]}")
