def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"list starting {first} with {len(rest)} more"
        case str() as s:
            return f"string {s}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 2, [1, 2], [1, 2, 3], "hi", None, 3.5, (7, 8)]:
    print(v, "->", describe(v))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x=xx, y=0) if xx > 0:
            return f"positive x axis at {xx}"
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(-3, 0), Point(1, 1)]:
    print(where(p))
