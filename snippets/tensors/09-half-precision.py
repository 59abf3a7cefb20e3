import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
dtypes = [torch.float32, torch.bfloat16, torch.float16]
for dtype in dtypes:
    x = torch.tensor([70000.0, 1.001], device=device).to(dtype)
    big, near_one = x.tolist()
    print(f"{str(dtype):14}  {x.element_size()} bytes"
          f"  max {torch.finfo(dtype).max:10.5g}"
          f"  70000 -> {big:<6g}  1.001 -> {near_one:.6g}")

parameters = 124_412_160                  # GPT-2 small, tied output layer
print(f"GPT-2 small: {parameters:,} parameters")
for dtype in dtypes[:2]:
    size = torch.empty(0, dtype=dtype, device=device).element_size()
    print(f"  in {str(dtype):14} {parameters * size:>13,} bytes"
          f" = {parameters * size / 1e9:.2f} GB")
