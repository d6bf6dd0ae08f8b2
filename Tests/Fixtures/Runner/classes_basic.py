class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p, q = Point(1, 2), Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, p.dist2(), Point.count)
print(str(p), repr(p), [p, q], isinstance(p, Point), type(p).__name__, type(p) is Point)
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return f"<{type(self).__name__} {self.name}>"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak().upper()
for a in [Animal("cat"), Dog("rex"), Puppy("bit", 1)]:
    print(a, a.speak())
print(Puppy.__mro__, issubclass(Puppy, Animal), isinstance(Dog("x"), Puppy))
print(hasattr(p, "x"), getattr(p, "z", "none"), vars(p))
setattr(p, "z", 9); print(p.z)
