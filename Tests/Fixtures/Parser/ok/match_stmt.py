match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case [first, *rest] if len(rest) > 2:
        pass
    case (1, 2, *_):
        pass
    case {"x": x, "y": 0, **others}:
        pass
    case {1: _, -2.5: _, 3 + 4j: _, None: _, "s" "t": _, Color.RED: _}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=y) as p:
        pass
    case mod.sub.Klass():
        pass
    case -1 | 0 | 1 | -1 - 2j | None | True | False:
        pass
    case str() | bytes():
        pass
    case [*_, last] | (last,):
        pass
    case ((a as b) | c) as d:
        pass
    case _:
        pass

match x, y:
    case 1, 2:
        pass
match = 1
match(x)
match[x]
case = 2
type = 3
_ = 4
