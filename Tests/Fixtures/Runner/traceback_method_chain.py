class Repo:
    def __init__(self):
        self.items = {}
    def get(self, key):
        return self.items[key]
class Service:
    def __init__(self):
        self.repo = Repo()
    def lookup(self, key):
        value = self.repo.get(key)
        return value
svc = Service()
print("looking up")
svc.lookup("user:1")
