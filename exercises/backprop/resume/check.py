check("backprop/resume", [
    ("todo", lambda: checkpoint is not ...),
    ("shape", lambda: isinstance(checkpoint, dict)
     and {"model", "optimizer"} <= set(checkpoint)),
    ("alias", lambda: not torch.equal(checkpoint["model"]["weight"],
                                      model.weight)),
    ("model-only", lambda: resumed == later or resumed[0] != later[0]),
    ("values", lambda: resumed == later),
])
