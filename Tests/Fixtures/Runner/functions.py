def greet(name, greeting="Hello", *args, punct="!", **kw):
    return f"{greeting}, {name}{punct} {args} {kw}"
print(greet("A"))
print(greet("B", "Hi", 1, 2, punct="?", x=1))
print(greet(greeting="Yo", name="C"))
def pos_only(a, b, /, c, *, d):
    return a + b + c + d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2))
square = lambda v: v * v
print(square(5), (lambda *a: sum(a))(1, 2, 3), list(map(lambda t: t[0], [(1, 2), (3, 4)])))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def apply(f, *a, **k):
    return f(*a, **k)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True))
print(greet.__name__, square.__name__, fact.__qualname__)
def doc():
    "The docstring."
print(doc.__doc__, doc())
