package cart

import "testing"

func TestAddTotal(t *testing.T) {
	c := New()
	c.Add("apple", 2)
	c.Add("pear", 1)
	if c.Total() != 3 {
		t.Fatalf("total %d", c.Total())
	}
}
