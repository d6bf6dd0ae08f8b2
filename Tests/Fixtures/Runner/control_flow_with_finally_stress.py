class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, e, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.swallow
def f(n):
    for i in range(n):
        with CM(f"outer{i}"):
            try:
                with CM(f"inner{i}", swallow=(i == 1)):
                    if i == 0:
                        continue
                    if i == 1:
                        raise KeyError(i)
                    if i == 2:
                        break
            finally:
                print("finally", i)
    return "end"
print(f(4))
def g():
    try:
        for x in range(3):
            try:
                if x == 1:
                    return x
            finally:
                print("inner finally", x)
    finally:
        print("outer finally")
print(g())
def h():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as e:
            print("nested", e, repr(e.__context__))
        finally:
            print("nested finally")
        return "h"
print(h())
def k():
    for i in range(3):
        try:
            try:
                raise ValueError(i)
            finally:
                if i == 1:
                    break
        except ValueError as e:
            print("caught", e)
    return i
print(k())
def gen():
    try:
        with CM("gen"):
            yield 1
            yield 2
    finally:
        print("gen finally")
for v in gen():
    print("v", v)
g2 = gen()
print(next(g2))
del g2
print("after del")
try:
    with CM("raise-in-exit") as c:
        c.__exit__ = None
        raise RuntimeError("x")
except RuntimeError as e:
    print("runtime", e)
def w():
    while True:
        try:
            try:
                continue
            finally:
                print("cont finally")
                break
        finally:
            print("loop finally")
    return "w"
print(w())
