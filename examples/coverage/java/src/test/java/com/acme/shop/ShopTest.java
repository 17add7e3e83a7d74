package com.acme.shop;

/** The tests, as a plain main (no test framework to fetch): exits non-zero on a failure. */
public final class ShopTest {
    private ShopTest() {}

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("FAIL: " + what);
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        check(Pricing.unitPrice(10, 1) == 10, "base price");
        check(Pricing.unitPrice(10, 10) == 9, "ten percent off");
        check(Pricing.coupon(20, "HALF") == 10, "half coupon");
        Cart cart = new Cart();
        cart.add("apple", 2);
        cart.add("pear", 1);
        check(cart.total() == 3, "cart total");
        System.out.println("ShopTest: every check held");
    }
}
