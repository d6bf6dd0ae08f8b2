class Vec:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __bool__(self):
        return bool(self.items)
    def __call__(self, k):
        return [x * k for x in self.items]
    def __lt__(self, other):
        return len(self) < len(other)
    def __hash__(self):
        return hash(tuple(self.items))
    def __eq__(self, other):
        return self.items == other.items
    def __neg__(self):
        return Vec(*[-x for x in self.items])
    def __mul__(self, k):
        return Vec(*[x * k for x in self.items])
    def __rmul__(self, k):
        return self * k
    def __repr__(self):
        return "Vec" + repr(tuple(self.items))
v = Vec(1, 2, 3)
v[0] = 10
print(len(v), v[1], 2 in v, list(v), bool(Vec()), v(2), v < Vec(1, 2, 3, 4), -v, v * 2, 3 * v)
print(sorted([Vec(1, 2), Vec(1), Vec(1, 2, 3)]), {Vec(1): "a"}[Vec(1)], v[-1], v[0:2])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._c = value
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, c):
        t = cls()
        t.celsius = c
        return t
t = Temp.make(25)
print(t.celsius, Temp.unit(), t.unit(), type(t).make(3).celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as c:
    print("body", type(c).__name__)
    raise KeyError("k")
print("after")
