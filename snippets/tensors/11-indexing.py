import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.arange(12, device=device).reshape(3, 4)
print(x.cpu())

parts = {
    "x[1, 2]": x[1, 2],          # one element: rank 0
    "x[1]": x[1],                # row 1
    "x[-1]": x[-1],              # the last row
    "x[:, 1]": x[:, 1],          # column 1
    "x[:, 1:2]": x[:, 1:2],      # column 1, kept as a column
    "x[1:, ::2]": x[1:, ::2],    # rows 1.., every second column
    "x[[2, 0]]": x[[2, 0]],      # rows 2 and 0, in that order
    "x[x > 8]": x[x > 8],        # the elements where the mask is True
}
for label, part in parts.items():
    print(f"{label:10} shape {str(tuple(part.shape)):7} {part.tolist()}")
