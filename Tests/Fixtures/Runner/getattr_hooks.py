class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("calc_"):
            return f"computed {name[5:]}"
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
obj = Lazy()
print(obj.real, obj.calc_total, hasattr(obj, "calc_x"), hasattr(obj, "other"), getattr(obj, "nope", "default"))
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print(e)
obj.missing
