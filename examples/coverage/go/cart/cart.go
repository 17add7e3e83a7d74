// Package cart holds items; only Add and Total are tested.
package cart

import "fmt"

// Cart maps a SKU to a count.
type Cart struct{ items map[string]int }

// New makes an empty cart.
func New() *Cart { return &Cart{items: map[string]int{}} }

// Add puts count items of sku into the cart.
func (c *Cart) Add(sku string, count int) {
	c.items[sku] += count
}

// Remove takes count items of sku out of the cart.
func (c *Cart) Remove(sku string, count int) error {
	have := c.items[sku]
	if count > have {
		return fmt.Errorf("only %d of %s", have, sku)
	}
	c.items[sku] = have - count
	return nil
}

// Total counts every item.
func (c *Cart) Total() int {
	n := 0
	for _, v := range c.items {
		n += v
	}
	return n
}
