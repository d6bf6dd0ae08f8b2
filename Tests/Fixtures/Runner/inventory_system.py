from dataclasses import dataclass, field
@dataclass
class Product:
    sku: str
    name: str
    price: float
    qty: int = 0
    def value(self):
        return self.price * self.qty
@dataclass
class Inventory:
    products: dict = field(default_factory=dict)
    def add(self, p):
        if p.sku in self.products:
            raise ValueError(f"duplicate sku {p.sku}")
        self.products[p.sku] = p
    def restock(self, sku, n):
        self.products[sku].qty += n
    def total(self):
        return sum(p.value() for p in self.products.values())
inv = Inventory()
inv.add(Product("A1", "widget", 2.5, 10))
inv.add(Product("B2", "gadget", 10.0))
inv.restock("B2", 3)
print(inv.products["B2"], f"{inv.total():.2f}")
print(sorted(inv.products.values(), key=lambda p: p.value(), reverse=True)[0].name)
try:
    inv.add(Product("A1", "dup", 1.0))
except ValueError as e:
    print("error:", e)
inv.restock("C3", 1)
