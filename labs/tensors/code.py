# %% setup
import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]

# %% batch
images = torch.rand(4, 3, 32, 32)
print(images.shape, images.ndim)
print(images.mean(dim=(0, 2, 3)))

# %% broadcasting
column = torch.arange(3).reshape(3, 1)
row = torch.arange(4)
print(tuple(column.shape), "+", tuple(row.shape), "->",
      tuple((column + row).shape))
print(column + row)

# %% outer
x = torch.linspace(-2, 2, 50)
grid = torch.outer(x, x)
print(grid.shape)

# %% plot
fig, ax = plt.subplots(figsize=(5, 4))
# Row i of the grid is drawn at height x[i]: row 0 (x = -2) at the bottom.
shown = ax.imshow(grid.numpy(), cmap="RdBu_r", origin="lower",
                  extent=(-2, 2, -2, 2))
fig.colorbar(shown, ax=ax)
ax.set_title(TEXT["outer_title"])
ax.set_xlabel(TEXT["column"])
ax.set_ylabel(TEXT["row"])
plt.show()
