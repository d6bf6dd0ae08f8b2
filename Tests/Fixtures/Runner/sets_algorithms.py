graph = {"a": {"b", "c"}, "b": {"d"}, "c": {"d", "e"}, "d": {"f"}, "e": {"f"}, "f": set()}
def reachable(start):
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(graph[node] - seen)
    return seen
print(sorted(reachable("a")), sorted(reachable("c")), sorted(reachable("f")))
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in sorted(g[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
        ready.sort()
    return out
print(topo(graph))
a, b = set("hello"), set("world")
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), len(a), {x for x in a if x in "aeiou"})
