// Prices with discounts; the tests leave the bulk and coupon paths out.
export function unitPrice(base, quantity) {
  if (quantity <= 0) {
    throw new Error('quantity must be positive')
  }
  if (quantity >= 100) {
    return base * 0.8
  }
  if (quantity >= 10) {
    return base * 0.9
  }
  return base
}

export function coupon(amount, code) {
  switch (code) {
    case 'HALF':
      return amount / 2
    case 'TENOFF':
      return amount < 10 ? 0 : amount - 10
    default:
      return amount
  }
}
