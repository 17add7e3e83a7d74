package com.acme.shop;

import java.util.HashMap;
import java.util.Map;

/** A cart of items; only add and total are tested. */
public final class Cart {
    private final Map<String, Integer> items = new HashMap<>();

    public void add(String sku, int count) {
        items.merge(sku, count, Integer::sum);
    }

    public void remove(String sku, int count) {
        int have = items.getOrDefault(sku, 0);
        if (count > have) {
            throw new IllegalStateException("only " + have + " of " + sku);
        }
        items.put(sku, have - count);
    }

    public int total() {
        int n = 0;
        for (int v : items.values()) {
            n += v;
        }
        return n;
    }
}
