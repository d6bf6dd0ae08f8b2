def read_lines():
    for line in ["10 apples", "3 pears", "bad line", "7 plums"]:
        yield line
def parse(lines):
    for line in lines:
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            yield int(parts[0]), parts[1]
def total(items):
    return sum(n for n, _ in items)
print(total(parse(read_lines())))
print(list(parse(read_lines())))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, naturals())), list(take(3, (x * x for x in naturals()))))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
