s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4}, a < a, a.issubset(b), a.isdisjoint({9}), sorted(a.union([7])))
s.discard(100); s.remove(4); print(sorted(s))
print(set(), frozenset(), sorted(frozenset([3, 1])), set("aab") == {"a", "b"}, {1, 2} == {2, 1})
print({x % 3 for x in range(10)}, {1, 2, 3}, {10, 5, 100, 7})
fs = frozenset({1, 2}); print({fs: "ok"}[frozenset({2, 1})])
