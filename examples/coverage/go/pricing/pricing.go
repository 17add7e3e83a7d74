// Package pricing computes prices; its tests leave the bulk and coupon paths out.
package pricing

import "errors"

// UnitPrice is the price of one item when buying quantity of them.
func UnitPrice(base float64, quantity int) (float64, error) {
	if quantity <= 0 {
		return 0, errors.New("quantity must be positive")
	}
	if quantity >= 100 {
		return base * 0.8, nil
	}
	if quantity >= 10 {
		return base * 0.9, nil
	}
	return base, nil
}

// Coupon applies a coupon code.
func Coupon(amount float64, code string) float64 {
	switch code {
	case "HALF":
		return amount / 2
	case "TENOFF":
		if amount < 10 {
			return 0
		}
		return amount - 10
	}
	return amount
}
