def make_bank():
    accounts = {}
    def open_account(name, amount=0):
        accounts[name] = amount
    def deposit(name, amount):
        accounts[name] += amount
        return accounts[name]
    def report():
        return sorted(accounts.items())
    return open_account, deposit, report
open_account, deposit, report = make_bank()
open_account("ann", 10)
open_account("bob")
deposit("ann", 5)
print(report(), deposit("bob", 7))
def pipeline(*funcs):
    def run(x):
        for f in funcs:
            x = f(x)
        return x
    return run
p = pipeline(lambda v: v + 1, lambda v: v * 10, str)
print(p(4), repr(p(0)))
