import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


def show(label, t):
    print(f"{label:19} {t.dtype}")


print(f"{'default dtype':19} {torch.get_default_dtype()}")
show("Python ints", torch.tensor([1, 2], device=device))
show("Python floats", torch.tensor([0.5, 2.0], device=device))

array = np.array([0.5, 2.0])           # NumPy's default is float64
print(f"{'NumPy array':19} {array.dtype}")
show("torch.tensor(array)", torch.tensor(array, device=device))
show("from_numpy(array)", torch.from_numpy(array).to(device))

ints = torch.tensor([1, 2], device=device)
halves = torch.tensor([0.5, 0.5], device=device)
show("int64 + float32", ints + halves)
show("int64 * 0.5", ints * 0.5)
show("int64 / 2", ints / 2)
show("int64 // 2", ints // 2)
show("float32 + float64", halves + torch.tensor(array, device=device))
