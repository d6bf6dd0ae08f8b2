# ExceptionGroup.split / subgroup / derive (PEP 654), as CPython 3.12 defines them.
def show(label, g):
    if g is None:
        print(label, None)
    else:
        print(label, type(g).__name__, repr(g.message), [repr(e) for e in g.exceptions])

inner = ExceptionGroup("inner", [TypeError("t1"), ValueError("v2")])
eg = ExceptionGroup("outer", [ValueError("v1"), inner, KeyError("k")])
match, rest = eg.split(ValueError)
show("match", match)
show("rest", rest)
print(match.exceptions[1].message, [repr(e) for e in match.exceptions[1].exceptions])
print(rest.exceptions[0].message, [repr(e) for e in rest.exceptions[0].exceptions])

m, r = eg.split((TypeError, KeyError))
show("m", m)
show("r", r)

whole, none = eg.split(ExceptionGroup)
print(whole is eg, none)
nothing, everything = eg.split(OSError)
print(nothing, everything is eg)

all_values = ExceptionGroup("vals", [ValueError(1), ValueError(2)])
m2, r2 = all_values.split(ValueError)
print(m2 is all_values, type(m2).__name__, r2)

show("pred", eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == "v2"))
print(eg.subgroup(lambda e: True) is eg)
print(eg.subgroup(OSError))

try:
    try:
        raise eg
    except ExceptionGroup as caught:
        caught.add_note("a note")
        sub = caught.subgroup(KeyError)
        print(sub.__traceback__ is not None, sub.__notes__)
except Exception as e:
    print("unexpected", type(e).__name__)

for bad in (1, "ValueError", int):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)

d = eg.derive([OSError("o")])
show("derived", d)
base = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(3)])
m3, r3 = base.split(ValueError)
show("m3", m3)
show("r3", r3)
