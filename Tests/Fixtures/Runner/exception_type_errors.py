msgs = []
for code in ["1 + 'a'", "'a' + 1", "len(5)", "None()", "[1, 2] * 'x'", "int(None)", "abs('x')",
             "sorted([1, 'a'])", "{[1]: 2}", "1 < 'a'", "-'a'", "(1).foo", "iter(5)", "next([])",
             "'abc'[1.5]", "[1][None]", "max()", "divmod(1, 0)", "'x' * 2.5"]:
    pass
def check(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: 1 + "a")
check(lambda: "a" + 1)
check(lambda: len(5))
check(lambda: None())
check(lambda: [1, 2] * "x")
check(lambda: int(None))
check(lambda: abs("x"))
check(lambda: sorted([1, "a"]))
check(lambda: {[1]: 2})
check(lambda: 1 < "a")
check(lambda: -"a")
check(lambda: (1).foo)
check(lambda: iter(5))
check(lambda: next([]))
check(lambda: "abc"[1.5])
check(lambda: [1][None])
check(lambda: divmod(1, 0))
check(lambda: "x" * 2.5)
check(lambda: [1, 2, 3][10])
check(lambda: (1, 2)[5])
check(lambda: "ab"[9])
check(lambda: {}["k"])
check(lambda: int("1.5"))
check(lambda: float("abc"))
check(lambda: [].pop())
check(lambda: [1].remove(2))
check(lambda: "abc".index("z"))
check(lambda: chr(-1))
check(lambda: ord("ab"))
check(lambda: 1 / 0)
check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: 1.0 / 0)
check(lambda: 2 ** -1 / 0)
def two(a, b): pass
check(lambda: two(1))
check(lambda: two(1, 2, 3))
check(lambda: two(1, b=2, c=3))
check(lambda: two(1, a=2))
class K:
    def m(self, x): pass
check(lambda: K().m())
check(lambda: K(1))
check(lambda: set().pop())
check(lambda: [].index(3))
