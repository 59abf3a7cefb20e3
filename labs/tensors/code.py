# %% setup
import matplotlib.pyplot as plt
import torch

plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]

torch.manual_seed(0)

# %% batch
images = torch.rand(4, 3, 32, 32)
print(images.shape, images.ndim)
print(images.mean(dim=(0, 2, 3)))

# %% broadcasting
column = torch.arange(3).reshape(3, 1)
row = torch.arange(4)
print(column + row)

# %% outer
x = torch.linspace(-2, 2, 50)
grid = torch.outer(x, x)
print(grid.shape)

# %% plot
fig, ax = plt.subplots(figsize=(5, 4))
shown = ax.imshow(grid, cmap="RdBu_r", extent=(-2, 2, -2, 2))
fig.colorbar(shown, ax=ax)
ax.set_title(TEXT["outer_title"])
ax.set_xlabel(TEXT["column"])
ax.set_ylabel(TEXT["row"])
plt.show()
