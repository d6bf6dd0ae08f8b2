class Account:
    interest = 0.02
    _count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        Account._count += 1
        self.id = Account._count
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        return self
    @classmethod
    def count(cls):
        return cls._count
    @staticmethod
    def validate(name):
        return name.isalpha()
    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"
a = Account("ann").deposit(50).deposit(25)
b = Account("bob", 10)
print(a, b, a.balance, Account.count(), Account.validate("x1"), a.interest, b.id)
Account.interest = 0.05
print(a.interest, b.interest)
a.interest = 0.1
print(a.interest, b.interest, Account.interest)
try:
    a.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(vars(a)), type(a).__name__, a.__class__.__name__)
