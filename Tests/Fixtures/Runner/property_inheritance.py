class Shape:
    def __init__(self, name):
        self._name = name
    @property
    def name(self):
        return self._name.title()
    @property
    def area(self):
        return 0
    def __str__(self):
        return f"{self.name}: {self.area:.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self._name = "square"
shapes = [Shape("blob"), Rect(2, 3.5), Square(3)]
for s in shapes:
    print(s)
print(sum(s.area for s in shapes), [type(s).__name__ for s in shapes], isinstance(shapes[2], Rect))
