people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
data = [3, 1, 2]
data.sort(key=lambda v: -v)
print(data, sorted("Banana apple Cherry".split(), key=str.casefold))
print(sorted([1.5, -2, 3, 0]), sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]))
