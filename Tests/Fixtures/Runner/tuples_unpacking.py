t = (1, 2, 3)
a, b, c = t
print(a, b, c, t[1], t[-1], len(t), t + (4,), t * 2, (1,), ())
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
x, (y, z) = 1, (2, 3)
print(first, rest, init, last, x, y, z)
a, b = b, a
print(a, b, t.index(2), t.count(3), (1, 2) < (1, 3), (1, 2) == (1, 2), max((1, 5), (2, 0)))
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
head, *mid, tail = range(6)
print(head, mid, tail)
print(tuple([1, 2]), tuple("ab"), hash((1, 2)) == hash((1, 2)))
def f(*args, **kwargs):
    return args, kwargs
print(f(1, 2, k=3), f(*[1, 2], **{"a": 1}))
