values = [1, 1.0, "1", [1], (1,), {1}, {1: 1}, None, True, range(1), b"1", len, int]
for v in values:
    print(type(v).__name__, isinstance(v, (int, float)), callable(v), bool(v))
print(isinstance(True, bool), isinstance(1, bool), issubclass(int, object), type(type).__name__, type(int) is type)
print(int.__mro__ if False else [c.__name__ for c in bool.__mro__])
