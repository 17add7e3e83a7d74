// A cart of items; only add and total are tested.
export class Cart {
  constructor() {
    this.items = new Map()
  }

  add(sku, count) {
    this.items.set(sku, (this.items.get(sku) ?? 0) + count)
  }

  remove(sku, count) {
    const have = this.items.get(sku) ?? 0
    if (count > have) {
      throw new Error(`only ${have} of ${sku}`)
    }
    this.items.set(sku, have - count)
  }

  total() {
    let n = 0
    for (const v of this.items.values()) n += v
    return n
  }
}
