try:
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("msg", [KeyError("k")])
print(eg, repr(eg.exceptions[0]), eg.message)
