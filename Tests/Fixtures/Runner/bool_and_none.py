print(True and False, True or False, not None, None is None, None == 0, bool(None), bool([]), bool([0]))
print(True == 1, False == 0, True + True + True, sum([True, False, True]), int(True), str(False))
print(isinstance(True, int), True is not False, [] or {} or "fallback", 0 and 1 / 0)
x = None
print(x is None, x == None, type(x).__name__, repr(None), str(None), None.__class__.__name__)
print(1 if None else 2, [v for v in [0, None, "", "x", 1] if v])
