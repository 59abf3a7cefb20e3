# Parameter counts printed by 02-count-parameters.py
params = {"GPT-2 124M": 124_412_160, "GPT-3 175B": 174_604_259_328}
bytes_per_param = {
    "float32 weights": 4,
    "bfloat16 weights": 2,
    "AdamW training": 4 + 4 + 4 + 4,  # weights, gradients, two moments
}
for name, n in params.items():
    for what, size in bytes_per_param.items():
        print(f"{name}, {what:<16} ({size:>2} B/param): "
              f"{n * size / 1e9:>9,.2f} GB")
