d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d.update({"d": 4}, e=5); print(d)
print(d.pop("a"), d.pop("zz", None), d.setdefault("b", 100), d.setdefault("f", 6), d)
del d["b"]; print(d, d.popitem(), d)
for k, v in d.items():
    print(k, v)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", range(2))), dict.fromkeys("xy", 0))
print({1: "int", 1.0: "float"}, {True: "t", 1: "one"}, {(1, 2): "tuple"}[(1, 2)])
e = {**d, "z": 26}; print(e, d | {"q": 1})
print({k: v * 2 for k, v in [("a", 1), ("b", 2)]}, d == dict(d), d.copy() is d)
