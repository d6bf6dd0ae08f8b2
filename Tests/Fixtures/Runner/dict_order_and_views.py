d = {}
for i, ch in enumerate("hello world"):
    d.setdefault(ch, []).append(i)
print(d)
print({k: len(v) for k, v in d.items() if len(v) > 1})
keys = d.keys()
d["new"] = [99]
print(len(keys), "new" in keys, list(keys)[-1])
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, sorted(d), min(d), max(d.items(), key=lambda kv: len(kv[1])))
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"]["z"], nested.get("q", {}).get("r", "none"))
del d["h"]
print(list(d)[:3], d.pop("e"), len(d))
print({1: 2} == {1: 2.0}, {"a": [1]} == {"a": [1]}, {1: 1} != {1: 2})
