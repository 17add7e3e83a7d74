package pricing

import "testing"

func TestUnitPrice(t *testing.T) {
	if p, _ := UnitPrice(10, 1); p != 10 {
		t.Fatalf("got %v", p)
	}
	if p, _ := UnitPrice(10, 10); p != 9 {
		t.Fatalf("got %v", p)
	}
}

func TestCouponHalf(t *testing.T) {
	if got := Coupon(20, "HALF"); got != 10 {
		t.Fatalf("got %v", got)
	}
}
