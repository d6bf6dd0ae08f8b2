class Logger:
    def log(self, msg):
        print(f"[{type(self).__name__}] {msg}")
class Base:
    def __init__(self, name):
        self.name = name
        print("Base init", name)
class Left(Base):
    def __init__(self, name):
        print("Left init")
        super().__init__(name)
class Right(Base):
    def __init__(self, name):
        print("Right init")
        super().__init__(name)
class Bottom(Left, Right, Logger):
    def __init__(self, name):
        print("Bottom init")
        super().__init__(name)
        self.log("ready")
b = Bottom("x")
print([c.__name__ for c in Bottom.__mro__], b.name)
