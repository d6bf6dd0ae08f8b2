from dataclasses import dataclass, field, asdict, replace, fields
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), max(vs), str(min(vs)), Version(1) == Version(1, 0, 0))
@dataclass
class Config:
    name: str
    options: list = field(default_factory=list)
    debug: bool = False
c = Config("app", ["x"])
print(c, asdict(c), replace(c, debug=True), [f.name for f in fields(c)])
@dataclass(frozen=True)
class Point:
    x: float
    y: float
p = Point(1.5, 2)
print(p, {p: "hashable"}, p == Point(1.5, 2.0))
try:
    Config()
except TypeError as e:
    print("TypeError:", e)
