# The run loop's fast paths against CPython: str-keyed dicts probed in place, inline
# list.append / dict.get / str() calls, pooled frames of plain functions, jump-to-return.

class Key:
    """Hashes like its str, equals it: once in a dict, str probes take the general path."""
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return hash(self.s)
    def __eq__(self, other):
        return other == self.s if isinstance(other, str) else isinstance(other, Key) and other.s == self.s
    def __repr__(self):
        return f"Key({self.s!r})"

counts = {}
for w in "the cat and the dog and the bird".split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
built = "".join(["t", "h", "e"])
print(counts[built], counts.get(built), counts.get("th" + "e", -1), counts.get("thee", -1))
counts[built] = 10
print(counts["the"], len(counts))
del counts["cat"]
print(counts.get("cat"), counts.get("cat", "gone"))
counts["cat"] = 1
print(list(counts))

mixed = {1: "int", "1": "str", 1.5: "float", (1, "1"): "tuple", None: "none"}
print(mixed.get(1), mixed.get("1"), mixed.get(True), mixed.get(1.0), mixed.get((1, "1")), mixed.get(None))
mixed["1"] = "str2"
print(mixed["1"], len(mixed))

withkey = {"a": 1}
withkey[Key("b")] = 2
print(withkey.get("b"), withkey.get("a"), withkey["b"], len(withkey))
withkey["b"] = 3
print(withkey, len(withkey))

big = {}
for i in range(3000):
    big["k" + str(i)] = i
for i in range(0, 3000, 2):
    del big["k" + str(i)]
print(len(big), sum(big.values()), big.get("k1"), big.get("k2"), big.get("k2999"))

items = []
for i in range(-3, 4):
    items.append(str(i))
items.append(str("s"))
items.append(str(1.5))
items.append(str(None))
items.append(str(2 ** 70))
print(items, len(items))
append = items.append
append("x")
print(items[-1], [].append(1))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def twice(f, x):
    return f(f(x))

def inc(x):
    return x + 1

print(fib(15), twice(inc, 5), twice(fib, 6))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)
print(depth(10))

def arity(a, b):
    return a - b

try:
    arity(1)
except TypeError as e:
    print(e)
print(arity(5, 3), arity(b=1, a=4))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)

print(sum(Point(i, -i).norm1() for i in range(10)))
