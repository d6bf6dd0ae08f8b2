class Temp:
    def __init__(self, c):
        self.c = c
    def __str__(self):
        return f"{self.c}°C"
    def __repr__(self):
        return f"Temp({self.c})"
    def __format__(self, spec):
        if spec == "f":
            return f"{self.c * 9 / 5 + 32}°F"
        return str(self)
t = Temp(20)
print(t, repr(t), [t], f"{t}", f"{t!r}", f"{t:f}", str(t), "%s %r" % (t, t), "{} {!r}".format(t, t))
class Plain:
    pass
p = Plain()
print(type(p).__name__, str(p)[:15], repr(p)[:15])
class Exc(Exception):
    def __str__(self):
        return "custom message"
print(Exc(), repr(Exc("a")), str(Exc()))
