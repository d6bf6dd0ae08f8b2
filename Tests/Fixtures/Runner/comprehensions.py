print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(4)}, {c for c in "mississippi"} == set("misp"))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
print(sum(x for x in range(100) if x % 7 == 0), any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))
x = "outer"
print([x for x in "ab"], x)
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd"]}), list(filter(None, [0, 1, "", "a", None])))
print(list(map(str, range(3))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(zip([1, 2], "ab", [True, False])))
print([i for i in reversed(range(4))], list(reversed([1, 2, 3])), list(enumerate("xy", start=5)))
