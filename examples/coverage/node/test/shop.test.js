import { test } from 'node:test'
import assert from 'node:assert/strict'
import { unitPrice, coupon } from '../src/pricing.js'
import { Cart } from '../src/cart.js'

test('small orders pay the base price', () => {
  assert.equal(unitPrice(10, 1), 10)
  assert.equal(unitPrice(10, 10), 9)
})

test('half coupon', () => {
  assert.equal(coupon(20, 'HALF'), 10)
})

test('cart total', () => {
  const c = new Cart()
  c.add('apple', 2)
  c.add('pear', 1)
  assert.equal(c.total(), 3)
})
