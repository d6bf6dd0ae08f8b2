def attempt(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
print(attempt(lambda: [a for a, b in [(1, 2, 3)]]))
def unpack2(x):
    a, b = x
    return a, b
print(attempt(lambda: unpack2([1])), attempt(lambda: unpack2([1, 2, 3])), attempt(lambda: unpack2(5)), attempt(lambda: unpack2("ab")))
def star(x):
    a, *b, c = x
    return a, b, c
print(star(range(5)), star("xy"), attempt(lambda: star([1])))
