class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance
def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.balance += amount
a, b = Account("a", 100), Account("b")
transfer(a, b, 60)
print(a.balance, b.balance)
try:
    transfer(a, b, 60)
except InsufficientFunds as e:
    print("failed:", e, e.needed - e.available)
transfer(b, a, 100)
