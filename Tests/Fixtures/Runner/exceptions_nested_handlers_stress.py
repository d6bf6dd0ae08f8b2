def tryall():
    results = []
    for kind in ["ok", "value", "type", "key"]:
        try:
            try:
                if kind == "value":
                    raise ValueError(kind)
                if kind == "type":
                    raise TypeError(kind)
                if kind == "key":
                    raise KeyError(kind)
            except (ValueError, TypeError) as e:
                results.append(("inner", type(e).__name__))
                if kind == "type":
                    raise
            else:
                results.append(("else", kind))
            finally:
                results.append(("finally", kind))
        except Exception as e:
            results.append(("outer", type(e).__name__))
    return results
print(tryall())
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError:
    print("V")
except* (TypeError, KeyError) as eg:
    print("TK", len(eg.exceptions))
def nested_gen():
    def inner():
        try:
            yield "a"
            yield "b"
        except GeneratorExit:
            print("inner exit")
            raise
    yield from inner()
    yield "c"
ng = nested_gen()
print(next(ng))
ng.close()
print("closed nested")
x = [i for i in range(5) if i % 2 for j in range(i) if j]
print(x, sorted({(a, b) for a in range(2) for b in range(2)}), [[y for y in range(z)] for z in range(3)])
print([(lambda q: q * 2)(v) for v in range(3)], list(filter(lambda s: s > 1, (w for w in range(4)))))
