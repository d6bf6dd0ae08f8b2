class PaymentError(Exception):
    pass
class CardDeclined(PaymentError):
    def __init__(self, amount):
        super().__init__(f"card declined for ${amount:.2f}")
def charge(amount):
    if amount > 100:
        raise CardDeclined(amount)
    return "ok"
print(charge(50))
print(charge(150))
