class Account:
    def __init__(self, balance):
        if balance < 0:
            raise ValueError(f"negative balance: {balance}")
        self.balance = balance
    def __str__(self):
        return f"Account({self.balance})"
print(Account(5))
accounts = [Account(10), Account(-1)]
