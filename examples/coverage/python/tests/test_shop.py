import unittest

from shop.inventory import Inventory
from shop.pricing import unit_price, with_tax


class PricingTest(unittest.TestCase):
    def test_small_orders_pay_the_base_price(self):
        self.assertEqual(unit_price(10, 1), 10)

    def test_ten_or_more_get_ten_percent_off(self):
        self.assertEqual(unit_price(10, 10), 9)

    def test_tax(self):
        self.assertEqual(with_tax(100, "eu"), 120)


class InventoryTest(unittest.TestCase):
    def test_take(self):
        inv = Inventory()
        inv.add("apple", 3)
        self.assertEqual(inv.take("apple", 2), 1)


if __name__ == "__main__":
    unittest.main()
