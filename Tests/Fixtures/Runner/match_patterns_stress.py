from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
def classify(v):
    match v:
        case [1, *mid, 9] if len(mid) > 1:
            return f"1..9 with {mid}"
        case [1, *mid, 9]:
            return f"short 1..9 {mid}"
        case [(a, b), *_] if a == b:
            return f"pair-eq {a}"
        case [P(x=0) | P(y=0) as p, *rest]:
            return f"axis point {p} + {len(rest)}"
        case P(x, y) if x > y:
            return f"P desc {x} {y}"
        case P(1 | 2 as x, y):
            return f"P small x {x} {y}"
        case {"a": [1, 2, b], "c": {"d": d}}:
            return f"deep {b} {d}"
        case {"type": "circle", "r": r} | {"type": "disc", "r": r}:
            return f"round {r}"
        case (x, y, z) if x + y == z:
            return "sum triple"
        case str() | bytes():
            return "text"
        case None | True | False as s:
            return f"singleton {s}"
        case _:
            return "other"
tests = [[1, 2, 3, 9], [1, 9], [1, 5, 9], [(2, 2), 0], [(2, 3)], [P(0, 5), 1, 2], [P(3, 4)], P(5, 1), P(2, 7), P(3, 9),
         {"a": [1, 2, 3], "c": {"d": 4}}, {"a": [1, 2], "c": {}}, {"type": "disc", "r": 2}, {"type": "sq"}, (1, 2, 3), (1, 2, 4),
         "s", b"b", None, True, 0, 3.5]
for t in tests:
    print(repr(t), "->", classify(t))
