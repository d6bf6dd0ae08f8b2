s = {5, 3, 9, 1, 100, 33}
print(list(s), sorted(s), [x for x in s], {10, 5, 100, 7}, list({3, 1, 2}))
for x in {8, 2, 4}:
    print(x, end=" ")
print()
