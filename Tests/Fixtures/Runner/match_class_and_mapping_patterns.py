from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("r",)
    def __init__(self, r):
        self.r = r
def describe(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Circle(r) if r > 10:
            return f"big circle {r}"
        case Circle(r):
            return f"circle {r}"
        case int(n) | float(n):
            return f"number {n}"
        case str(text):
            return f"text {text!r}"
        case {"kind": kind}:
            return f"mapping {kind}"
        case _:
            return "unknown"
for s in [Point(0, 0), Point(3, 0), Point(2, 2), Point(1, 5), Circle(20), Circle(2), 7, 2.5, "hi", [1], {"kind": "k", "x": 1}, {"other": 1}]:
    print(describe(s))
