def output_std(weight_std):
    x = torch.randn(1000, fan_in).to(device)
    weight = (torch.randn(fan_out, fan_in) * weight_std).to(device)
    return (x @ weight.T).std().item()


check("backprop/init-std", [
    ("todo", lambda: std is not ...),
    ("scalar", lambda: isinstance(std, float) and std > 0),
    ("fan-out", lambda: abs(std - 1 / math.sqrt(fan_out)) > 1e-9),
    ("no-sqrt", lambda: abs(output_std(std) - 1) < 0.5),
    ("values", lambda: abs(std - 1 / math.sqrt(fan_in)) < 1e-9),
])
