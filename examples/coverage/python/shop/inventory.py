"""Stock levels."""


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, sku, count):
        self.items[sku] = self.items.get(sku, 0) + count

    def take(self, sku, count):
        have = self.items.get(sku, 0)
        if count > have:
            raise ValueError("not enough stock")
        self.items[sku] = have - count
        return self.items[sku]

    def report(self):
        lines = []
        for sku in sorted(self.items):
            lines.append(f"{sku}: {self.items[sku]}")
        return "\n".join(lines)
