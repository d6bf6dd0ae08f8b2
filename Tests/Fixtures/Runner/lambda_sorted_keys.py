students = [("ann", 90, 20), ("bob", 85, 22), ("cid", 90, 19), ("dee", 70, 21)]
print(sorted(students, key=lambda s: s[1]))
print(sorted(students, key=lambda s: (-s[1], s[2])))
print(max(students, key=lambda s: s[2]), min(students, key=lambda s: (s[1], s[0])))
by_grade = {}
for name, grade, _ in students:
    by_grade.setdefault(grade, []).append(name)
print(dict(sorted(by_grade.items(), reverse=True)))
print(list(filter(lambda s: s[1] >= 85, students)), list(map(lambda s: s[0].upper(), students)))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), (lambda a, b=2, *c, **d: (a, b, c, d))(1, 3, 4, e=5))
