package com.acme.shop;

/** Prices with discounts; the tests leave the bulk and coupon paths out. */
public final class Pricing {
    private Pricing() {}

    public static double unitPrice(double base, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (quantity >= 100) {
            return base * 0.8;
        }
        if (quantity >= 10) {
            return base * 0.9;
        }
        return base;
    }

    public static double coupon(double amount, String code) {
        switch (code) {
            case "HALF":
                return amount / 2;
            case "TENOFF":
                return amount < 10 ? 0 : amount - 10;
            default:
                return amount;
        }
    }
}
