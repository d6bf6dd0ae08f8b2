class Account:
    def __init__(self, balance):
        self.__balance = balance
        self._protected = 1
    def __audit(self):
        return f"audit {self.__balance}"
    def report(self):
        return self.__audit()
    @property
    def balance(self):
        return self.__balance
a = Account(100)
print(a.balance, a.report(), a._Account__balance, sorted(vars(a)))
class Savings(Account):
    def __init__(self, balance):
        super().__init__(balance)
        self.__balance = "shadow"
s = Savings(5)
print(s.balance, sorted(vars(s)))
print(a.__balance)
