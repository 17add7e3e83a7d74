"""Prices with discounts and tax; the tests leave the bulk and coupon paths out."""


def unit_price(base, quantity):
    if quantity <= 0:
        raise ValueError("quantity must be positive")
    if quantity >= 100:
        return base * 0.8
    if quantity >= 10:
        return base * 0.9
    return base


def with_tax(amount, region):
    rates = {"eu": 0.2, "us": 0.07}
    rate = rates.get(region)
    if rate is None:
        raise KeyError(region)
    return round(amount * (1 + rate), 2)


def apply_coupon(amount, code):
    if code == "HALF":
        return amount / 2
    elif code == "TENOFF":
        return max(amount - 10, 0)
    return amount
