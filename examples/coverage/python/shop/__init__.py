"""A small shop: prices and stock, tested in part."""
