from dataclasses import dataclass, field
from collections import defaultdict, Counter, deque, namedtuple
import itertools
from contextlib import contextmanager, suppress
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int = 0
i = Item("a", 2.5)
print(i, i == Item("a", 2.5), P(1, 2) < P(2, 0), P(3), hash(P(1)) == hash(P(1)))
try:
    P(1).x = 5
except Exception as e:
    print(type(e).__name__, e)
d = defaultdict(list)
d["a"].append(1); d["b"].append(2); d["a"].append(3)
print(d, dict(d), len(d))
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["z"])
q = deque([1, 2, 3], maxlen=3); q.append(4); q.appendleft(0); print(q, q.popleft())
Pt = namedtuple("Pt", "x y")
p = Pt(1, y=2); print(p, p.x, p[1], tuple(p), p._asdict())
print(list(itertools.islice(itertools.count(5), 3)), list(itertools.chain([1], [2, 3])), list(itertools.permutations("abc", 2))[:3])
print(list(itertools.combinations(range(4), 2)), [(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.accumulate([1, 2, 3])))
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name
    print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
with suppress(KeyError):
    {}["x"]
print("done")
Item()
