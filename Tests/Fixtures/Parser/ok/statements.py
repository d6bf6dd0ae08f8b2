"""Module docstring."""
from __future__ import annotations
import os.path as osp, sys
from . import a
from ..pkg.mod import (b as c, d,)
from ... import e
from .... import f
from .mod import *

x = y = z = 1
a, *b, c = range(10)
[d, e] = (f, g) = 1, 2
x += 1; y -= 2; z *= 3; w /= 4; v //= 5; u %= 6; t **= 7; s >>= 8; r <<= 9; q &= 1; p |= 2; o ^= 3; n @= m
obj.attr: int = 5
arr[0]: list[int]
(paren): int = 3
name: "str"
del a, b[0], c.d, (e, f), [g]
assert x, "message"
raise
raise ValueError("x") from None
global gx
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for i, (j, k) in enumerate(pairs):
    pass
for x in *a, *b:
    pass
with open("f") as fh, ctx() as (p, q), plain():
    pass
with (yield_):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
try:
    pass
except ValueError as err:
    pass
except (TypeError, KeyError):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ExceptionGroup as eg:
    pass
try:
    pass
finally:
    pass


class Empty: pass
class Base(object, metaclass=Meta, **kw): x = 1
class Generic[T: (int, str), *Ts, **P](Base[T]):
    def method[U](self, a: U, /, b: int = 2, *args: *Ts, c, d=4, **kwargs: P.kwargs) -> U:
        nonlocal_x = lambda a, b=1, *c, d, e=2, **f: (a, b, c, d, e, f)
        return lambda: 0
type Alias = list[int]
type Generic2[T] = dict[str, T]


def f(a, b, /): pass
def g(*, a): pass
def h(a=1, /, b=2, *, c): pass
def k(**kw,): pass
def empty(): ...


x = a if b else c if d else e
y = not a and b or c and not d
z = a < b <= c != d is not e in f not in g is h
w = -a + +b * ~c ** -d // e % f @ g / h - i << j >> k & l ^ m | n
v = await_ = (yield_ := 10)
u = [*a, *b], {*c, 1}, {**d, 'k': 1, **e}, {1: 2}, (), [], {}
t = a[1:2, ::3, 4:], a[:], a[::], a[1:2:3], a[x, y], a[*s], a[(1, 2)]
s = f(a)(b)[c].d(*e, **f, g=h)
r = [x for x in y if x for z in w], {x for x in y}, {x: y for x, y in z}, (x for x in y)
q = f(x for x in y)
p = ..., None, True, False
if (n := len(a)) > 10: pass
print(*args, sep="", **kw)
