"""The device rule's third part: no random draw on the device.

A GPU's generator gives other numbers than the CPU's, so a snippet that
draws on the device prints another golden in its cuda case. `DrawFinder`
follows the snippet as Python runs it, knowing of each value only whether
it is on the device (or names it), which modules it holds and their mode;
at every call it asks whether that call draws on the device. A statement
whose printed output does not depend on the draw carries MARKER with a
reason. Standard library only: the GPU job installs nothing but torch and
pytest.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, replace
from pathlib import Path

MARKER = "# device-rule: output does not depend on the draw"
MARKER_TAG = re.compile(r"#\s*device-rule\b")
MARKER_FORM = re.compile(
    r"#\s*device-rule:\s*output does not depend on the draw \((.*\S.*)\)\s*$")
ROUTES = {
    "random factory": (
        "a random factory on the device",
        "draw on the CPU from a seeded generator, then move: "
        "`torch.randn(2, 3).to(device)`"),
    "*_like": (
        "a *_like draw of a tensor on the device",
        "draw on the CPU with its shape, then move: "
        "`torch.randn(t.shape).to(device)`"),
    "default device": (
        "created while `device` is the default device",
        "create it on the CPU outside `with torch.device(device)` or "
        "`torch.set_default_device(device)`, then move it: "
        "`torch.randn(2, 3).to(device)`, `nn.Linear(3, 2).to(device)`"),
    "in-place fill": (
        "an in-place random fill of a tensor on the device",
        "fill it on the CPU, then move it: "
        "`torch.empty(3).uniform_().to(device)`"),
    "nn.init": (
        "an initialisation of parameters on the device",
        "initialise the module on the CPU (nn.init, reset_parameters), "
        "then move it with `.to(device)`"),
    "layer init": (
        "a layer built on the device, so its init draws there",
        "build the module on the CPU, then move it: "
        "`nn.Linear(3, 2).to(device)`"),
    "lazy layer": (
        "a lazy layer on the device, initialised there at its first call",
        "give the layer its input size (`nn.Linear(4, 2)`, not "
        "`nn.LazyLinear(2)`), then `.to(device)`"),
    "dropout": (
        "dropout in train mode on the device",
        "draw the mask on the CPU and move it "
        "(`(torch.rand(x.shape) >= p).to(device)`), or switch dropout off "
        "first (`.eval()`, `training=False`)"),
    "sampling": (
        "sampling from a tensor on the device",
        "sample on the CPU from a seeded generator, then move: "
        "`torch.multinomial(probs.cpu(), 1).to(device)`"),
}
RANDOM_FACTORIES = {"rand", "randn", "randint", "randperm", "normal"}
RANDOM_LIKE = {"rand_like", "randn_like", "randint_like"}
SAMPLERS = {"multinomial", "bernoulli", "poisson", "normal"}
IN_PLACE_DRAWS = {"normal_", "uniform_", "random_", "bernoulli_",
                  "exponential_", "geometric_", "cauchy_", "log_normal_"}
FIXED_INITS = {"constant_", "ones_", "zeros_", "eye_", "dirac_"}
INIT_DRAWS = {"Linear", "Bilinear", "Conv1d", "Conv2d", "Conv3d",
              "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
              "Embedding", "EmbeddingBag", "RNN", "LSTM", "GRU", "RNNCell",
              "LSTMCell", "GRUCell", "MultiheadAttention", "Transformer",
              "TransformerEncoderLayer", "TransformerDecoderLayer"}
DROPOUT_LAYERS = {"Dropout", "Dropout1d", "Dropout2d", "Dropout3d",
                  "AlphaDropout", "FeatureAlphaDropout"}
DROPOUT_FUNCTIONS = {"dropout", "dropout1d", "dropout2d", "dropout3d",
                     "alpha_dropout", "feature_alpha_dropout"}
DROPOUT_ARGUMENT = {"MultiheadAttention": 2, "Transformer": 5,
                    "TransformerEncoderLayer": 3,
                    "TransformerDecoderLayer": 3}
DROPOUT_BY_DEFAULT = {"Transformer", "TransformerEncoderLayer",
                      "TransformerDecoderLayer"}
LEAVES_DEVICE = {"cpu", "numpy", "item", "tolist", "size", "numel", "dim",
                 "nelement", "element_size", "data_ptr", "stride",
                 "get_device", "is_contiguous", "is_floating_point"}
KEEPS_MODULE = {"float", "double", "half", "bfloat16", "requires_grad_",
                "type", "share_memory"}
NOT_ON_DEVICE = {"shape", "dtype", "ndim", "is_cuda", "requires_grad",
                 "is_leaf", "training", "grad_fn", "layout", "itemsize",
                 "nbytes", "names"}
SCALAR_BUILTINS = {"len", "int", "float", "bool", "str", "repr", "print",
                   "isinstance", "range", "round", "type", "format", "id"}
TRAIN, EVAL = frozenset({"train"}), frozenset({"eval"})


@dataclass(frozen=True)
class TorchModule:
    name: str
    random_in_train: bool = False
    lazy: bool = False


@dataclass(frozen=True)
class Instance:
    cls: ast.ClassDef
    attrs: tuple = ()


@dataclass(frozen=True)
class Container:
    children: tuple = ()


@dataclass(frozen=True)
class Value:
    on_device: bool = False
    modules: frozenset = frozenset()
    modes: frozenset = frozenset()
    code: ast.AST | None = None

    def __or__(self, other: "Value") -> "Value":
        return Value(self.on_device or other.on_device,
                     self.modules | other.modules, self.modes | other.modes,
                     self.code or other.code)


def joined(values) -> Value:
    result = Value()
    for value in values:
        result |= value
    return result


def torch_modules(value: Value):
    for module in value.modules:
        if isinstance(module, TorchModule):
            yield module
            continue
        children = module.children if isinstance(module, Container) \
            else dict(module.attrs).values()
        for child in children:
            yield from torch_modules(child)


def materialized(value: Value) -> Value:
    """A module after its first call on the CPU: no lazy layer left."""
    modules = set()
    for module in value.modules:
        if isinstance(module, TorchModule):
            module = replace(module, lazy=False)
        elif isinstance(module, Container):
            module = Container(tuple(map(materialized, module.children)))
        else:
            module = Instance(module.cls, tuple(
                (name, materialized(v)) for name, v in module.attrs))
        modules.add(module)
    return replace(value, modules=frozenset(modules))


@dataclass
class Frame:
    env: dict
    modes: frozenset = TRAIN
    cls: ast.ClassDef | None = None
    self_name: str | None = None
    attrs: dict | None = None
    returns: Value = Value()


def argument(call: ast.Call, index: int | None, keyword: str):
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    if index is not None and index < len(call.args) and not any(
            isinstance(a, ast.Starred) for a in call.args[:index + 1]):
        return call.args[index]
    return None


def is_constant(node, *values) -> bool:
    return isinstance(node, ast.Constant) and any(
        node.value == v and type(node.value) is type(v) for v in values)


def names_cuda(constant) -> bool:
    return isinstance(constant, str) and re.fullmatch(
        r"cuda(:\d+)?", constant) is not None


class DrawFinder:
    def __init__(self, snippet: Path, source: str, markers: "Markers"):
        self.snippet, self.source, self.markers = snippet, source, markers
        self.aliases: dict[str, str] = {}
        self.default_device = False
        self.statements: list[ast.stmt] = []
        self.callers: list[int] = []
        self.running: set[ast.AST] = set()
        self.problems: dict[tuple, str] = {}
        self.module = Frame({})

    def run_module(self, tree: ast.Module) -> list[str]:
        self.block(tree.body, self.module)
        return list(self.problems.values())

    # statements

    def block(self, statements, frame: Frame) -> None:
        for statement in statements:
            self.statements.append(statement)
            try:
                self.statement(statement, frame)
            finally:
                self.statements.pop()

    def statement(self, node: ast.stmt, frame: Frame) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.imports(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                               ast.ClassDef)):
            frame.env[node.name] = Value(code=node)
        elif isinstance(node, ast.Assign):
            self.assign(node.targets, node.value, frame)
        elif isinstance(node, ast.AnnAssign) and node.value:
            self.assign([node.target], node.value, frame)
        elif isinstance(node, ast.AugAssign):
            self.bind(node.target, self.value(node.target, frame)
                      | self.value(node.value, frame), frame)
        elif isinstance(node, ast.Return) and node.value:
            frame.returns |= self.value(node.value, frame)
        elif isinstance(node, ast.If):
            self.value(node.test, frame)
            self.branches(frame, node.body, node.orelse)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            self.loop(node, frame)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            self.with_block(node, frame)
        elif isinstance(node, ast.Try):
            self.block(node.body, frame)
            self.branches(frame, node.orelse,
                          *(handler.body for handler in node.handlers))
            self.block(node.finalbody, frame)
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.value(child, frame)

    def imports(self, node) -> None:
        for alias in node.names:
            if isinstance(node, ast.ImportFrom):
                full = f"{node.module}.{alias.name}"
                local = alias.asname or alias.name
            elif alias.asname:
                full, local = alias.name, alias.asname
            else:
                full = local = alias.name.split(".")[0]
            if full.split(".")[0] == "torch":
                self.aliases[local] = full

    def assign(self, targets, value_node, frame: Frame) -> None:
        pairs = isinstance(value_node, (ast.Tuple, ast.List)) and all(
            isinstance(t, (ast.Tuple, ast.List))
            and len(t.elts) == len(value_node.elts) for t in targets)
        if pairs:
            values = [self.value(v, frame) for v in value_node.elts]
            for target in targets:
                for element, value in zip(target.elts, values):
                    self.bind(element, value, frame)
            return
        value = self.value(value_node, frame)
        for target in targets:
            self.bind(target, value, frame)

    def bind(self, target, value: Value, frame: Frame) -> None:
        if isinstance(target, ast.Name):
            frame.env[target.id] = value
            if frame is self.module:
                self.aliases.pop(target.id, None)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind(element, value, frame)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, value, frame)
        elif isinstance(target, ast.Attribute) and frame.attrs is not None \
                and isinstance(target.value, ast.Name) \
                and target.value.id == frame.self_name:
            frame.attrs[target.attr] = value
        elif isinstance(target, ast.Subscript) and \
                isinstance(target.value, ast.Name):
            self.bind(target.value, self.value(target.value, frame) | value,
                      frame)

    def snapshot(self, frame: Frame):
        return dict(frame.env), dict(frame.attrs or {})

    def restore(self, frame: Frame, state) -> None:
        frame.env = dict(state[0])
        if frame.attrs is not None:
            frame.attrs.clear()
            frame.attrs.update(state[1])

    def join_states(self, states):
        return tuple({key: joined(state[part][key] for state in states
                                  if key in state[part])
                      for state in states for key in state[part]}
                     for part in (0, 1))

    def branches(self, frame: Frame, *blocks) -> None:
        start, ends = self.snapshot(frame), []
        for block in blocks:
            self.restore(frame, start)
            self.block(block, frame)
            ends.append(self.snapshot(frame))
        if len(blocks) == 1:
            ends.append(start)
        self.restore(frame, self.join_states(ends))

    def loop(self, node, frame: Frame) -> None:
        is_while = isinstance(node, ast.While)
        items = self.value(node.test if is_while else node.iter, frame)
        start = self.snapshot(frame)
        for _ in range(2):  # the second pass sees what the first left
            if not is_while:
                self.bind(node.target, items, frame)
            self.block(node.body, frame)
            self.restore(frame, self.join_states(
                [start, self.snapshot(frame)]))
        self.block(node.orelse, frame)

    def with_block(self, node, frame: Frame) -> None:
        outer = self.default_device
        for item in node.items:
            value = self.value(item.context_expr, frame)
            if isinstance(item.context_expr, ast.Call) and self.qualified(
                    item.context_expr.func) == "torch.device":
                self.default_device = value.on_device
            if item.optional_vars:
                self.bind(item.optional_vars, value, frame)
        self.block(node.body, frame)
        self.default_device = outer

    # expressions

    def qualified(self, node) -> str | None:
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.qualified(node.value)
            return base and f"{base}.{node.attr}"
        return None

    def lookup(self, name: str, frame: Frame) -> Value | None:
        for env in (frame.env, self.module.env):
            if name in env:
                return env[name]
        return None

    def value(self, node, frame: Frame) -> Value:
        if isinstance(node, ast.Constant):
            return Value(on_device=names_cuda(node.value))
        if isinstance(node, ast.Name):
            return self.lookup(node.id, frame) or Value()
        if isinstance(node, ast.Attribute):
            return self.attribute(node, frame)
        if isinstance(node, ast.Call):
            return self.call(node, frame)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp,
                             ast.DictComp)):
            return self.comprehension(node, frame)
        if isinstance(node, ast.Lambda):
            return Value()
        if isinstance(node, ast.NamedExpr):
            value = self.value(node.value, frame)
            self.bind(node.target, value, frame)
            return value
        return joined(self.value(child, frame)
                      for child in ast.iter_child_nodes(node)
                      if isinstance(child, ast.expr))

    def comprehension(self, node, frame: Frame) -> Value:
        start = self.snapshot(frame)
        for generator in node.generators:
            self.bind(generator.target, self.value(generator.iter, frame),
                      frame)
            for condition in generator.ifs:
                self.value(condition, frame)
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) \
            else [node.elt]
        result = joined(self.value(part, frame) for part in parts)
        self.restore(frame, start)
        return result

    def attribute(self, node: ast.Attribute, frame: Frame) -> Value:
        if self.qualified(node):
            return Value()
        return self.member(node, self.value(node.value, frame), frame)

    def member(self, node: ast.Attribute, base: Value, frame: Frame):
        if node.attr in NOT_ON_DEVICE:
            return Value()
        held = self.held(node, base, frame)
        if held is None:
            return Value(on_device=base.on_device)
        return Value(held.on_device or base.on_device, held.modules,
                     base.modes if held.modules else held.modes, held.code)

    def held(self, node: ast.Attribute, base: Value, frame: Frame):
        if isinstance(node.value, ast.Name) and frame.attrs is not None \
                and node.value.id == frame.self_name:
            return frame.attrs.get(node.attr)
        found = [dict(m.attrs)[node.attr] for m in base.modules
                 if isinstance(m, Instance) and node.attr in dict(m.attrs)]
        return joined(found) if found else None

    def call(self, node: ast.Call, frame: Frame) -> Value:
        args = [self.value(a, frame) for a in node.args]
        kwargs = {k.arg: self.value(k.value, frame) for k in node.keywords}
        qualified = self.qualified(node.func)
        if qualified:
            return self.torch_call(node, qualified, args, kwargs, frame)
        func = node.func
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Call) and \
                    isinstance(func.value.func, ast.Name) and \
                    func.value.func.id == "super":
                return self.super_call(node, args, kwargs, frame)
            receiver = self.value(func.value, frame)
            callee = self.member(func, receiver, frame)
            if callee.modules or callee.code:  # a layer held by a model
                return self.call_value(node, callee, args, kwargs, frame)
            return self.method_call(node, receiver, args, kwargs, frame)
        if isinstance(func, ast.Name) and func.id in SCALAR_BUILTINS and \
                self.lookup(func.id, frame) is None:
            return Value()
        callee = self.value(func, frame)
        return self.call_value(node, callee, args, kwargs, frame)

    def placement(self, kwargs: dict) -> bool:
        """Whether a call that can take `device=` creates on the device."""
        if "device" in kwargs:
            return kwargs["device"].on_device
        return kwargs.get("generator", Value()).on_device or \
            self.default_device

    def torch_call(self, node, qualified, args, kwargs, frame) -> Value:
        module, _, name = qualified.rpartition(".")
        first = bool(args) and args[0].on_device
        inputs = any(a.on_device for a in args) or any(
            v.on_device for k, v in kwargs.items()
            if k not in ("device", "generator"))
        place = self.placement(kwargs)
        if module == "torch" and name in RANDOM_LIKE:
            on = kwargs["device"].on_device if "device" in kwargs else first
            return self.drawn(node, on, "*_like")
        if module == "torch" and name in SAMPLERS and inputs:
            return self.drawn(node, True, "sampling")
        if module == "torch" and name in RANDOM_FACTORIES:
            return self.drawn(node, place, self.place_route(kwargs))
        if module == "torch" and name == "set_default_device":
            self.default_device = first
        if module == "torch.nn.init" and name.endswith("_") and \
                name not in FIXED_INITS:
            return self.drawn(node, first, "nn.init")
        if self.dropout_draws(node, qualified, frame):
            return self.drawn(node, first, "dropout")
        if module == "torch.nn" and name[:1].isupper() and \
                name not in ("Parameter", "Buffer"):
            return self.build_layer(node, name, args, kwargs)
        return Value(on_device=inputs or module == "torch" and place)

    def place_route(self, kwargs: dict) -> str:
        explicit = "device" in kwargs or \
            kwargs.get("generator", Value()).on_device
        return "random factory" if explicit else "default device"

    def dropout_draws(self, node, qualified: str, frame: Frame) -> bool:
        module, _, name = qualified.rpartition(".")
        if qualified == "torch.dropout":
            return self.training(argument(node, 2, "train"), True, frame)
        if module != "torch.nn.functional":
            return False
        if name == "scaled_dot_product_attention":
            p = argument(node, 4, "dropout_p")
            return p is not None and not is_constant(p, 0, 0.0)
        if name == "gumbel_softmax":
            return True
        if name == "rrelu":
            return self.training(argument(node, 3, "training"), False, frame)
        if name in DROPOUT_FUNCTIONS:
            p = argument(node, 1, "p")
            return not is_constant(p, 0, 0.0) and self.training(
                argument(node, 2, "training"), True, frame)
        return False

    def training(self, node, default: bool, frame: Frame) -> bool:
        if node is None:
            return default
        if isinstance(node, ast.Constant):
            return bool(node.value)
        return "train" in frame.modes

    def build_layer(self, node, name, args, kwargs) -> Value:
        place = self.placement(kwargs)
        route = "layer init" if "device" in kwargs else "default device"
        lazy = name.startswith("Lazy") and "Norm" not in name
        if name in INIT_DRAWS:
            self.drawn(node, place, route)
        if lazy:
            self.drawn(node, place, "lazy layer")
        children = tuple(v for v in [*args, *kwargs.values()] if v.modules)
        modules = {TorchModule(name, self.random_layer(node, name), lazy)}
        if children:
            modules.add(Container(children))
        return Value(place, frozenset(modules), TRAIN)

    def random_layer(self, node, name) -> bool:
        if name in DROPOUT_LAYERS:
            return not is_constant(argument(node, 0, "p"), 0, 0.0)
        if name == "RReLU":
            return True
        p = argument(node, DROPOUT_ARGUMENT.get(name), "dropout")
        if p is None:
            return name in DROPOUT_BY_DEFAULT
        return not is_constant(p, 0, 0.0)

    def method_call(self, node, receiver, args, kwargs, frame) -> Value:
        name = node.func.attr
        if name in IN_PLACE_DRAWS:
            self.drawn(node, receiver.on_device, "in-place fill")
        if name in ("multinomial", "bernoulli"):
            self.drawn(node, receiver.on_device, "sampling")
        if name == "reset_parameters":
            self.drawn(node, receiver.on_device, "nn.init")
        if name in ("to", "cuda"):
            return self.move(node, receiver, args, kwargs, frame)
        if name in ("train", "eval"):
            return self.set_mode(node, receiver, frame)
        if name == "apply" and args:
            self.call_value(node, args[0], [receiver], {}, frame)
            return receiver
        if name == "forward":
            return self.call_module(node, receiver, args, frame)
        if name in LEAVES_DEVICE:
            return Value()
        method = self.method_of(receiver, name)
        if method:
            instance, function = method
            return self.run(node, function, [receiver, *args], kwargs,
                            frame, instance)
        kept = receiver.modules if name in KEEPS_MODULE else frozenset()
        return Value(receiver.on_device or any(
            v.on_device for v in [*args, *kwargs.values()]), kept,
            receiver.modes if kept else frozenset())

    def move(self, node, receiver, args, kwargs, frame) -> Value:
        targets = list(zip(node.args, args)) + [
            (k.value, kwargs[k.arg]) for k in node.keywords
            if k.arg == "device"]
        if node.func.attr == "cuda" or any(v.on_device for _, v in targets):
            on = True
        elif any(self.names_cpu(n) for n, _ in targets):
            on = False
        else:
            on = receiver.on_device
        if on and not receiver.on_device and any(
                m.lazy for m in torch_modules(receiver)):
            self.drawn(node, True, "lazy layer")
        moved = Value(on, receiver.modules, receiver.modes, receiver.code)
        if receiver.modules:  # a module moves itself; a tensor is copied
            self.rebind(node.func.value, moved, frame)
        return moved

    def names_cpu(self, node) -> bool:
        if isinstance(node, ast.Call) and \
                self.qualified(node.func) == "torch.device" and node.args:
            node = node.args[0]
        return is_constant(node, "cpu")

    def set_mode(self, node, receiver, frame: Frame) -> Value:
        train = node.func.attr == "train" and not is_constant(
            argument(node, 0, "mode"), False)
        result = Value(receiver.on_device, receiver.modules,
                       TRAIN if train else EVAL, receiver.code)
        self.rebind(node.func.value, result, frame)
        return result

    def rebind(self, target, value: Value, frame: Frame) -> None:
        if isinstance(target, ast.Name):
            env = frame.env if target.id in frame.env else self.module.env
            env[target.id] = value

    def call_value(self, node, callee, args, kwargs, frame) -> Value:
        if isinstance(callee.code, ast.ClassDef):
            return self.instantiate(node, callee.code, args, kwargs, frame)
        if isinstance(callee.code, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return self.run(node, callee.code, args, kwargs, frame)
        if callee.modules:
            return self.call_module(node, callee, args, frame)
        return Value(callee.on_device or any(
            v.on_device for v in [*args, *kwargs.values()]))

    def call_module(self, node, module_value, args, frame) -> Value:
        on = module_value.on_device or any(a.on_device for a in args)
        if not on and any(m.lazy for m in torch_modules(module_value)):
            self.rebind(node.func, materialized(module_value), frame)
        training = "train" in module_value.modes
        result = Value(on_device=on)
        for module in module_value.modules:
            if isinstance(module, TorchModule):
                if module.random_in_train and training:
                    self.drawn(node, on, "dropout",
                               f"nn.{module.name} in train mode")
            elif isinstance(module, Container):
                for child in module.children:
                    result |= self.call_module(node, Value(
                        on, child.modules, module_value.modes), args, frame)
            else:
                function = self.find_method(module.cls, "forward") or \
                    self.find_method(module.cls, "__call__")
                if function:
                    instance = Value(on, frozenset({module}),
                                     module_value.modes)
                    result |= self.run(node, function, [instance, *args],
                                       {}, frame, instance)
        return result

    # user code: functions, classes, methods

    def find_method(self, cls: ast.ClassDef, name: str):
        for item in cls.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                    and item.name == name:
                return item
        for base in self.user_bases(cls):
            found = self.find_method(base, name)
            if found:
                return found
        return None

    def user_bases(self, cls: ast.ClassDef):
        for base in cls.bases:
            if isinstance(base, ast.Name):
                value = self.module.env.get(base.id)
                if value and isinstance(value.code, ast.ClassDef):
                    yield value.code

    def method_of(self, receiver: Value, name: str):
        for module in receiver.modules:
            if isinstance(module, Instance):
                function = self.find_method(module.cls, name)
                if function:
                    return receiver, function
        return None

    def instantiate(self, node, cls, args, kwargs, frame) -> Value:
        place = self.placement(kwargs)
        attrs: dict = {}
        init = self.find_method(cls, "__init__")
        if init:
            this = Value(place, modes=TRAIN)
            self.run(node, init, [this, *args], kwargs, frame, this,
                     cls, attrs)
        return Value(place, frozenset({Instance(
            cls, tuple(attrs.items()))}), TRAIN)

    def super_call(self, node, args, kwargs, frame: Frame) -> Value:
        if frame.cls is None or frame.self_name is None:
            return Value()
        for base in self.user_bases(frame.cls):
            function = self.find_method(base, node.func.attr)
            if function:
                this = frame.env.get(frame.self_name, Value())
                return self.run(node, function, [this, *args], kwargs,
                                frame, this, base, frame.attrs)
        return Value()

    def run(self, node, function, args, kwargs, caller: Frame,
            instance: Value | None = None, cls=None, attrs=None) -> Value:
        if function in self.running:
            return Value()
        frame = Frame(self.parameters(function, args, kwargs),
                      instance.modes if instance else caller.modes, cls)
        if instance is not None:
            owner = [m for m in instance.modules if isinstance(m, Instance)]
            frame.cls = cls or (owner[0].cls if owner else None)
            frame.attrs = attrs if attrs is not None else dict(
                owner[0].attrs if owner else ())
            params = function.args.posonlyargs + function.args.args
            frame.self_name = params[0].arg if params else None
        scope = [function] + ([frame.cls] if frame.cls else [])
        self.running.add(function)
        self.callers.append(node.lineno)
        self.statements.extend(scope)
        try:
            self.block(function.body, frame)
        finally:
            del self.statements[-len(scope):]
            self.running.discard(function)
            self.callers.pop()
        return frame.returns

    def parameters(self, function, args, kwargs) -> dict:
        spec = function.args
        positional = spec.posonlyargs + spec.args
        env = {p.arg: v for p, v in zip(positional, args)}
        defaults = dict(zip([p.arg for p in positional][::-1],
                            spec.defaults[::-1]))
        defaults.update({p.arg: d for p, d in
                         zip(spec.kwonlyargs, spec.kw_defaults) if d})
        for param in positional + spec.kwonlyargs:
            if param.arg in kwargs:
                env[param.arg] = kwargs[param.arg]
            elif param.arg not in env:
                default = defaults.get(param.arg)
                env[param.arg] = self.value(default, self.module) \
                    if default else Value()
        if spec.vararg:
            env[spec.vararg.arg] = joined(args[len(positional):])
        if spec.kwarg:
            env[spec.kwarg.arg] = joined(
                v for k, v in kwargs.items() if k not in env)
        return env

    # reporting

    def drawn(self, node, on_device: bool, route: str,
              detail: str | None = None) -> Value:
        if on_device and not any(
                self.markers.cover(s) for s in self.statements):
            what, fix = ROUTES[route]
            code = " ".join(ast.get_source_segment(
                self.source, node).split())
            if len(code) > 60:
                code = code[:57] + "..."
            via, call = (
                f", reached through the call on line {self.callers[0]}",
                " (or above the call)") if self.callers else ("", "")
            key = (node.lineno, node.col_offset, route, via)
            self.problems.setdefault(key, (
                f"{self.snippet}:{node.lineno}: draws random numbers on the "
                f"device with `{code}` ({detail or what}; route: {route}"
                f"{via}). A GPU's generator gives other numbers than the "
                f"CPU's, so the cuda case would not print the golden. Fix: "
                f"{fix}; or, if the printed output does not depend on the "
                f"draw, put `{MARKER} (<why>)` on the line above{call}"))
        return Value(on_device=on_device)


@dataclass
class Markers:
    """The `# device-rule:` comments of a snippet. A valid one covers the
    statement below it (a whole block, if that is one) or the statement it
    stands in."""
    valid: list[tuple[int, int]]  # (comment line, next line of code)
    invalid: list[int]

    @classmethod
    def read(cls, source: str) -> "Markers":
        lines = source.splitlines()
        valid, invalid = [], []
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.COMMENT or \
                    not MARKER_TAG.match(token.string):
                continue
            line = token.start[0]
            if not MARKER_FORM.match(token.string):
                invalid.append(line)
                continue
            below = next((n for n in range(line + 1, len(lines) + 1)
                          if lines[n - 1].strip() and not
                          lines[n - 1].lstrip().startswith("#")), None)
            own_line = not lines[line - 1][:token.start[1]].strip()
            valid.append((line, below if own_line else line))
        return cls(valid, invalid)

    def cover(self, statement: ast.stmt) -> bool:
        block = isinstance(getattr(statement, "body", None), list)
        last = statement.lineno if block else statement.end_lineno
        return any(below == statement.lineno or
                   statement.lineno <= line <= last
                   for line, below in self.valid)


def draw_problems(snippet: Path, source: str) -> list[str]:
    markers = Markers.read(source)
    problems = [
        f"{snippet}:{line}: device-rule marker without a reason; write "
        f"`{MARKER} (<why>)`, e.g. `(prints only torch.unique)`, or remove "
        "it" for line in markers.invalid]
    finder = DrawFinder(snippet, source, markers)
    return problems + finder.run_module(ast.parse(source))


def has_marker(snippet: Path) -> bool:
    return bool(Markers.read(snippet.read_text(encoding="utf-8")).valid)
